import {
  TYPES_WITH_DATA_READ,
  attentionAt,
  nextChangeAt,
  projectHistory,
  projectNextEvent,
  readState,
  summaryFromState,
  todayRows,
  type ApplicationSummary,
  DEFAULT_RISK_SETTINGS,
  type PipelineProjection,
  type PipelineSettings,
  type PipelineState,
  type PreparedEvent,
} from '../../domain/pipeline/index.js';
import { parseIsoMs } from '../../domain/pipeline/time.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  getProjection,
  getProjectionContext,
  getRoleOrThrow,
  getApplicationOrThrow,
  inTransaction,
  listApplicationIdsPage,
  listEpochEventsOfApplications,
  listProjections,
  listProjectionsByIds,
  listTodayItemsByIds,
  parseReportFactsState,
  updateProjection,
  updateProjectionTimes,
  upsertProjections,
  type ApplicationEventRecord,
  type ProjectionWrite,
  type TodayItemWrite,
  type Store,
  type Tx,
} from '../../storage/index.js';
import { PipelineSettingsResolver } from './pipeline-views.js';
import { rebuildReportFacts, writeAppendedReportFacts, writeReportFacts, type ReportFactsCheck } from './report-facts.js';

/*
 * The pipeline read model (docs/decisions/008-read-model.md). Every rule is the domain's (fold.ts, projection.ts);
 * this file only loads, stores and walks rows. Writers call projectAppendedEvent in the transaction of the event,
 * under the application's row lock.
 */

/** Applications per page when rows are recomputed in bulk. */
const PAGE = 500;

/** The engagement rule's reply count: read_state keeps that many replies (domain readState). */
function repliesRead(settings: PipelineSettings): number {
  return (settings.risk ?? DEFAULT_RISK_SETTINGS).engagementReplies;
}

function toWrite(applicationId: string, roleId: string, p: PipelineProjection, settings: PipelineSettings): ProjectionWrite {
  return {
    applicationId,
    roleId,
    status: p.status,
    stage: p.stage,
    firstContactAt: p.firstContactAt,
    lastEventAt: p.lastEventAt,
    attentionAt: p.attentionAt,
    nextChangeAt: p.nextChangeAt,
    state: p.state,
    readState: readState(p.state, repliesRead(settings)),
    todayRows: p.todayRows,
  };
}

/** Today rows compared in key order (storage gives them in any order). */
function sameTodayRows(a: readonly TodayItemWrite[] | undefined, b: readonly TodayItemWrite[]): boolean {
  const sorted = (rows: readonly TodayItemWrite[]) => JSON.stringify([...rows].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)));
  return sorted(a ?? []) === sorted(b);
}

/** The read model's row of one application, folded from its whole history. */
async function projectFromEvents(tx: Tx, applicationId: string, roleId: string, settings: PipelineSettingsResolver): Promise<ProjectionWrite> {
  const role = await getRoleOrThrow(tx, roleId);
  const events = (await listEpochEventsOfApplications(tx, [applicationId], TYPES_WITH_DATA_READ)).get(applicationId) ?? [];
  const s = settings.forRole(role);
  return toWrite(applicationId, roleId, projectHistory(events, s), s);
}

/** Recomputes one application's row from its events (a new application, demo data, imports). */
export async function projectApplicationFromEvents(tx: Tx, applicationId: string, now: Date): Promise<void> {
  const app = await getApplicationOrThrow(tx, applicationId);
  await upsertProjections(tx, [await projectFromEvents(tx, applicationId, app.roleId, await PipelineSettingsResolver.load(tx))], now);
  await writeReportFacts(tx, [applicationId], now);
}

/** Recomputes the rows of many applications from their events, a page at a time (imports write whole histories). */
export async function projectApplicationsFromEvents(tx: Tx, applications: ReadonlyArray<{ id: string; roleId: string }>, now: Date): Promise<void> {
  const settings = await PipelineSettingsResolver.load(tx);
  const roles = new Map<string, Awaited<ReturnType<typeof getRoleOrThrow>>>();
  for (let i = 0; i < applications.length; i += PAGE) {
    const page = applications.slice(i, i + PAGE);
    const events = await listEpochEventsOfApplications(tx, page.map((a) => a.id), TYPES_WITH_DATA_READ);
    const writes: ProjectionWrite[] = [];
    for (const a of page) {
      let role = roles.get(a.roleId);
      if (!role) roles.set(a.roleId, (role = await getRoleOrThrow(tx, a.roleId)));
      const s = settings.forRole(role);
      writes.push(toWrite(a.id, a.roleId, projectHistory(events.get(a.id) ?? [], s), s));
    }
    await upsertProjections(tx, writes, now);
    await writeReportFacts(tx, page.map((a) => a.id), now);
  }
}

/**
 * A projector for applications whose whole history the caller holds in memory (an import has just written it): the
 * rows are folded from those events instead of being read back, the settings are loaded once and each role once,
 * however many times it is called in the transaction. The events are in timeline order.
 */
export async function bulkProjector(tx: Tx): Promise<(applications: ReadonlyArray<{ id: string; roleId: string; events: readonly PreparedEvent[] }>, now: Date) => Promise<void>> {
  const settings = await PipelineSettingsResolver.load(tx);
  const roles = new Map<string, Awaited<ReturnType<typeof getRoleOrThrow>>>();
  return async (applications, now) => {
    const writes: ProjectionWrite[] = [];
    for (const a of applications) {
      let role = roles.get(a.roleId);
      if (!role) roles.set(a.roleId, (role = await getRoleOrThrow(tx, a.roleId)));
      const s = settings.forRole(role);
      writes.push(toWrite(a.id, a.roleId, projectHistory(a.events, s), s));
    }
    await upsertProjections(tx, writes, now, 1_000);
    // Imported history is what the reports are asked about first: its facts rows are written with it.
    await writeReportFacts(tx, applications.map((a) => a.id), now);
  };
}

/**
 * Keeps the row up to date after `event` was appended: the stored state stepped by the event when it folds in
 * order, else (a back-dated event, a retraction, no row yet) the history folded again.
 */
export async function projectAppendedEvent(tx: Tx, event: ApplicationEventRecord, now: Date): Promise<void> {
  const context = await getProjectionContext(tx, event.applicationId);
  if (!context) throw new DomainError('APPLICATION_NOT_FOUND', 'No such application.', 'id');
  const roleSettings = settingsOfContext(context);
  const prepared = { type: event.type, t: parseIsoMs(event.occurredAt), data: event.data, id: event.id } as PreparedEvent;
  await projectAppendedEventRow(tx, event, prepared, context, roleSettings, now);
  // The reports' facts of the history as committed with this event (same transaction, same row lock), stepped from
  // their stored fold state (read with the context) when the event folds in order, under the same role settings.
  const stored = parseReportFactsState(context.reportFactsState, context.reportClockRuns);
  await writeAppendedReportFacts(tx, event.applicationId, prepared, now, stored, { roleId: context.roleId, settings: roleSettings.clocks ?? null });
}

async function projectAppendedEventRow(
  tx: Tx,
  event: ApplicationEventRecord,
  prepared: PreparedEvent,
  context: NonNullable<Awaited<ReturnType<typeof getProjectionContext>>>,
  roleSettings: PipelineSettings,
  now: Date,
): Promise<void> {
  if (context.stateJson !== null) {
    const next = projectNextEvent(JSON.parse(context.stateJson) as PipelineState, prepared, roleSettings, true);
    if (next) {
      await updateProjection(tx, toWrite(event.applicationId, context.roleId, next, roleSettings), now);
      return;
    }
  }
  const events = (await listEpochEventsOfApplications(tx, [event.applicationId], TYPES_WITH_DATA_READ)).get(event.applicationId) ?? [];
  await upsertProjections(tx, [toWrite(event.applicationId, context.roleId, projectHistory(events, roleSettings), roleSettings)], now);
}

/**
 * Resolved settings by the text they were resolved from (company settings, time zone, role overrides): an append
 * parses and resolves them once per distinct text, not once per event. Bounded; the text is the key, so a change of
 * settings (by this server, another one or the CLI) is a new key, never a stale hit.
 */
const settingsByText = new Map<string, PipelineSettings>();
const SETTINGS_MEMO = 256;

function settingsOfContext(context: { roleId: string; clockOverridesJson: string; companySettingsJson: string | null; timeZone: string | null }): PipelineSettings {
  const key = `${context.companySettingsJson ?? ''}\u0000${context.timeZone ?? ''}\u0000${context.clockOverridesJson}`;
  let settings = settingsByText.get(key);
  if (!settings) {
    const company =
      context.companySettingsJson === null || context.timeZone === null ? undefined : { settings: JSON.parse(context.companySettingsJson) as Record<string, unknown>, timeZone: context.timeZone };
    settings = new PipelineSettingsResolver(company).forRole({ id: context.roleId, clockOverrides: JSON.parse(context.clockOverridesJson) as Record<string, unknown> });
    if (settingsByText.size >= SETTINGS_MEMO) settingsByText.clear();
    settingsByText.set(key, settings);
  }
  return settings;
}

/**
 * After a change of clock or risk settings (the company's, or one role's with `roleId`): the states stay (they
 * do not depend on settings), the attention and next-change times and the read states are recomputed. Returns how many rows moved.
 */
export async function reprojectForSettings(tx: Tx, now: Date, opts: { roleId?: string } = {}): Promise<number> {
  const settings = await PipelineSettingsResolver.load(tx);
  const roles = new Map<string, Awaited<ReturnType<typeof getRoleOrThrow>>>();
  let moved = 0;
  let afterId: string | undefined;
  for (;;) {
    const rows = await listProjections(tx, { roleId: opts.roleId, afterId, limit: PAGE });
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.applicationId;
    const changes: Parameters<typeof updateProjectionTimes>[1][number][] = [];
    const storedItems = await listTodayItemsByIds(tx, rows.map((r) => r.applicationId));
    for (const row of rows) {
      let role = roles.get(row.roleId);
      if (!role) roles.set(row.roleId, (role = await getRoleOrThrow(tx, row.roleId)));
      const state = JSON.parse(row.stateJson) as PipelineState;
      const s = settings.forRole(role);
      const a = attentionAt(state, s);
      const n = nextChangeAt(state, s);
      // The risk settings say how many replies read_state keeps.
      const r = JSON.stringify(readState(state, repliesRead(s)));
      const items = todayRows(state, s);
      if (a !== row.attentionAt || n !== row.nextChangeAt || r !== row.readStateJson || !sameTodayRows(storedItems.get(row.applicationId), items)) {
        changes.push({ applicationId: row.applicationId, roleId: row.roleId, status: row.status, lastEventAt: row.lastEventAt, attentionAt: a, nextChangeAt: n, readState: r, todayRows: items });
      }
    }
    await updateProjectionTimes(tx, changes, now);
    moved += changes.length;
  }
  return moved;
}

export interface RebuildReport {
  applications: number;
  /** Rows written where there was none. */
  created: number;
  /** Rows that differed from the rebuild (0 when the read model was right). */
  corrected: number;
  unchanged: number;
  /** The same counts for the reports' facts rows (report_facts). */
  reportFacts: ReportFactsCheck;
}

/** The row as stored and as rebuilt, compared on what reads use. */
function sameRow(stored: Awaited<ReturnType<typeof getProjection>>, storedItems: readonly TodayItemWrite[] | undefined, rebuilt: ProjectionWrite): boolean {
  if (!stored) return false;
  return (
    sameTodayRows(storedItems, rebuilt.todayRows) &&
    stored.roleId === rebuilt.roleId &&
    stored.status === rebuilt.status &&
    stored.stage === rebuilt.stage &&
    stored.firstContactAt === rebuilt.firstContactAt &&
    stored.lastEventAt === rebuilt.lastEventAt &&
    stored.attentionAt === rebuilt.attentionAt &&
    stored.nextChangeAt === rebuilt.nextChangeAt &&
    stored.stateJson === JSON.stringify(rebuilt.state) &&
    stored.readStateJson === JSON.stringify(rebuilt.readState)
  );
}

/**
 * `closer db rebuild-projections`: recomputes every application's row from its events, a page of applications per
 * transaction (their rows locked, so appends running meanwhile wait or come after), and counts what it found.
 */
export async function rebuildProjections(store: Store, now: Date): Promise<RebuildReport> {
  const report: RebuildReport = { applications: 0, created: 0, corrected: 0, unchanged: 0, reportFacts: { created: 0, corrected: 0, unchanged: 0 } };
  let afterId: string | undefined;
  for (;;) {
    const done = await inTransaction(store.db, async (tx) => {
      const page = await listApplicationIdsPage(tx, afterId, PAGE);
      if (page.length === 0) return true;
      afterId = page[page.length - 1]!.id;
      const ids = page.map((a) => a.id);
      // Row locks on PostgreSQL, as an append takes them (SQLite transactions are serial anyway).
      await tx.updateTable('applications').set((eb) => ({ version: eb.ref('version') })).where('id', 'in', ids).execute();
      const settings = await PipelineSettingsResolver.load(tx);
      const events = await listEpochEventsOfApplications(tx, ids, TYPES_WITH_DATA_READ);
      const stored = new Map((await listProjectionsByIds(tx, ids)).map((r) => [r.applicationId, r]));
      const storedItems = await listTodayItemsByIds(tx, ids);
      const roles = new Map<string, Awaited<ReturnType<typeof getRoleOrThrow>>>();
      const writes: ProjectionWrite[] = [];
      for (const { id, roleId } of page) {
        let role = roles.get(roleId);
        if (!role) roles.set(roleId, (role = await getRoleOrThrow(tx, roleId)));
        const s = settings.forRole(role);
        const rebuilt = toWrite(id, roleId, projectHistory(events.get(id) ?? [], s), s);
        const before = stored.get(id);
        report.applications += 1;
        if (!before) report.created += 1;
        else if (sameRow(before, storedItems.get(id), rebuilt)) report.unchanged += 1;
        else report.corrected += 1;
        writes.push(rebuilt);
      }
      await upsertProjections(tx, writes, now);
      await rebuildReportFacts(tx, ids, now, report.reportFacts);
      return false;
    });
    if (done) return report;
  }
}

/** The summary at `now` from a stored state (as summarizeApplication would give from the events). */
export function summaryOfStored(stateJson: string, now: Date, settings: Parameters<typeof summaryFromState>[2], opts: Parameters<typeof summaryFromState>[3] = {}): ApplicationSummary {
  return summaryFromState(JSON.parse(stateJson) as PipelineState, now, settings, opts);
}
