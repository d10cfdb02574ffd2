import { z } from 'zod';
import offerDefaults from '../../../data/offers/offer-defaults.json' with { type: 'json' };
import { DomainError, toResult, type Result } from '../shared/errors.js';

export const APPROVAL_MODES = ['sequential', 'parallel'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];
export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

const UserId = z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/, { message: 'Ids are printable characters without spaces' });

/** The company's approval setting: who decides on offers outside the band, and whether in turn or all at once. */
export const ApprovalSettings = z.strictObject({
  approverIds: z
    .array(UserId)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Approvers must be unique' }),
  mode: z.enum(APPROVAL_MODES),
});
export type ApprovalSettings = z.infer<typeof ApprovalSettings>;

export const DEFAULT_APPROVAL_MODE = offerDefaults.approvalMode.value as ApprovalMode;

/** The approvers fixed on one offer version when it is sent for approval. */
export interface ApprovalPlan {
  mode: ApprovalMode;
  approverIds: readonly string[];
}

export interface ApprovalRecord {
  approverId: string;
  decision: ApprovalDecision;
}

export interface ApprovalProgress {
  status: 'pending' | 'approved' | 'rejected';
  /** Who may decide now: everyone undecided (parallel), or the next in line (sequential). */
  awaiting: string[];
  decided: string[];
}

/**
 * Where an approval stands. Every approver must approve; one rejection rejects. Sequential asks one at a
 * time, in the configured order; parallel asks everyone at once.
 */
export function approvalProgress(plan: ApprovalPlan, decisions: readonly ApprovalRecord[]): ApprovalProgress {
  const byApprover = new Map(decisions.map((d) => [d.approverId, d.decision]));
  const decided = plan.approverIds.filter((id) => byApprover.has(id));
  if (decided.some((id) => byApprover.get(id) === 'rejected')) return { status: 'rejected', awaiting: [], decided };
  const undecided = plan.approverIds.filter((id) => !byApprover.has(id));
  if (undecided.length === 0) return { status: 'approved', awaiting: [], decided };
  return { status: 'pending', awaiting: plan.mode === 'sequential' ? [undecided[0]!] : undecided, decided };
}

/**
 * Checks that `approverId` may decide now: on the plan (NOT_AN_APPROVER), not yet decided (ALREADY_DECIDED),
 * and, in sequential mode, their turn (NOT_YOUR_TURN).
 */
export function assertMayDecide(plan: ApprovalPlan, decisions: readonly ApprovalRecord[], approverId: string): void {
  if (!plan.approverIds.includes(approverId)) {
    throw new DomainError('NOT_AN_APPROVER', 'You are not an approver of this offer. Who approves offers is chosen in Settings → Approvals; the approvers of an offer are fixed when it is sent.');
  }
  if (decisions.some((d) => d.approverId === approverId)) throw new DomainError('ALREADY_DECIDED', 'You have already decided on this offer version.');
  const progress = approvalProgress(plan, decisions);
  if (progress.status !== 'pending') throw new DomainError('OFFER_STATE_INVALID', `This offer version is already ${progress.status}.`);
  if (!progress.awaiting.includes(approverId)) throw new DomainError('NOT_YOUR_TURN', 'An earlier approver has not decided yet.');
}

export function safeAssertMayDecide(plan: ApprovalPlan, decisions: readonly ApprovalRecord[], approverId: string): Result<void> {
  return toResult(() => assertMayDecide(plan, decisions, approverId));
}
