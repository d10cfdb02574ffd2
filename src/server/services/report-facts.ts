import { historyReportFacts } from '../../domain/reports/facts.js';
import { listEpochEventsOfApplications, listStoredReportFacts, REPORT_DATA, upsertReportFacts, type Tx } from '../../storage/index.js';

/*
 * The reports' stored facts (report_facts, migration 023; docs/reports.md, "Speed"): one row per application, what
 * the domain's historyReportFacts derives from its whole history. Written in the transaction of every event append,
 * after the pipeline read model's row and under the same application row lock, so concurrent appends to one
 * application are serialised and each writes the facts of the history it committed; rebuilt with the read model.
 */

/** Recomputes and stores the report facts of these applications from their histories (in the caller's transaction). */
export async function writeReportFacts(tx: Tx, applicationIds: readonly string[], now: Date): Promise<void> {
  if (applicationIds.length === 0) return;
  const events = await listEpochEventsOfApplications(tx, applicationIds, REPORT_DATA);
  await upsertReportFacts(tx, applicationIds.map((id) => ({ applicationId: id, facts: historyReportFacts(events.get(id) ?? []) })), now);
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
  const writes = applicationIds.map((id) => ({ applicationId: id, facts: historyReportFacts(events.get(id) ?? []) }));
  for (const w of writes) {
    const before = stored.get(w.applicationId);
    if (!before) check.created += 1;
    else if (JSON.stringify(before) === JSON.stringify(JSON.parse(JSON.stringify(w.facts)))) check.unchanged += 1;
    else check.corrected += 1;
  }
  await upsertReportFacts(tx, writes, now);
}
