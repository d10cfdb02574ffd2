import { TYPES_WITH_DATA_READ, type PreparedEvent } from '../../domain/pipeline/history.js';
import type { Tx } from '../transaction.js';
import { listEpochEventsOfApplications } from './events.js';

export interface ReportApplicationRow {
  id: string;
  roleId: string;
  source: string;
  currentStage: string;
  events: PreparedEvent[];
}

/** Besides what the pipeline rules read: the offer ids of outcomes and extensions, and the signals logged. */
const REPORT_DATA: readonly string[] = [...TYPES_WITH_DATA_READ, 'offer.extended', 'offer.accepted', 'offer.declined'];

/**
 * Every application (active or closed) with its candidate's source and its whole history, in batches so one query
 * never names more than a few hundred ids. An erased candidate's applications and events are gone, so the reports
 * no longer count them (docs/reports.md).
 */
export async function listReportApplications(tx: Tx, opts: { roleIds?: readonly string[]; source?: string; batch?: number } = {}): Promise<ReportApplicationRow[]> {
  if (opts.roleIds?.length === 0) return [];
  let q = tx
    .selectFrom('applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .select(['a.id as id', 'a.role_id as roleId', 'c.source as source', 'a.stage as currentStage'])
    .orderBy('a.id');
  if (opts.roleIds) q = q.where('a.role_id', 'in', [...opts.roleIds]);
  if (opts.source) q = q.where('c.source', '=', opts.source);
  const rows = await q.execute();
  const out: ReportApplicationRow[] = [];
  const size = opts.batch ?? 500;
  for (let i = 0; i < rows.length; i += size) {
    const slice = rows.slice(i, i + size);
    const events = await listEpochEventsOfApplications(tx, slice.map((r) => r.id), REPORT_DATA);
    for (const r of slice) out.push({ ...r, events: events.get(r.id) ?? [] });
  }
  return out;
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
