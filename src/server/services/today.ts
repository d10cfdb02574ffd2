import { randomUUID } from 'node:crypto';
import {
  UNDO_WINDOW_MS,
  CLOCK_IDS,
  DEFAULT_CLOCK_SETTINGS,
  assigneeWhoCanAct,
  todayClockRankOfRow,
  todayRiskRankOfRow,
  type ClockSettings,
  type TodayRiskInputs,
  roleWorkReason,
  buildTodayCardsPage,
  buildTodayItems,
  fillClockAction,
  interviewName,
  mayViewAllToday,
  todayActionFor,
  todayReasons,
  utcDay,
  type ApplicationEvent,
  type RoleAssignees,
  type TodayApplication,
  type TodayCard,
  type TodayCardContext,
  type TodayItem,
  type TodayRecordAction,
  type TodayScope,
  type TodayViewer,
} from '../../domain/pipeline/index.js';
import { approvalProgress } from '../../domain/offers/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  deleteTodayMark,
  getTodayMark,
  insertTodayMark,
  isUniqueViolation,
  countActiveApplications,
  listApplicationHeadings,
  listHeadingsWithStateByIds,
  listRoles,
  listTodayApprovalCandidates,
  listTodayRiskRows,
  listUnprojectedActiveHeadings,
  queryTodayItems,
  listBusinessClockRows,
  type TodayItemAudience,
  listApprovalDecisions,
  listCurrentApprovals,
  listInterviewKinds,
  listTodayMarks,
  listUsers,
  lockApplication,
  recordAudit,
  type ApplicationEventRecord,
  type ApprovalDecisionRecord,
  type ApplicationHeading,
  type RoleRecord,
  type TodayMarkRecord,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { appendEvent, retractEvent } from './pipeline.js';
import { collectToday, collectTodayFrom, getApplicationDetail, PipelineSettingsResolver, type TodayCollection } from './pipeline-views.js';

/* --------------------------------------------------------------- context */

/**
 * Approvers still to decide on each offer, from the offer's approval trail (the sequential turn included).
 * Offers that are not stored are left out, so their approval clock's own approverIds count.
 */
async function awaitingApproversOf(tx: Tx, offerIds: ReadonlySet<string>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (offerIds.size === 0) return out;
  const approvals = await listCurrentApprovals(tx, [...offerIds]);
  const pending = [...approvals.values()].filter((a) => a.approvalStatus === 'pending' && a.approvalMode !== null);
  const decisions: ApprovalDecisionRecord[] = [];
  for (let i = 0; i < pending.length; i += 500) decisions.push(...(await listApprovalDecisions(tx, pending.slice(i, i + 500).map((a) => a.offerVersionId))));
  const byVersion = new Map<string, ApprovalDecisionRecord[]>();
  for (const d of decisions) byVersion.set(d.offerVersionId, [...(byVersion.get(d.offerVersionId) ?? []), d]);
  for (const [offerId, a] of approvals) {
    out[offerId] = a.approvalStatus === 'pending' && a.approvalMode ? approvalProgress({ mode: a.approvalMode, approverIds: a.approverIds }, byVersion.get(a.offerVersionId) ?? []).awaiting : [];
  }
  return out;
}

/** "the onsite" for each interview with an overdue scorecard. */
async function interviewNamesOf(tx: Tx, interviewIds: ReadonlySet<string>): Promise<Record<string, string>> {
  if (interviewIds.size === 0) return {};
  const kinds = await listInterviewKinds(tx, [...interviewIds]);
  return Object.fromEntries([...kinds].map(([id, kind]) => [id, interviewName(kind)]));
}

/** What the audience rules and the action words need for each application of a list of items. */
async function contextsFor(
  tx: Tx,
  items: readonly TodayItem[],
  roleOf: (applicationId: string) => RoleRecord | undefined,
  users: readonly UserRecord[],
): Promise<(applicationId: string) => TodayCardContext> {
  const usersById = new Map(users.map((u) => [u.id, { role: u.role, disabled: u.disabled }]));
  const people = Object.fromEntries(users.map((u) => [u.id, u.name]));
  const offerIds = new Set<string>();
  const interviewIds = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'clock') continue;
    if (item.id === 'approval.pending' && item.clock.subject?.offerId) offerIds.add(item.clock.subject.offerId);
    if (item.id === 'scorecard.due' && item.clock.subject?.interviewId) interviewIds.add(item.clock.subject.interviewId);
  }
  const [awaitingApprovers, interviews] = [await awaitingApproversOf(tx, offerIds), await interviewNamesOf(tx, interviewIds)];
  const assigneesByRole = new Map<string, RoleAssignees>();
  const nobody: RoleAssignees = { recruiterId: null, hiringManagerId: null };
  return (applicationId) => {
    const role = roleOf(applicationId);
    let assignees = role ? assigneesByRole.get(role.id) : nobody;
    if (!assignees) {
      assignees = { recruiterId: assigneeWhoCanAct(role!.recruiterId, usersById), hiringManagerId: assigneeWhoCanAct(role!.hiringManagerId, usersById) };
      assigneesByRole.set(role!.id, assignees);
    }
    return { assignees, awaitingApprovers, people, interviews };
  };
}

/* ------------------------------------------------------------------ read */

export interface TodayCardOfPerson {
  card: TodayCard;
  heading: ApplicationHeading;
  /** The cycle clock of the application, for "12 days since first contact" (wholeDays in the presenter). */
  cycle: { elapsedHours: number; dayHours: number; basis: 'calendar' | 'business' } | undefined;
}

export interface TodayMarkOfPerson extends TodayMarkRecord {
  candidateName: string;
  roleTitle: string;
  /** Until when Undo is possible. */
  undoUntil: string;
}

export interface PersonalToday {
  scope: TodayScope;
  canSeeAll: boolean;
  day: string;
  cards: TodayCardOfPerson[];
  /** How many cards the scope has (at least `cards.length`). */
  cardCount: number;
  /** For people who may see everything: the number of cards under "everything"; else null. */
  cardsInEverything: number | null;
  /** The items of the scope, most urgent first (at least the first `limit`). */
  items: TodayItem[];
  /** How many items the scope has. */
  total: number;
  activeApplications: number;
  /** The person's marks of the day (UTC), oldest first. */
  marks: TodayMarkOfPerson[];
}

function undoUntil(mark: Pick<TodayMarkRecord, 'createdAt'>): string {
  return new Date(Date.parse(mark.createdAt) + UNDO_WINDOW_MS).toISOString();
}

/**
 * Today for one person: their items as one card per application ("for you"), or every item for people allowed to
 * see everything (`scope: 'all'`; others get 403), with their own "done today" marks of the current UTC day. With
 * `limit`, only the first `limit` cards are built (the items and counts are those of the whole list).
 */
export async function computePersonalToday(tx: Tx, viewer: TodayViewer, scope: TodayScope, now: Date, limit = Number.POSITIVE_INFINITY): Promise<PersonalToday> {
  const canSeeAll = mayViewAllToday(viewer.role);
  if (scope === 'all' && !canSeeAll) throw new DomainError('FORBIDDEN', 'Your role shows your own work only; "Everything" is for owners, admins, recruiters and hiring managers.', 'scope');
  return (await indexedToday(tx, viewer, scope, now, limit)) ?? scanToday(tx, viewer, scope, now, limit, await collectToday(tx, now, { deferClockActions: true }));
}

/** Today by scanning every active application (the reference the indexed query is tested against). */
export async function scanPersonalToday(tx: Tx, viewer: TodayViewer, scope: TodayScope, now: Date, limit = Number.POSITIVE_INFINITY): Promise<PersonalToday> {
  return scanToday(tx, viewer, scope, now, limit, await collectToday(tx, now, { deferClockActions: true }));
}

/** More applications than this derived on the side (no usable row yet, e.g. right after migration 017): scan instead. */
const MAX_DERIVED = 2_000;

/**
 * Today from the indexed query over today_items (docs/decisions/008-read-model.md, "Today's item rows"): the database
 * filters the listed clock items by the viewer's role work, counts them and picks the first `limit` cards; the
 * applications whose items the rows cannot settle (a risk that may be high now, an approval the viewer may be
 * asked for, no usable row) are derived here from their states or events. Then the page's applications go through
 * the same domain path as the scan. Business-hour clock rows are listed by the database and ranked by the domain
 * (todayClockRankOfRow). Undefined when the rows cannot answer (no page limit, many applications without rows): the
 * caller scans.
 */
async function indexedToday(tx: Tx, viewer: TodayViewer, scope: TodayScope, now: Date, limit: number): Promise<PersonalToday | undefined> {
  if (!Number.isFinite(limit)) return undefined;
  const nowMs = now.getTime();
  const [unprojected, riskRows, roles, users, settings] = await Promise.all([
    listUnprojectedActiveHeadings(tx, nowMs),
    listTodayRiskRows(tx, nowMs),
    listRoles(tx),
    listUsers(tx),
    PipelineSettingsResolver.load(tx),
  ]);
  // The rows are written with the settings read here (a change rewrites them), so no business-hour row exists unless a role counts business hours.
  const business = roles.some((r) => (settings.forRole(r).clocks ?? DEFAULT_CLOCK_SETTINGS).hours.mode === 'business');
  if (unprojected.length > MAX_DERIVED) return undefined;
  const everything = scope === 'all';
  const usersById = new Map(users.map((u) => [u.id, { role: u.role, disabled: u.disabled }]));
  const assignees = new Map(roles.map((r) => [r.id, { recruiterId: assigneeWhoCanAct(r.recruiterId, usersById), hiringManagerId: assigneeWhoCanAct(r.hiringManagerId, usersById) }]));
  const rolesOf = (itemId: TodayItem['id']) => new Set(roles.filter((r) => roleWorkReason(viewer, itemId, assignees.get(r.id)!) !== null).map((r) => r.id));
  let audience: TodayItemAudience | null = null;
  let approvalApps: string[] = [];
  if (!everything) {
    audience = { roleWork: CLOCK_IDS.map((itemId) => ({ itemId, roleIds: [...rolesOf(itemId)] })), interviewerId: viewer.id };
    // Approvals the viewer may be asked for on roles where they are not already the approval's owner: the trail decides.
    const approvalsMine = rolesOf('approval.pending');
    approvalApps = (await listTodayApprovalCandidates(tx, nowMs, viewer.id)).filter((c) => !approvalsMine.has(c.roleId)).map((c) => c.applicationId);
  }
  const unprojectedIds = new Set(unprojected.map((h) => h.id));
  const derived = new Set([...unprojectedIds, ...approvalApps]);
  if (derived.size > MAX_DERIVED) return undefined;

  // Risk items from the risk rows' inputs: each row's rank at now (the domain's score, without the texts); the page's
  // risk items are then built in full with the rest of the page.
  const roleById = new Map(roles.map((r) => [r.id, r]));
  const riskMine = everything ? null : rolesOf('risk');
  const riskAll: RiskRank[] = [];
  const riskItems: RiskRank[] = [];
  for (const row of riskRows) {
    if (derived.has(row.applicationId)) continue;
    const rank = todayRiskRankOfRow(JSON.parse(row.riskInputs) as TodayRiskInputs, nowMs, settings.forRole(roleById.get(row.roleId)!));
    if (!rank) continue;
    const item = { applicationId: row.applicationId, rank: rank.level === 'critical' ? 0 : 1, overshoot: rank.overshoot };
    riskAll.push(item);
    if (!riskMine || riskMine.has(row.roleId)) riskItems.push(item);
  }
  // Business-hour clocks: their rows listed by now, ranked with the domain (working hours are not SQL's), as cards.
  const withAll = !everything && mayViewAllToday(viewer.role);
  const clocksOf = (roleId: string) => settings.forRole(roleById.get(roleId)!).clocks ?? DEFAULT_CLOCK_SETTINGS;
  const [businessMine, businessAll] = business
    ? await Promise.all([
        listBusinessClockRows(tx, { nowMs, audience, exclude: [...derived] }).then((rows) => businessCards(rows, nowMs, clocksOf)),
        withAll ? listBusinessClockRows(tx, { nowMs, audience: null, exclude: [...unprojectedIds] }).then((rows) => businessCards(rows, nowMs, clocksOf)) : undefined,
      ])
    : [{ items: 0, cards: [] }, withAll ? { items: 0, cards: [] } : undefined];
  const [counted, activeApplications] = await Promise.all([
    queryTodayItems(tx, {
      nowMs,
      audience,
      exclude: [...derived],
      limit,
      probe: [...riskItems, ...businessMine.cards].map((i) => i.applicationId),
      // "Everything"'s card count beside "for you", in the same statement.
      everything: withAll ? { exclude: [...unprojectedIds], probe: [...riskAll, ...businessAll!.cards].map((i) => i.applicationId) } : undefined,
    }),
    countActiveApplications(tx),
  ]);
  // The page: the first cards of the database's and the business-hour ones, and the risk items that come before its last one (at most `limit`).
  const clockPage = [...counted.page, ...businessMine.cards].sort(compareRanks).slice(0, limit);
  const last = clockPage[clockPage.length - 1];
  const before = (i: RiskRank) => clockPage.length < limit || !last || compareRanks(i, last) < 0;
  const riskPage = riskItems.filter(before).sort(compareRanks).slice(0, limit).map((i) => i.applicationId);
  const read = await listHeadingsWithStateByIds(tx, [...new Set([...clockPage.map((p) => p.applicationId), ...riskPage, ...approvalApps])].filter((id) => !unprojectedIds.has(id)), nowMs);
  const collection = await collectTodayFrom(
    tx,
    now,
    { projected: read.filter((r) => r.stateJson !== null), unprojected: [...unprojected, ...read.filter((r) => r.stateJson === null).map((r) => r.heading)], activeApplications },
    { deferClockActions: true },
  );
  const today = await scanToday(tx, viewer, scope, now, limit, collection);
  // The counts: the database's clock items, the risk items, and what the applications derived here add.
  const derivedItems = today.items.filter((i) => derived.has(i.applicationId));
  const derivedCards = new Set(derivedItems.map((i) => i.applicationId)).size;
  const cards = counted.cardsWithProbe + derivedCards;
  const cardsAll = counted.cardsInEverything !== null ? counted.cardsInEverything + new Set(collection.items.filter((i) => unprojectedIds.has(i.applicationId)).map((i) => i.applicationId)).size : null;
  return {
    ...today,
    cardCount: cards,
    total: counted.items + businessMine.items + riskItems.length + derivedItems.length,
    cardsInEverything: !mayViewAllToday(viewer.role) ? null : everything ? cards : cardsAll,
  };
}

/** Where an item stands on Today: critical (0) before the rest (1), then by overshoot (largest first), then application. */
interface RiskRank {
  applicationId: string;
  rank: number;
  overshoot: number;
}

/** Business-hour clock rows as Today's cards: each row's rank at now by the domain, the card's the worst of its items' (as the query ranks). */
function businessCards(
  rows: ReadonlyArray<{ applicationId: string; roleId: string; startAt: number; warningHours: number; criticalHours: number; newApplicant: boolean }>,
  nowMs: number,
  clocksOf: (roleId: string) => ClockSettings,
): { items: number; cards: RiskRank[] } {
  let items = 0;
  // A card ranks by its most urgent item: critical (0), late (1), new applicant (2); the largest overshoot at that rank.
  const byApp = new Map<string, Array<number | null>>();
  for (const row of rows) {
    const rank = todayClockRankOfRow(row, nowMs, clocksOf(row.roleId));
    if (!rank) continue;
    items += 1;
    const card = byApp.get(row.applicationId) ?? [null, null, null];
    const at = rank.level === 'critical' ? 0 : rank.level === 'warning' ? 1 : 2;
    card[at] = Math.max(card[at] ?? Number.NEGATIVE_INFINITY, rank.overshoot);
    byApp.set(row.applicationId, card);
  }
  const cards = [...byApp].map(([applicationId, c]) => {
    const rank = c.findIndex((o) => o !== null);
    return { applicationId, rank, overshoot: c[rank]! };
  });
  return { items, cards };
}

/** compareTodayItems' order, on ranks (an application has one risk item, so the key never decides). */
function compareRanks(a: RiskRank, b: RiskRank): number {
  return a.rank - b.rank || b.overshoot - a.overshoot || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0);
}

/** Today from a collection of applications (every active one when scanning; the page's with the indexed query). */
async function scanToday(tx: Tx, viewer: TodayViewer, scope: TodayScope, now: Date, limit: number, collection: TodayCollection): Promise<PersonalToday> {
  const canSeeAll = mayViewAllToday(viewer.role);
  // Action words only for what the page shows: the items of its cards and its first `limit` items.
  const roleOf = (id: string) => {
    const app = collection.applications.get(id);
    return app ? collection.roles.get(app.heading.roleId) : undefined;
  };
  const contextOf = await contextsFor(tx, collection.items, roleOf, collection.users);
  const prepare = (item: TodayItem) => fillClockAction(item, collection.applications.get(item.applicationId)!.today);
  const page = buildTodayCardsPage(collection.items, viewer, scope, contextOf, limit, prepare);
  for (const item of page.items.slice(0, limit)) prepare(item);
  const cardsInEverything = !canSeeAll ? null : scope === 'all' ? page.cardCount : new Set(collection.items.map((i) => i.applicationId)).size;

  const day = utcDay(now);
  const marks = await listTodayMarks(tx, viewer.id, day);
  const headingOf = (id: string) => collection.applications.get(id)?.heading;
  const missing = [...new Set(marks.map((m) => m.applicationId))].filter((id) => !headingOf(id));
  const markHeadings = new Map((await listApplicationHeadings(tx, { ids: missing })).map((h) => [h.id, h]));
  const headings = (id: string) => headingOf(id) ?? markHeadings.get(id);

  return {
    scope,
    canSeeAll,
    day,
    cards: page.cards.map((card) => {
      const app = collection.applications.get(card.applicationId)!;
      const cycle = app.today.clocks.find((c) => c.id === 'cycle.total');
      return { card, heading: app.heading, cycle: cycle && { elapsedHours: cycle.elapsedHours, dayHours: cycle.dayHours, basis: cycle.basis } };
    }),
    cardCount: page.cardCount,
    cardsInEverything,
    items: page.items,
    total: page.items.length,
    activeApplications: collection.activeApplications,
    marks: marks.map((m) => ({ ...m, candidateName: headings(m.applicationId)?.candidateName ?? '', roleTitle: headings(m.applicationId)?.roleTitle ?? '', undoUntil: undoUntil(m) })),
  };
}

/* ----------------------------------------------------------------- write */

export interface TodayActionInput {
  applicationId: string;
  /** The item's key, as GET /today gives it. */
  key: string;
}

/** The application's Today items at `now`, with the context the rules need. */
async function itemsOfApplication(tx: Tx, applicationId: string, now: Date): Promise<{ items: TodayItem[]; contextOf: (id: string) => TodayCardContext }> {
  const [detail, users] = await Promise.all([getApplicationDetail(tx, applicationId, now), listUsers(tx)]);
  const { summary, candidate, role } = detail;
  const app: TodayApplication = {
    applicationId,
    candidateName: candidate.name,
    roleTitle: role.title,
    clocks: summary.clocks,
    risk: summary.risk,
    status: summary.status,
    people: Object.fromEntries(users.map((u) => [u.id, u.name])),
  };
  const items = buildTodayItems([app], now);
  return { items, contextOf: await contextsFor(tx, items, () => role, users) };
}

/**
 * One click on Today: records what the item's button says (a note, or team.replied) on the application and the
 * person's "done today" mark, in one transaction, both audited. 409 TODAY_ITEM_GONE when the item is no longer
 * late, TODAY_NOTHING_TO_LOG when its action is done on another page, TODAY_ALREADY_DONE on a second click.
 */
export async function recordTodayAction(
  tx: Tx,
  viewer: TodayViewer,
  input: TodayActionInput,
  now: Date,
): Promise<{ mark: TodayMarkOfPerson; event: ApplicationEventRecord; action: TodayRecordAction }> {
  if (!(await lockApplication(tx, input.applicationId))) throw new DomainError('APPLICATION_NOT_FOUND', 'No such application.', 'applicationId');
  const { items, contextOf } = await itemsOfApplication(tx, input.applicationId, now);
  const item = items.find((i) => i.key === input.key);
  if (!item) throw new DomainError('TODAY_ITEM_GONE', 'This is no longer late, so there is nothing to log. Reload Today to see what is.', 'key');
  const ctx = contextOf(input.applicationId);
  const reasons = todayReasons(viewer, item, ctx);
  if (reasons.length === 0 && !mayViewAllToday(viewer.role)) throw new DomainError('FORBIDDEN', 'This is not on your Today.', 'key');
  const action = todayActionFor(item, viewer, reasons, ctx);
  if (action.kind !== 'record') throw new DomainError('TODAY_NOTHING_TO_LOG', `${action.label}: this is done on its own page, not logged from Today.`, 'key');
  const day = utcDay(now);
  if ((await listTodayMarks(tx, viewer.id, day)).some((m) => m.itemKey === item.key)) {
    throw new DomainError('TODAY_ALREADY_DONE', 'You have already done this today.', 'key');
  }
  const { event } = await appendEvent(tx, viewer, input.applicationId, action.event, now);
  let mark: TodayMarkRecord;
  try {
    mark = await insertTodayMark(tx, {
      id: randomUUID(),
      userId: viewer.id,
      day,
      itemKey: item.key,
      applicationId: input.applicationId,
      actionId: action.id,
      eventId: event.id,
      text: action.done,
      createdAt: now.toISOString(),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('TODAY_ALREADY_DONE', 'You have already done this today.', 'key');
    throw error;
  }
  await recordAudit(tx, { actorId: viewer.id, action: 'today.mark', entity: 'today_mark', entityId: mark.id, fields: ['day', 'itemKey', 'eventId'], at: now });
  return { mark: { ...mark, candidateName: item.candidateName, roleTitle: item.roleTitle, undoUntil: undoUntil(mark) }, event, action };
}

/**
 * Undo of a click, within UNDO_WINDOW_MS (data: one minute): takes back the recorded event with an event.retracted
 * (events stay append-only; the rules then read the history as if it had never been recorded) and removes the
 * mark, audited. Another person's mark is 404 TODAY_MARK_NOT_FOUND; after the minute, 409 UNDO_EXPIRED.
 */
export async function undoTodayMark(tx: Tx, viewer: TodayViewer, markId: string, now: Date): Promise<{ markId: string; eventId: string; retraction: ApplicationEvent }> {
  const mark = await getTodayMark(tx, markId);
  if (!mark || mark.userId !== viewer.id) throw new DomainError('TODAY_MARK_NOT_FOUND', 'No such mark on your Today.', 'id');
  const age = now.getTime() - Date.parse(mark.createdAt);
  if (age > UNDO_WINDOW_MS) {
    const seconds = Math.round(UNDO_WINDOW_MS / 1000);
    throw new DomainError('UNDO_EXPIRED', `Undo lasts ${seconds} seconds after a click and that time has passed. To correct it, add a note on the candidate's page.`, 'id');
  }
  const retraction = await retractEvent(tx, viewer, mark.applicationId, mark.eventId, now);
  if (!(await deleteTodayMark(tx, mark.id))) throw new DomainError('TODAY_MARK_NOT_FOUND', 'No such mark on your Today.', 'id');
  await recordAudit(tx, { actorId: viewer.id, action: 'today.undo', entity: 'today_mark', entityId: mark.id, fields: ['eventId'], at: now });
  return { markId: mark.id, eventId: mark.eventId, retraction };
}
