// The pool list with 10,000 prospects, on SQLite and PostgreSQL, through the API as the web calls it:
// GET /pools (counts by status), GET /pools/:id/prospects (first page and a page deep in the list, and filtered by
// status), GET /today's sourcing items (computeNurtureToday) and GET /pools/:id/reach. Results in bench/results/sourcing.json.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app.js';
import { computeNurtureToday } from '../src/server/services/sourcing.js';
import { BENCH_NOW as NOW, benchId, benchPostgresName, forEachBenchDialect, setupBenchWorkspace } from './fixtures.js';
import { createApiToken } from '../src/server/services/accounts.js';
import { getCompany, insertCandidates, insertPool, insertProspects, listUsers, type CandidateInsert, type ProspectInsert, type Store } from '../src/storage/index.js';

const PROSPECTS = Number(process.env.BENCH_PROSPECTS ?? 10_000);
const RUNS = 30;
const STATUSES = ['new', 'contacted', 'contacted', 'replied', 'interested', 'not-now', 'not-interested'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 100) / 100;
}

async function timeIt(fn: () => Promise<unknown>): Promise<{ medianMs: number; p95Ms: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  const s = [...ms].sort((a, b) => a - b);
  return { medianMs: median(ms), p95Ms: Math.round(s[Math.floor(s.length * 0.95)]! * 100) / 100 };
}

async function benchDialect(store: Store): Promise<Record<string, unknown>> {
  const app = await buildApp({ db: store, clock: () => NOW, config: { secureCookies: false } });
  await setupBenchWorkspace(app);
  const owner = (await listUsers(store.db))[0]!;
  const { secret } = await createApiToken(store, null, owner.id, 'bench', NOW);
  const company = (await getCompany(store.db))!;
  await insertPool(store.db, { id: 'pool-big', companyId: company.id, name: 'Big pool', ownerId: owner.id, specializations: ['mlops'], cadenceDays: 21, createdBy: owner.id }, NOW);
  for (let p = 0; p < 4; p++) await insertPool(store.db, { id: `pool-${p}`, companyId: company.id, name: `Pool ${p}`, ownerId: owner.id, specializations: [], cadenceDays: 14, createdBy: owner.id }, NOW);
  const seedStart = performance.now();
  const candidates: CandidateInsert[] = [];
  const prospects: ProspectInsert[] = [];
  for (let n = 0; n < PROSPECTS; n++) {
    candidates.push({ id: benchId('cand', n), name: `Prospect ${String(n).padStart(5, '0')}`, email: `p${n}@bench.example`, phone: null, links: [`https://github.com/p${n}`], location: null, currentEmployer: `Lab ${n % 40}`, source: n % 3 === 0 ? 'referral' : 'outbound', passive: true, specializations: [], productionMlYears: null, currentCompensation: null, createdBy: owner.id });
    prospects.push({ id: benchId('pros', n), poolId: n % 5 === 4 ? `pool-${n % 4}` : 'pool-big', candidateId: benchId('cand', n), status: STATUSES[n % STATUSES.length]!, foundBy: owner.id, foundHow: n % 3 === 0 ? 'referrer' : 'search', foundDetail: n % 3 === 0 ? `Referrer ${n % 12}` : null, currentEmployer: `Lab ${n % 40}`, lab: n % 2 ? `Group ${n % 9}` : null, links: [`https://github.com/p${n}`], lawfulBasis: 'Legitimate interest', timeZone: null });
  }
  await insertCandidates(store.db, candidates, NOW);
  await insertProspects(store.db, prospects, NOW);
  // Touches: a third were touched 1 to 60 days ago, some many times.
  for (let n = 0; n < PROSPECTS; n += 3) {
    await store.db.updateTable('prospects').set({ touches: 1 + (n % 6), last_touch_at: new Date(NOW.getTime() - (1 + (n % 60)) * 86_400_000).toISOString() }).where('id', '=', benchId('pros', n)).execute();
  }
  const seedSeconds = Math.round((performance.now() - seedStart) / 10) / 100;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
    if (res.statusCode !== 200) throw new Error(`${url} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res;
  };
  const big = (await get('/api/v1/pools')).json().items.find((p: { id: string }) => p.id === 'pool-big');
  const out = {
    prospectsInBigPool: big.prospects,
    seedSeconds,
    poolList: await timeIt(() => get('/api/v1/pools')),
    prospectsFirstPage: await timeIt(() => get('/api/v1/pools/pool-big/prospects?limit=100')),
    prospectsDeepPage: await timeIt(() => get('/api/v1/pools/pool-big/prospects?limit=100&offset=7000')),
    prospectsByStatus: await timeIt(() => get('/api/v1/pools/pool-big/prospects?status=contacted,replied&limit=100')),
    nurtureToday: await timeIt(() => computeNurtureToday(store.db, NOW)),
    poolReach: await timeIt(() => get('/api/v1/pools/pool-big/reach')),
  };
  await app.close();
  console.log(`[${store.dialect}] ${JSON.stringify(out)}`);
  return out;
}

export async function runSourcingBench(): Promise<Record<string, unknown>> {
  const results = await forEachBenchDialect('sourcing', benchDialect);
  return {
    note: `${PROSPECTS} prospects (8,000 in one pool, the rest in 4 others), each a candidate record; a third touched. Median and p95 of ${RUNS} calls through the API (app.inject), after one warm-up. SQLite with synchronous=NORMAL; PostgreSQL ${benchPostgresName()}. The machine is shared by several helpers, so figures are noisy.`,
    ...results,
  };
}
