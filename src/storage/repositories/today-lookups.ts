import type { ApprovalMode } from '../../domain/offers/index.js';
import type { Tx } from '../transaction.js';

/** Ids per query: well under every dialect's parameter limit. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The approval state of each offer's current version, for the offers that exist (Today's audience rules). */
export interface CurrentApproval {
  offerVersionId: string;
  approvalStatus: string;
  approvalMode: ApprovalMode | null;
  approverIds: string[];
}

/** Current-version approval states of many offers, a few queries whatever their number. */
export async function listCurrentApprovals(tx: Tx, offerIds: readonly string[]): Promise<Map<string, CurrentApproval>> {
  const out = new Map<string, CurrentApproval>();
  for (const ids of chunks([...new Set(offerIds)])) {
    const rows = await tx
      .selectFrom('offers as o')
      .innerJoin('offer_versions as v', (j) => j.onRef('v.offer_id', '=', 'o.id').onRef('v.version', '=', 'o.current_version'))
      .select(['o.id as offerId', 'v.id as versionId', 'v.approval_status as approvalStatus', 'v.approval_mode as approvalMode', 'v.approver_ids as approverIds'])
      .where('o.id', 'in', ids)
      .execute();
    for (const r of rows) {
      out.set(r.offerId, { offerVersionId: r.versionId, approvalStatus: r.approvalStatus, approvalMode: r.approvalMode as ApprovalMode | null, approverIds: JSON.parse(r.approverIds) as string[] });
    }
  }
  return out;
}

/** The kind of each interview that exists ("onsite"), by id, a few queries whatever their number. */
export async function listInterviewKinds(tx: Tx, interviewIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ids of chunks([...new Set(interviewIds)])) {
    for (const r of await tx.selectFrom('interviews').select(['id', 'kind']).where('id', 'in', ids).execute()) out.set(r.id, r.kind);
  }
  return out;
}
