import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import { withStatementCache } from './statement-cache.js';

export interface OpenDatabaseOptions {
  /** `sqlite:/path/to/file.db`, `sqlite::memory:` or `postgres://...` */
  url: string;
  /** Apply pending migrations after connecting (the server and tests do; `db migrate` does it explicitly). */
  migrate?: boolean;
  /** Benchmarks only: allow SQLite with synchronous=NORMAL. Never set by the product. */
  unsafeNoSync?: boolean;
  /** Size of the PostgreSQL pool. */
  poolSize?: number;
}

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, without secrets: a file path or host/database. */
  location: string;
  /** The URL it was opened with (may hold a password: never print it). */
  url: string;
  close(): Promise<void>;
  /** Online backup safe while the server runs: SQLite backup API, or pg_dump for PostgreSQL. */
  backup(file: string): Promise<void>;
  /** Raw SQLite handle when the dialect is sqlite (for pragmas and backup). */
  sqlite?: SqliteDatabase.Database;
}

/** The SQLite settings we refuse to run without (see ../shared/guides/reliability.md). */
const REQUIRED_SQLITE_PRAGMAS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, secure_delete: 1 } as const;

class StorageConfigError extends Error {
  override name = 'StorageConfigError';
}

/** Resolves the database URL from the CLI flags and environment: --database-url, DATABASE_URL, --db, CLOSER_DB, ./data/closer.db. */
export function resolveDatabaseUrl(opts: { db?: string; databaseUrl?: string; env?: NodeJS.ProcessEnv; cwd?: string }): string {
  const env = opts.env ?? process.env;
  const url = opts.databaseUrl ?? env.DATABASE_URL;
  if (url) return url;
  const file = opts.db ?? env.CLOSER_DB ?? 'data/closer.db';
  return `sqlite:${resolve(opts.cwd ?? process.cwd(), file)}`;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Store> {
  const store = options.url.startsWith('postgres://') || options.url.startsWith('postgresql://')
    ? await openPostgres(options)
    : openSqlite(options);
  try {
    if (store.dialect === 'sqlite' && !options.unsafeNoSync) verifySqlitePragmas(store.sqlite!);
    if (options.migrate ?? true) await migrateToLatest(store.db, store.dialect);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(options: OpenDatabaseOptions): Store {
  if (!options.url.startsWith('sqlite:')) throw new StorageConfigError(`Unsupported database URL: use sqlite:/path or postgres://...`);
  const file = options.url.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${options.unsafeNoSync ? 'NORMAL' : 'FULL'}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('secure_delete = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    url: options.url,
    sqlite: raw,
    async close() {
      await db.destroy();
    },
    async backup(target: string) {
      mkdirSync(dirname(resolve(target)), { recursive: true });
      await raw.backup(target);
    },
  };
}

/** Throws unless every connection setting the durability promise depends on is in force. */
export function verifySqlitePragmas(raw: SqliteDatabase.Database): void {
  const actual = {
    journal_mode: String(raw.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(raw.pragma('synchronous', { simple: true })),
    foreign_keys: Number(raw.pragma('foreign_keys', { simple: true })),
    secure_delete: Number(raw.pragma('secure_delete', { simple: true })),
  };
  for (const [name, want] of Object.entries(REQUIRED_SQLITE_PRAGMAS)) {
    const got = actual[name as keyof typeof actual];
    if (got !== want) throw new StorageConfigError(`SQLite pragma ${name} is ${got}, expected ${want}; refusing to start`);
  }
}

const INT8_OID = 20;

async function openPostgres(options: OpenDatabaseOptions): Promise<Store> {
  // Loaded only for PostgreSQL: an SQLite instance starts without it (docs/performance.md).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // int8 (money, counts) comes back as a number: our values stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that PostgreSQL drops (a restart, a crash, a network cut) is reported as an 'error' event on
  // the pool; unhandled, that event would end the whole server. The pool discards that connection and opens a new
  // one for the next query, so the server serves again once the database is back (`npm run soak`, T5).
  pool.on('error', (error) => console.error(`[closer] a PostgreSQL connection was lost: ${error.message}`));
  // The same for a connection in use between two queries (a transaction, a job's lock): the next query on it fails
  // and the pool drops it when it is given back.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  const parsed = new URL(options.url);
  return {
    db,
    dialect: 'postgres',
    url: options.url,
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    async close() {
      await db.destroy();
    },
    backup(target: string) {
      mkdirSync(dirname(resolve(target)), { recursive: true });
      return new Promise((ok, fail) => {
        const child = spawn('pg_dump', ['--format=custom', `--file=${target}`, options.url], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += String(d)));
        child.on('error', (e) => fail(new StorageConfigError(`pg_dump is needed for a PostgreSQL backup: ${e.message}`)));
        child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`pg_dump failed: ${stderr.trim()}`))));
      });
    },
  };
}

/** Cheap liveness check used by /healthz. */
export async function pingDatabase(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}

/** SQLSTATEs of a PostgreSQL that is shutting down, starting or unreachable (classes 08 and 57P). */
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03']);
/** Socket errors of a database connection that was refused, cut or timed out. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * True when an error says the database could not be reached (a restart, a crash, a network cut) rather than that
 * the request was wrong: the server answers 503 and the client may retry, since the write did not commit.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  return typeof message === 'string' && /^Connection terminated|timeout exceeded when trying to connect/.test(message);
}
