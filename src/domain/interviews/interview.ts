import { z } from 'zod';
import kindsData from '../../../data/interviews/interview-kinds.json' with { type: 'json' };
import schedulingData from '../../../data/interviews/scheduling.json' with { type: 'json' };
import { cleanText } from '../company/company.js';
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

/** Length of an interview when the request does not say (data/interviews/scheduling.json). */
export const DEFAULT_DURATION_MINUTES: number = schedulingData.defaultDurationMinutes.value;
export const DURATION_MINUTES = schedulingData.durationMinutes.value;
export const ONSITE_SLOTS = schedulingData.onsiteSlots.value;

export const DurationMinutes = z
  .number()
  .int({ message: 'A length is a whole number of minutes' })
  .min(DURATION_MINUTES.min, { message: `An interview lasts at least ${DURATION_MINUTES.min} minutes` })
  .max(DURATION_MINUTES.max, { message: `An interview lasts at most ${DURATION_MINUTES.max} minutes` });
/** A stage id of the role's process plan (checked against the plan by the service). */
export const StageIdInput = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'A stage id is a lowercase slug' });
/** A room, an address or a video link: shown to interviewers and the candidate. */
export const InterviewLocation = cleanText(500);
/** Rubric attribute ids of the role's scorecard template this interview covers; null or absent: all of them. */
export const FocusAttributeIds = z
  .array(z.string().min(1).max(64))
  .min(1, { message: 'Pick at least one attribute, or send null for all of them' })
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Attributes must be unique' });
/** Internal notes for the interviewers (what to probe); never in the candidate's invite. */
export const InterviewNotes = cleanText(2_000, 0);

/** What a user sends to put an interview on an application. */
export const InterviewCreateInput = z.strictObject({
  kind: InterviewKind,
  interviewerIds: InterviewerIds,
  scheduledAt: Timestamp,
  /** Default: the application's current stage. */
  stageId: StageIdInput.optional(),
  durationMinutes: DurationMinutes.optional(),
  location: InterviewLocation.nullable().optional(),
  focusAttributeIds: FocusAttributeIds.nullable().optional(),
  notes: InterviewNotes.optional(),
  final: z.boolean().optional(),
  pedigreeBlind: z.boolean().optional(),
});
export type InterviewCreateInput = z.infer<typeof InterviewCreateInput>;

/** Changes to a scheduled interview; at least one field. `location: null` clears it, `focusAttributeIds: null` means all. */
export const InterviewPatchInput = z
  .strictObject({
    kind: InterviewKind.optional(),
    interviewerIds: InterviewerIds.optional(),
    scheduledAt: Timestamp.optional(),
    stageId: StageIdInput.optional(),
    durationMinutes: DurationMinutes.optional(),
    location: InterviewLocation.nullable().optional(),
    focusAttributeIds: FocusAttributeIds.nullable().optional(),
    notes: InterviewNotes.optional(),
    final: z.boolean().optional(),
    pedigreeBlind: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'Send at least one field to change' });
export type InterviewPatchInput = z.infer<typeof InterviewPatchInput>;

/** One interview of an onsite: its own time, length, interviewers and focus. */
export const OnsiteSlotInput = z.strictObject({
  kind: InterviewKind,
  interviewerIds: InterviewerIds,
  scheduledAt: Timestamp,
  durationMinutes: DurationMinutes.optional(),
  focusAttributeIds: FocusAttributeIds.nullable().optional(),
  notes: InterviewNotes.optional(),
  final: z.boolean().optional(),
  pedigreeBlind: z.boolean().optional(),
});
export type OnsiteSlotInput = z.infer<typeof OnsiteSlotInput>;

/** A one-day onsite: several interviews for one application, scheduled together (all or nothing). */
export const OnsiteCreateInput = z.strictObject({
  /** Default: the application's current stage. */
  stageId: StageIdInput.optional(),
  /** Where the whole day happens; every slot shares it. */
  location: InterviewLocation.nullable().optional(),
  slots: z
    .array(OnsiteSlotInput)
    .min(ONSITE_SLOTS.min, { message: `An onsite has at least ${ONSITE_SLOTS.min} interviews; schedule a single interview instead` })
    .max(ONSITE_SLOTS.max, { message: `An onsite has at most ${ONSITE_SLOTS.max} interviews` }),
});
export type OnsiteCreateInput = z.infer<typeof OnsiteCreateInput>;

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
