import { foldsInOrder } from '../../domain/pipeline/fold.js';
import { prepareEpochEvents, type PreparedEvent } from '../../domain/pipeline/history.js';
import { foldReportFacts, reportFactsOf, stepReportFacts, type ReportFactsState } from '../../domain/reports/facts.js';
import {
  listEpochEventsOfApplications,
  listStoredReportFacts,
  REPORT_DATA,
  upsertReportFacts,
  type ReportFactsWrite,
  type RoleClocks,
  type Tx,
} from '../../storage/index.js';

/*
 * The reports' stored facts (report_facts, migrations 023 and 025; docs/reports.md, "Speed"): one row per application,
 * what the domain's fold (foldReportFacts / stepReportFacts) derives from its history, with the fold's state. Written
 * in the transaction of every event append, after the pipeline read model's row and under the same application row
 * lock, so concurrent appends to one application are serialised and each writes the facts of the history it
 * committed: the stored state stepped by the event when it sorts last (foldsInOrder), else the history folded again;
 * rebuilt with the read model.
 */

/** The facts row of one whole history (retractions folded out, oldest first, as the read model takes it). */
function rowFromHistory(applicationId: string, events: readonly PreparedEvent[]): ReportFactsWrite {
  const state = foldReportFacts(prepareEpochEvents(events, Number.POSITIVE_INFINITY));
  return { applicationId, facts: reportFactsOf(state), state };
}

/**
 * Recomputes and stores the report facts of these applications from their histories (in the caller's transaction).
 * `clocks`: the role and clock settings of a single application, when the caller has them.
 */
export async function writeReportFacts(tx: Tx, applicationIds: readonly string[], now: Date, clocks?: RoleClocks): Promise<void> {
  if (applicationIds.length === 0) return;
  const events = await listEpochEventsOfApplications(tx, applicationIds, REPORT_DATA);
  const single = applicationIds.length === 1 ? clocks : undefined;
  await upsertReportFacts(tx, applicationIds.map((id) => ({ ...rowFromHistory(id, events.get(id) ?? []), ...(single ? { clocks: single } : {}) })), now);
}

/**
 * Keeps the facts row up to date after an event was appended (in its transaction, under the application's row lock):
 * the stored fold state (`stored`, read by the append with the read model's context after the event was inserted)
 * stepped by the event when it folds in order (no read of the history); a back-dated event, a retraction or a row
 * without a state folds the whole history again. `clocks` are the application's role and its settings now. Returns
 * which way it went.
 */
export async function writeAppendedReportFacts(tx: Tx, applicationId: string, event: PreparedEvent, now: Date, stored: ReportFactsState | null, clocks: RoleClocks): Promise<'stepped' | 'folded'> {
  if (stored !== null && foldsInOrder(stored, event)) {
    stepReportFacts(stored, event);
    await upsertReportFacts(tx, [{ applicationId, facts: reportFactsOf(stored), state: stored, clocks }], now);
    return 'stepped';
  }
  await writeReportFacts(tx, [applicationId], now, clocks);
  return 'folded';
}

export interface ReportFactsCheck {
  created: number;
  corrected: number;
  unchanged: number;
}

/** Rebuilds the facts of a page of applications and counts how the stored rows compared (the rebuild's report). */
export async function rebuildReportFacts(tx: Tx, applicationIds: readonly string[], now: Date, check: ReportFactsCheck): Promise<void> {
  if (applicationIds.length === 0) return;
  const stored = await listStoredReportFacts(tx, applicationIds);
  const events = await listEpochEventsOfApplications(tx, applicationIds, REPORT_DATA);
  const writes = applicationIds.map((id) => rowFromHistory(id, events.get(id) ?? []));
  for (const w of writes) {
    const before = stored.get(w.applicationId);
    if (!before) check.created += 1;
    else if (JSON.stringify(before) === JSON.stringify(JSON.parse(JSON.stringify(w.facts)))) check.unchanged += 1;
    else check.corrected += 1;
  }
  await upsertReportFacts(tx, writes, now);
}
