import type { Tx } from '../transaction.js';
import { runCompiled } from '../compiled-queries.js';
import { SqliteAdapter, sql } from 'kysely';
import type { ApplicationProjectionTable, TodayItemTable } from '../schema.js';
import type { ApplicationHeading } from './applications.js';

/** A read-model row as the services write it (domain/pipeline/projection.ts computes the values). */
export interface ProjectionWrite {
  applicationId: string;
  roleId: string;
  status: string;
  stage: string;
  firstContactAt: number | null;
  lastEventAt: number | null;
  attentionAt: number | null;
  nextChangeAt: number | null;
  /** The fold's state, JSON-safe. */
  state: unknown;
  /** What the reads need of it (domain readState), JSON-safe. */
  readState: unknown;
  /** Today's item rows (domain todayRows), replaced with the row. */
  todayRows: readonly TodayItemWrite[];
}

/** One of Today's item rows as the services write it (domain TodayRow). */
export interface TodayItemWrite {
  key: string;
  itemId: string;
  startAt: number | null;
  listedAt: number;
  untilAt: number | null;
  warningHours: number | null;
  criticalHours: number | null;
  basis: string | null;
  offerId: string | null;
  interviewId: string | null;
  interviewerId: string | null;
  approverIds: readonly string[] | null;
  /** Risk rows: JSON-safe inputs (domain TodayRiskInputs). */
  riskInputs: unknown;
}

export interface ProjectionRecord extends Omit<ProjectionWrite, 'state' | 'readState' | 'todayRows'> {
  /** The state as stored (JSON text): parsed by whoever needs it. */
  stateJson: string;
  /** read_state as stored; null on rows from before migration 016. */
  readStateJson: string | null;
  updatedAt: string;
}

function toRow(p: ProjectionWrite, at: string): ApplicationProjectionTable {
  return {
    application_id: p.applicationId,
    role_id: p.roleId,
    status: p.status,
    stage: p.stage,
    first_contact_at: p.firstContactAt,
    last_event_at: p.lastEventAt,
    attention_at: p.attentionAt,
    next_change_at: p.nextChangeAt,
    state: JSON.stringify(p.state),
    read_state: JSON.stringify(p.readState),
    updated_at: at,
  };
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toRecord(r: ApplicationProjectionTable): ProjectionRecord {
  return {
    applicationId: r.application_id,
    roleId: r.role_id,
    status: r.status,
    stage: r.stage,
    firstContactAt: num(r.first_contact_at),
    lastEventAt: num(r.last_event_at),
    attentionAt: num(r.attention_at),
    nextChangeAt: num(r.next_change_at),
    stateJson: r.state,
    readStateJson: r.read_state,
    updatedAt: r.updated_at,
  };
}

function toItemRow(p: Pick<ProjectionWrite, 'applicationId' | 'roleId' | 'status' | 'lastEventAt'>, r: TodayItemWrite): TodayItemTable {
  return {
    application_id: p.applicationId,
    role_id: p.roleId,
    status: p.status,
    item_key: r.key,
    item_id: r.itemId,
    start_at: r.startAt,
    listed_at: r.listedAt,
    until_at: r.untilAt,
    warning_hours: r.warningHours,
    critical_hours: r.criticalHours,
    basis: r.basis,
    offer_id: r.offerId,
    interview_id: r.interviewId,
    interviewer_id: r.interviewerId,
    approver_ids: r.approverIds === null ? null : JSON.stringify(r.approverIds),
    last_event_at: p.lastEventAt,
    risk_inputs: r.riskInputs === null ? null : JSON.stringify(r.riskInputs),
  };
}

/** Replaces the Today item rows of these applications. */
async function replaceTodayItems(tx: Tx, rows: ReadonlyArray<Pick<ProjectionWrite, 'applicationId' | 'roleId' | 'status' | 'lastEventAt' | 'todayRows'>>, chunk = 200): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.applicationId);
    // One application (every append): the statement compiled once.
    if (ids.length === 1) await runCompiled(tx, 'today_items.delete1', () => tx.deleteFrom('today_items').where('application_id', '=', ids[0]!), [ids[0]!]);
    else await tx.deleteFrom('today_items').where('application_id', 'in', ids).execute();
  }
  const items = rows.flatMap((p) => p.todayRows.map((r) => toItemRow(p, r)));
  for (let i = 0; i < items.length; i += chunk) await tx.insertInto('today_items').values(items.slice(i, i + chunk)).execute();
}

/** The Today item rows of these applications as written (for the rebuild's comparison), by application. */
export async function listTodayItemsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, TodayItemWrite[]>> {
  const out = new Map<string, TodayItemWrite[]>();
  if (ids.length === 0) return out;
  const rows = await tx.selectFrom('today_items').selectAll().where('application_id', 'in', [...ids]).execute();
  for (const r of rows) {
    const list = out.get(r.application_id) ?? [];
    list.push({
      key: r.item_key,
      itemId: r.item_id,
      startAt: num(r.start_at),
      listedAt: Number(r.listed_at),
      untilAt: num(r.until_at),
      warningHours: r.warning_hours === null ? null : Number(r.warning_hours),
      criticalHours: r.critical_hours === null ? null : Number(r.critical_hours),
      basis: r.basis,
      offerId: r.offer_id,
      interviewId: r.interview_id,
      interviewerId: r.interviewer_id,
      approverIds: r.approver_ids === null ? null : (JSON.parse(r.approver_ids) as string[]),
      riskInputs: r.risk_inputs === null ? null : (JSON.parse(r.risk_inputs) as unknown),
    });
    out.set(r.application_id, list);
  }
  return out;
}

/** Writes rows (insert or replace), `chunk` per statement, and their Today item rows. Call it under the application's row lock. */
export async function upsertProjections(tx: Tx, rows: readonly ProjectionWrite[], now: Date, chunk = 200): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += chunk) {
    await tx
      .insertInto('application_projections')
      .values(rows.slice(i, i + chunk).map((p) => toRow(p, at)))
      .onConflict((oc) =>
        oc.column('application_id').doUpdateSet((eb) => ({
          role_id: eb.ref('excluded.role_id'),
          status: eb.ref('excluded.status'),
          stage: eb.ref('excluded.stage'),
          first_contact_at: eb.ref('excluded.first_contact_at'),
          last_event_at: eb.ref('excluded.last_event_at'),
          attention_at: eb.ref('excluded.attention_at'),
          next_change_at: eb.ref('excluded.next_change_at'),
          state: eb.ref('excluded.state'),
          read_state: eb.ref('excluded.read_state'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  await replaceTodayItems(tx, rows);
}

export async function getProjection(tx: Tx, applicationId: string): Promise<ProjectionRecord | undefined> {
  const r = await tx.selectFrom('application_projections').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/**
 * What keeping one application's row needs, in one query: its role and the role's clock overrides, its row if any,
 * and the company's settings, as stored (JSON text: the caller parses them, or reuses what it parsed from the same text).
 */
export async function getProjectionContext(
  tx: Tx,
  applicationId: string,
): Promise<
  | { roleId: string; clockOverridesJson: string; stateJson: string | null; companySettingsJson: string | null; timeZone: string | null; reportFactsState: string | null; reportClockRuns: string | null }
  | undefined
> {
  // Every append runs it: compiled once (runCompiled), bound with the id each time.
  const [r] = await runCompiled(
    tx,
    'projections.context',
    () =>
      tx
        .selectFrom('applications as a')
        .innerJoin('roles as r', 'r.id', 'a.role_id')
        .leftJoin('application_projections as p', 'p.application_id', 'a.id')
        .leftJoin('companies as c', (j) => j.onTrue())
        // The reports' facts fold state (migration 025) comes with it: the append steps it next (services/report-facts.ts).
        .leftJoin('report_facts as f', 'f.application_id', 'a.id')
        .select(['a.role_id as roleId', 'r.clock_overrides as clockOverridesJson', 'p.state as stateJson', 'c.settings as companySettingsJson', 'c.time_zone as timeZone'])
        .select(['f.fold_state as reportFactsState', 'f.clock_runs as reportClockRuns'])
        .where('a.id', '=', applicationId),
    [applicationId],
  );
  return r;
}

/** Rewrites an existing row (an append that folds in order: the row is there). Call it under the application's row lock. */
export async function updateProjection(tx: Tx, p: ProjectionWrite, now: Date): Promise<void> {
  const { application_id: id, ...row } = toRow(p, now.toISOString());
  // Every in-order append runs it: compiled once (the columns are always the same, in toRow's order), bound each time.
  await runCompiled(tx, 'projections.update', () => tx.updateTable('application_projections').set(row).where('application_id', '=', id), [...Object.values(row), id]);
  await replaceTodayItems(tx, [p]);
}

/** The rows of these applications (any order). */
export async function listProjectionsByIds(tx: Tx, ids: readonly string[]): Promise<ProjectionRecord[]> {
  if (ids.length === 0) return [];
  return (await tx.selectFrom('application_projections').selectAll().where('application_id', 'in', [...ids]).execute()).map(toRecord);
}

/** Rows in application id order, a page at a time (rebuilds and settings changes walk them). */
export async function listProjections(tx: Tx, opts: { roleId?: string; afterId?: string; limit: number }): Promise<ProjectionRecord[]> {
  let q = tx.selectFrom('application_projections').selectAll();
  if (opts.roleId) q = q.where('role_id', '=', opts.roleId);
  if (opts.afterId !== undefined) q = q.where('application_id', '>', opts.afterId);
  return (await q.orderBy('application_id').limit(opts.limit).execute()).map(toRecord);
}

/** New attention and next-change times and read states, JSON text (after a settings change: the states stay, the times move). */
export async function updateProjectionTimes(
  tx: Tx,
  rows: ReadonlyArray<{ applicationId: string; attentionAt: number | null; nextChangeAt: number | null; readState: string } & Pick<ProjectionWrite, 'roleId' | 'status' | 'lastEventAt' | 'todayRows'>>,
  now: Date,
): Promise<void> {
  await replaceTodayItems(tx, rows);
  const at = now.toISOString();
  for (const r of rows) {
    await tx
      .updateTable('application_projections')
      .set({ attention_at: r.attentionAt, next_change_at: r.nextChangeAt, read_state: r.readState, updated_at: at })
      .where('application_id', '=', r.applicationId)
      .execute();
  }
}

/** Application ids in id order, a page at a time, and how many there are: what a rebuild walks. */
export async function listApplicationIdsPage(tx: Tx, afterId: string | undefined, limit: number): Promise<Array<{ id: string; roleId: string }>> {
  let q = tx.selectFrom('applications').select(['id', 'role_id as roleId']);
  if (afterId !== undefined) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

export async function countProjections(tx: Tx): Promise<number> {
  const r = await tx.selectFrom('application_projections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A heading with the application's stored state, when it has a usable one. */
export interface ProjectedHeading {
  heading: ApplicationHeading;
  /**
   * What the reads need of the state (JSON text: read_state, or the whole state on a row from before migration 016;
   * read it with `runningClocksOnly`), or null when the application has no row yet or its last event is after `now`.
   */
  stateJson: string | null;
}

const HEADING_COLUMNS = ['a.id as id', 'a.candidate_id as candidateId', 'c.name as candidateName', 'a.role_id as roleId', 'r.title as roleTitle', 'a.stage as stage', 'a.status as status', 'a.created_at as createdAt'] as const;

/**
 * Today's indexed read: the active applications whose rows say they may need attention by `nowMs`
 * (attention_at <= now), with their states; and the active ones without a usable row (none yet, or an event stamped
 * after `now`), whose state the caller derives from their events. In application id order.
 */
export async function listAttentionHeadings(tx: Tx, nowMs: number): Promise<{ projected: ProjectedHeading[]; unprojected: ApplicationHeading[] }> {
  const rows = await tx
    .selectFrom('application_projections as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .select((eb) => [...HEADING_COLUMNS, eb.fn.coalesce('p.read_state', 'p.state').as('state'), 'p.last_event_at as lastEventAt'])
    .where('p.attention_at', '<=', nowMs)
    .where('a.status', '=', 'active')
    .orderBy('a.id')
    .execute();
  const projected: ProjectedHeading[] = [];
  const unprojected = await listUnprojectedHeadings(tx, nowMs, {});
  for (const r of rows) {
    if (r.lastEventAt !== null && Number(r.lastEventAt) > nowMs) continue; // listed by listUnprojectedHeadings
    const { state, lastEventAt: _last, ...heading } = r;
    projected.push({ heading, stateJson: state });
  }
  return { projected, unprojected };
}

/** Active applications (of one role, closed ones too, with `roleId`) without a row, or whose last event is after `nowMs`. */
async function listUnprojectedHeadings(tx: Tx, nowMs: number, opts: { roleId?: string }): Promise<ApplicationHeading[]> {
  let q = tx
    .selectFrom('applications as a')
    .leftJoin('application_projections as p', 'p.application_id', 'a.id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .select([...HEADING_COLUMNS])
    .where((eb) => eb.or([eb('p.application_id', 'is', null), eb('p.last_event_at', '>', nowMs)]));
  q = opts.roleId ? q.where('a.role_id', '=', opts.roleId) : q.where('a.status', '=', 'active');
  return q.orderBy('a.id').execute();
}

/** The board's read: every application of a role (closed ones too) with its state when it has a usable row, in id order. */
export async function listRoleHeadingsWithState(tx: Tx, roleId: string, nowMs: number): Promise<ProjectedHeading[]> {
  const rows = await tx
    .selectFrom('applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .leftJoin('application_projections as p', 'p.application_id', 'a.id')
    .select((eb) => [...HEADING_COLUMNS, eb.fn.coalesce('p.read_state', 'p.state').as('state'), 'p.last_event_at as lastEventAt'])
    .where('a.role_id', '=', roleId)
    .orderBy('a.id')
    .execute();
  return rows.map(({ state, lastEventAt, ...heading }) => ({ heading, stateJson: state === null || (lastEventAt !== null && Number(lastEventAt) > nowMs) ? null : state }));
}

export async function countActiveApplications(tx: Tx): Promise<number> {
  const r = await tx.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  return Number(r.n);
}

/* ------------------------------------------------------------------ Today's indexed query (today_items) */

/** How many of the first items queryTodayItems reads per card of the page (the items are grouped by card when they do not hold enough cards). */
export const PAGE_ITEMS_PER_CARD = 8;

/** Which listed clock items Today keeps for one viewer; null keeps every one ("everything"). */
export interface TodayItemAudience {
  /** Item ids (clock ids) with the roles whose items of that id are the viewer's as role work. */
  roleWork: ReadonlyArray<{ itemId: string; roleIds: readonly string[] }>;
  /** The viewer's own overdue scorecards (scorecard.due items naming them). */
  interviewerId: string;
}

export interface TodayItemQuery {
  nowMs: number;
  audience: TodayItemAudience | null;
  /** Applications the caller derives itself (left out of the counts and the page). */
  exclude: readonly string[];
  /** At most this many cards (applications) in `page`. */
  limit: number;
  /** Applications counted as cards beside those with listed clock items (`cardsWithProbe`): the risk items'. */
  probe?: readonly string[];
  /**
   * Also count "everything"'s cards (every listed item, audience null) in the same statement (`cardsInEverything`):
   * leaving out only these applications, with these probe applications. `exclude` must hold this `exclude`.
   */
  everything?: { exclude: readonly string[]; probe: readonly string[] };
  /** How many of the first items are read per card of the page (PAGE_ITEMS_PER_CARD; 0 groups the items by card at once). */
  itemsPerCard?: number;
}

/** The clock rows listed by `nowMs` (their warning crossing passed) that the query's audience keeps. */
function listedClockConditions(q: Pick<TodayItemQuery, 'nowMs' | 'audience' | 'exclude'>) {
  const now = q.nowMs;
  return [sql`listed_at <= ${now}`, sql`item_id <> 'risk'`, sql`status = 'active'`, sql`(last_event_at is null or last_event_at <= ${now})`, ...audienceConditions(q)];
}

/** The audience's and the exclusion's part of listedClockConditions. */
function audienceConditions(q: Pick<TodayItemQuery, 'audience' | 'exclude'>) {
  const conditions = [];
  if (q.audience) {
    const mine = [sql`(item_id = 'scorecard.due' and interviewer_id = ${q.audience.interviewerId})`];
    for (const w of q.audience.roleWork) if (w.roleIds.length > 0) mine.push(sql`(item_id = ${w.itemId} and role_id in (${sql.join([...w.roleIds])}))`);
    conditions.push(sql`(${sql.join(mine, sql` or `)})`);
  }
  for (let i = 0; i < q.exclude.length; i += 500) conditions.push(sql`application_id not in (${sql.join(q.exclude.slice(i, i + 500))})`);
  return conditions;
}

/**
 * The business-hour clock rows listed by `nowMs` that the audience keeps (their warning crossing, in working hours, was
 * computed at write): the caller ranks them with the domain (todayClockRankOfRow), as working hours are not SQL's.
 */
export async function listBusinessClockRows(
  tx: Tx,
  q: Pick<TodayItemQuery, 'nowMs' | 'audience' | 'exclude'>,
): Promise<Array<{ applicationId: string; roleId: string; startAt: number; warningHours: number; criticalHours: number; newApplicant: boolean }>> {
  const rows = await sql<{ application_id: string; role_id: string; start_at: number | string; warning_hours: number | string; critical_hours: number | string; item_key: string }>`select application_id, role_id, start_at, warning_hours, critical_hours, item_key from today_items where ${sql.join([...listedClockConditions(q), sql`basis = 'business'`], sql` and `)}`.execute(tx);
  return rows.rows.map((r) => ({ applicationId: r.application_id, roleId: r.role_id, startAt: Number(r.start_at), warningHours: Number(r.warning_hours), criticalHours: Number(r.critical_hours), newApplicant: r.item_key.startsWith('new|') }));
}

/**
 * The listed clock items at `nowMs` (a clock row whose elapsed time, (now - start) / 1 h in calendar hours, is past
 * its warning time; a new-applicant row whose elapsed time is not) as the domain orders them (buildTodayItems: critical first, then by overshoot of the level's
 * threshold, then application id): how many items and cards (applications) there are, and the first `limit` cards'
 * application ids in order. Calendar-hour rows only (business-hour rows: listBusinessClockRows).
 */
export async function queryTodayItems(
  tx: Tx,
  q: TodayItemQuery,
): Promise<{ items: number; cards: number; cardsWithProbe: number; cardsInEverything: number | null; page: Array<{ applicationId: string; rank: number; overshoot: number }> }> {
  const sqlite = tx.getExecutor().adapter instanceof SqliteAdapter;
  const dbl = sql.raw(sqlite ? 'real' : 'double precision');
  const collate = sql.raw(sqlite ? 'collate binary' : 'collate "C"');
  const now = q.nowMs;
  // With `everything`, the rows are everything's and `m` marks the query's own (its audience, its exclusions); else all are its own.
  const base = q.everything ? listedClockConditions({ nowMs: now, audience: null, exclude: q.everything.exclude }) : listedClockConditions(q);
  const ownConditions = q.everything ? audienceConditions(q) : [];
  const own = ownConditions.length > 0 ? sql`case when ${sql.join(ownConditions, sql` and `)} then 1 else 0 end` : sql`1`;
  const conditions = [...base, sql`basis = 'calendar'`];
  // The clock's elapsed hours, as the domain computes them (toClock): the same double arithmetic on both dialects.
  const elapsed = sql`cast(${now} - start_at as ${dbl}) / cast(3600000 as ${dbl})`;
  // New-applicant rows (key `new|...`, domain todayRows) are listed while the clock is not yet late, after the late items.
  const listed = sql`select application_id, ${own} as m, ${elapsed} as el, warning_hours as w, critical_hours as c, case when item_key like 'new|%' then 1 else 0 end as nw from today_items where ${sql.join(conditions, sql` and `)}`;
  const ranked = sql`select application_id, m, case when nw = 1 then 2 when el > c then 0 else 1 end as rk, case when nw = 1 then 0 when el > c then c else w end as thr, el from (${listed}) x where (nw = 0 and el > w) or (nw = 1 and el <= w)`;
  const items = sql`select application_id, m, rk, case when thr > 0 then (el - thr) / thr else el end as ov from (${ranked}) y`;
  // The probes' applications as one JSON parameter each (one statement whatever their number).
  const probeOf = (ids: readonly string[]) => sql`select ${sqlite ? sql`value from json_each(${JSON.stringify(ids)})` : sql`jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)`} as application_id`;
  const everything = q.everything ? sql`(select count(*) from (select application_id from it union ${probeOf(q.everything.probe)}) u)` : sql`null`;
  // One statement: the counts (one row), beside the first items in the domain's order (rank, overshoot, application):
  // a card ranks by its most urgent item (the lowest rank, the largest overshoot at that rank), so the page's cards are
  // the first applications met in that order. Items enough for `limit` cards as a rule; else the cards are grouped below.
  const firstItems = q.limit > 0 ? q.limit * (q.itemsPerCard ?? PAGE_ITEMS_PER_CARD) : 0;
  const rows = await sql<{ items: number | string; cards: number | string; with_probe: number | string; with_everything: number | string | null; application_id: string | null; rk: number | string | null; ov: number | string | null }>`with it as (${items}),
    counts as (select (select count(*) from it where m = 1) as items, (select count(distinct application_id) from it where m = 1) as cards, (select count(*) from (select application_id from it where m = 1 union ${probeOf(q.probe ?? [])}) u) as with_probe, ${everything} as with_everything),
    page as (select application_id, rk, ov from it where m = 1 order by rk, ov desc, application_id ${collate} limit ${firstItems})
    select counts.items, counts.cards, counts.with_probe, counts.with_everything, page.application_id, page.rk, page.ov from counts left join page on 1 = 1 order by page.rk, page.ov desc, page.application_id ${collate}`.execute(tx);
  const c = rows.rows[0]!;
  const cards = Number(c.cards);
  const page: Array<{ applicationId: string; rank: number; overshoot: number }> = [];
  const seen = new Set<string>();
  for (const r of rows.rows) {
    if (r.application_id === null || seen.has(r.application_id) || page.length >= q.limit) continue;
    seen.add(r.application_id);
    page.push({ applicationId: r.application_id, rank: Number(r.rk), overshoot: Number(r.ov) });
  }
  if (page.length < Math.min(q.limit, cards)) {
    // Fewer cards among the first items than the page needs (many items per application): group the items by card.
    const ov = sql`coalesce(max(case when rk = 0 then ov end), max(case when rk = 1 then ov end), max(ov))`;
    const grouped = await sql<{ application_id: string; rk: number | string; ov: number | string }>`with it as (${items}) select application_id, min(rk) as rk, ${ov} as ov from it where m = 1 group by application_id order by rk, ov desc, application_id ${collate} limit ${q.limit}`.execute(tx);
    page.splice(0, page.length, ...grouped.rows.map((r) => ({ applicationId: r.application_id, rank: Number(r.rk), overshoot: Number(r.ov) })));
  }
  return {
    items: Number(c.items),
    cards,
    cardsWithProbe: Number(c.with_probe),
    cardsInEverything: c.with_everything === null ? null : Number(c.with_everything),
    page,
  };
}

/** The risk rows whose window holds `nowMs` (the risk may be high or critical now), with their inputs (JSON text). */
export async function listTodayRiskRows(tx: Tx, nowMs: number): Promise<Array<{ applicationId: string; roleId: string; riskInputs: string }>> {
  const rows = await tx
    .selectFrom('today_items')
    .select(['application_id as applicationId', 'role_id as roleId', 'risk_inputs as riskInputs'])
    .where('item_id', '=', 'risk')
    .where('status', '=', 'active')
    .where('listed_at', '<=', nowMs)
    .where((eb) => eb.or([eb('until_at', 'is', null), eb('until_at', '>', nowMs)]))
    .where((eb) => eb.or([eb('last_event_at', 'is', null), eb('last_event_at', '<=', nowMs)]))
    .execute();
  return rows.map((r) => ({ ...r, riskInputs: r.riskInputs ?? 'null' }));
}

/**
 * Listed approval items the viewer may be an approver of (the request names them, or the offer's current version
 * does): a superset, the caller checks each with the approval trail. With their roles.
 */
export async function listTodayApprovalCandidates(tx: Tx, nowMs: number, userId: string): Promise<Array<{ applicationId: string; roleId: string }>> {
  const pattern = `%${JSON.stringify(userId)}%`;
  return tx
    .selectFrom('today_items as t')
    .select(['t.application_id as applicationId', 't.role_id as roleId'])
    .distinct()
    .where('t.item_id', '=', 'approval.pending')
    .where('t.status', '=', 'active')
    .where('t.listed_at', '<=', nowMs)
    .where((eb) =>
      eb.or([
        eb('t.approver_ids', 'like', pattern),
        eb(
          't.offer_id',
          'in',
          eb.selectFrom('offers as o').innerJoin('offer_versions as v', (j) => j.onRef('v.offer_id', '=', 'o.id').onRef('v.version', '=', 'o.current_version')).select('o.id').where('v.approver_ids', 'like', pattern),
        ),
      ]),
    )
    .execute();
}

/** Headings and read states of these applications (ids in any order; a row missing or stamped after `nowMs` gives stateJson null). */
export async function listHeadingsWithStateByIds(tx: Tx, ids: readonly string[], nowMs: number): Promise<ProjectedHeading[]> {
  const out: ProjectedHeading[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .selectFrom('applications as a')
      .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
      .innerJoin('roles as r', 'r.id', 'a.role_id')
      .leftJoin('application_projections as p', 'p.application_id', 'a.id')
      .select((eb) => [...HEADING_COLUMNS, eb.fn.coalesce('p.read_state', 'p.state').as('state'), 'p.last_event_at as lastEventAt'])
      .where('a.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const { state, lastEventAt, ...heading } of rows) out.push({ heading, stateJson: state === null || (lastEventAt !== null && Number(lastEventAt) > nowMs) ? null : state });
  }
  return out;
}

/** Active applications without a usable row (none yet, or an event stamped after `nowMs`): Today derives them from events. */
export async function listUnprojectedActiveHeadings(tx: Tx, nowMs: number): Promise<ApplicationHeading[]> {
  return listUnprojectedHeadings(tx, nowMs, {});
}
