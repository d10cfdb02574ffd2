import type { DecisionView } from '../../../domain/interviews/decision.js';
import type { ScorecardTemplate } from '../../../domain/interviews/template.js';
import { api } from '../../api/client.js';
import type { Interview, InterviewDetail } from '../../api/interviews.js';
import type { ListOf } from '../../api/types.js';

export { getInterview, interviewInviteUrl, interviewKindLabel, listApplicationInterviews } from '../../api/interviews.js';
export type { Interview, InterviewDetail, InterviewStatus, MyScorecardStatus } from '../../api/interviews.js';

export type { ScorecardTemplate } from '../../../domain/interviews/template.js';

// Shapes of the interviews and scorecards API (src/server/routes/interviews, scorecards; docs/interviews-offers.md).
// The server owns the contract; these types mirror it. None of them carries compensation: interviewers use these pages.

export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};


export interface ScorecardRating {
  attributeId: string;
  rating: number | null;
  evidence: string;
}

export interface Scorecard {
  id: string | null;
  interviewId: string;
  interviewerId: string;
  interviewerName: string;
  status: 'draft' | 'submitted' | 'not-started';
  ratings: ScorecardRating[];
  recommendation: Recommendation | null;
  notes: string;
  submittedAt: string | null;
  updatedAt: string | null;
  version: number;
}

export interface MyScorecard {
  scorecard: Scorecard;
  template: ScorecardTemplate;
}

export interface ScorecardDraftBody {
  ratings?: { attributeId: string; rating?: number | null; evidence?: string }[];
  recommendation?: Recommendation | null;
  notes?: string;
}

/** The decision view of src/domain/interviews/decision.ts with the application, its role and the template it was read against. */
export interface Decision extends DecisionView {
  applicationId: string;
  role: { id: string; title: string };
  template: ScorecardTemplate;
}

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
