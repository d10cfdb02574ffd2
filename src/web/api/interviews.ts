import type { ScorecardTemplate } from '../../domain/interviews/template.js';
import type { InterviewCandidate } from '../../domain/interviews/visibility.js';
import { api } from './client.js';
import { ifMatch, newIdempotencyKey } from './pipeline.js';
import type { ListOf } from './types.js';

// Shapes of the interviews API (src/server/routes/interviews; docs/interviews-offers.md), shared by the interviews
// pages and the candidate page. The server owns the contract; these types mirror it. None carries compensation.

export type InterviewStatus = 'scheduled' | 'completed' | 'cancelled';
export type MyScorecardStatus = 'not-started' | 'draft' | 'submitted';

export interface Interview {
  id: string;
  applicationId: string;
  role: { id: string; title: string };
  candidate: InterviewCandidate;
  kind: string;
  scheduledAt: string;
  durationMinutes: number;
  endsAt: string;
  stageId: string | null;
  stageName: string | null;
  location: string | null;
  /** As scheduled: null means every attribute of the role's template. */
  focusAttributeIds: string[] | null;
  /** The attributes the interview covers now. */
  focus: { id: string; name: string }[];
  notes: string;
  onsiteId: string | null;
  final: boolean;
  pedigreeBlind: boolean;
  pedigreeHidden: boolean;
  hiddenFields: string[];
  status: InterviewStatus;
  completedAt: string | null;
  cancelledAt: string | null;
  interviewers: { id: string; name: string }[];
  myScorecard: { id: string | null; status: MyScorecardStatus } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface InterviewDetail extends Interview {
  /** The interview's scorecard template: the role's, narrowed to the interview's focus. */
  template: ScorecardTemplate;
}

export interface InterviewBody {
  kind: string;
  interviewerIds: string[];
  scheduledAt: string;
  stageId?: string;
  durationMinutes?: number;
  location?: string | null;
  focusAttributeIds?: string[] | null;
  notes?: string;
  final?: boolean;
}

export type InterviewChange = Partial<InterviewBody>;

export interface OnsiteBody {
  stageId?: string;
  location?: string | null;
  slots: Array<Omit<InterviewBody, 'stageId' | 'location'>>;
}

const enc = encodeURIComponent;

export function listApplicationInterviews(applicationId: string, signal?: AbortSignal): Promise<ListOf<Interview>> {
  return api.get(`/applications/${enc(applicationId)}/interviews`, { query: { limit: 500 }, signal });
}

export function getInterview(id: string, signal?: AbortSignal): Promise<InterviewDetail> {
  return api.get(`/interviews/${enc(id)}`, { signal });
}

export function getScorecardTemplate(roleId: string, signal?: AbortSignal): Promise<{ roleId: string; template: ScorecardTemplate }> {
  return api.get(`/roles/${enc(roleId)}/scorecard-template`, { signal });
}

export function scheduleInterview(applicationId: string, body: InterviewBody, idempotencyKey: string = newIdempotencyKey()): Promise<InterviewDetail> {
  return api.post(`/applications/${enc(applicationId)}/interviews`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

/** Several interviews on one day, all or nothing (409 INTERVIEW_OVERLAP when two overlap). */
export function scheduleOnsite(applicationId: string, body: OnsiteBody, idempotencyKey: string = newIdempotencyKey()): Promise<{ onsiteId: string; interviews: InterviewDetail[] }> {
  return api.post(`/applications/${enc(applicationId)}/onsites`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

/** Reschedules or changes an interview read at `version`; 412 PRECONDITION_FAILED when someone changed it since. */
export function changeInterview(id: string, version: number, body: InterviewChange): Promise<InterviewDetail> {
  return api.patch(`/interviews/${enc(id)}`, body, { headers: { 'If-Match': ifMatch(version) } });
}

/** Cancels an interview read at `version`; 412 PRECONDITION_FAILED when someone changed it since. */
export function cancelInterview(id: string, version: number): Promise<InterviewDetail> {
  return api.post(`/interviews/${enc(id)}/cancel`, {}, { headers: { 'If-Match': ifMatch(version) } });
}

/** Where to download an interview's .ics invite: your own, an interviewer's (by user id) or the candidate's. */
/** Marks a scheduled interview held (now): its interviewers' scorecards fall due. */
export function completeInterview(id: string): Promise<InterviewDetail> {
  return api.post(`/interviews/${encodeURIComponent(id)}/complete`, {});
}

export function interviewInviteUrl(id: string, forWhom?: string): string {
  return `/api/v1/interviews/${enc(id)}/invite.ics${forWhom ? `?for=${enc(forWhom)}` : ''}`;
}

/** Where to download the candidate's .ics for a whole onsite. */
export function onsiteInviteUrl(onsiteId: string): string {
  return `/api/v1/onsites/${enc(onsiteId)}/invite.ics`;
}

/** "technical-screen" -> "Technical screen". */
export function interviewKindLabel(kind: string): string {
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
