// The authenticated list route next to the stack's limit, in one run: `GET /api/v1/applications?roleId=` (60 rows)
// served by Closer (bench/list-route-closer.ts: the production server) and by a bare Fastify + better-sqlite3
// route doing the same token lookup and query on the same database file (bench/list-route-bare.mjs). Each
// server runs in its own process; autocannon (this process) loads one at a time, in alternating rounds (the
// order flips every round) so that drift in the machine's load hits both alike. Reported: requests/s of each,
// per round and as medians, and the ratio Closer / bare. At 1,000 and 10,000 active applications; PostgreSQL
// (Closer only; the bare route stays on SQLite) when BENCH_DIALECTS includes postgres. Sizes: BENCH_STEPS (active
// applications, e.g. 10000) and BENCH_EVENTS_PER_APP (10 at 10,000 applications = 100,000 events).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { startEmbeddedPostgres } from '../src/test-support/embedded-postgres.js';
import {
  inTransaction,
  insertApplications,
  insertCandidates,
  insertEvents,
  listUsers,
  openDatabase,
  type ApplicationInsert,
  type CandidateInsert,
  type EventInsert,
  type Store,
} from '../src/storage/index.js';
import { BENCH_NOW as NOW, BENCH_STAGES as STAGES, benchCandidate, benchId as id, freshBenchDatabase, HOUR, insertBenchRoles, benchOwnerToken } from './fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const STEPS = (process.env.BENCH_STEPS ?? '1000,10000').split(',').map(Number);
const EVENTS_PER_APPLICATION = Number(process.env.BENCH_EVENTS_PER_APP ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROLES = 10;
/** Applications of the role the route lists: the 60 rows. */
const LISTED = 60;

/** Set-up workspace, ten roles, and an owner API token made the way a client makes one. */
export async function workspace(store: Store): Promise<{ token: string; roleIds: string[]; owner: string }> {
  const app = await buildApp({ db: store, clock: () => NOW, config: { secureCookies: false } });
  const token = await benchOwnerToken(app);
  await app.close();
  const owner = (await listUsers(store.db))[0]!.id;
  const roleIds = await insertBenchRoles(store.db, ROLES, owner);
  return { token, roleIds, owner };
}

/**
 * Applications [from, to) with candidates and EVENTS_PER_APPLICATION simple events each. The first LISTED go to
 * the listed role; the rest spread over the other nine, so the listed role keeps 60 rows at every size.
 */
export async function seed(store: Store, from: number, to: number, roleIds: string[], owner: string): Promise<number> {
  const perTx = Math.max(1, Math.floor(50_000 / Math.max(1, EVENTS_PER_APPLICATION)));
  let events = 0;
  for (let start = from; start < to; start += perTx) {
    const end = Math.min(to, start + perTx);
    const candidates: CandidateInsert[] = [];
    const apps: ApplicationInsert[] = [];
    const batch: EventInsert[] = [];
    for (let n = start; n < end; n++) {
      candidates.push(benchCandidate(n, 'outbound', owner));
      const roleId = n < LISTED ? roleIds[0]! : roleIds[1 + (n % (ROLES - 1))]!;
      apps.push({ id: id('app', n), candidateId: id('cand', n), roleId, stage: STAGES[n % STAGES.length]!, status: 'active', lossReason: null, labels: n % 4 === 0 ? ['referral', 'priority'] : [], closedAt: null, createdBy: owner });
      const startMs = NOW.getTime() - (3 + (n % 35)) * 24 * HOUR;
      for (let i = 0; i < EVENTS_PER_APPLICATION; i++) {
        const at = new Date(startMs + i * HOUR).toISOString();
        const [type, data] =
          i === 0 ? ['outreach.sent', { channel: 'email' }] : i % 3 === 1 ? ['candidate.replied', { latencyHours: 5, length: 400, asksQuestion: i % 2 === 0 }] : i % 3 === 2 ? ['team.replied', {}] : ['note', { text: `Call notes ${i}: discussed infrastructure, compute budget and the team.` }];
        batch.push({ id: `${id('app', n)}-e${i}`, applicationId: id('app', n), seq: i + 1, type, occurredAt: at, recordedAt: at, actorId: null, data });
      }
    }
    await inTransaction(store.db, async (tx) => {
      await insertCandidates(tx, candidates, NOW);
      await insertApplications(tx, apps, NOW);
      await insertEvents(tx, batch, 1_000);
    });
    events += batch.length;
  }
  return events;
}

interface Server {
  url: string;
  child: ChildProcess;
}

/** Starts a server process and waits for the URL it prints on its first line. */
async function startServer(args: string[]): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${code} before listening`)));
    lines.once('line', ok);
  });
  return { url: url.trim(), child };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((ok) => server.child.once('exit', ok));
  server.child.kill('SIGTERM');
  await exited;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU milliseconds (user + system, every thread) a process has used so far, from /proc. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function load(server: Server, path: string, token: string, seconds: number) {
  const url = `${server.url}${path}`;
  const cpu0 = cpuMs(server.child.pid!);
  let bad = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { authorization: `Bearer ${token}` } }) as unknown as Promise<autocannon.Result> &
    import('node:events').EventEmitter;
  instance.on('response', (_client: unknown, statusCode: number) => {
    if (statusCode !== 200) bad += 1;
  });
  const r = await instance;
  const cpu = cpuMs(server.child.pid!) - cpu0;
  if (bad > 0 || r.errors > 0) throw new Error(`${url}: ${bad} responses other than 200 and ${r.errors} errors`);
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, cpuUsPerRequest: Math.round((cpu * 1000) / r.requests.total) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Alternating rounds of Closer and bare over the same path; both answers are checked to be the same bytes first. */
async function compare(closer: Server, bare: Server, path: string, token: string) {
  const [a, b] = await Promise.all(
    [closer, bare].map(async (s) => {
      const res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`${s.url}${path} -> ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return res.text();
    }),
  );
  if (a !== b) throw new Error(`Closer and the bare route answer differently:\n${a.slice(0, 400)}\n${b.slice(0, 400)}`);
  const rows = (JSON.parse(a) as { items: unknown[] }).items.length;
  await load(closer, path, token, 2); // warm-up: JIT, statement caches, page cache
  await load(bare, path, token, 2);
  const rounds: Array<{ closerRps: number; bareRps: number; ratio: number; closerCpuUs: number; bareCpuUs: number; cpuRatio: number; closerP99Ms: number; bareP99Ms: number }> = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [closer, bare] : [bare, closer];
    const out = new Map<Server, Awaited<ReturnType<typeof load>>>();
    for (const s of order) out.set(s, await load(s, path, token, SECONDS));
    const c = out.get(closer)!;
    const x = out.get(bare)!;
    const round = { closerRps: c.rps, bareRps: x.rps, ratio: round2(c.rps / x.rps), closerCpuUs: c.cpuUsPerRequest, bareCpuUs: x.cpuUsPerRequest, cpuRatio: round2(x.cpuUsPerRequest / c.cpuUsPerRequest), closerP99Ms: c.p99, bareP99Ms: x.p99 };
    rounds.push(round);
    console.log(`  round ${r + 1}: closer ${c.rps} rps (${c.cpuUsPerRequest} µs CPU/request), bare ${x.rps} rps (${x.cpuUsPerRequest} µs), ratio ${round.ratio}, CPU ratio ${round.cpuRatio}`);
  }
  const closerRps = median(rounds.map((r) => r.closerRps));
  const bareRps = median(rounds.map((r) => r.bareRps));
  const closerCpuUs = median(rounds.map((r) => r.closerCpuUs));
  const bareCpuUs = median(rounds.map((r) => r.bareCpuUs));
  return {
    rows,
    responseBytes: Buffer.byteLength(a),
    closerRps,
    bareRps,
    ratio: round2(closerRps / bareRps),
    medianRoundRatio: median(rounds.map((r) => r.ratio)),
    closerCpuUsPerRequest: closerCpuUs,
    bareCpuUsPerRequest: bareCpuUs,
    cpuRatio: round2(bareCpuUs / closerCpuUs),
    closerP99Ms: median(rounds.map((r) => r.closerP99Ms)),
    bareP99Ms: median(rounds.map((r) => r.bareP99Ms)),
    rounds,
  };
}

async function pgStore(): Promise<{ store: Store; stop: () => Promise<void>; server: string }> {
  const server = process.env.TEST_DATABASE_URL
    ? { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {}, name: 'TEST_DATABASE_URL' }
    : { ...(await startEmbeddedPostgres({ dirPrefix: 'closer-bench-list', flags: ['-c', 'shared_buffers=256MB'] })), name: 'embedded-postgres 17 (fsync off)' };
  const { store, drop } = await freshBenchDatabase(server.adminUrl, `closer_bench_list_${process.pid}`);
  return {
    store,
    server: server.name,
    stop: async () => {
      await drop();
      await server.stop();
    },
  };
}

export async function runListRouteBench(): Promise<Record<string, unknown>> {
  const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'closer-bench-list-'));
  const file = join(dir, 'list.db');
  // synchronous=NORMAL for seeding only; each server opens the file with its own settings (Closer: FULL).
  const sqlite = await openDatabase({ url: `sqlite:${file}`, unsafeNoSync: true });
  const postgres = dialects.includes('postgres') ? await pgStore() : undefined;
  const steps: Record<string, unknown> = {};
  try {
    const ws = await workspace(sqlite);
    // The same workspace on PostgreSQL: the same rows, ids and token hash, so both answer the same bytes.
    if (postgres) await copyWorkspace(sqlite, postgres.store);
    let seeded = 0;
    let events = 0;
    for (const target of STEPS) {
      const t0 = performance.now();
      events += await seed(sqlite, seeded, target, ws.roleIds, ws.owner);
      if (postgres) await seed(postgres.store, seeded, target, ws.roleIds, ws.owner);
      seeded = target;
      await sql`analyze`.execute(sqlite.db);
      if (postgres) await sql`analyze`.execute(postgres.store.db);
      const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
      const path = `/api/v1/applications?roleId=${ws.roleIds[0]}`;
      const bare = await startServer([join(here, 'list-route-bare.mjs'), file]);
      const step: Record<string, unknown> = { applications: target, events, seedSeconds, fileMb: Math.round(statSync(file).size / 1_048_576) };
      try {
        for (const dialect of dialects) {
          const url = dialect === 'postgres' ? postgres!.store.url : `sqlite:${file}`;
          const closer = await startServer(['--import', 'tsx', join(here, 'list-route-closer.ts'), url]);
          try {
            console.log(`[${dialect}] ${target} applications, ${events} events: ${path}`);
            step[dialect] = await compare(closer, bare, path, ws.token);
          } finally {
            await stopServer(closer);
          }
        }
      } finally {
        await stopServer(bare);
      }
      steps[String(target)] = step;
    }
  } finally {
    await sqlite.close();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    note:
      `GET /api/v1/applications?roleId= (${LISTED} rows, Bearer token) served by Closer's production server and by a bare Fastify + better-sqlite3 route ` +
      `(same token lookup, same query, same bytes) on the same SQLite file; separate processes, autocannon with ${CONNECTIONS} connections, ` +
      `${ROUNDS} alternating rounds of ${SECONDS} s after a 2 s warm-up each; medians. ratio = Closer rps / bare rps; cpuRatio = bare CPU per request / Closer CPU per ` +
      `request (user + system time of each server process from /proc: steadier than rps on a shared machine). On PostgreSQL only Closer's database changes (the bare route stays on SQLite).`,
    eventsPerApplication: EVENTS_PER_APPLICATION,
    steps,
  };
}

/** Copies the company, users, tokens and roles written by `workspace` from SQLite to PostgreSQL. */
async function copyWorkspace(from: Store, to: Store): Promise<void> {
  const tables = ['companies', 'users', 'api_tokens', 'roles'] as const;
  await inTransaction(to.db, async (tx) => {
    for (const table of tables) {
      const rows = await from.db.selectFrom(table).selectAll().execute();
      if (rows.length) await tx.insertInto(table).values(rows as never).execute();
    }
  });
}
