// Set-up shared by the benchmarks that build a workspace of their own: one instant, one process, one id scheme and
// the roles.
import pg from 'pg';
import { insertRole, openDatabase, type Store } from '../src/storage/index.js';

/** The benchmarks' "now": their histories are laid out before it. */
export const BENCH_NOW = new Date('2026-11-02T15:00:00.000Z');
export const HOUR = 3_600_000;
/** The process every benchmark role follows. */
export const BENCH_STAGES = ['sourced', 'screen', 'technical', 'final', 'offer'] as const;

/** A sortable id: benchId('app', 7) is 'app-000007'. */
export function benchId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/** `count` open roles with the benchmark process, all managed by `owner`; resolves with their ids in order. */
export async function insertBenchRoles(db: Store['db'], count: number, owner: string): Promise<string[]> {
  const roleIds: string[] = [];
  for (let r = 0; r < count; r++) {
    const role = await insertRole(
      db,
      {
        id: benchId('role', r),
        title: `Role ${r + 1}`,
        specializations: ['ml-engineering'],
        seniority: 'senior',
        hiringManagerId: owner,
        processPlan: { stages: BENCH_STAGES.map((s) => ({ id: s, name: s, plannedDays: 2 })) },
        clockOverrides: {},
        band: null,
        pedigreeBlind: true,
        status: 'open',
        createdBy: owner,
      },
      BENCH_NOW,
    );
    roleIds.push(role.id);
  }
  return roleIds;
}

/** A new, empty database `name` on the PostgreSQL server of `adminUrl`, opened (and migrated); `drop` removes it. */
export async function freshBenchDatabase(adminUrl: string, name: string, poolSize?: number): Promise<{ store: Store; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openDatabase({ url: url.toString(), ...(poolSize ? { poolSize } : {}) });
  return {
    store,
    drop: async () => {
      await store.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
      await admin.end();
    },
  };
}
