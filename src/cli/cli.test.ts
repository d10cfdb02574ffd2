import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from '../test-support/cli-io.js';
import { dialectsUnderTest } from '../test-support/dialects.js';
import { createHarness } from '../test-support/app-harness.js';

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'closer-cli-')), 'c.db');
}

describe('closer (CLI)', () => {
  it('prints help and exits 2 with no command', async () => {
    const io = captureIo();
    expect(await main([], io)).toBe(2);
    expect(io.out()).toContain('closer db migrate');
  });

  it('exits 2 on an unknown command and on an unknown option', async () => {
    expect(await main(['frobnicate'], captureIo())).toBe(2);
    const io = captureIo();
    expect(await main(['db', 'migrate', '--nope'], io)).toBe(2);
    expect(io.err()).toContain("Unknown option '--nope'");
  });

  it('db migrate creates and migrates a SQLite database and reports JSON with --json', async () => {
    const db = tempDb();
    const io = captureIo();
    expect(await main(['db', 'migrate', '--db', db, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out()).applied).toContain('001-foundation');
    const again = captureIo();
    expect(await main(['db', 'migrate', '--db', db, '--json'], again)).toBe(0);
    expect(JSON.parse(again.out()).applied).toEqual([]);
  });

  it('db backup writes a file and exits 2 without a file name', async () => {
    const db = tempDb();
    await main(['db', 'migrate', '--db', db], captureIo());
    const target = join(mkdtempSync(join(tmpdir(), 'closer-bk-')), 'backup.db');
    expect(await main(['db', 'backup', target, '--db', db], captureIo())).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(await main(['db', 'backup', '--db', db], captureIo())).toBe(2);
  });

  it('user create validates the role (exit 2) and needs a set-up workspace', async () => {
    const db = tempDb();
    const bad = captureIo();
    expect(await main(['user', 'create', '--email', 'a@b.example', '--role', 'king', '--db', db], bad)).toBe(2);
    expect(bad.err()).toContain('--role must be one of');
    const notSetUp = captureIo();
    expect(await main(['user', 'create', '--email', 'a@b.example', '--role', 'recruiter', '--db', db], notSetUp)).toBe(2);
    expect(notSetUp.err()).toContain('Set up the workspace first');
  });

  for (const dialect of dialectsUnderTest()) {
    it(`user create with --password-stdin and token create work against a set-up workspace [${dialect.name}]`, async () => {
      const store = await dialect.createStore();
      const h = await createHarness(store);
      // The harness's database, reached by the CLI through its URL as a user would.
      const dbArgs = store.dialect === 'sqlite' ? ['--db', store.location] : ['--database-url', store.url];
      const io = captureIo({ stdin: 'a very long password\n' });
      expect(await main(['user', 'create', '--email', 'Ana@Test.example', '--role', 'recruiter', '--password-stdin', '--json', ...dbArgs], io)).toBe(0);
      expect(JSON.parse(io.out()).user).toMatchObject({ email: 'ana@test.example', role: 'recruiter' });
      const login = await h.call('POST', '/api/v1/auth/login', { body: { email: 'ana@test.example', password: 'a very long password' } });
      expect(login.statusCode).toBe(200);
      const tok = captureIo();
      expect(await main(['token', 'create', '--user', 'ana@test.example', '--json', ...dbArgs], tok)).toBe(0);
      const secret = JSON.parse(tok.out()).secret as string;
      expect((await h.call('GET', '/api/v1/company', { token: secret })).statusCode).toBe(200);
      const dup = captureIo();
      expect(await main(['user', 'create', '--email', 'ana@test.example', '--role', 'recruiter', ...dbArgs], dup)).toBe(2);
      await h.close();
    });
  }
});
