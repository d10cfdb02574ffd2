import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialectsUnderTest } from '../test-support/dialects.js';
import { recordAudit, listAudit, openDatabase, verifySqlitePragmas, type Store } from './index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';

for (const dialect of dialectsUnderTest()) {
  describe(`storage [${dialect.name}]`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await dialect.createStore();
    });
    afterAll(async () => store.close());

    it('records audit entries with field names only', async () => {
      await recordAudit(store.db, { actorId: null, action: 'test.write', entity: 'thing', entityId: 't1', fields: ['b', 'a'], at: new Date('2026-01-01T00:00:00Z') });
      const rows = await listAudit(store.db, { limit: 10, entity: 'thing' });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'test.write', entityId: 't1', fields: ['a', 'b'], at: '2026-01-01T00:00:00.000Z' });
    });

    it('refuses UPDATE of audit rows at the database', async () => {
      await expect(sql`update audit_log set action = 'tampered'`.execute(store.db)).rejects.toThrow(/append-only/);
      const rows = await listAudit(store.db, { limit: 10 });
      expect(rows.every((r) => r.action !== 'tampered')).toBe(true);
    });

    it('refuses DELETE of audit rows at the database', async () => {
      await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
      expect((await listAudit(store.db, { limit: 10 })).length).toBeGreaterThan(0);
    });

    it('round-trips large money values as numbers', async () => {
      await store.db
        .insertInto('companies')
        .values({ id: 'c-big', name: 'Big', stage: 'seed', raised_usd: 9_000_000_000, headcount: 1, ai_team_size: 0, currency: 'USD', time_zone: 'UTC', settings: '{}', is_demo: 0, created_at: 'x', updated_at: 'x', version: 1 })
        .execute();
      const row = await store.db.selectFrom('companies').select('raised_usd').where('id', '=', 'c-big').executeTakeFirstOrThrow();
      expect(row.raised_usd).toBe(9_000_000_000);
    });
  });
}

describe('SQLite durability settings', () => {
  it('opens with WAL, synchronous=FULL, foreign_keys and secure_delete on', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'closer-pragmas-')), 'p.db');
    const store = await openDatabase({ url: `sqlite:${file}` });
    expect(() => verifySqlitePragmas(store.sqlite!)).not.toThrow();
    expect(store.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
  });

  it('refuses to run on a connection with synchronous=NORMAL', () => {
    const raw = new SqliteDatabase(join(mkdtempSync(join(tmpdir(), 'closer-unsafe-')), 'u.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('secure_delete = ON');
    raw.pragma('synchronous = NORMAL');
    expect(() => verifySqlitePragmas(raw)).toThrow(/synchronous/);
    raw.close();
  });

  it('makes an online backup that opens with the same data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'closer-backup-'));
    const store = await openDatabase({ url: `sqlite:${join(dir, 'a.db')}` });
    await recordAudit(store.db, { actorId: null, action: 'x', entity: 'e', entityId: '1', fields: [], at: new Date() });
    await store.backup(join(dir, 'b.db'));
    await store.close();
    const copy = await openDatabase({ url: `sqlite:${join(dir, 'b.db')}`, migrate: false });
    expect(await listAudit(copy.db, { limit: 5 })).toHaveLength(1);
    await copy.close();
  });
});
