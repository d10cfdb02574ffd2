import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Migration as KyselyMigration } from 'kysely/migration';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { getRole, listRoleBands, migrateToLatest, MIGRATIONS, openDatabase, type DialectName, type Store } from '../index.js';

/** An empty database of the dialect (no migrations applied), and how to drop it afterwards. */
async function emptyStore(dialect: DialectName): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const store = await openDatabase({ url: `sqlite:${join(mkdtempSync(join(tmpdir(), 'closer-m010-')), 'm.db')}`, migrate: false });
    return { store, drop: () => store.close() };
  }
  const adminUrl = inject('pgUrl')!;
  const name = `closer_m010_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openDatabase({ url: url.toString(), migrate: false });
  return {
    store,
    drop: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
      await c.end();
    },
  };
}

for (const dialect of dialectsUnderTest().map((d) => d.name)) {
  describe(`migration 010-role-bands [${dialect}]`, () => {
    const drops: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const drop of drops) await drop();
    });

    it('moves a band stored on a role to the company stage of the time, without approval facts, and empties the old columns', async () => {
      const { store, drop } = await emptyStore(dialect);
      drops.push(drop);
      const migrator = new Migrator({
        db: store.db,
        provider: { getMigrations: async () => Object.fromEntries(MIGRATIONS.map((m): [string, KyselyMigration] => [m.name, { up: (db) => m.up(db, { dialect }) }])) },
        migrationTableName: 'closer_migrations',
        migrationLockTableName: 'closer_migrations_lock',
      });
      const before = await migrator.migrateTo('007-role-recruiter');
      expect(before.error).toBeUndefined();
      const at = '2026-06-01T10:00:00.000Z';
      await store.db
        .insertInto('companies')
        .values({ id: 'co', name: 'Old Co', stage: 'series-a', raised_usd: 12_000_000, headcount: 20, ai_team_size: 3, currency: 'USD', time_zone: 'UTC', settings: '{}', is_demo: 0, created_at: at, updated_at: at, version: 1 })
        .execute();
      const role = (id: string, band: boolean) => ({
        id,
        title: `Role ${id}`,
        specializations: '[]',
        seniority: 'senior',
        hiring_manager_id: null,
        process_plan: JSON.stringify({ stages: [{ id: 'screen', name: 'Screen', plannedDays: 1 }] }),
        clock_overrides: '{}',
        band_base_min: band ? 230_000 : null,
        band_base_max: band ? 270_000 : null,
        band_equity_pct_min: band ? 0.3 : null,
        band_equity_pct_max: band ? 0.6 : null,
        band_currency: band ? 'EUR' : null,
        pedigree_blind: 1,
        status: 'open',
        created_by: null,
        created_at: at,
        updated_at: at,
        version: 3,
      });
      await store.db.insertInto('roles').values([role('with-band', true), role('no-band', false)]).execute();

      await migrateToLatest(store.db, dialect);

      expect(await listRoleBands(store.db, 'with-band')).toEqual([
        { roleId: 'with-band', companyStage: 'series-a', baseMin: 230_000, baseMax: 270_000, equityPctMin: 0.3, equityPctMax: 0.6, currency: 'EUR', approvedBy: null, approvedOn: null, recordedBy: null, recordedAt: at },
      ]);
      expect(await listRoleBands(store.db, 'no-band')).toEqual([]);
      expect((await getRole(store.db, 'with-band'))!.band).toEqual({ baseMin: 230_000, baseMax: 270_000, equityPctMin: 0.3, equityPctMax: 0.6, currency: 'EUR' });
      expect((await getRole(store.db, 'with-band'))!.version).toBe(3);
      const old = await store.db.selectFrom('roles').select(['band_base_min', 'band_currency']).execute();
      expect(old.every((r) => r.band_base_min === null && r.band_currency === null)).toBe(true);
    });
  });
}
