import { can } from '../access/policy.js';
import type { TodayItem } from './today.js';

/** Why an item is on a person's Today. Ids are part of the API (`reasons` of a card). */
export const TODAY_REASONS = ['approver', 'interviewer', 'recruiter', 'hiring-manager', 'unassigned'] as const;
export type TodayReason = (typeof TODAY_REASONS)[number];

/** "For you" (the default) or "Everything" (people allowed to see every card). */
export const TODAY_SCOPES = ['mine', 'all'] as const;
export type TodayScope = (typeof TODAY_SCOPES)[number];

/** The signed-in person looking at Today. */
export interface TodayViewer {
  id: string;
  role: string;
}

/** The people a role names, each already reduced by `assigneeWhoCanAct` (null when nobody who can act is named). */
export interface RoleAssignees {
  recruiterId: string | null;
  hiringManagerId: string | null;
}

/** What the audience rules need about an item's application beyond the item itself. */
export interface TodayAudienceContext {
  assignees: RoleAssignees;
  /**
   * Approvers still to decide, by offer id, read from the offer's approval trail (in sequential mode only the
   * one whose turn it is). For an offer not listed here, the approvers named by the approval request count.
   */
  awaitingApprovers?: Readonly<Record<string, readonly string[]>>;
}

/** Whether a person may switch Today to "Everything": owners, admins, recruiters and hiring managers (`today.read-all`). */
export function mayViewAllToday(role: string): boolean {
  return can(role, 'today.read-all');
}

/**
 * The person a role names, if they can work its pipeline: an active user allowed to write applications. Anyone
 * else (a disabled user, an interviewer or approver named by mistake, an unknown id) counts as nobody, so the
 * work falls to the next person in line instead of to someone who cannot do it.
 */
export function assigneeWhoCanAct(id: string | null | undefined, users: ReadonlyMap<string, { role: string; disabled: boolean }>): string | null {
  if (!id) return null;
  const user = users.get(id);
  return user && !user.disabled && can(user.role, 'applications.write') ? id : null;
}

/** Items about deciding and offering: the hiring manager's first. The rest (contact, replies, chasing) is the recruiter's first. */
const DECISION_WORK: ReadonlySet<TodayItem['id']> = new Set<TodayItem['id']>(['offer.after-final', 'cycle.total', 'risk']);

/**
 * The one person who answers for an item of a role: decisions and offers (offer after the final interview, the
 * 21-day cycle, flight risk) go to the hiring manager, else the recruiter; contact and chasing (idle candidates,
 * replies, scorecards, approvals) go to the recruiter, else the hiring manager. Null when the role names nobody
 * who can act: owners and admins then.
 */
export function responsibleFor(item: Pick<TodayItem, 'id'>, assignees: RoleAssignees): { userId: string; as: 'recruiter' | 'hiring-manager' } | null {
  const hm = assignees.hiringManagerId ? ({ userId: assignees.hiringManagerId, as: 'hiring-manager' } as const) : null;
  const recruiter = assignees.recruiterId ? ({ userId: assignees.recruiterId, as: 'recruiter' } as const) : null;
  return DECISION_WORK.has(item.id) ? (hm ?? recruiter) : (recruiter ?? hm);
}

/** The approvers an approval item is waiting for: the offer's trail when known, else the request's approverIds. */
export function awaitedApprovers(item: TodayItem, ctx: Pick<TodayAudienceContext, 'awaitingApprovers'>): readonly string[] {
  if (item.kind !== 'clock' || item.id !== 'approval.pending') return [];
  const subject = item.clock.subject;
  const offerId = subject?.offerId;
  if (offerId !== undefined && ctx.awaitingApprovers && Object.hasOwn(ctx.awaitingApprovers, offerId)) return ctx.awaitingApprovers[offerId]!;
  return subject?.approverIds ?? [];
}

/**
 * Why an item is on this person's Today, personal reasons first; empty when it is not theirs.
 * - approver: an approval clock waiting for them (people who may read pay only: never an interviewer);
 * - interviewer: their own overdue scorecard;
 * - recruiter / hiring-manager: the role names them and the item is theirs by `responsibleFor`;
 * - unassigned: owners and admins, when the role names nobody who can act.
 * Role work counts only for people who may write applications; interviewers and approvers get only their own.
 * @example todayReasons({ id: 'u_dana', role: 'approver' }, approvalItem, { assignees }) // ['approver']
 */
export function todayReasons(viewer: TodayViewer, item: TodayItem, ctx: TodayAudienceContext): TodayReason[] {
  const reasons: TodayReason[] = [];
  if (item.kind === 'clock') {
    if (item.id === 'approval.pending' && can(viewer.role, 'compensation.read') && awaitedApprovers(item, ctx).includes(viewer.id)) reasons.push('approver');
    if (item.id === 'scorecard.due' && item.clock.subject?.interviewerId === viewer.id) reasons.push('interviewer');
  }
  const role = roleWorkReason(viewer, item.id, ctx.assignees);
  if (role) reasons.push(role);
  return reasons;
}

/**
 * The reason an item of this id, on a role with these assignees, is the viewer's as role work (recruiter,
 * hiring-manager or unassigned; see todayReasons), or null. It depends on the item's id and the role only, so Today's
 * indexed query asks it once per role and item id.
 */
export function roleWorkReason(viewer: TodayViewer, itemId: TodayItem['id'], assignees: RoleAssignees): TodayReason | null {
  if (!can(viewer.role, 'applications.write')) return null;
  const responsible = responsibleFor({ id: itemId }, assignees);
  if (responsible) return responsible.userId === viewer.id ? responsible.as : null;
  return viewer.role === 'owner' || viewer.role === 'admin' ? 'unassigned' : null;
}
