// Structured interviews: kinds, scorecard templates from the rubric, scorecards, the decision view and who sees
// what. Pure and browser-safe (evaluation.md).
export {
  DEFAULT_DURATION_MINUTES,
  DURATION_MINUTES,
  DurationMinutes,
  FocusAttributeIds,
  INTERVIEW_KINDS,
  INTERVIEW_STATUSES,
  InterviewCreateInput,
  InterviewKind,
  InterviewLocation,
  InterviewNotes,
  InterviewPatchInput,
  InterviewerIds,
  ONSITE_SLOTS,
  OnsiteCreateInput,
  OnsiteSlotInput,
  StageIdInput,
  SCREENING_KINDS,
  assertInterviewTransition,
  defaultPedigreeBlind,
  isAssigned,
  isScreeningKind,
  safeInterviewTransition,
} from './interview.js';
export type { InterviewFacts, InterviewStatus } from './interview.js';
export { buildScorecardTemplate } from './template.js';
export type { ScorecardTemplate, TemplateAttribute } from './template.js';
export {
  DraftRating,
  RECOMMENDATIONS,
  Rating,
  SCORECARD_STATUSES,
  ScorecardDraftInput,
  applyDraft,
  emptyScorecardContent,
  parseScorecardForSubmit,
  safeParseScorecardForSubmit,
} from './scorecard.js';
export type { Recommendation, ScorecardContent, ScorecardStatus, SubmittedRating } from './scorecard.js';
export { buildDecisionView } from './decision.js';
export type { DecisionAttribute, DecisionRating, DecisionScorecard, DecisionView } from './decision.js';
export { PEDIGREE_FIELDS, canSeeScorecard, hasSubmittedAllOwn, pedigreeHidden, redactPedigree } from './visibility.js';
export type { InterviewCandidate, ScorecardVisibilityInput } from './visibility.js';
export { checkFocus, focusAttributes, interviewTemplate, unplannedAttributes } from './focus.js';
export type { InterviewFocus } from './focus.js';
export { assertOnsiteSlots, findOverlap, localDate, slotEnd } from './slots.js';
export type { SlotOverlap, TimeSlot } from './slots.js';
export {
  ICS_PRODUCT_ID,
  escapeIcsText,
  foldIcsLine,
  formatIcsDateTime,
  icsParamValue,
  icsProperty,
  parseIcs,
  parseIcsLine,
  unescapeIcsText,
  writeIcs,
} from './ics.js';
export type { IcsAttendee, IcsCalendar, IcsComponent, IcsEvent, IcsPerson, IcsProperty } from './ics.js';
export { interviewKindName, inviteCalendar, inviteEvent, inviteUid, writeInvite } from './invite.js';
export type { InviteAudience, InviteContext, InviteInterview } from './invite.js';
