// `npm run soak [-- --rounds 20 --seconds 60 --dialects sqlite,postgres]`: the long runs of the reliability plan
// (../shared/guides/reliability-tests.md) that do not fit in `npm test`, against the real server in a child process:
//   T1  load held: 50 connections for --seconds on an authenticated list route, with 20 % writes (Idempotency-Key)
//   T3  kill -9 during a write storm, --rounds rounds: 0 acknowledged writes lost, retries give no duplicate,
//       integrity ok
//   T5  PostgreSQL killed (immediate shutdown) mid-storm and restarted: the server recovers, 0 acknowledged lost
//   T12 online backup (`closer db backup`) during a write storm: 0 request errors, the backup is whole, and
//       `closer db restore` into an empty database gives every table the backup's content hash
// Prints a table of every figure against its bar and writes bench/results/soak.json; exits 1 when a bar fails.
// Traffic goes to 127.0.0.1 only; every run is bounded in time and count.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/test-support/embedded-postgres.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const ROUNDS = Number(flag('rounds', '20'));
const SECONDS = Number(flag('seconds', '60'));
const CONNECTIONS = Number(flag('connections', '50'));
const DIALECTS = flag('dialects', 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>;
const WRITERS = 20;
const CANDIDATES = Number(flag('candidates', '5000'));

/* ------------------------------------------------------------------ table */

interface Row {
  test: string;
  dialect: string;
  figure: string;
  value: number | string;
  bar: string;
  /** null: reported, not gated; 'not run' rows carry the reason in value. */
  pass: boolean | null;
}
const rows: Row[] = [];
function record(test: string, dialect: string, figure: string, value: number | string, bar: string, pass: boolean | null): void {
  rows.push({ test, dialect, figure, value, bar, pass });
  console.log(`  ${test} [${dialect}] ${figure}: ${value}${bar ? ` (bar ${bar}) ${pass === null ? '' : pass ? 'ok' : 'FAIL'}` : ''}`);
}
const atMost = (test: string, d: string, figure: string, value: number, max: number) => record(test, d, figure, value, `<= ${max}`, value <= max);
const atLeast = (test: string, d: string, figure: string, value: number, min: number) => record(test, d, figure, value, `>= ${min}`, value >= min);
const info = (test: string, d: string, figure: string, value: number | string) => record(test, d, figure, value, '', null);

/* ------------------------------------------------------------- PostgreSQL */

/**
 * PostgreSQL for the crash test: durable (fsync on) so that what it acknowledged must survive, and crashed with an
 * immediate shutdown, then started again on the same data directory.
 */
const startDurablePostgres = () => startEmbeddedPostgres({ dirPrefix: 'closer-soak-pg', durable: true, flags: ['-c', 'max_connections=200'] });
type Postgres = Awaited<ReturnType<typeof startDurablePostgres>>;

async function createPgDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/* ---------------------------------------------------------------- servers */

interface Server {
  url: string;
  child: ChildProcess;
  stderr: () => string;
}

async function startServer(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'server.ts'), databaseUrl], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the server exited with ${code} before listening: ${stderr}`)));
    lines.once('line', ok);
  });
  child.stdout!.resume();
  return { url: url.trim().replace('localhost', '127.0.0.1'), child, stderr: () => stderr };
}

async function kill(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((ok) => server.child.once('exit', ok));
  server.child.kill(signal);
  await exited;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/* ------------------------------------------------------------- workspace */

/** Sets up the workspace through the API and returns an owner API token. */
async function setUp(server: Server): Promise<string> {
  const setup = await fetch(`${server.url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ company: { name: 'Soak Labs', stage: 'seed', raisedUsd: 4_000_000, headcount: 12, aiTeamSize: 3 }, owner: { name: 'Soak Owner', email: 'owner@soak.example', password: 'correct horse battery' } }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const tok = await fetch(`${server.url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'soak' }) });
  if (tok.status !== 201) throw new Error(`token: ${tok.status} ${await tok.text()}`);
  return ((await tok.json()) as { secret: string }).secret;
}

/** 5k candidates (by default) in one role's worth of applications and more, loaded through the storage layer. */
async function seed(databaseUrl: string): Promise<string> {
  process.env.BENCH_EVENTS_PER_APP ??= '3';
  const { openDatabase, listUsers } = await import('../../src/storage/index.js');
  const { insertBenchRoles } = await import('../fixtures.js');
  const listRoute = await import('../list-route.js');
  const store = await openDatabase({ url: databaseUrl, migrate: false });
  try {
    const owner = (await listUsers(store.db))[0]!.id;
    const roleIds = await insertBenchRoles(store.db, 10, owner);
    await listRoute.seed(store, 0, CANDIDATES, roleIds, owner);
    return roleIds[0]!;
  } finally {
    await store.close();
  }
}

/* ---------------------------------------------------------------- writers */

interface Write {
  key: string;
  body: string;
  email: string;
}

/** What every writer shares: acknowledged writes (key -> candidate id) and writes sent but not acknowledged. */
interface Ledger {
  acked: Map<string, string>;
  pending: Map<string, Write>;
  statuses: Map<number, number>;
  connectionErrors: number;
}
const newLedger = (): Ledger => ({ acked: new Map(), pending: new Map(), statuses: new Map(), connectionErrors: 0 });

let writeCounter = 0;
function newWrite(tag: string): Write {
  writeCounter += 1;
  const email = `${tag}-${writeCounter}-${randomUUID().slice(0, 8)}@soak.example`;
  return { key: randomUUID(), email, body: JSON.stringify({ name: `Soak ${tag} ${writeCounter}`, email, source: 'outbound', allowDuplicate: true }) };
}

/** Sends one write; true when acknowledged (2xx with an id). A write without an answer stays pending. */
async function send(server: Server, token: string, w: Write, ledger: Ledger): Promise<boolean> {
  ledger.pending.set(w.key, w);
  let res: Response;
  try {
    res = await fetch(`${server.url}/api/v1/candidates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': w.key },
      body: w.body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    ledger.connectionErrors += 1;
    return false;
  }
  ledger.statuses.set(res.status, (ledger.statuses.get(res.status) ?? 0) + 1);
  const text = await res.text();
  if (res.status >= 200 && res.status < 300) {
    ledger.acked.set(w.key, (JSON.parse(text) as { id: string }).id);
    ledger.pending.delete(w.key);
    return true;
  }
  return false;
}

/** `n` writers sending new writes until `stop()`; a writer whose write failed retries it (same key) first. */
function storm(server: () => Server, token: string, ledger: Ledger, tag: string, n = WRITERS) {
  let stopped = false;
  const writers = Array.from({ length: n }, async () => {
    let w = newWrite(tag);
    while (!stopped) {
      if (await send(server(), token, w, ledger)) w = newWrite(tag);
      else await new Promise((r) => setTimeout(r, 20));
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(writers);
    },
  };
}

/** Retries every pending write with its own key until it is acknowledged; returns the statuses seen. */
async function settle(server: Server, token: string, ledger: Ledger): Promise<void> {
  for (const w of [...ledger.pending.values()]) {
    for (let attempt = 0; attempt < 20 && ledger.pending.has(w.key); attempt++) {
      if (!(await send(server, token, w, ledger))) await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/* ----------------------------------------------------------------- checks */

interface Db {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}
async function connect(databaseUrl: string): Promise<Db> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new SqliteDatabase(databaseUrl.slice(7), { readonly: true });
    return {
      query: async <T>(text: string, params: unknown[] = []) => db.prepare(text.replace(/\$\d+/g, '?')).all(...params) as T[],
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return { query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[], close: () => client.end() };
}

/** Acknowledged ids missing, rows per e-mail above one, and candidates created without their audit entry. */
async function audit(databaseUrl: string, ledger: Ledger, tag: string) {
  const db = await connect(databaseUrl);
  try {
    const present = new Set((await db.query<{ id: string }>(`select id from candidates where email like $1`, [`${tag}-%`])).map((r) => r.id));
    const lost = [...ledger.acked.values()].filter((id) => !present.has(id)).length;
    const [dup] = await db.query<{ n: number }>(`select count(*) as n from (select email from candidates where email like $1 group by email having count(*) > 1) d`, [`${tag}-%`]);
    const [unaudited] = await db.query<{ n: number }>(
      `select count(*) as n from candidates c where c.email like $1 and not exists (select 1 from audit_log a where a.entity_id = c.id and a.action = 'candidate.create')`,
      [`${tag}-%`],
    );
    return { rows: present.size, lost, duplicates: Number(dup?.n ?? 0), unaudited: Number(unaudited?.n ?? 0) };
  } finally {
    await db.close();
  }
}

function sqliteIntegrity(file: string): { integrity: string; foreignKeyProblems: number } {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return { integrity: String(db.pragma('integrity_check', { simple: true })), foreignKeyProblems: (db.pragma('foreign_key_check') as unknown[]).length };
  } finally {
    db.close();
  }
}

/* ------------------------------------------------------------------ tests */

async function loadTest(dialect: string, databaseUrl: string, token: string, roleId: string): Promise<void> {
  const T = 'T1 load';
  const server = await startServer(databaseUrl);
  try {
    const acked: string[] = [];
    let serverErrors = 0;
    const writeBody = () => {
      const w = newWrite(`load-${dialect}`);
      return { body: w.body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': w.key } };
    };
    const run = (seconds: number) => {
      const read = { method: 'GET' as const, path: `/api/v1/applications?roleId=${roleId}` };
      const inst = autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { authorization: `Bearer ${token}` },
        requests: [
          read,
          { method: 'GET', path: '/api/v1/candidates?limit=50' },
          read,
          { method: 'GET', path: '/api/v1/roles' },
          {
            method: 'POST',
            path: '/api/v1/candidates',
            setupRequest: (req: Record<string, unknown>) => ({ ...req, ...writeBody() }),
            onResponse: (status: number, body: string) => {
              if (status === 201) acked.push((JSON.parse(body) as { id: string }).id);
            },
          },
        ],
      } as autocannon.Options) as unknown as Promise<autocannon.Result> & import('node:events').EventEmitter;
      inst.on('response', (_c: unknown, status: number) => {
        if (status >= 500) serverErrors += 1;
      });
      return inst;
    };
    await run(5); // warm-up: JIT, statement caches, page cache
    const rssBefore = rssMb(server.child.pid!);
    const r = await run(SECONDS);
    const rssAfter = rssMb(server.child.pid!);
    // Requests still in flight when autocannon stopped may commit after it: give them a moment.
    await new Promise((ok) => setTimeout(ok, 500));
    const db = await connect(databaseUrl);
    const present = new Set((await db.query<{ id: string }>(`select id from candidates where email like $1`, [`load-${dialect}-%`])).map((x) => x.id));
    await db.close();
    const lost = acked.filter((id) => !present.has(id)).length;
    atLeast(T, dialect, 'requests/s', Math.round(r.requests.average), 300);
    info(T, dialect, 'latency p50 ms', r.latency.p50);
    atMost(T, dialect, 'latency p99 ms', r.latency.p99, 250);
    info(T, dialect, 'latency max ms', r.latency.max);
    atMost(T, dialect, 'errors', r.errors, 0);
    atMost(T, dialect, 'timeouts', r.timeouts, 0);
    atMost(T, dialect, 'non-2xx', r.non2xx, 0);
    atMost(T, dialect, '5xx (both runs)', serverErrors, 0);
    info(T, dialect, 'writes acknowledged', acked.length);
    atMost(T, dialect, 'acknowledged writes lost', lost, 0);
    atMost(T, dialect, 'rows - acknowledged (both runs)', present.size - acked.length, CONNECTIONS);
    info(T, dialect, 'RSS MB after warm-up -> end', `${rssBefore} -> ${rssAfter}`);
    atMost(T, dialect, 'RSS growth %', Math.round(((rssAfter - rssBefore) / rssBefore) * 100), 20);
  } finally {
    await kill(server, 'SIGTERM');
  }
}

async function killRounds(dialect: string, databaseUrl: string, token: string): Promise<void> {
  const T = 'T3 kill -9';
  const tag = `kill-${dialect}`;
  const ledger = newLedger();
  let committedUnacked = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const server = await startServer(databaseUrl);
    // Writes the last kill left without an answer: retried with the same key, each must end up stored once.
    if (ledger.pending.size > 0) {
      const before = (await audit(databaseUrl, ledger, tag)).rows;
      const waiting = ledger.pending.size;
      await settle(server, token, ledger);
      const after = (await audit(databaseUrl, ledger, tag)).rows;
      committedUnacked += waiting - (after - before);
    }
    const s = storm(() => server, token, ledger, tag);
    await new Promise((ok) => setTimeout(ok, 300 + Math.random() * 700));
    await kill(server, 'SIGKILL');
    await s.stop();
  }
  const server = await startServer(databaseUrl);
  const waiting = ledger.pending.size;
  const before = (await audit(databaseUrl, ledger, tag)).rows;
  await settle(server, token, ledger);
  committedUnacked += waiting - ((await audit(databaseUrl, ledger, tag)).rows - before);
  await kill(server, 'SIGTERM');
  const a = await audit(databaseUrl, ledger, tag);
  info(T, dialect, 'rounds', ROUNDS);
  info(T, dialect, 'writes acknowledged', ledger.acked.size);
  atMost(T, dialect, 'acknowledged writes lost', a.lost, 0);
  info(T, dialect, 'committed but unacknowledged (retry answered from the key)', committedUnacked);
  atMost(T, dialect, 'writes still unacknowledged after retries', ledger.pending.size, 0);
  atMost(T, dialect, 'duplicates after retries', a.duplicates, 0);
  atMost(T, dialect, 'candidates without their audit entry', a.unaudited, 0);
  info(T, dialect, 'answers other than 201', JSON.stringify(Object.fromEntries([...ledger.statuses].filter(([c]) => c !== 201))));
  if (dialect === 'sqlite') {
    const i = sqliteIntegrity(databaseUrl.slice(7));
    record(T, dialect, 'integrity_check', i.integrity, 'ok', i.integrity === 'ok');
    atMost(T, dialect, 'foreign_key_check problems', i.foreignKeyProblems, 0);
  }
}

async function postgresCrash(pgServer: Postgres, databaseUrl: string, token: string): Promise<void> {
  const T = 'T5 PostgreSQL crash';
  const tag = 'pgcrash';
  const ledger = newLedger();
  const server = await startServer(databaseUrl);
  try {
    const s = storm(() => server, token, ledger, tag);
    await new Promise((ok) => setTimeout(ok, 1500));
    const ackedBeforeCrash = ledger.acked.size;
    await pgServer.crash();
    await new Promise((ok) => setTimeout(ok, 1000));
    await pgServer.restart();
    const restartedAt = Date.now();
    const ackedAtRestart = ledger.acked.size;
    let recoveredMs = -1;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && server.child.exitCode === null && server.child.signalCode === null) {
      if (ledger.acked.size > ackedAtRestart) {
        recoveredMs = Date.now() - restartedAt;
        break;
      }
      await new Promise((ok) => setTimeout(ok, 20));
    }
    await new Promise((ok) => setTimeout(ok, 2000));
    await s.stop();
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    record(T, 'postgres', 'server process still running', alive ? 'yes' : 'no (exited)', 'yes', alive);
    if (!alive) console.log(`  the server's last words: ${server.stderr().slice(-1500)}`);
    record(T, 'postgres', 'first acknowledged write after the restart, ms', recoveredMs, '>= 0 (within 30 s)', recoveredMs >= 0);
    if (alive) await settle(server, token, ledger);
    info(T, 'postgres', 'writes acknowledged before the crash / in all', `${ackedBeforeCrash} / ${ledger.acked.size}`);
    info(T, 'postgres', 'answers other than 201 (during the outage)', JSON.stringify(Object.fromEntries([...ledger.statuses].filter(([c]) => c !== 201))));
    const a = await audit(databaseUrl, ledger, tag);
    atMost(T, 'postgres', 'acknowledged writes lost', a.lost, 0);
    atMost(T, 'postgres', 'duplicates after retries', a.duplicates, 0);
    atMost(T, 'postgres', 'candidates without their audit entry', a.unaudited, 0);
  } finally {
    await kill(server, 'SIGTERM');
  }
}

/** Runs the `closer` command to its end; its exit code and everything it printed. */
function closer(args: readonly string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [join(root, 'bin/closer.mjs'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('exit', (code) => ok({ code, out }));
  });
}

/** `restoreUrl`: an empty database to restore the backup into (PostgreSQL: one made beside the soak's). */
async function backupUnderLoad(dialect: string, databaseUrl: string, token: string, restoreUrl: string): Promise<void> {
  const T = 'T12 backup under load';
  const tag = `backup-${dialect}`;
  const ledger = newLedger();
  const server = await startServer(databaseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'closer-soak-backup-'));
  const file = join(dir, dialect === 'sqlite' ? 'backup.db' : 'backup.dump');
  try {
    const s = storm(() => server, token, ledger, tag);
    await new Promise((ok) => setTimeout(ok, 1000));
    const ackedBefore = new Set(ledger.acked.values());
    const t0 = Date.now();
    const dbFlag = dialect === 'sqlite' ? ['--db', databaseUrl.slice(7)] : ['--database-url', databaseUrl];
    const cli = await closer(['db', 'backup', file, ...dbFlag]);
    const ms = Date.now() - t0;
    await new Promise((ok) => setTimeout(ok, 500));
    await s.stop();
    record(T, dialect, '`closer db backup` exit code', cli.code ?? -1, '0', cli.code === 0);
    if (cli.code !== 0) console.log(cli.out);
    info(T, dialect, 'backup time ms (command, under load)', ms);
    const failures = [...ledger.statuses].filter(([c]) => c < 200 || c >= 300).reduce((n, [, k]) => n + k, 0) + ledger.connectionErrors;
    atMost(T, dialect, 'request errors during the backup', failures, 0);
    info(T, dialect, 'writes acknowledged during the run', ledger.acked.size);
    if (dialect === 'sqlite' && cli.code === 0) {
      const i = sqliteIntegrity(file);
      record(T, dialect, 'backup integrity_check', i.integrity, 'ok', i.integrity === 'ok');
      const copy = new SqliteDatabase(file, { readonly: true });
      const inBackup = new Set((copy.prepare('select id from candidates where email like ?').all(`${tag}-%`) as Array<{ id: string }>).map((r) => r.id));
      copy.close();
      atMost(T, dialect, 'writes acknowledged before the backup began, missing from it', [...ackedBefore].filter((id) => !inBackup.has(id)).length, 0);
    }
    if (cli.code === 0) {
      // Restored into an empty database, every table's content hash must equal the backup's snapshot.
      const target = dialect === 'sqlite' ? ['--db', restoreUrl.slice(7)] : ['--database-url', restoreUrl];
      const restored = await closer(['db', 'restore', file, ...target, '--json']);
      record(T, dialect, '`closer db restore` exit code (1 = a content hash differs)', restored.code ?? -1, '0', restored.code === 0);
      if (restored.code !== 0) console.log(restored.out);
    }
  } finally {
    await kill(server, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/* ------------------------------------------------------------------- main */

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'closer-soak-'));
let pgServer: Postgres | undefined;
try {
  for (const dialect of DIALECTS) {
    console.log(`== soak on ${dialect} ==`);
    let databaseUrl: string;
    if (dialect === 'sqlite') databaseUrl = `sqlite:${join(work, 'soak.db')}`;
    else {
      pgServer ??= await startDurablePostgres();
      databaseUrl = await createPgDatabase(pgServer.adminUrl, 'closer_soak');
    }
    const first = await startServer(databaseUrl); // migrates
    const token = await setUp(first);
    await kill(first, 'SIGTERM');
    const roleId = await seed(databaseUrl);
    await loadTest(dialect, databaseUrl, token, roleId);
    await killRounds(dialect, databaseUrl, token);
    const restoreUrl = dialect === 'sqlite' ? `sqlite:${join(work, 'restored.db')}` : await createPgDatabase(pgServer!.adminUrl, 'closer_soak_restored');
    await backupUnderLoad(dialect, databaseUrl, token, restoreUrl);
    if (dialect === 'postgres') await postgresCrash(pgServer!, databaseUrl, token);
  }
} finally {
  await pgServer?.stop();
  if (!process.env.SOAK_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

const failed = rows.filter((r) => r.pass === false);
console.log('\n| test | dialect | figure | value | bar | result |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.test} | ${r.dialect} | ${r.figure} | ${r.value} | ${r.bar} | ${r.pass === null ? (String(r.value).startsWith('not run') ? 'not run' : '') : r.pass ? 'ok' : 'FAIL'} |`);
console.log(`\n${failed.length === 0 ? 'Every bar held.' : `${failed.length} bar(s) failed.`} (${Math.round((Date.now() - started) / 1000)} s)`);
const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const out = join(resultsDir, 'soak.json');
writeFileSync(
  out,
  `${JSON.stringify({ benchmark: 'soak', at: new Date().toISOString(), machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length }, options: { rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, writers: WRITERS, candidates: CANDIDATES, dialects: DIALECTS }, passed: failed.length === 0, rows }, null, 2)}\n`,
);
console.log(`wrote ${out}`);
process.exit(failed.length === 0 ? 0 : 1);
