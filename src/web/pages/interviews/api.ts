import type { Recommendation } from '../../../api/constants.js';
import type { DecisionViewSchema, MyScorecardView, ScorecardDraftBody as ContractScorecardDraftBody, ScorecardView } from '../../../api/scorecards.js';
import { api } from '../../api/client.js';
import type { Interview, InterviewDetail } from '../../api/interviews.js';
import type { ListOf } from '../../api/types.js';

export { getInterview, interviewInviteUrl, interviewKindLabel, listApplicationInterviews } from '../../api/interviews.js';
export type { Interview, InterviewDetail, InterviewStatus, MyScorecardStatus } from '../../api/interviews.js';

export type { TemplateView as ScorecardTemplate } from '../../../api/interviews.js';

// The interviews and scorecards API (src/server/routes/interviews, scorecards; docs/interviews-offers.md). The shapes
// are the contract's (src/api/scorecards.ts), imported as types only. None of them carries compensation: interviewers
// use these pages.

export { RECOMMENDATIONS } from '../../../domain/interviews/lists.js';
export type { Recommendation } from '../../../api/constants.js';

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};

export type Scorecard = ScorecardView;
export type ScorecardRating = Scorecard['ratings'][number];
export type MyScorecard = MyScorecardView;
export type ScorecardDraftBody = ContractScorecardDraftBody;
/** The decision view of src/domain/interviews/decision.ts with the application, its role and the template it was read against. */
export type Decision = DecisionViewSchema;

const enc = encodeURIComponent;

/** The viewer's own interviews, or (for staff who read all) every interview. Interviewers only ever get their own. */
export function listInterviews(mine: boolean, signal?: AbortSignal): Promise<ListOf<Interview>> {
  return api.get('/interviews', { query: { mine: mine ? 'true' : undefined, limit: 500 }, signal });
}

export function getMyScorecard(interviewId: string, signal?: AbortSignal): Promise<MyScorecard> {
  return api.get(`/interviews/${enc(interviewId)}/scorecard`, { signal });
}

/** The autosave: stores the draft on the server (private to its author). */
export function saveScorecardDraft(interviewId: string, body: ScorecardDraftBody): Promise<MyScorecard> {
  return api.put(`/interviews/${enc(interviewId)}/scorecard`, body);
}

export function submitScorecard(interviewId: string, body: ScorecardDraftBody): Promise<MyScorecard> {
  return api.post(`/interviews/${enc(interviewId)}/scorecard/submit`, body);
}

export function completeInterview(interviewId: string): Promise<InterviewDetail> {
  return api.post(`/interviews/${enc(interviewId)}/complete`, {});
}

export function getDecision(applicationId: string, signal?: AbortSignal): Promise<Decision> {
  return api.get(`/applications/${enc(applicationId)}/decision`, { signal });
}
