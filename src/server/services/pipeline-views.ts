import {
  DEFAULT_RISK_SETTINGS,
  buildTodayItems,
  isListedClock,
  resolveRiskSettings,
  roleClockSettings,
  sourceMix,
  companyPipelineSettings,
  summarizeApplication,
  summarizeEpochEvents,
  TYPES_WITH_DATA_READ,
  type ApplicationSummary,
  type BoardCard,
  type ClockSettings,
  type PipelineSettings,
  type RiskSettings,
  type SourceMix,
  type TimedEvent,
  type TodayApplication,
  type TodayItem,
  withoutRetracted,
  withZone,
} from '../../domain/pipeline/index.js';
import {
  getApplicationOrThrow,
  getCandidateOrThrow,
  getCompany,
  getRoleOrThrow,
  countActiveApplications,
  listAttentionHeadings,
  listRoleHeadingsWithState,
  listCandidateSourcesOfRole,
  listEventsOfApplication,
  listRoles,
  listEpochEventsOfApplications,
  listUsers,
  type ApplicationEventRecord,
  type ApplicationHeading,
  type ApplicationRecord,
  type ProjectedHeading,
  type CandidateRecord,
  type Company,
  type RoleRecord,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { summaryOfStored } from './projections.js';

/** Applications whose events are loaded per query: bounds memory and parameter counts while avoiding N+1. */
export const EVENT_BATCH_SIZE = 500;

/** Clock and risk settings of a workspace: the company's over the defaults, each role's over the company's. */
export class PipelineSettingsResolver {
  private readonly byRole = new Map<string, ClockSettings>();
  readonly risk: RiskSettings;
  private readonly companyClocks: unknown;

  constructor(private readonly company: Pick<Company, 'settings' | 'timeZone'> | undefined) {
    const settings = companyPipelineSettings(company?.settings);
    this.companyClocks = withZone(settings.clocks, company?.timeZone);
    this.risk = settings.risk === undefined ? DEFAULT_RISK_SETTINGS : resolveRiskSettings(DEFAULT_RISK_SETTINGS, settings.risk);
  }

  static async load(tx: Tx): Promise<PipelineSettingsResolver> {
    return new PipelineSettingsResolver(await getCompany(tx));
  }

  clocksFor(role: Pick<RoleRecord, 'id' | 'clockOverrides'>): ClockSettings {
    let s = this.byRole.get(role.id);
    if (!s) {
      s = roleClockSettings(this.companyClocks, this.company?.timeZone, role.clockOverrides);
      this.byRole.set(role.id, s);
    }
    return s;
  }

  forRole(role: Pick<RoleRecord, 'id' | 'clockOverrides'>): PipelineSettings {
    return { clocks: this.clocksFor(role), risk: this.risk };
  }
}

export interface ApplicationDetail {
  application: ApplicationRecord;
  candidate: CandidateRecord;
  role: RoleRecord;
  events: ApplicationEventRecord[];
  summary: ApplicationSummary;
}

/** One application with its timeline, clocks and risk at `now` (derived from the events, never stored). */
export async function getApplicationDetail(tx: Tx, id: string, now: Date): Promise<ApplicationDetail> {
  const application = await getApplicationOrThrow(tx, id);
  const [candidate, role, events, settings] = await Promise.all([
    getCandidateOrThrow(tx, application.candidateId),
    getRoleOrThrow(tx, application.roleId),
    listEventsOfApplication(tx, id),
    PipelineSettingsResolver.load(tx),
  ]);
  const summary = summarizeApplication(events as readonly TimedEvent[], now, settings.forRole(role));
  // The timeline reads the history as the rules do: a retracted event and its retraction are not shown.
  return { application, candidate, role, events: withoutRetracted(events), summary };
}

/**
 * Runs `visit` over applications with their summaries, loading events in batches (one query per
 * EVENT_BATCH_SIZE applications; only the data the rules read is decoded). The fallback of the read model's reads
 * for applications without a usable row (docs/decisions/008-read-model.md).
 */
async function summarizeHeadings(
  tx: Tx,
  headings: readonly ApplicationHeading[],
  roles: ReadonlyMap<string, RoleRecord>,
  settings: PipelineSettingsResolver,
  now: Date,
  visit: (heading: ApplicationHeading, summary: ApplicationSummary) => void,
): Promise<void> {
  const load = (i: number) =>
    i < headings.length ? listEpochEventsOfApplications(tx, headings.slice(i, i + EVENT_BATCH_SIZE).map((h) => h.id), TYPES_WITH_DATA_READ) : undefined;
  // The next batch is fetched while this one is computed (on PostgreSQL the server works meanwhile).
  let next = load(0);
  try {
    for (let i = 0; i < headings.length; i += EVENT_BATCH_SIZE) {
      const events = await next!;
      next = load(i + EVENT_BATCH_SIZE);
      for (const h of headings.slice(i, i + EVENT_BATCH_SIZE)) visit(h, summarizeEpochEvents(events.get(h.id) ?? [], now, settings.forRole(roles.get(h.roleId)!)));
    }
  } catch (error) {
    next?.catch(() => {}); // the error above is the one to report
    throw error;
  }
}

export interface TodayList {
  items: TodayItem[];
  /** Items before `limit` was applied. */
  total: number;
  activeApplications: number;
}

/** Everything Today is built from: the items of every active application, and what the audience rules read. */
export interface TodayCollection {
  /** Most urgent first (buildTodayItems). */
  items: TodayItem[];
  /** The applications that have items, with their heading (role, candidate) and clocks. */
  applications: Map<string, { heading: ApplicationHeading; today: TodayApplication }>;
  roles: Map<string, RoleRecord>;
  users: UserRecord[];
  activeApplications: number;
}

/**
 * The Today items over every active application, with the records the per-person views need. An indexed read of the
 * read model: only the applications whose rows say they may need attention by now (attention_at <= now) are read,
 * and their clocks and risk come from their stored states at `now` (docs/decisions/008-read-model.md); the
 * applications without a usable row are derived from their events as before. With `deferClockActions` the clock items'
 * action words are left to the caller (fillClockAction), for the items it shows.
 */
export async function collectToday(tx: Tx, now: Date, opts: { deferClockActions?: boolean } = {}): Promise<TodayCollection> {
  const [attention, activeApplications] = await Promise.all([listAttentionHeadings(tx, now.getTime()), countActiveApplications(tx)]);
  return collectTodayFrom(tx, now, { ...attention, activeApplications }, opts);
}

/**
 * collectToday over the applications given: those with a stored state (read with `runningClocksOnly`) and those
 * derived from their events. Today's indexed query (services/today.ts) gives the few applications its page needs.
 */
export async function collectTodayFrom(
  tx: Tx,
  now: Date,
  source: { projected: readonly ProjectedHeading[]; unprojected: readonly ApplicationHeading[]; activeApplications: number },
  opts: { deferClockActions?: boolean } = {},
): Promise<TodayCollection> {
  const [roleList, users, settings] = await Promise.all([listRoles(tx), listUsers(tx), PipelineSettingsResolver.load(tx)]);
  const roles = new Map(roleList.map((r) => [r.id, r]));
  const people = Object.fromEntries(users.map((u) => [u.id, u.name]));
  const urgent: TodayApplication[] = [];
  const applications: TodayCollection['applications'] = new Map();
  const visit = (h: ApplicationHeading, s: ApplicationSummary) => {
    const listed = s.clocks.some(isListedClock) || s.risk.level === 'high' || s.risk.level === 'critical';
    if (!listed) return;
    const today: TodayApplication = { applicationId: h.id, candidateName: h.candidateName, roleTitle: h.roleTitle, clocks: s.clocks, risk: s.risk, status: s.status, people };
    urgent.push(today);
    applications.set(h.id, { heading: h, today });
  };
  // Stopped clocks are never late: Today leaves them out of the summary (the same items, less work).
  for (const { heading, stateJson } of source.projected) visit(heading, summaryOfStored(stateJson!, now, settings.forRole(roles.get(heading.roleId)!), { runningClocksOnly: true }));
  await summarizeHeadings(tx, [...source.unprojected], roles, settings, now, visit);
  return { items: buildTodayItems(urgent, now, opts), applications, roles, users, activeApplications: source.activeApplications };
}

/** The Today list over every active application: breached or soon-to-breach clocks and high risks, most urgent first. */
export async function computeToday(tx: Tx, now: Date, limit: number): Promise<TodayList> {
  const { items, activeApplications } = await collectToday(tx, now);
  return { items: items.slice(0, limit), total: items.length, activeApplications };
}


export interface Board {
  role: RoleRecord;
  targetDays: number;
  columns: Array<{ stage: string; name: string; kind: 'stage' | 'closed'; cards: BoardCard[] }>;
  /** The active application furthest along the process (then the longest running): the one the 10-day target is read against. */
  leading: BoardCard | null;
}

const CLOSED_COLUMNS = [
  { stage: 'hired', name: 'Hired' },
  { stage: 'lost', name: 'Lost' },
  { stage: 'withdrawn', name: 'Withdrawn' },
] as const;

/** A role's applications as columns by stage (the process plan's, then hired / lost / withdrawn), each card with its days against the target and its risk. */
export async function computeBoard(tx: Tx, roleId: string, now: Date): Promise<Board> {
  const role = await getRoleOrThrow(tx, roleId);
  const [rows, settings] = await Promise.all([listRoleHeadingsWithState(tx, roleId, now.getTime()), PipelineSettingsResolver.load(tx)]);
  const cards: BoardCard[] = [];
  const toCard = (h: ApplicationHeading, s: ApplicationSummary) => {
    cards.push({
      applicationId: h.id,
      candidateId: h.candidateId,
      candidateName: h.candidateName,
      stage: h.stage,
      status: h.status,
      daysSinceFirstContact: s.daysSinceFirstContact ?? null,
      targetDays: s.targetDays,
      overTarget: s.overTarget,
      risk: { level: s.risk.level, score: s.risk.score },
    });
  };
  // The read model's states; applications without a usable row are derived from their events.
  const roleSettings = settings.forRole(role);
  // Stopped clocks other than cycle.total change no card (a stopped clock is never critical, so no risk either).
  for (const r of rows) if (r.stateJson !== null) toCard(r.heading, summaryOfStored(r.stateJson, now, roleSettings, { runningClocksOnly: true }));
  await summarizeHeadings(tx, rows.filter((r) => r.stateJson === null).map((r) => r.heading), new Map([[role.id, role]]), settings, now, toCard);
  const stageIndex = new Map(role.processPlan.stages.map((s, i) => [s.id, i]));
  cards.sort((a, b) => (b.daysSinceFirstContact ?? -1) - (a.daysSinceFirstContact ?? -1) || (a.applicationId < b.applicationId ? -1 : 1));
  const columns: Board['columns'] = role.processPlan.stages.map((s) => ({ stage: s.id, name: s.name, kind: 'stage' as const, cards: cards.filter((c) => c.status === 'active' && c.stage === s.id) }));
  // An active application at a stage no longer in the plan still shows, in a column of its own.
  for (const c of cards) {
    if (c.status !== 'active' || stageIndex.has(c.stage)) continue;
    let col = columns.find((x) => x.stage === c.stage);
    if (!col) columns.push((col = { stage: c.stage, name: c.stage, kind: 'stage', cards: [] }));
    col.cards.push(c);
  }
  for (const closed of CLOSED_COLUMNS) columns.push({ ...closed, kind: 'closed', cards: cards.filter((c) => c.status === closed.stage) });
  const active = cards.filter((c) => c.status === 'active');
  const leading =
    [...active].sort(
      (a, b) => (stageIndex.get(b.stage) ?? -1) - (stageIndex.get(a.stage) ?? -1) || (b.daysSinceFirstContact ?? -1) - (a.daysSinceFirstContact ?? -1),
    )[0] ?? null;
  return { role, targetDays: settings.clocksFor(role).targets['cycle.total'].warningHours / 24, columns, leading };
}

/** Shares of the role's candidates by source, with the sourcing.referral-only finding. */
export async function computeSourceMix(tx: Tx, roleId: string): Promise<{ role: RoleRecord; mix: SourceMix }> {
  const role = await getRoleOrThrow(tx, roleId);
  return { role, mix: sourceMix(await listCandidateSourcesOfRole(tx, roleId)) };
}
