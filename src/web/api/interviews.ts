import type {
  InterviewCreateBody,
  InterviewDetailView,
  InterviewPatchBody,
  InterviewView,
  OnsiteCreatedView,
  OnsiteCreateBody,
  RoleTemplateView,
} from '../../api/interviews.js';
import { api } from './client.js';
import { ifMatch, newIdempotencyKey } from './pipeline.js';
import type { ListOf } from './types.js';

// The interviews API (src/server/routes/interviews; docs/interviews-offers.md), shared by the interviews pages and
// the candidate page. The shapes are the contract's (src/api/interviews.ts), imported as types only. None carries
// compensation.

export type Interview = InterviewView;
export type InterviewStatus = Interview['status'];
export type MyScorecardStatus = NonNullable<Interview['myScorecard']>['status'];
/** An interview with its scorecard template: the role's, narrowed to the interview's focus. */
export type InterviewDetail = InterviewDetailView;
export type InterviewBody = InterviewCreateBody;
export type InterviewChange = InterviewPatchBody;
export type OnsiteBody = OnsiteCreateBody;

const enc = encodeURIComponent;

export function listApplicationInterviews(applicationId: string, signal?: AbortSignal): Promise<ListOf<Interview>> {
  return api.get(`/applications/${enc(applicationId)}/interviews`, { query: { limit: 500 }, signal });
}

export function getInterview(id: string, signal?: AbortSignal): Promise<InterviewDetail> {
  return api.get(`/interviews/${enc(id)}`, { signal });
}

export function getScorecardTemplate(roleId: string, signal?: AbortSignal): Promise<RoleTemplateView> {
  return api.get(`/roles/${enc(roleId)}/scorecard-template`, { signal });
}

export function scheduleInterview(applicationId: string, body: InterviewBody, idempotencyKey: string = newIdempotencyKey()): Promise<InterviewDetail> {
  return api.post(`/applications/${enc(applicationId)}/interviews`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

/** Several interviews on one day, all or nothing (409 INTERVIEW_OVERLAP when two overlap). */
export function scheduleOnsite(applicationId: string, body: OnsiteBody, idempotencyKey: string = newIdempotencyKey()): Promise<OnsiteCreatedView> {
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
