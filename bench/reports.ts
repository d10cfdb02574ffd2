// The hiring reports at scale (issue 14): every report through GET /api/v1/reports/{name} over 10,000 and then
// 100,000 applications with about 100 events each (1,000,000 and then 10,000,000 events), on SQLite and PostgreSQL.
// The histories are a realistic mix: sources and referrers, stage moves, interviews with scorecards, offers sent for
// approval, extended, accepted, declined and re-issued, losses with reasons, withdrawals, reopenings, logged signals,
// and replies and notes between them. Generated once in bulk (multi-row inserts in large transactions) and cached
// under the bench cache dir keyed by size, so a rerun measures only. BENCH_SIZES=10000 runs the small step only.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import type { App } from '../src/server/context.js';
import { writeReportFacts } from '../src/server/services/report-facts.js';
import { REPORT_NAMES } from '../src/domain/reports/dimensions.js';
import { LOSS_REASONS } from '../src/domain/pipeline/lists.js';
import { seededRandom } from '../src/domain/shared/random.js';
import { getCompany, inTransaction, insertApplications, insertCandidates, insertEvents, listStoredReportFacts, listUsers, upsertReportFacts, type ApplicationInsert, type CandidateInsert, type EventInsert, type Store } from '../src/storage/index.js';
import { BENCH_NOW as NOW, BENCH_STAGES as STAGES, benchCandidate, benchCompensation, benchId as id, benchOwnerToken, benchPostgresName, forEachBenchDialect, HOUR, insertBenchRoles } from './fixtures.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROLES = 20;
const DAY = 24 * HOUR;
/** Applications per write transaction (about 200,000 events). */
const APPS_PER_TX = 2_000;
/**
 * Parameters per INSERT, under PostgreSQL's 65,535 and SQLite's 32,766: 8 event columns x 3,000 rows, 1,000 candidates
 * of about 25 columns.
 */
const PARAMS_PER_INSERT = 24_000;
const SOURCE_MIX: ReadonlyArray<readonly [string, number]> = [
  ['outbound', 0.34],
  ['inbound', 0.24],
  ['referral', 0.16],
  ['vc-introduction', 0.05],
  ['event', 0.08],
  ['community', 0.09],
  ['other', 0.04],
];
const REFERRERS = 40;
const SIGNALS = ['accelerate-request', 'equity-questions', 'ceo-call-request', 'logistics-focus', 'competing-offer'] as const;
/** Chance to move on from each stage to the next (sourced -> screen -> technical -> final -> offer). */
const ADVANCE = [0.55, 0.5, 0.55, 0.7];

function pick<T>(rng: () => number, list: ReadonlyArray<readonly [T, number]>): T {
  let r = rng();
  for (const [v, w] of list) {
    if (r < w) return v;
    r -= w;
  }
  return list[list.length - 1]![0];
}

interface Generated {
  events: EventInsert[];
  app: ApplicationInsert;
  offers: Array<{ id: string; status: string; base: number; threshold: number; at: string }>;
}

/**
 * One application's history, oldest first: first contact within the last 18 months, then stage by stage (an
 * interview with scorecards per stage after the screen, a final one before the offer), replies both ways and notes
 * in between (most of the ~100 events), and an ending: hired, lost with a reason, withdrawn, declined (sometimes
 * re-issued), reopened now and then, or still open.
 */
function history(n: number, rng: () => number, roleId: string, source: string, people: { interviewers: string[]; approvers: string[]; owner: string }): Generated {
  const appId = id('app', n);
  const target = 40 + Math.floor(rng() * 121); // 40-160 events, about 100 on average
  type Core = [string, Record<string, unknown>];
  const core: Core[] = [];
  core.push(source === 'inbound' ? ['application.received', { source }] : ['outreach.sent', { channel: rng() < 0.7 ? 'email' : 'linkedin' }]);
  let stage = 0;
  let interview = 0;
  let status: 'active' | 'hired' | 'lost' | 'withdrawn' = 'active';
  let lossReason: string | null = null;
  const offers: Generated['offers'] = [];
  const interviewer = () => people.interviewers[Math.floor(rng() * people.interviewers.length)]!;
  const interviewRound = (final: boolean) => {
    interview += 1;
    const who = [interviewer(), interviewer()];
    core.push(['interview.scheduled', { interviewId: `${appId}-i${interview}`, at: 'later' }]);
    core.push(['interview.completed', { interviewId: `${appId}-i${interview}`, final, interviewerIds: who }]);
    for (const w of who) if (rng() < 0.9) core.push(['scorecard.submitted', { interviewId: `${appId}-i${interview}`, interviewerId: w }]);
  };
  const signal = () => {
    const s = SIGNALS[Math.floor(rng() * SIGNALS.length)]!;
    core.push(['signal.observed', s === 'competing-offer' ? { signal: s } : { signal: s }]);
  };
  const lose = () => {
    if (rng() < 0.15) {
      status = 'withdrawn';
      core.push(['candidate.withdrew', { reason: 'Took another path' }]);
    } else {
      status = 'lost';
      lossReason = LOSS_REASONS[Math.floor(rng() * LOSS_REASONS.length)]!;
      core.push(['application.closed', { status: 'lost', lossReason }]);
    }
  };
  const offer = (k: number): boolean => {
    const offerId = `${appId}-o${k}`;
    const approver = people.approvers[Math.floor(rng() * people.approvers.length)]!;
    core.push(['offer.drafted', { offerId }], ['offer.approval-requested', { offerId, approverIds: [approver] }], ['offer.approved', { offerId, approverId: approver }], ['offer.extended', { offerId }]);
    const base = 150_000 + Math.floor(rng() * 120) * 1_000;
    const threshold = 160_000 + Math.floor(rng() * 80) * 1_000;
    const acceptChance = base >= threshold ? 0.8 : 0.45;
    if (rng() < 0.1) {
      offers.push({ id: offerId, status: 'extended', base, threshold, at: '' });
      return false; // still open
    }
    if (rng() < acceptChance) {
      core.push(['offer.accepted', { offerId }], ['application.closed', { status: 'hired' }]);
      offers.push({ id: offerId, status: 'accepted', base, threshold, at: '' });
      status = 'hired';
      return true;
    }
    core.push(['offer.declined', { offerId }]);
    offers.push({ id: offerId, status: 'declined', base, threshold, at: '' });
    return false;
  };
  // stages
  while (stage < STAGES.length - 1 && rng() < ADVANCE[stage]!) {
    if (stage >= 1) interviewRound(stage === 3);
    if (rng() < 0.08) signal();
    core.push(['stage.changed', { from: STAGES[stage], to: STAGES[stage + 1] }]);
    stage += 1;
  }
  if (stage === STAGES.length - 1) {
    if (!offer(1)) {
      const last = offers[offers.length - 1]!;
      if (last.status === 'declined' && rng() < 0.25) {
        if (!offer(2) && offers[offers.length - 1]!.status === 'declined') {
          status = 'lost';
          lossReason = rng() < 0.6 ? 'compensation' : 'accepted-other-offer';
          core.push(['application.closed', { status: 'lost', lossReason }]);
        }
      } else if (last.status === 'declined') {
        status = 'lost';
        lossReason = rng() < 0.5 ? 'compensation' : rng() < 0.5 ? 'equity' : 'accepted-other-offer';
        core.push(['application.closed', { status: 'lost', lossReason }]);
      }
    }
  } else if (rng() < 0.85) {
    if (rng() < 0.12) signal();
    lose();
    if (rng() < 0.04) {
      // reopened at the stage it left, and then lost again or still open
      core.push(['application.reopened', { stage: STAGES[stage] }]);
      status = 'active';
      lossReason = null;
      if (rng() < 0.5) lose();
    }
  }
  // Lay the core events out in time with replies and notes between them.
  const filler = Math.max(0, target - core.length);
  const events: EventInsert[] = [];
  const days = 5 + rng() * (stage * 9 + 8);
  const spacing = (days * DAY) / (core.length + filler);
  let t = 0;
  let seq = 0;
  const raw: Array<[string, Record<string, unknown>, number]> = [];
  const perGap = filler / Math.max(1, core.length);
  let owed = 0;
  for (let c = 0; c < core.length; c++) {
    raw.push([core[c]![0], core[c]![1], t]);
    t += spacing * (0.5 + rng());
    owed += perGap;
    while (owed >= 1) {
      owed -= 1;
      const r = rng();
      const e: [string, Record<string, unknown>] =
        r < 0.4 ? ['candidate.replied', { latencyHours: Math.round(rng() * 480) / 10, length: Math.floor(50 + rng() * 900), asksQuestion: rng() < 0.4 }] : r < 0.75 ? ['team.replied', {}] : ['note', { text: `Notes ${raw.length}: team, compute budget, start date.` }];
      raw.push([e[0], e[1], t]);
      t += spacing * (0.5 + rng());
    }
  }
  // first contact somewhere in the last 18 months, the whole history before now
  const start = Math.min(NOW.getTime() - rng() * 540 * DAY, NOW.getTime() - t - HOUR);
  for (const [type, data, dt] of raw) {
    const at = new Date(start + dt).toISOString();
    seq += 1;
    const d = type === 'interview.scheduled' ? { ...data, at } : data;
    events.push({ id: `${appId}-e${seq}`, applicationId: appId, seq, type, occurredAt: at, recordedAt: at, actorId: null, data: d });
    if (type === 'offer.extended') {
      const o = offers.find((x) => x.id === (data as { offerId: string }).offerId);
      if (o) o.at = at;
    }
  }
  const closedAt = status === 'active' ? null : events[events.length - 1]!.occurredAt;
  return {
    events,
    offers,
    app: { id: appId, candidateId: id('cand', n), roleId, stage: STAGES[stage]!, status, lossReason, labels: [], closedAt, createdBy: people.owner },
  };
}

/** Multi-row INSERT of `rows` (same keys) into `table`, at most PARAMS_PER_INSERT parameters at a time. */
async function insertRows(tx: Parameters<Parameters<typeof inTransaction>[1]>[0], table: string, rows: Array<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.floor(PARAMS_PER_INSERT / Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += per) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await tx.insertInto(table as any).values(rows.slice(i, i + per) as any).execute();
  }
}

/**
 * PostgreSQL: the events as eight arrays unnested into one INSERT per 50,000 rows (a few parameters instead of
 * 24,000 per statement: far less to parse and bind, several times faster than multi-row VALUES).
 */
async function insertEventsUnnest(tx: Parameters<Parameters<typeof inTransaction>[1]>[0], events: readonly EventInsert[]): Promise<void> {
  const per = 50_000;
  for (let i = 0; i < events.length; i += per) {
    const slice = events.slice(i, i + per);
    await sql`insert into application_events (id, application_id, seq, type, occurred_at, recorded_at, actor_id, data)
      select * from unnest(${slice.map((e) => e.id)}::text[], ${slice.map((e) => e.applicationId)}::text[], ${slice.map((e) => e.seq)}::int[],
        ${slice.map((e) => e.type)}::text[], ${slice.map((e) => e.occurredAt)}::text[], ${slice.map((e) => e.recordedAt)}::text[],
        ${slice.map((e) => e.actorId)}::text[], ${slice.map((e) => JSON.stringify(e.data ?? {}))}::text[])`.execute(tx);
  }
}

async function generate(store: Store, size: number): Promise<{ events: number; seconds: number; token: string }> {
  const t0 = performance.now();
  const app = await buildApp({ db: store, clock: () => NOW, config: { secureCookies: false } });
  const token = await benchOwnerToken(app);
  await app.close();
  const owner = (await listUsers(store.db))[0]!.id;
  const roleIds = await insertBenchRoles(store.db, ROLES, owner);
  const at = NOW.toISOString();
  // People who own clocks: interviewers and approvers, as accounts (the per-person breaches name them).
  const interviewers = Array.from({ length: 30 }, (_, i) => id('interviewer', i));
  const approvers = Array.from({ length: 4 }, (_, i) => id('approver', i));
  const companyId = (await getCompany(store.db))!.id;
  await inTransaction(store.db, async (tx) => {
    await insertRows(
      tx,
      'users',
      [...interviewers, ...approvers].map((u) => ({ id: u, company_id: companyId, email: `${u}@bench.example`, name: `Person ${u}`, role: u.startsWith('interviewer') ? 'interviewer' : 'admin', password_hash: 'x', created_at: at, updated_at: at })),
    );
    await insertRows(tx, 'talent_pools', [{ id: 'pool-referrals', company_id: companyId, name: 'Referrals', cadence_days: 90, created_at: at, updated_at: at }]);
  });
  const people = { interviewers, approvers, owner };
  const rng = seededRandom(14_000 + size);
  let events = 0;
  let lastLog = performance.now();
  for (let from = 0; from < size; from += APPS_PER_TX) {
    const to = Math.min(size, from + APPS_PER_TX);
    const candidates: CandidateInsert[] = [];
    const apps: ApplicationInsert[] = [];
    const batch: EventInsert[] = [];
    const offers: Array<Record<string, unknown>> = [];
    const versions: Array<Record<string, unknown>> = [];
    const prospects: Array<Record<string, unknown>> = [];
    for (let n = from; n < to; n++) {
      const source = pick(rng, SOURCE_MIX);
      candidates.push(benchCandidate(n, source as CandidateInsert['source'], owner, benchCompensation(n)));
      if (source === 'referral') {
        prospects.push({ id: id('prospect', n), pool_id: 'pool-referrals', candidate_id: id('cand', n), status: 'converted', found_how: 'referrer', found_detail: `Referrer ${Math.floor(rng() * rng() * REFERRERS) + 1}`, created_at: at, updated_at: at });
      }
      const g = history(n, rng, roleIds[Math.floor(rng() * roleIds.length)]!, source, people);
      apps.push(g.app);
      batch.push(...g.events);
      for (const o of g.offers) {
        offers.push({ id: o.id, application_id: g.app.id, status: o.status, current_version: 1, extended_at: o.at, created_at: o.at, updated_at: o.at });
        versions.push({ id: `${o.id}-v1`, offer_id: o.id, version: 1, currency: 'USD', base: o.base, equity_kind: 'options', equity_shares: 20_000, fully_diluted_shares: 10_000_000, last_post_money: 40_000_000, terms: '{}', evaluation: JSON.stringify({ threshold: { amount: o.threshold } }), created_at: o.at });
      }
    }
    await inTransaction(store.db, async (tx) => {
      await insertCandidates(tx, candidates, NOW, 1_000);
      await insertApplications(tx, apps, NOW, 2_000);
      if (store.dialect === 'postgres') await insertEventsUnnest(tx, batch);
      else await insertEvents(tx, batch, PARAMS_PER_INSERT / 8);
      await insertRows(tx, 'prospects', prospects);
      await insertRows(tx, 'offers', offers);
      await insertRows(tx, 'offer_versions', versions);
    });
    events += batch.length;
    if (performance.now() - lastLog > 10_000 || to === size) {
      lastLog = performance.now();
      const s = (performance.now() - t0) / 1000;
      console.log(`[${store.dialect} ${size}] generated ${to}/${size} applications, ${events} events, ${Math.round(s)} s (${Math.round(events / s)} events/s)`);
    }
  }
  await sql`analyze`.execute(store.db);
  return { events, seconds: Math.round((performance.now() - t0) / 100) / 10, token };
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/** Median wall and CPU time of RUNS requests after a warm-up, and this process's peak RSS so far. */
async function timed(app: App, token: string, url: string) {
  const get = async () => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`${url} -> ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return res;
  };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let res = await get(); // the first request: cold caches
  const c = process.cpuUsage(c0);
  const first = { wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((c.user + c.system) / 1000) };
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const w0 = performance.now();
    const u0 = process.cpuUsage();
    res = await get();
    const u = process.cpuUsage(u0);
    wall.push(Math.round(performance.now() - w0));
    cpu.push(Math.round((u.user + u.system) / 1000));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    // BENCH_RUNS=0: the first request is the measurement
    wallMs: RUNS ? median(wall) : first.wallMs,
    cpuMs: RUNS ? median(cpu) : first.cpuMs,
    runs: wall,
    first,
    load1: Math.round(loadavg()[0]! * 100) / 100,
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    responseKb: Math.round(res.body.length / 1024),
    applications: (res.json() as { applications: number }).applications,
  };
}

async function measure(store: Store, token: string, roleId: string) {
  const app = await buildApp({ db: store, clock: () => NOW, config: { secureCookies: false } });
  const out: Record<string, unknown> = {};
  try {
    // BENCH_REPORTS=funnel,offers measures only those (and skips the filtered requests).
    const only = process.env.BENCH_REPORTS?.split(',');
    for (const name of REPORT_NAMES.filter((n) => !only || only.includes(n))) {
      out[name] = await timed(app, token, `/api/v1/reports/${name}`);
      console.log(`[${store.dialect}] ${name}: ${JSON.stringify(out[name])}`);
    }
    if (only) return out;
    out['funnel?roleId'] = await timed(app, token, `/api/v1/reports/funnel?roleId=${roleId}`);
    out['offers?by=month&from'] = await timed(app, token, `/api/v1/reports/offers?by=month&from=2026-05-01`);
    console.log(`[${store.dialect}] filtered: ${JSON.stringify({ funnelRole: out['funnel?roleId'], offersMonth: out['offers?by=month&from'] })}`);
  } finally {
    await app.close();
  }
  return out;
}

/** Makes report_facts full (BENCH_FACTS unset or 1) or empty (BENCH_FACTS=0); says which, and how long filling took. */
async function storedFacts(store: Store, applications: number): Promise<{ stored: boolean; writtenSeconds?: number }> {
  if (process.env.BENCH_FACTS === '0') {
    await sql`delete from report_facts`.execute(store.db);
    return { stored: false };
  }
  // rows with their clock tallies (migration 026); rows written before it are written again
  const have = Number((await sql<{ n: number | string }>`select count(*) as n from report_clock_tallies where clock_key is not null`.execute(store.db)).rows[0]!.n);
  if (have === applications) return { stored: true };
  const t0 = performance.now();
  const rows = Number((await sql<{ n: number | string }>`select count(*) as n from report_facts`.execute(store.db)).rows[0]!.n);
  if (rows === applications) {
    // Facts written before migration 026: the same upsert writes their clock tallies from the stored facts.
    let after = '';
    for (;;) {
      const ids = (await sql<{ id: string }>`select application_id as id from report_facts where application_id > ${after} order by application_id limit 2000`.execute(store.db)).rows.map((r) => r.id);
      if (ids.length === 0) break;
      after = ids[ids.length - 1]!;
      await inTransaction(store.db, async (tx) => {
        const stored = await listStoredReportFacts(tx, ids);
        await upsertReportFacts(tx, ids.map((applicationId) => ({ applicationId, facts: stored.get(applicationId)! })), NOW);
      });
    }
    await sql`analyze`.execute(store.db);
    const tallySeconds = Math.round((performance.now() - t0) / 100) / 10;
    console.log(`[${store.dialect}] clock tallies written for ${applications} applications in ${tallySeconds} s`);
    return { stored: true, writtenSeconds: tallySeconds };
  }
  let afterId = '';
  for (;;) {
    const ids = (await sql<{ id: string }>`select id from applications where id > ${afterId} order by id limit 1000`.execute(store.db)).rows.map((r) => r.id);
    if (ids.length === 0) break;
    afterId = ids[ids.length - 1]!;
    await inTransaction(store.db, (tx) => writeReportFacts(tx, ids, NOW));
  }
  await sql`analyze`.execute(store.db);
  const writtenSeconds = Math.round((performance.now() - t0) / 100) / 10;
  console.log(`[${store.dialect}] report facts written for ${applications} applications in ${writtenSeconds} s`);
  return { stored: true, writtenSeconds };
}

export async function runReportsBench(): Promise<Record<string, unknown>> {
  const sizes: Record<string, Record<string, unknown>> = {};
  for (const size of SIZES) {
    sizes[String(size)] = await forEachBenchDialect(
      'reports',
      async (store, ctx) => {
        let generated: { events: number; seconds: number } | 'cached';
        let token: string;
        if (ctx.cached) {
          token = ctx.cached.note;
          generated = 'cached';
          console.log(`[${store.dialect} ${size}] using the cached database`);
        } else {
          const g = await generate(store, size);
          token = g.token;
          generated = { events: g.events, seconds: g.seconds };
          ctx.markCached!(token);
        }
        const counts = await sql<{ apps: number | string; events: number | string }>`select (select count(*) from applications) as apps, (select count(*) from application_events) as events`.execute(store.db);
        // The stored facts (report_facts): written in bulk here as `closer db rebuild-projections` writes them, unless
        // BENCH_FACTS=0, which empties them to measure the reports read from the events (as before migration 023).
        const facts = await storedFacts(store, Number(counts.rows[0]!.apps));
        // BENCH_MEASURE=0 only generates (and caches) the databases.
        const reports = process.env.BENCH_MEASURE === '0' ? null : await measure(store, token, id('role', 0));
        return { applications: Number(counts.rows[0]!.apps), events: Number(counts.rows[0]!.events), generated, facts, reports };
      },
      { cacheKey: String(size), sharedBuffers: '256MB' },
    );
  }
  return {
    note: `GET /api/v1/reports/{name} through app.inject with an owner's Bearer token (pay columns included); median of ${RUNS} runs after a first (cold) request; wallMs is elapsed time, cpuMs this process's CPU time in the same span (on PostgreSQL the server's CPU is not in it); peakRssMb is this process's peak resident memory so far (it only grows: read it at the larger size). load1 is the 1-minute load average when the report finished, on a machine of ${cpus().length} cores shared with other work.`,
    postgres: benchPostgresName(),
    goalMs: 500,
    sizes,
  };
}
