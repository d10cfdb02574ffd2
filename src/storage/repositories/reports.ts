import { createHash } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { ClockSettings } from '../../domain/pipeline/clock-settings.js';
import { CLOCK_IDS } from '../../domain/pipeline/lists.js';
import { CLOCK_TALLY_COLUMNS, storedRoleClockSettings, tallyClockRuns } from '../../domain/reports/reports.js';
import { TYPES_WITH_DATA_READ, type PreparedEvent } from '../../domain/pipeline/history.js';
import type { HistoryFacts, ReportFactsState } from '../../domain/reports/facts.js';
import type { Tx } from '../transaction.js';
import { runCompiled } from '../compiled-queries.js';
import { listEpochEventsOfApplications } from './events.js';

export interface ReportApplicationRow {
  id: string;
  roleId: string;
  source: string;
  /** Who referred the candidate: the `found_detail` of their earliest prospect record found through a referrer. */
  referrer: string | null;
  currentStage: string;
  /** The stored facts (report_facts), when the application has a row; its clock runs only when asked for. */
  facts: HistoryFacts | null;
  /** The history, only for an application without stored facts (read from its events). */
  events: PreparedEvent[];
}

/** Besides what the pipeline rules read: the offer ids of outcomes and extensions, and the signals logged. */
export const REPORT_DATA: readonly string[] = [...TYPES_WITH_DATA_READ, 'offer.extended', 'offer.accepted', 'offer.declined'];

/**
 * Every application (active or closed) with its candidate's source and referrer and its stored report facts; those
 * without stored facts come with their whole history, in batches so one query never names more than a few hundred
 * ids. Role and source filters go to the database (indexes on applications.role_id and the candidate's key). An erased
 * candidate's applications, events and facts are gone, so the reports no longer count them (docs/reports.md).
 */
export async function listReportApplications(
  tx: Tx,
  opts: { roleIds?: readonly string[]; source?: string; batch?: number; clockRuns?: boolean; withoutSourceFacts?: boolean } = {},
): Promise<ReportApplicationRow[]> {
  if (opts.roleIds?.length === 0) return [];
  let q = tx
    .selectFrom('applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .leftJoin('report_facts as f', 'f.application_id', 'a.id')
    .select((eb) => [
      'a.id as id',
      'a.role_id as roleId',
      'c.source as source',
      'a.stage as currentStage',
      'f.facts as facts',
      (opts.clockRuns ? sql<string | null>`f.clock_runs` : sql<string | null>`null`).as('clockRuns'),
      eb
        .selectFrom('prospects as p')
        .select('p.found_detail')
        .whereRef('p.candidate_id', '=', 'c.id')
        .where('p.found_how', '=', 'referrer')
        .orderBy('p.created_at')
        .orderBy('p.id')
        .limit(1)
        .as('referrer'),
    ])
    .orderBy('a.id');
  if (opts.roleIds) q = q.where('a.role_id', 'in', [...opts.roleIds]);
  if (opts.source) q = q.where('c.source', '=', opts.source);
  // only the applications the sources report cannot count in the database (no report_fact_columns row)
  if (opts.withoutSourceFacts) q = q.where(sql<SqlBool>`not exists (select 1 from report_fact_columns s where s.application_id = a.id)`);
  const rows = await q.execute();
  const out: ReportApplicationRow[] = [];
  const missing: ReportApplicationRow[] = [];
  for (const r of rows) {
    const facts = r.facts === null ? null : ({ ...JSON.parse(r.facts), clockRuns: r.clockRuns === null ? [] : JSON.parse(r.clockRuns) } as HistoryFacts);
    const row: ReportApplicationRow = { id: r.id, roleId: r.roleId, source: r.source, referrer: r.referrer ?? null, currentStage: r.currentStage, facts, events: [] };
    out.push(row);
    if (!facts) missing.push(row);
  }
  const size = opts.batch ?? 500;
  for (let i = 0; i < missing.length; i += size) {
    const slice = missing.slice(i, i + size);
    const events = await listEpochEventsOfApplications(tx, slice.map((r) => r.id), REPORT_DATA);
    for (const r of slice) r.events = events.get(r.id) ?? [];
  }
  return out;
}

/** One application's stored report facts, as `historyReportFacts` gives them. */
export interface ReportFactsWrite {
  applicationId: string;
  facts: HistoryFacts;
  /**
   * The fold state the facts were read from (`facts` is reportFactsOf(state); migration 025). Stored without its clock
   * runs, which are the facts' own (the clock_runs column). Without it the row keeps none: the next append folds the
   * history again.
   */
  state?: ReportFactsState;
  /** The application's role and its clock settings now, when the caller has them (an append): else they are read. */
  clocks?: RoleClocks;
}

/** An application's role and that role's clock settings now (null when its stored settings do not resolve). */
export interface RoleClocks {
  roleId: string;
  settings: ClockSettings | null;
}

const keys = new WeakMap<ClockSettings, string>();

/** Names a role's resolved clock settings in report_clock_tallies.clock_key: equal keys, equal settings. */
export function clockSettingsKey(settings: ClockSettings): string {
  // the resolvers hand out the same object for the same settings, so each is hashed once
  let key = keys.get(settings);
  if (key === undefined) keys.set(settings, (key = createHash('sha1').update(JSON.stringify(settings)).digest('base64')));
  return key;
}

/** The role of each application and its clock settings now, the company's read in the same query; each distinct settings text resolved once. */
async function clockSettingsOfApplications(tx: Tx, ids: readonly string[]): Promise<Map<string, RoleClocks>> {
  const out = new Map<string, RoleClocks>();
  if (ids.length === 0) return out;
  const rows = await tx
    .selectFrom('applications as a')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .select((eb) => [
      'a.id as id',
      'a.role_id as roleId',
      'r.clock_overrides as overrides',
      // the company as getCompany reads it (the first one made)
      eb.selectFrom('companies').select('settings').orderBy('created_at').limit(1).as('companySettings'),
      eb.selectFrom('companies').select('time_zone').orderBy('created_at').limit(1).as('timeZone'),
    ])
    .where('a.id', 'in', [...ids])
    .execute();
  const byText = new Map<string, ClockSettings | null>();
  for (const r of rows) {
    const text = `${r.companySettings ?? ''}\u0000${r.timeZone ?? ''}\u0000${r.overrides}`;
    let settings = byText.get(text);
    if (settings === undefined) {
      const company = r.companySettings === null ? undefined : { settings: JSON.parse(r.companySettings) as Record<string, unknown>, timeZone: r.timeZone as string };
      byText.set(text, (settings = storedRoleClockSettings(company, JSON.parse(r.overrides) as Record<string, unknown>)));
    }
    out.set(r.id, { roleId: r.roleId, settings });
  }
  return out;
}

/**
 * Writes (inserts or replaces) the report facts rows of these applications, with their clock tallies (migration 026:
 * the stopped runs judged under the role's clock settings now, per clock and per approver and interviewer; the runs
 * still going as they are), in the caller's transaction.
 */
export async function upsertReportFacts(tx: Tx, rows: readonly ReportFactsWrite[], now: Date, chunk = 500): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    const read = await clockSettingsOfApplications(tx, slice.filter((r) => r.clocks === undefined).map((r) => r.applicationId));
    const settingsOf = new Map(slice.map((r) => [r.applicationId, r.clocks ?? read.get(r.applicationId)]));
    const tallies: Array<Record<string, unknown> & { application_id: string; role_id: string }> = [];
    const people: Array<{ application_id: string; clock: string; person_id: string; runs: number; warning: number; critical: number }> = [];
    const values = slice.map(({ applicationId, facts }) => {
      const { clockRuns, ...rest } = facts;
      const of = settingsOf.get(applicationId);
      const settings = of?.settings ?? null;
      const tally = settings ? tallyClockRuns(clockRuns, settings) : null;
      const counts: Record<string, number> = {};
      for (const clock of CLOCK_IDS) {
        const c = tally?.clocks[clock];
        const col = CLOCK_TALLY_COLUMNS[clock];
        counts[`${col}_runs`] = c?.runs ?? 0;
        counts[`${col}_warning`] = c?.warning ?? 0;
        counts[`${col}_critical`] = c?.critical ?? 0;
      }
      for (const p of tally?.people ?? []) people.push({ application_id: applicationId, clock: p.clock, person_id: p.personId, runs: p.runs, warning: p.warning, critical: p.critical });
      tallies.push({
        application_id: applicationId,
        role_id: of?.roleId ?? '',
        clock_key: settings ? clockSettingsKey(settings) : null,
        clock_min_start: tally?.minStart ?? null,
        clock_max_start: tally?.maxStart ?? null,
        clock_max_at: tally?.maxAt ?? null,
        open_runs: tally && tally.open.length > 0 ? JSON.stringify(tally.open) : null,
        ...counts,
      });
      return { application_id: applicationId, first_contact_at: facts.firstContactAt, facts: JSON.stringify(rest), clock_runs: JSON.stringify(clockRuns), updated_at: at };
    });
    const factRows = values.map((v, k) => ({ ...v, fold_state: foldStateText(rows[i + k]!) }));
    const factsUpsert = () =>
      tx
        .insertInto('report_facts')
        .values(factRows)
        .onConflict((oc) =>
          oc.column('application_id').doUpdateSet((eb) => ({
            fold_state: eb.ref('excluded.fold_state'),
            first_contact_at: eb.ref('excluded.first_contact_at'),
            facts: eb.ref('excluded.facts'),
            clock_runs: eb.ref('excluded.clock_runs'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        );
    const talliesUpsert = () =>
      tx
        .insertInto('report_clock_tallies')
        .values(tallies)
        .onConflict((oc) => oc.column('application_id').doUpdateSet(Object.fromEntries(Object.keys(tallies[0]!).filter((c) => c !== 'application_id').map((c) => [c, sql.ref(`excluded.${c}`)]))));
    // The facts the sources and losses reports read as columns (migration 027).
    const columnRows = slice.map(({ applicationId, facts }) => ({ application_id: applicationId, role_id: settingsOf.get(applicationId)?.roleId ?? '', first_contact_at: facts.firstContactAt, interviewed: facts.interviewed ? 1 : 0, offered: facts.offers.length > 0 ? 1 : 0, hired: facts.hiredAt !== null ? 1 : 0, loss_at: facts.loss?.at ?? null, loss_reason: facts.loss?.reason ?? null, loss_stage: facts.loss?.stage ?? null, loss_signals: facts.loss ? JSON.stringify(facts.loss.signals) : null }));
    const columnsUpsert = () =>
      tx
        .insertInto('report_fact_columns')
        .values(columnRows)
        .onConflict((oc) => oc.column('application_id').doUpdateSet((eb) => ({ role_id: eb.ref('excluded.role_id'), first_contact_at: eb.ref('excluded.first_contact_at'), interviewed: eb.ref('excluded.interviewed'), offered: eb.ref('excluded.offered'), hired: eb.ref('excluded.hired'), loss_at: eb.ref('excluded.loss_at'), loss_reason: eb.ref('excluded.loss_reason'), loss_stage: eb.ref('excluded.loss_stage'), loss_signals: eb.ref('excluded.loss_signals') })));
    const sliceIds = slice.map((r) => r.applicationId);
    const peopleDelete = () => tx.deleteFrom('report_clock_people').where('application_id', 'in', sliceIds);
    if (slice.length === 1) {
      // One application (every append): the four statements compiled once, bound with this row's values (in their keys' order).
      await runCompiled(tx, 'reports.factsUpsert1', factsUpsert, Object.values(factRows[0]!));
      await runCompiled(tx, 'reports.talliesUpsert1', talliesUpsert, Object.values(tallies[0]!));
      await runCompiled(tx, 'reports.columnsUpsert1', columnsUpsert, Object.values(columnRows[0]!));
      await runCompiled(tx, 'reports.peopleDelete1', peopleDelete, sliceIds);
    } else {
      await factsUpsert().execute();
      await talliesUpsert().execute();
      await columnsUpsert().execute();
      await peopleDelete().execute();
    }
    for (let j = 0; j < people.length; j += 4_000) await tx.insertInto('report_clock_people').values(people.slice(j, j + 4_000)).execute();
  }
}

/** The fold state as stored: its clock runs are left out (they are the clock_runs column, written with it). */
const foldStateText = (row: ReportFactsWrite): string | null => (row.state === undefined ? null : JSON.stringify({ ...row.state, clockRuns: undefined }));

/** The stored fold state of one application's facts (migration 025), its clock runs joined back: null without a row or without a state. */
export async function getReportFactsState(tx: Tx, applicationId: string): Promise<ReportFactsState | null> {
  const row = await tx.selectFrom('report_facts').select(['fold_state', 'clock_runs']).where('application_id', '=', applicationId).executeTakeFirst();
  return parseReportFactsState(row?.fold_state ?? null, row?.clock_runs ?? null);
}

/** A stored fold state from its columns (fold_state and clock_runs, as getProjectionContext also reads them). */
export function parseReportFactsState(foldState: string | null, clockRuns: string | null): ReportFactsState | null {
  if (!foldState || clockRuns === null) return null;
  return { ...(JSON.parse(foldState) as Omit<ReportFactsState, 'clockRuns'>), clockRuns: JSON.parse(clockRuns) as ReportFactsState['clockRuns'] };
}

/** The stored facts rows of these applications as JSON text (facts with clock runs), for comparing with a rebuild. */
export async function listStoredReportFacts(tx: Tx, ids: readonly string[]): Promise<Map<string, HistoryFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('report_facts').select(['application_id', 'facts', 'clock_runs']).where('application_id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.application_id, { ...JSON.parse(r.facts), clockRuns: JSON.parse(r.clock_runs) } as HistoryFacts]));
}

export interface ReportOfferRow {
  offerId: string;
  base: number;
  currency: string;
  /** The cash threshold the offer's evaluation computed (compensation-model.md 4.1), when it was evaluated. */
  threshold: number | null;
}

/** The current version's base of every offer, with the threshold from its stored evaluation: pay, for pay readers only. */
export async function listReportOffers(tx: Tx): Promise<ReportOfferRow[]> {
  const rows = await tx
    .selectFrom('offers as o')
    .innerJoin('offer_versions as v', (j) => j.onRef('v.offer_id', '=', 'o.id').onRef('v.version', '=', 'o.current_version'))
    .select(['o.id as offerId', 'v.base as base', 'v.currency as currency', 'v.evaluation as evaluation'])
    .execute();
  return rows.map((r) => {
    const evaluation = r.evaluation ? (JSON.parse(r.evaluation) as { threshold?: { amount?: unknown } }) : null;
    const amount = evaluation?.threshold?.amount;
    return { offerId: r.offerId, base: Number(r.base), currency: r.currency, threshold: typeof amount === 'number' ? Math.round(amount) : null };
  });
}

/** What the clock-breaches report reads: the filters and the request's instant (docs/reports.md, "Speed"). */
export interface ClockTallyQuery {
  roleIds?: readonly string[];
  source?: string;
  from?: number;
  to?: number;
  asOf: number;
}

export interface ClockTallySum {
  roleId: string;
  clockKey: string;
  /** Per clock: runs, warning, critical (CLOCK_IDS order). */
  counts: Array<{ runs: number; warning: number; critical: number }>;
}

export interface ClockTallyPersonSum {
  roleId: string;
  clockKey: string;
  clock: string;
  personId: string;
  runs: number;
  warning: number;
  critical: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = any;

/** The role and source filters on applications a. */
function filtered(q: AnyQuery, opts: Pick<ClockTallyQuery, 'roleIds' | 'source'>): AnyQuery {
  if (opts.roleIds) q = q.where('a.role_id', 'in', [...opts.roleIds]);
  // the candidate's source, by the candidates' key (read only with the filter)
  if (opts.source) q = q.where(sql<SqlBool>`a.candidate_id in (select id from candidates where source = ${opts.source})`);
  return q;
}

/** Stored tallies that hold as they are: judged before the request, every stopped run's start inside the period. */
function tallyHolds(opts: ClockTallyQuery) {
  return sql<SqlBool>`(t.clock_key is not null and t.clock_min_start is not null and t.clock_max_at <= ${opts.asOf}${opts.from === undefined ? sql`` : sql` and t.clock_min_start >= ${opts.from}`}${opts.to === undefined ? sql`` : sql` and t.clock_max_start < ${opts.to}`})`;
}

/** Stored tallies to judge again from the runs: written before 026, judged after the request's instant, or across a period end. */
function tallyToJudge(opts: ClockTallyQuery) {
  const inside = sql`${opts.from === undefined ? sql`true` : sql`t.clock_min_start >= ${opts.from}`} and ${opts.to === undefined ? sql`true` : sql`t.clock_max_start < ${opts.to}`}`;
  const outside = sql`${opts.from === undefined ? sql`false` : sql`t.clock_max_start < ${opts.from}`} or ${opts.to === undefined ? sql`false` : sql`t.clock_min_start >= ${opts.to}`}`;
  return sql<SqlBool>`(t.clock_key is null or (t.clock_min_start is not null and (t.clock_max_at > ${opts.asOf} or not ((${inside}) or (${outside})))))`;
}

const base = (tx: Tx) => tx.selectFrom('applications as a');

/** The same filters on the tallies t alone (an application's role never changes, so its tally keeps it). */
function filteredTallies(q: AnyQuery, opts: ClockTallyQuery): AnyQuery {
  if (opts.roleIds) q = q.where('t.role_id', 'in', [...opts.roleIds]);
  if (opts.source) q = q.where(sql<SqlBool>`t.application_id in (select a.id from applications a where a.candidate_id in (select id from candidates where source = ${opts.source}))`);
  return q;
}

/**
 * Applications the filters keep (the report's `applications`), and how many of them have no row yet in `table`: the
 * facts (report_facts) or their columns (report_fact_columns).
 */
export async function countReportApplications(tx: Tx, opts: Pick<ClockTallyQuery, 'roleIds' | 'source'>, table: 'report_facts' | 'report_fact_columns'): Promise<{ applications: number; withoutRow: number }> {
  if (opts.roleIds?.length === 0) return { applications: 0, withoutRow: 0 };
  // the table's name only picks the join: both key their rows by application_id
  const q = base(tx)
    .leftJoin(`${table as 'report_facts'} as f`, 'f.application_id', 'a.id')
    .select([sql<number | string>`count(*)`.as('n'), sql<number | string>`sum(case when f.application_id is null then 1 else 0 end)`.as('missing')]);
  const r = (await filtered(q, opts).executeTakeFirst()) as { n: number | string; missing: number | string | null } | undefined;
  return { applications: Number(r?.n ?? 0), withoutRow: Number(r?.missing ?? 0) };
}

/** The stored tallies that hold, summed per role and settings key. */
export async function sumClockTallies(tx: Tx, opts: ClockTallyQuery): Promise<ClockTallySum[]> {
  if (opts.roleIds?.length === 0) return [];
  const cols = CLOCK_IDS.flatMap((id) => ['runs', 'warning', 'critical'].map((k) => `${CLOCK_TALLY_COLUMNS[id]}_${k}`));
  const q = tx
    .selectFrom('report_clock_tallies as t')
    .select(['t.role_id as roleId', 't.clock_key as clockKey', ...cols.map((c) => sql<number | string>`sum(${sql.ref(`t.${c}`)})`.as(c))])
    .where(tallyHolds(opts))
    .groupBy(['t.role_id', 't.clock_key']);
  const rows = (await filteredTallies(q, opts).execute()) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    roleId: r.roleId as string,
    clockKey: r.clockKey as string,
    counts: CLOCK_IDS.map((id) => {
      const col = CLOCK_TALLY_COLUMNS[id];
      return { runs: Number(r[`${col}_runs`] ?? 0), warning: Number(r[`${col}_warning`] ?? 0), critical: Number(r[`${col}_critical`] ?? 0) };
    }),
  }));
}

/** The stored per-person tallies that hold, summed per role, settings key, clock and person. */
export async function sumClockPeopleTallies(tx: Tx, opts: ClockTallyQuery): Promise<ClockTallyPersonSum[]> {
  if (opts.roleIds?.length === 0) return [];
  const q = tx
    .selectFrom('report_clock_tallies as t')
    .innerJoin('report_clock_people as p', 'p.application_id', 't.application_id')
    .select([
      't.role_id as roleId',
      't.clock_key as clockKey',
      'p.clock as clock',
      'p.person_id as personId',
      sql<number | string>`sum(p.runs)`.as('runs'),
      sql<number | string>`sum(p.warning)`.as('warning'),
      sql<number | string>`sum(p.critical)`.as('critical'),
    ])
    .where(tallyHolds(opts))
    .groupBy(['t.role_id', 't.clock_key', 'p.clock', 'p.person_id']);
  const rows = (await filteredTallies(q, opts).execute()) as Array<Record<string, unknown>>;
  return rows.map((r) => ({ roleId: r.roleId as string, clockKey: r.clockKey as string, clock: r.clock as string, personId: r.personId as string, runs: Number(r.runs), warning: Number(r.warning), critical: Number(r.critical) }));
}

export interface ClockRunsRow {
  id: string;
  roleId: string;
  /** JSON: ClockRunFact[] */
  runs: string;
}

/**
 * The applications whose runs are judged at the request: `which: 'judge'` their whole stored runs when the tally does
 * not hold (tallyToJudge, or a settings key among `staleKeys` for its role); `which: 'open'` the runs still going of
 * the others (those without a facts row: listApplicationsWithoutFacts).
 */
export async function listClockRunsToJudge(tx: Tx, opts: ClockTallyQuery & { staleKeys?: ReadonlyArray<readonly [string, string]> }, which: 'judge' | 'open'): Promise<ClockRunsRow[]> {
  if (opts.roleIds?.length === 0) return [];
  if (which === 'open') {
    const q = tx.selectFrom('report_clock_tallies as t').select(['t.application_id as id', 't.role_id as roleId', sql<string>`t.open_runs`.as('runs')]).where('t.open_runs', 'is not', null).where('t.clock_key', 'is not', null);
    return (await filteredTallies(q, opts).execute()) as ClockRunsRow[];
  }
  const stale = opts.staleKeys ?? [];
  // a facts row without its tally (written before 026) has t.clock_key null: judged from its runs
  const q = base(tx)
    .innerJoin('report_facts as f', 'f.application_id', 'a.id')
    .leftJoin('report_clock_tallies as t', 't.application_id', 'a.id')
    .select(['a.id as id', 'a.role_id as roleId', sql<string>`f.clock_runs`.as('runs')])
    .where((eb) => eb.or([tallyToJudge(opts), ...stale.map(([roleId, key]) => eb.and([eb('a.role_id', '=', roleId), eb('t.clock_key', '=', key), tallyHolds(opts)]))]));
  return (await filtered(q, opts).execute()) as ClockRunsRow[];
}

/** The ids of the applications the filters keep that have no facts row yet. */
export async function listApplicationsWithoutFacts(tx: Tx, opts: ClockTallyQuery): Promise<Array<{ id: string; roleId: string }>> {
  if (opts.roleIds?.length === 0) return [];
  const q = base(tx).leftJoin('report_facts as f', 'f.application_id', 'a.id').select(['a.id as id', 'a.role_id as roleId']).where('f.application_id', 'is', null);
  return (await filtered(q, opts).execute()) as Array<{ id: string; roleId: string }>;
}

/** What the sources report reads from the database: the filters (role, source) and the period on first contact. */
export interface SourceFactsQuery {
  roleIds?: readonly string[];
  source?: string;
  from?: number;
  to?: number;
}

export interface SourceFactsSum {
  key: string;
  candidates: number;
  interviewed: number;
  offered: number;
  hired: number;
}

/**
 * The sources report's counts summed by the database over report_fact_columns (migration 027), per candidate source
 * (as it is now) and per referrer (the `found_detail` of the candidate's earliest prospect record found through a
 * referrer, as listReportApplications names it), for the applications first contacted in the period. The applications
 * without a row are not in these sums (listReportApplications with `withoutSourceFacts` reads them).
 */
export async function sumReportSourceFacts(tx: Tx, opts: SourceFactsQuery): Promise<{ sources: SourceFactsSum[]; referrers: SourceFactsSum[] }> {
  if (opts.roleIds?.length === 0) return { sources: [], referrers: [] };
  const where = sql.join(
    [
      sql`s.first_contact_at is not null`,
      ...(opts.from === undefined ? [] : [sql`s.first_contact_at >= ${opts.from}`]),
      ...(opts.to === undefined ? [] : [sql`s.first_contact_at < ${opts.to}`]),
      ...(opts.roleIds ? [sql`s.role_id in (${sql.join([...opts.roleIds])})`] : []),
      ...(opts.source ? [sql`c.source = ${opts.source}`] : []),
    ],
    sql` and `,
  );
  // one pass, grouped by source and referrer together (at most sources x referrers rows), split here
  type Row = { source: string; referrer: string | null; candidates: number | string; interviewed: number | string; offered: number | string; hired: number | string };
  const { rows } = await sql<Row>`select c.source as source, r.found_detail as referrer, count(*) as candidates, sum(s.interviewed) as interviewed, sum(s.offered) as offered, sum(s.hired) as hired
    from report_fact_columns s join applications a on a.id = s.application_id join candidates c on c.id = a.candidate_id
    left join (select x.candidate_id, x.found_detail from (select p.candidate_id, p.found_detail, row_number() over (partition by p.candidate_id order by p.created_at, p.id) as rn from prospects p where p.found_how = 'referrer') x where x.rn = 1) r on r.candidate_id = c.id
    where ${where} group by c.source, r.found_detail`.execute(tx);
  const sources = new Map<string, SourceFactsSum>();
  const referrers = new Map<string, SourceFactsSum>();
  const add = (map: Map<string, SourceFactsSum>, key: string, r: Row) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = { key, candidates: 0, interviewed: 0, offered: 0, hired: 0 }));
    c.candidates += Number(r.candidates);
    c.interviewed += Number(r.interviewed);
    c.offered += Number(r.offered);
    c.hired += Number(r.hired);
  };
  for (const r of rows) {
    add(sources, r.source, r);
    if (r.referrer !== null) add(referrers, r.referrer, r);
  }
  return { sources: [...sources.values()], referrers: [...referrers.values()] };
}

export interface LossGroup {
  reason: NonNullable<HistoryFacts['loss']>['reason'];
  stage: string;
  signals: NonNullable<HistoryFacts['loss']>['signals'];
  count: number;
}

/**
 * The losses (report_fact_columns, migration 027) of the applications the filters keep, closed in the period: counted
 * by the database per reason, stage and signals, with the span from first contact (the loss itself without one) to
 * each loss in ms. The applications without a row are not here (listReportApplications with `withoutSourceFacts`).
 */
export async function countReportLosses(tx: Tx, opts: SourceFactsQuery): Promise<{ groups: LossGroup[]; spans: number[] }> {
  if (opts.roleIds?.length === 0) return { groups: [], spans: [] };
  const where = sql.join(
    [
      sql`s.loss_at is not null`,
      ...(opts.from === undefined ? [] : [sql`s.loss_at >= ${opts.from}`]),
      ...(opts.to === undefined ? [] : [sql`s.loss_at < ${opts.to}`]),
      ...(opts.roleIds ? [sql`s.role_id in (${sql.join([...opts.roleIds])})`] : []),
      ...(opts.source ? [sql`s.application_id in (select a.id from applications a join candidates c on c.id = a.candidate_id where c.source = ${opts.source})`] : []),
    ],
    sql` and `,
  );
  type Group = { loss_reason: string; loss_stage: string; loss_signals: string; n: number | string };
  const groups = await sql<Group>`select s.loss_reason, s.loss_stage, s.loss_signals, count(*) as n from report_fact_columns s where ${where} group by s.loss_reason, s.loss_stage, s.loss_signals`.execute(tx);
  const spans = await sql<{ d: number | string }>`select s.loss_at - coalesce(s.first_contact_at, s.loss_at) as d from report_fact_columns s where ${where}`.execute(tx);
  return {
    groups: groups.rows.map((r) => ({ reason: r.loss_reason as LossGroup['reason'], stage: r.loss_stage, signals: JSON.parse(r.loss_signals) as LossGroup['signals'], count: Number(r.n) })),
    spans: spans.rows.map((r) => Number(r.d)),
  };
}
