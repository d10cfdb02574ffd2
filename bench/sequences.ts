// One scheduler tick over 10,000 enrolled prospects (issue 13), on SQLite and PostgreSQL: the tick loads the due
// enrollments, asks the pure scheduler and applies its decisions. The sequence starts with a wait step so the tick
// moves every enrollment on (one UPDATE each) without an SMTP server; results in bench/results/sequences.json.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app.js';
import { runSequencesOnce } from '../src/server/services/sequences.js';
import { BENCH_NOW as NOW, benchPostgresName, forEachBenchDialect, setupBenchWorkspace } from './fixtures.js';
import { getCompany, listUsers, type Store } from '../src/storage/index.js';

const PROSPECTS = Number(process.env.BENCH_SEQUENCE_PROSPECTS ?? 10_000);
const CHUNK = 400;

async function seed(store: Store): Promise<void> {
  const app = await buildApp({ db: store, clock: () => NOW, config: { secureCookies: false } });
  await setupBenchWorkspace(app);
  await app.close();
  const owner = (await listUsers(store.db))[0]!;
  const company = (await getCompany(store.db))!;
  const at = NOW.toISOString();
  const db = store.db;
  await db.insertInto('talent_pools').values({ id: 'pool', company_id: company.id, name: 'Bench pool', owner_id: owner.id, specializations: '[]', cadence_days: 21, created_by: owner.id, created_at: at, updated_at: at, version: 1 }).execute();
  await db.insertInto('sequences').values({ id: 'seq', company_id: company.id, name: 'Bench', audience: 'passive', status: 'active', sender_id: owner.id, role_id: null, created_by: owner.id, created_at: at, updated_at: at, version: 1 }).execute();
  await db.insertInto('sequence_steps').values({ sequence_id: 'seq', position: 0, kind: 'wait', template_id: null, business_days: 2, task: null, note: null }).execute();
  for (let start = 0; start < PROSPECTS; start += CHUNK) {
    const ids = Array.from({ length: Math.min(CHUNK, PROSPECTS - start) }, (_, i) => start + i);
    await db.insertInto('candidates').values(ids.map((i) => ({ id: `c${i}`, name: `Person ${i}`, email: `p${i}@bench.example`, phone: null, links: '[]', location: null, current_employer: null, source: 'outbound', passive: 1, specializations: '[]', production_ml_years: null, created_by: null, created_at: at, updated_at: at, version: 1 })) as never).execute();
    await db.insertInto('prospects').values(ids.map((i) => ({ id: `p${i}`, pool_id: 'pool', candidate_id: `c${i}`, status: 'new', found_by: null, found_how: 'search', found_detail: null, current_employer: null, lab: null, links: '[]', lawful_basis: null, time_zone: i % 2 ? 'Europe/Berlin' : null, touches: 0, last_touch_at: null, last_reply_at: null, converted_application_id: null, created_at: at, updated_at: at, version: 1 }))).execute();
    await db.insertInto('sequence_enrollments').values(ids.map((i) => ({ id: `e${i}`, sequence_id: 'seq', prospect_id: `p${i}`, status: 'active', step_index: 0, due_at: at, stop_reason: null, enrolled_by: owner.id, created_at: at, updated_at: at, version: 1 }))).execute();
  }
}

async function benchDialect(store: Store): Promise<Record<string, unknown>> {
  await seed(store);
  const started = performance.now();
  const result = await runSequencesOnce({ store, now: () => NOW }, { batchSize: PROSPECTS });
  const ms = Math.round(performance.now() - started);
  const idle = performance.now();
  const second = await runSequencesOnce({ store, now: () => NOW }, { batchSize: PROSPECTS });
  const idleMs = Math.round(performance.now() - idle);
  console.log(`[${store.dialect}] tick over ${PROSPECTS} enrollments: ${ms} ms (${result.advanced} moved on); next tick with nothing due: ${idleMs} ms`);
  return { enrollments: PROSPECTS, tickMs: ms, advanced: result.advanced, idleTickMs: idleMs, idleAdvanced: second.advanced };
}

export async function runSequencesBench(): Promise<Record<string, unknown>> {
  const results = await forEachBenchDialect('sequences', benchDialect);
  return {
    note: `${PROSPECTS} prospects enrolled in one active sequence whose first step is a 2-business-day wait, all due; one tick (load, schedule, one UPDATE per enrollment), then a tick with nothing due. SQLite with synchronous=NORMAL; PostgreSQL ${benchPostgresName()}. Shared 2-core machine.`,
    ...results,
  };
}
