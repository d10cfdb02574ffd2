// Event appends per second through the pipeline service (one transaction per append, as the API does), on SQLite
// and PostgreSQL, over 1,000 applications of 100 events: in order (the common case) and back-dated (the history is
// folded again). Run on a commit before the read model and on this one to compare (results in bench/results/append.json).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../src/server/app.js';
import { appendEvent } from '../src/server/services/pipeline.js';
import { seededRandom } from '../src/domain/shared/random.js';
import { BENCH_NOW as NOW, HOUR, benchPostgresName, forEachBenchDialect, setupBenchWorkspace } from './fixtures.js';
import {
  inTransaction,
  insertApplications,
  insertCandidates,
  insertEvents,
  insertRole,
  listUsers,
  type ApplicationInsert,
  type CandidateInsert,
  type EventInsert,
  type Store,
} from '../src/storage/index.js';

const APPLICATIONS = Number(process.env.BENCH_APPEND_APPLICATIONS ?? 1_000);
const EVENTS_PER_APPLICATION = 100;
const IN_ORDER = Number(process.env.BENCH_APPENDS ?? 1_000);
const BACK_DATED = Math.max(1, Math.floor(IN_ORDER / 5));

/** The read model's rebuild, when this commit has one (the bench also runs on commits from before it). */
async function buildReadModel(store: Store): Promise<boolean> {
  const file = join(dirname(fileURLToPath(import.meta.url)), '../src/server/services/projections.ts');
  if (!existsSync(file)) return false;
  const mod = (await import('../src/server/services/projections.js')) as { rebuildProjections?: (s: Store, now: Date) => Promise<unknown> };
  if (!mod.rebuildProjections) return false;
  await mod.rebuildProjections(store, NOW);
  return true;
}

async function seed(store: Store, ownerId: string, roleId: string): Promise<string[]> {
  const rng = seededRandom(11);
  const candidates: CandidateInsert[] = [];
  const apps: ApplicationInsert[] = [];
  const events: EventInsert[] = [];
  for (let n = 0; n < APPLICATIONS; n++) {
    const id = `app-${n}`;
    candidates.push({ id: `cand-${n}`, name: `Candidate ${n}`, email: `c${n}@bench.example`, phone: null, links: [], location: null, currentEmployer: null, source: 'referral', passive: false, specializations: [], productionMlYears: null, currentCompensation: null, createdBy: ownerId });
    apps.push({ id, candidateId: `cand-${n}`, roleId, stage: 'sourced', status: 'active', lossReason: null, labels: [], closedAt: null, createdBy: ownerId });
    const start = NOW.getTime() - (5 + rng() * 20) * 24 * HOUR;
    const step = (NOW.getTime() - 24 * HOUR - start) / EVENTS_PER_APPLICATION;
    for (let i = 0; i < EVENTS_PER_APPLICATION; i++) {
      const at = new Date(start + i * step).toISOString();
      const r = rng();
      const [type, data]: [string, Record<string, unknown>] =
        i === 0
          ? ['outreach.sent', { channel: 'email' }]
          : r < 0.4
            ? ['candidate.replied', { latencyHours: Math.round(rng() * 480) / 10, length: Math.floor(50 + rng() * 900), asksQuestion: rng() < 0.4 }]
            : r < 0.7
              ? ['team.replied', {}]
              : r < 0.95
                ? ['note', { text: `Call notes ${i}` }]
                : ['signal.observed', { signal: 'equity-questions' }];
      events.push({ id: `${id}-e${i}`, applicationId: id, seq: i + 1, type, occurredAt: at, recordedAt: at, actorId: null, data });
    }
  }
  await inTransaction(store.db, async (tx) => {
    await insertCandidates(tx, candidates, NOW);
    await insertApplications(tx, apps, NOW);
    await insertEvents(tx, events, 1_000);
  });
  return apps.map((a) => a.id);
}

async function rate(count: number, run: (i: number) => Promise<void>): Promise<{ appends: number; seconds: number; perSecond: number; msPerAppend: number; cpuMsPerAppend: number }> {
  for (let i = 0; i < 20; i++) await run(-1 - i); // warm-up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < count; i++) await run(i);
  const cpu = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  // CPU time of this process (all its threads) per append: on a shared machine it moves far less than the wall clock
  // (on SQLite it is the whole cost; on PostgreSQL the server's own CPU is not in it).
  const cpuMsPerAppend = Math.round(((cpu.user + cpu.system) / 1000 / count) * 1000) / 1000;
  return { appends: count, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(count / seconds), msPerAppend: Math.round((seconds * 1000 * 100) / count) / 100, cpuMsPerAppend };
}

async function benchDialect(store: Store): Promise<Record<string, unknown>> {
  const app = await buildApp({ db: store, clock: () => NOW, config: { secureCookies: false } });
  await setupBenchWorkspace(app);
  const owner = (await listUsers(store.db))[0]!;
  const role = await insertRole(
    store.db,
    { id: 'role-1', title: 'Role 1', specializations: [], seniority: 'senior', hiringManagerId: owner.id, processPlan: { stages: [{ id: 'sourced', name: 'Sourced', plannedDays: 2 }] }, clockOverrides: {}, band: null, pedigreeBlind: true, status: 'open', createdBy: owner.id },
    NOW,
  );
  const ids = await seed(store, owner.id, role.id);
  const readModel = await buildReadModel(store);
  const rng = seededRandom(5);
  const actor = { id: owner.id, role: owner.role };
  const bodies = [{ type: 'note', data: { text: 'Followed up.' } }, { type: 'team.replied' }, { type: 'candidate.replied', data: { latencyHours: 3, length: 400, asksQuestion: true } }];
  let tick = 0;
  // BENCH_APPEND_PROFILE=file: a CPU profile (.cpuprofile) of the in-order appends only (not the seeding).
  const profileTo = process.env.BENCH_APPEND_PROFILE;
  const session = profileTo ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const inOrder = await rate(IN_ORDER, async (i) => {
    const now = new Date(NOW.getTime() + ++tick * 1_000);
    const body = bodies[Math.abs(i) % bodies.length]!;
    await inTransaction(store.db, (tx) => appendEvent(tx, actor, ids[Math.floor(rng() * ids.length)]!, body, now));
  });
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${profileTo}.${store.dialect}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
  const backDated = await rate(BACK_DATED, async () => {
    const now = new Date(NOW.getTime() + ++tick * 1_000);
    const occurredAt = new Date(NOW.getTime() - 3 * 24 * HOUR).toISOString();
    await inTransaction(store.db, (tx) => appendEvent(tx, actor, ids[Math.floor(rng() * ids.length)]!, { type: 'note', occurredAt, data: { text: 'Back-dated note.' } }, now));
  });
  await app.close();
  console.log(`[${store.dialect}] read model ${readModel ? 'on' : 'absent'}: ${inOrder.perSecond} in-order appends/s (${inOrder.cpuMsPerAppend} ms CPU each), ${backDated.perSecond} back-dated appends/s (${backDated.cpuMsPerAppend} ms CPU each)`);
  return { readModel, inOrder, backDated };
}

export async function runAppendBench(): Promise<Record<string, unknown>> {
  // SQLite with synchronous=NORMAL: no fsync per commit, so the figure is the work Closer does, not the disk's.
  const results = await forEachBenchDialect('append', benchDialect);
  return {
    note: `${APPLICATIONS} applications x ${EVENTS_PER_APPLICATION} events seeded in bulk; ${IN_ORDER} appends in order then ${BACK_DATED} back-dated ones (3 days earlier) to random applications, one transaction each, through the pipeline service (appendEvent: validation, row lock, event, audit, read model when present). SQLite with synchronous=NORMAL; PostgreSQL ${benchPostgresName()}. The machine is shared, so compare runs made close together.`,
    ...results,
  };
}
