import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { openDatabase } from '../../storage/index.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';

const PASSWORD = 'a long enough password';
const SETUP = ['setup', '--company', 'Acme Vision', '--stage', 'seed', '--raised', '4,000,000', '--headcount', '12', '--ai-team-size', '3', '--owner-name', 'Olivia Owner', '--owner-email', 'Olivia@Acme.example'];

function tempDb(): string[] {
  return ['--db', join(mkdtempSync(join(tmpdir(), 'closer-setup-')), 'c.db')];
}

async function run(args: string[], opts: Parameters<typeof captureIo>[0] = {}) {
  const io = captureIo(opts);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('closer setup', () => {
  for (const dialect of dialectsUnderTest()) {
    it(`creates the company and its owner, who can sign in; a second run changes nothing [${dialect.name}]`, async () => {
      const store = await dialect.createStore();
      const dbArgs = store.dialect === 'sqlite' ? ['--db', store.location] : ['--database-url', store.url];
      try {
        const first = await run([...SETUP, '--currency', 'eur', '--time-zone', 'Europe/Berlin', '--password-stdin', '--json', ...dbArgs], { stdin: `${PASSWORD}\n` });
        expect(first.err).toBe('');
        expect(first.code).toBe(0);
        expect(JSON.parse(first.out)).toMatchObject({
          company: { name: 'Acme Vision', stage: 'seed', currency: 'EUR', timeZone: 'Europe/Berlin' },
          owner: { email: 'olivia@acme.example', role: 'owner' },
        });

        const app = await buildApp({ db: store, config: { secureCookies: false } });
        const company = await store.db.selectFrom('companies').selectAll().executeTakeFirstOrThrow();
        expect(company).toMatchObject({ name: 'Acme Vision', stage: 'seed', headcount: 12 });
        expect(Number(company.raised_usd)).toBe(4_000_000);
        expect(Number(company.ai_team_size)).toBe(3);
        // The CLI signs nobody in: the session the setup service opens is closed again.
        expect(await store.db.selectFrom('sessions').select('user_id').execute()).toEqual([]);
        const audit = await store.db.selectFrom('audit_log').select('action').execute();
        expect(audit.map((a) => a.action).sort()).toEqual(['company.create', 'user.create']);
        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'olivia@acme.example', password: PASSWORD } });
        expect(login.statusCode).toBe(200);
        await app.close();

        const again = await run([...SETUP, '--company', 'Other Co', '--password-stdin', ...dbArgs], { stdin: PASSWORD });
        expect(again.code).toBe(2);
        expect(again.err).toContain('already set up; nothing was changed');
        expect(again.err).toContain('closer user create');
        expect((await store.db.selectFrom('companies').select('name').execute()).map((c) => c.name)).toEqual(['Acme Vision']);

        // The README's next step now works on this fresh install.
        const user = await run(['user', 'create', '--email', 'ana@acme.example', '--role', 'recruiter', '--password-stdin', ...dbArgs], { stdin: `${PASSWORD}\n` });
        expect(user.code).toBe(0);
        expect(user.out).toContain('Created ana@acme.example (recruiter)');

        // An owner who lost phone and recovery codes: the operator turns two-step sign-in off from the server.
        await store.db.updateTable('users').set({ totp_secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }).where('email', '=', 'olivia@acme.example').execute();
        const signInApp = await buildApp({ db: store, config: { secureCookies: false } });
        try {
          const asked = await signInApp.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'olivia@acme.example', password: PASSWORD } });
          expect(asked.json().code).toBe('MFA_CODE_REQUIRED');
          const reset = await run(['user', 'reset-mfa', '--email', 'olivia@acme.example', ...dbArgs]);
          expect(reset.code).toBe(0);
          expect(reset.out).toContain('Two-step sign-in of olivia@acme.example is off');
          expect((await signInApp.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'olivia@acme.example', password: PASSWORD } })).statusCode).toBe(200);
          expect((await run(['user', 'reset-mfa', '--email', 'nobody@acme.example', ...dbArgs])).code).toBe(2);
        } finally {
          await signInApp.close();
        }
      } finally {
        await store.close();
      }
    });
  }

  it.each([
    [['--stage', 'unicorn'], '--stage must be one of: preseed, seed, seed-tier1, series-a, series-b, series-c, growth'],
    [['--headcount', 'twelve'], '--headcount must be a whole number'],
    [['--raised', '4.5m'], '--raised must be a whole number'],
    [['--ai-team-size', '1.5'], '--ai-team-size must be a whole number'],
    [['--owner-email', 'not-an-email'], '--owner-email is not a valid e-mail address'],
    [['--currency', 'dollars'], '--currency is not valid'],
    [['--time-zone', 'Mars/Olympus'], '--time-zone is not valid: Unknown IANA time zone'],
    [['--headcount', '0'], '--headcount is not valid'],
    [['--company', ''], '--company is required'],
  ])('exits 2 on %j and leaves the database not set up', async (change, message) => {
    const db = tempDb();
    const args = [...SETUP];
    for (let i = 0; i < change.length; i += 2) {
      const at = args.indexOf(change[i]!);
      if (at < 0) args.push(change[i]!, change[i + 1]!);
      else args[at + 1] = change[i + 1]!;
    }
    const bad = await run([...args, '--password-stdin', ...db], { stdin: PASSWORD });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(message);
    expect((await run([...SETUP, '--password-stdin', ...db], { stdin: PASSWORD })).code).toBe(0);
  });

  it('exits 2 on a missing option, a short password, and no password with no terminal', async () => {
    const db = tempDb();
    const missing = await run(['setup', '--company', 'Acme', '--password-stdin', ...db], { stdin: PASSWORD });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--stage is required');
    const short = await run([...SETUP, '--password-stdin', ...db], { stdin: 'short\n' });
    expect(short.code).toBe(2);
    expect(short.err).toContain('The password needs at least 10 characters');
    const noTerminal = await run([...SETUP, ...db]);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.err).toContain('--password-stdin');
    const json = await run([...SETUP, '--json', ...db]);
    expect(JSON.parse(json.err)).toMatchObject({ error: { code: 'USAGE', field: 'password' } });
    const store = await openDatabase({ url: `sqlite:${db[1]}` });
    expect(await store.db.selectFrom('companies').select('id').execute()).toEqual([]);
    await store.close();
  });

  it('asks for the password twice at a terminal and refuses two different answers', async () => {
    const differ = await run([...SETUP, ...tempDb()], { prompts: [PASSWORD, `${PASSWORD}!`] });
    expect(differ.code).toBe(2);
    expect(differ.err).toContain('The two passwords differ');
    const db = tempDb();
    const ok = await run([...SETUP, ...db], { prompts: [PASSWORD, PASSWORD] });
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('Password for the owner');
    expect(ok.out).toContain('Set up Acme Vision (seed, pay in USD, UTC).');
    expect(ok.out).toContain('Owner: olivia@acme.example.');
  });
});
