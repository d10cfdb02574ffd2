import { sql } from 'kysely';
import { TYPES_WITH_DATA_READ, type PreparedEvent } from '../../domain/pipeline/history.js';
import type { HistoryFacts, ReportFactsState } from '../../domain/reports/facts.js';
import type { Tx } from '../transaction.js';
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
  opts: { roleIds?: readonly string[]; source?: string; batch?: number; clockRuns?: boolean } = {},
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
}

/** Writes (inserts or replaces) the report facts rows of these applications. */
export async function upsertReportFacts(tx: Tx, rows: readonly ReportFactsWrite[], now: Date, chunk = 500): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map(({ applicationId, facts }) => {
      const { clockRuns, ...rest } = facts;
      return { application_id: applicationId, first_contact_at: facts.firstContactAt, facts: JSON.stringify(rest), clock_runs: JSON.stringify(clockRuns), updated_at: at };
    });
    await tx
      .insertInto('report_facts')
      .values(values.map((v, k) => ({ ...v, fold_state: foldStateText(rows[i + k]!) })))
      .onConflict((oc) =>
        oc.column('application_id').doUpdateSet((eb) => ({
          fold_state: eb.ref('excluded.fold_state'),
          first_contact_at: eb.ref('excluded.first_contact_at'),
          facts: eb.ref('excluded.facts'),
          clock_runs: eb.ref('excluded.clock_runs'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
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
