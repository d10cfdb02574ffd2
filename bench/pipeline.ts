// The fast pipeline at scale: GET /api/v1/today and one role board over 1,000 and then 10,000 active
// applications (100 events each: 100,000 and then 1,000,000 events), on SQLite and PostgreSQL, through app.inject.
// The read model's rows are written with the seed, in bulk (as the rebuild does). BENCH_SIZES=1000 runs the small step only.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import type { App } from '../src/server/context.js';
import { parseEventInput, projectHistory, readState, type PreparedEvent } from '../src/domain/pipeline/index.js';
import { PipelineSettingsResolver } from '../src/server/services/pipeline-views.js';
import { seededRandom } from '../src/domain/shared/random.js';
import { startEmbeddedPostgres } from '../src/test-support/embedded-postgres.js';
import {
  inTransaction,
  insertApplications,
  insertCandidates,
  insertEvents,
  getCompany,
  listUsers,
  upsertProjections,
  type ProjectionWrite,
  openDatabase,
  type ApplicationInsert,
  type CandidateInsert,
  type EventInsert,
  type Store,
} from '../src/storage/index.js';
import { TODAY_PAGE_SIZE } from '../src/api/constants.js';
import { BENCH_NOW as NOW, BENCH_STAGES as STAGES, benchCandidate, benchCompensation, benchId as id, freshBenchDatabase, HOUR, insertBenchRoles, benchOwnerToken } from './fixtures.js';

const EVENTS_PER_APPLICATION = Number(process.env.BENCH_EVENTS_PER_APP ?? 100);
const STEPS = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const ROLES = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SOURCES = ['referral', 'vc-introduction', 'outbound', 'inbound', 'event', 'community', 'other'] as const;
const SIGNALS = ['accelerate-request', 'equity-questions', 'ceo-call-request', 'logistics-focus', 'competing-offer'] as const;

/** A PostgreSQL server for the bench: TEST_DATABASE_URL, else an embedded one (as the test setup does). */
async function startPostgres(): Promise<{ adminUrl: string; stop: () => Promise<void>; server: string }> {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {}, server: 'TEST_DATABASE_URL' };
  // Seeding speed only; the measured part is reads.
  const pg = await startEmbeddedPostgres({ dirPrefix: 'closer-bench-pg', flags: ['-c', 'shared_buffers=256MB'] });
  return { ...pg, server: 'embedded-postgres 17 (fsync off)' };
}

/**
 * A plausible history of `count` events for one application, oldest first: first contact 3-38 days ago,
 * replies both ways, notes, interviews with scorecards, stage changes, now and then a logged signal and an
 * offer sent for approval; some histories stop days ago (idle), so every clock and risk rule has work.
 */
function history(n: number, rng: () => number, count: number, people: { interviewer: string; approver: string }): { events: EventInsert[]; stage: string } {
  const startMs = NOW.getTime() - (3 + rng() * 35) * 24 * HOUR;
  const endMs = NOW.getTime() - rng() * rng() * 6 * 24 * HOUR;
  const step = (endMs - startMs) / count;
  const appId = id('app', n);
  const events: EventInsert[] = [];
  let stage = 0;
  let interview = 0;
  let pendingScorecard = false;
  let offered = false;
  for (let i = 0; i < count; i++) {
    const at = new Date(startMs + i * step + rng() * step * 0.5).toISOString();
    let type: string;
    let data: Record<string, unknown>;
    const r = rng();
    if (i === 0) [type, data] = ['outreach.sent', { channel: 'email' }];
    else if (pendingScorecard && r < 0.85) {
      // Most interviewers submit their scorecard next; the rest leave a scorecard.due clock running.
      pendingScorecard = false;
      [type, data] = ['scorecard.submitted', { interviewId: `${appId}-i${interview}`, interviewerId: people.interviewer }];
    } else if (r < 0.4) [type, data] = ['candidate.replied', { latencyHours: Math.round(rng() * 48 * 10) / 10, length: Math.floor(50 + rng() * 900), asksQuestion: rng() < 0.4 }];
    else if (r < 0.7) [type, data] = ['team.replied', {}];
    else if (r < 0.85) [type, data] = ['note', { text: `Call notes ${i}: discussed infrastructure, compute budget and the team.` }];
    else if (r < 0.93) {
      interview += 1;
      pendingScorecard = true;
      [type, data] = ['interview.completed', { interviewId: `${appId}-i${interview}`, final: stage >= 3, interviewerIds: [people.interviewer] }];
    } else if (r < 0.97 && stage < STAGES.length - 1) {
      stage += 1;
      [type, data] = ['stage.changed', { from: STAGES[stage - 1], to: STAGES[stage] }];
    } else if (r < 0.985) {
      const signal = SIGNALS[Math.floor(rng() * SIGNALS.length)]!;
      [type, data] = ['signal.observed', signal === 'competing-offer' ? { signal, deadline: new Date(NOW.getTime() + rng() * 10 * 24 * HOUR).toISOString().slice(0, 10) } : { signal }];
    } else if (!offered && stage >= 3) {
      offered = true;
      [type, data] = ['offer.approval-requested', { offerId: `${appId}-o1`, approverIds: [people.approver] }];
    } else [type, data] = ['team.replied', {}];
    events.push({ id: `${appId}-e${i}`, applicationId: appId, seq: i + 1, type, occurredAt: at, recordedAt: at, actorId: null, data });
  }
  return { events, stage: STAGES[stage]! };
}

/** Appends applications [from, to) with their candidates and events, in transactions of ~50,000 events. */
export async function seed(store: Store, from: number, to: number, people: { interviewer: string; approver: string; owner: string }, roleIds: string[], settings: PipelineSettingsResolver): Promise<number> {
  const rng = seededRandom(7_000 + from);
  const perTx = Math.max(1, Math.floor(50_000 / EVENTS_PER_APPLICATION));
  let events = 0;
  for (let start = from; start < to; start += perTx) {
    const end = Math.min(to, start + perTx);
    const candidates: CandidateInsert[] = [];
    const apps: ApplicationInsert[] = [];
    const batch: EventInsert[] = [];
    const rows: ProjectionWrite[] = [];
    for (let n = start; n < end; n++) {
      candidates.push(benchCandidate(n, SOURCES[n % SOURCES.length]!, people.owner, benchCompensation(n)));
      const h = history(n, rng, EVENTS_PER_APPLICATION, people);
      if (n < 50) for (const e of h.events) parseEventInput({ type: e.type, occurredAt: e.occurredAt, data: e.data }, NOW); // the generator makes valid events
      apps.push({ id: id('app', n), candidateId: id('cand', n), roleId: roleIds[n % roleIds.length]!, stage: h.stage, status: 'active', lossReason: null, labels: [], closedAt: null, createdBy: people.owner });
      batch.push(...h.events);
      const roleId = roleIds[n % roleIds.length]!;
      const p = projectHistory(h.events.map((e) => ({ type: e.type, t: Date.parse(e.occurredAt), data: e.data, id: e.id }) as PreparedEvent), settings.forRole({ id: roleId, clockOverrides: {} }));
      rows.push({ applicationId: id('app', n), roleId, status: p.status, stage: p.stage, firstContactAt: p.firstContactAt, lastEventAt: p.lastEventAt, attentionAt: p.attentionAt, nextChangeAt: p.nextChangeAt, state: p.state, readState: readState(p.state, settings.risk.engagementReplies), todayRows: p.todayRows });
    }
    await inTransaction(store.db, async (tx) => {
      await insertCandidates(tx, candidates, NOW);
      await insertApplications(tx, apps, NOW);
      await insertEvents(tx, batch, 1_000);
      await upsertProjections(tx, rows, NOW);
    });
    events += batch.length;
  }
  return events;
}

async function timed<T>(run: () => Promise<T>, runs = RUNS): Promise<{ result: T; ms: { median: number; min: number; max: number; runs: number[]; cpuMedian: number } }> {
  let result = await run(); // warm-up: caches, JIT, first page reads
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    result = await run();
    const c = process.cpuUsage(c0);
    times.push(Math.round((performance.now() - t0) * 10) / 10);
    // CPU time of this process (all threads): on SQLite the whole cost, on PostgreSQL without the server's.
    cpu.push(Math.round((c.user + c.system) / 100) / 10);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  return { result, ms: { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: times, cpuMedian: cpuSorted[Math.floor(cpuSorted.length / 2)]! } };
}

async function measure(app: App, token: string, roleId: string, runs = RUNS) {
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`${url} -> ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return res;
  };
  const today = await timed(() => get('/api/v1/today'), runs);
  // What the web asks for: the first page of cards (TODAY_PAGE_SIZE), for you and for everything.
  const page = await timed(() => get(`/api/v1/today?limit=${TODAY_PAGE_SIZE}`), runs);
  const pageAll = await timed(() => get(`/api/v1/today?scope=all&limit=${TODAY_PAGE_SIZE}`), runs);
  const board = await timed(() => get(`/api/v1/roles/${roleId}/board`), runs);
  const t = today.result.json() as { total: number; activeApplications: number };
  const b = board.result.json() as { columns: Array<{ cards: unknown[] }> };
  return {
    todayMs: today.ms,
    todayItems: t.total,
    todayResponseKb: Math.round(today.result.body.length / 1024),
    todayPage: { limit: TODAY_PAGE_SIZE, mineMs: page.ms, allMs: pageAll.ms, responseKb: Math.round(page.result.body.length / 1024) },
    activeApplications: t.activeApplications,
    boardMs: board.ms,
    boardCards: b.columns.reduce((n, c) => n + c.cards.length, 0),
  };
}

async function benchDialect(store: Store, describe: string): Promise<Record<string, unknown>> {
  const app = await buildApp({ db: store, clock: () => NOW, config: { secureCookies: false } });
  const token = await benchOwnerToken(app);
  const users = await listUsers(store.db);
  const owner = users[0]!.id;
  const roleIds = await insertBenchRoles(store.db, ROLES, owner);
  const people = { owner, interviewer: owner, approver: owner };
  const steps: Record<string, unknown> = {};
  let seeded = 0;
  let totalEvents = 0;
  for (const target of STEPS) {
    const t0 = performance.now();
    totalEvents += await seed(store, seeded, target, people, roleIds, new PipelineSettingsResolver(await getCompany(store.db)));
    const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
    seeded = target;
    await sql`analyze`.execute(store.db);
    const m = await measure(app, token, roleIds[0]!);
    if (process.env.BENCH_WITHOUT_READ_MODEL === '0') {
      steps[String(target)] = { applications: target, events: totalEvents, seedSeconds, ...m };
      console.log(`[${store.dialect}] ${target} applications, ${totalEvents} events: today ${m.todayMs.median} ms (CPU ${m.todayMs.cpuMedian} ms), first page ${m.todayPage.mineMs.median} ms (CPU ${m.todayPage.mineMs.cpuMedian} ms), board ${m.boardMs.median} ms (CPU ${m.boardMs.cpuMedian} ms)`);
      continue;
    }
    // BENCH_WITHOUT_READ_MODEL=0 skips this. The same requests without the read model (every application derived from its events, as before it): the
    // rows are set aside for the measurement and put back.
    await sql`create table bench_rows_aside as select * from application_projections`.execute(store.db);
    await sql`create table bench_items_aside as select * from today_items`.execute(store.db);
    await sql`delete from application_projections`.execute(store.db);
    const fromEvents = await measure(app, token, roleIds[0]!, 1);
    await sql`insert into application_projections select * from bench_rows_aside`.execute(store.db);
    await sql`insert into today_items select * from bench_items_aside`.execute(store.db);
    await sql`drop table bench_rows_aside`.execute(store.db);
    await sql`drop table bench_items_aside`.execute(store.db);
    if (fromEvents.todayItems !== m.todayItems || fromEvents.boardCards !== m.boardCards) throw new Error(`Today or the board differs with and without the read model: ${JSON.stringify({ with: [m.todayItems, m.boardCards], without: [fromEvents.todayItems, fromEvents.boardCards] })}`);
    steps[String(target)] = { applications: target, events: totalEvents, seedSeconds, ...m, withoutReadModel: { todayMs: fromEvents.todayMs, boardMs: fromEvents.boardMs } };
    console.log(`[${store.dialect}] ${target} applications, ${totalEvents} events: today ${m.todayMs.median} ms (CPU ${m.todayMs.cpuMedian} ms, ${m.todayItems} items), first page of ${TODAY_PAGE_SIZE} ${m.todayPage.mineMs.median} ms (CPU ${m.todayPage.mineMs.cpuMedian} ms), board ${m.boardMs.median} ms (CPU ${m.boardMs.cpuMedian} ms, ${m.boardCards} cards); without the read model: today ${fromEvents.todayMs.median} ms, board ${fromEvents.boardMs.median} ms`);
  }
  await app.close();
  const small = steps[String(STEPS[0])] as { todayMs: { median: number }; boardMs: { median: number } };
  const large = steps[String(STEPS[STEPS.length - 1])] as { todayMs: { median: number }; boardMs: { median: number } };
  return {
    database: describe,
    steps,
    growth: {
      applications: STEPS[STEPS.length - 1]! / STEPS[0]!,
      today: Math.round((large.todayMs.median / small.todayMs.median) * 100) / 100,
      board: Math.round((large.boardMs.median / small.boardMs.median) * 100) / 100,
      todayMsPer1000Applications: Math.round((large.todayMs.median / (STEPS[STEPS.length - 1]! / 1000)) * 10) / 10,
    },
  };
}

export async function runPipelineBench(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};

  const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
  if (dialects.includes('sqlite')) await benchSqlite(results);
  if (dialects.includes('postgres')) await benchPostgres(results);
  return {
    note: `GET /api/v1/today (every active application; the default 500 cards, and todayPage: the web's first page) and GET /api/v1/roles/{id}/board (one of ${ROLES} roles) through app.inject with a Bearer token; ${EVENTS_PER_APPLICATION} events per application; median of ${RUNS} runs after a warm-up; clocks and risk from the read model's stored states at request time (docs/decisions/008-read-model.md). The machine is shared with other work: compare figures from one run.`,
    eventsPerApplication: EVENTS_PER_APPLICATION,
    ...results,
  };
}

async function benchSqlite(results: Record<string, unknown>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-bench-pipeline-'));
  const file = join(dir, 'pipeline.db');
  // Benchmarks only: synchronous=NORMAL speeds up seeding; the measured reads are unaffected.
  const sqlite = await openDatabase({ url: `sqlite:${file}`, unsafeNoSync: true });
  try {
    results.sqlite = { ...(await benchDialect(sqlite, `SQLite file (WAL, synchronous=NORMAL for seeding)`)), fileMb: Math.round(statSync(file).size / 1_048_576) };
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(results: Record<string, unknown>): Promise<void> {
  const server = await startPostgres();
  const { store, drop } = await freshBenchDatabase(server.adminUrl, `closer_bench_${process.pid}`, 10);
  try {
    results.postgres = await benchDialect(store, server.server);
  } finally {
    await drop();
    await server.stop();
  }
}
