import { z } from 'zod';
import kindsData from '../../../data/interviews/interview-kinds.json' with { type: 'json' };
import { DomainError, toResult, type Result } from '../shared/errors.js';

/** The interview kinds Closer suggests; a company may use its own slug. */
export const INTERVIEW_KINDS: readonly string[] = kindsData.kinds.value;
export const SCREENING_KINDS: ReadonlySet<string> = new Set(kindsData.screeningKinds.value);

export const INTERVIEW_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** Screening stages hide pedigree by default (evaluation.md). */
export function isScreeningKind(kind: string): boolean {
  return SCREENING_KINDS.has(kind);
}

/**
 * Whether a new interview is pedigree-blind when the request does not say: on for screening kinds of a role
 * that keeps blind mode on (the role default is on), off otherwise.
 * @example defaultPedigreeBlind('technical-screen', true) // true
 */
export function defaultPedigreeBlind(kind: string, roleBlind: boolean): boolean {
  return roleBlind && isScreeningKind(kind);
}

const UserId = z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/, { message: 'Ids are printable characters without spaces' });
export const InterviewKind = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, { message: 'A kind is a lowercase slug of up to 48 characters' });
export const InterviewerIds = z
  .array(UserId)
  .min(1)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Interviewers must be unique' });
const Timestamp = z.iso.datetime({ offset: true });

/** What a user sends to put an interview on an application. */
export const InterviewCreateInput = z.strictObject({
  kind: InterviewKind,
  interviewerIds: InterviewerIds,
  scheduledAt: Timestamp,
  final: z.boolean().optional(),
  pedigreeBlind: z.boolean().optional(),
});
export type InterviewCreateInput = z.infer<typeof InterviewCreateInput>;

/** Changes to a scheduled interview; at least one field. */
export const InterviewPatchInput = z
  .strictObject({
    kind: InterviewKind.optional(),
    interviewerIds: InterviewerIds.optional(),
    scheduledAt: Timestamp.optional(),
    final: z.boolean().optional(),
    pedigreeBlind: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'Send at least one field to change' });
export type InterviewPatchInput = z.infer<typeof InterviewPatchInput>;

/** The interview as the rules see it. */
export interface InterviewFacts {
  status: InterviewStatus;
  interviewerIds: readonly string[];
}

/** Which moves an interview's status allows; throws INTERVIEW_STATE_INVALID otherwise. */
export function assertInterviewTransition(from: InterviewStatus, action: 'complete' | 'cancel' | 'edit'): InterviewStatus {
  if (from !== 'scheduled') {
    throw new DomainError('INTERVIEW_STATE_INVALID', `A ${from} interview cannot be ${action === 'edit' ? 'changed' : `${action}d`}.`, 'status');
  }
  return action === 'complete' ? 'completed' : action === 'cancel' ? 'cancelled' : 'scheduled';
}

/** assertInterviewTransition without throwing. */
export function safeInterviewTransition(from: InterviewStatus, action: 'complete' | 'cancel' | 'edit'): Result<InterviewStatus> {
  return toResult(() => assertInterviewTransition(from, action));
}

/** Whether a user is one of the interview's interviewers. */
export function isAssigned(interview: InterviewFacts, userId: string): boolean {
  return interview.interviewerIds.includes(userId);
}
