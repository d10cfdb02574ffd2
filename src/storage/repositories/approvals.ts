import type { ApprovalDecision } from '../../domain/offers/index.js';
import type { Tx } from '../transaction.js';
import type { OfferApprovalTable } from '../schema.js';

export interface ApprovalDecisionRecord {
  id: string;
  offerVersionId: string;
  approverId: string;
  decision: ApprovalDecision;
  comment: string | null;
  decidedAt: string;
}

function toApproval(r: OfferApprovalTable): ApprovalDecisionRecord {
  return { id: r.id, offerVersionId: r.offer_version_id, approverId: r.approver_id, decision: r.decision as ApprovalDecision, comment: r.comment, decidedAt: r.decided_at };
}

/**
 * Records one approver's decision on a version. The unique constraint on (offer_version_id, approver_id)
 * makes a second decision fail with a unique violation, whatever the interleaving of requests.
 */
export async function insertApprovalDecision(tx: Tx, a: ApprovalDecisionRecord): Promise<void> {
  await tx
    .insertInto('offer_approvals')
    .values({ id: a.id, offer_version_id: a.offerVersionId, approver_id: a.approverId, decision: a.decision, comment: a.comment, decided_at: a.decidedAt })
    .execute();
}

/** Decisions on some offer versions, in the order they were made. */
export async function listApprovalDecisions(tx: Tx, offerVersionIds: readonly string[]): Promise<ApprovalDecisionRecord[]> {
  if (offerVersionIds.length === 0) return [];
  const rows = await tx.selectFrom('offer_approvals').selectAll().where('offer_version_id', 'in', [...offerVersionIds]).orderBy('decided_at').orderBy('id').execute();
  return rows.map(toApproval);
}
