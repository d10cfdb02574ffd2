import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';

describe('closer db backup, restore and ledger (SQLite files; both dialects are covered by services/backup.test.ts)', () => {
  it('backs up, restores into a new file with equal content hashes, refuses to overwrite without --replace, and writes the ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'closer-cli-restore-'));
    const db = join(dir, 'live.db');
    expect(await main(['db', 'migrate', '--db', db], captureIo())).toBe(0);
    const backup = captureIo();
    expect(await main(['db', 'backup', join(dir, 'b.db'), '--db', db, '--json'], backup)).toBe(0);
    expect(JSON.parse(backup.out())).toMatchObject({ dialect: 'sqlite', format: 'sqlite' });
    const restore = captureIo();
    expect(await main(['db', 'restore', join(dir, 'b.db'), '--db', join(dir, 'restored.db'), '--json'], restore)).toBe(0);
    expect(JSON.parse(restore.out())).toMatchObject({ matches: true, reErased: 0 });
    const again = captureIo();
    expect(await main(['db', 'restore', join(dir, 'b.db'), '--db', join(dir, 'restored.db')], again)).toBe(2);
    expect(again.err()).toContain('--replace');
    expect(await main(['db', 'restore', join(dir, 'b.db'), '--db', join(dir, 'restored.db'), '--replace', '--ledger', join(dir, 'nope.json')], captureIo())).toBe(1);
    expect(await main(['db', 'ledger', join(dir, 'ledger.json'), '--db', db], captureIo())).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'ledger.json'), 'utf8'))).toEqual({ format: 'closer-erasure-ledger', entries: [] });
    expect(await main(['db', 'restore', join(dir, 'b.db'), '--db', join(dir, 'restored.db'), '--replace', '--ledger', join(dir, 'ledger.json')], captureIo())).toBe(0);
  });
});
