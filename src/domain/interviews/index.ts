// Structured interviews: kinds, scorecard templates from the rubric, scorecards, the decision view and who sees
// what. Pure and browser-safe (evaluation.md).
export {
  INTERVIEW_KINDS,
  INTERVIEW_STATUSES,
  InterviewCreateInput,
  InterviewKind,
  InterviewPatchInput,
  InterviewerIds,
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
