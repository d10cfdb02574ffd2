/**
 * The pipeline API (docs/api-pipeline.md) as the web app sees it: roles, candidates, applications, events,
 * the board, the source mix and Today. The shapes are the contract's (src/api), imported as types only (no cost in
 * the bundle); the lists come from its zod-free constants module.
 */
import type { ApplicationDetailView, ApplicationView, ClockView, EventCreateInput, EventView, RiskView } from '../../api/applications.js';
import type { CandidateCreateBody as ContractCandidateCreateBody, CandidateView, CurrentCompensation as ContractCurrentCompensation, DuplicateResponse } from '../../api/candidates.js';
import type { BoardCardView, BoardView, Finding, RoleStageView, RoleView, SourceMixView } from '../../api/roles.js';
import type { TodayItemView, TodayView } from '../../api/today.js';
import { ApiError, api, toApiError } from './client.js';
import type { ListOf } from './types.js';
import type { CandidateSource, LossReason } from '../../api/constants.js';

export type { ClockState } from '../../domain/pipeline/clocks.js';
export type { RiskLevel } from '../../domain/pipeline/risk.js';
export { CANDIDATE_SOURCES, CLOCK_IDS, LOGGED_SIGNALS, LOSS_REASONS, OUTREACH_CHANNELS } from '../../domain/pipeline/lists.js';
export type { CandidateSource, ClockId, LoggedSignal, LossReason } from '../../api/constants.js';

export type ApplicationStatus = ApplicationView['status'];
export type RoleStage = RoleStageView;
export type Role = RoleView;
export type CurrentCompensation = ContractCurrentCompensation;
/** The view declares `source` a string; it is always one of CANDIDATE_SOURCES (CandidateCreateBody checks it). */
export type Candidate = Omit<CandidateView, 'source'> & { source: CandidateSource };
export type CandidateCreateBody = ContractCandidateCreateBody;
export type DuplicateMatch = Omit<DuplicateResponse['details']['matches'][number], 'candidate'> & { candidate: Candidate };
export type Application = ApplicationView;
/** A clock as the application detail sends it: running ones carry their next action. */
export type Clock = ClockView;
export type Risk = RiskView;
export type PipelineEvent = EventView;
export type ApplicationDetail = ApplicationDetailView;
export type BoardCard = BoardCardView;
export type Board = BoardView;
export type BoardColumn = Board['columns'][number];
export type SourceMixFinding = Finding;
export type SourceMix = SourceMixView;
export type TodayItem = TodayItemView;
export type Today = TodayView;
export type EventBody = EventCreateInput;

/** A fresh key for one user intent: a retried request with the same key is recorded once. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return `web-${crypto.randomUUID()}`;
  return `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The `If-Match` value for a record version (the server's ETag is `"<version>"`). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

const id = (value: string) => encodeURIComponent(value);

export function listRoles(signal?: AbortSignal, status?: 'open' | 'closed'): Promise<ListOf<Role>> {
  return api.get('/roles', { query: { status }, signal });
}

export function getRole(roleId: string, signal?: AbortSignal): Promise<Role> {
  return api.get(`/roles/${id(roleId)}`, { signal });
}

export function getBoard(roleId: string, signal?: AbortSignal): Promise<Board> {
  return api.get(`/roles/${id(roleId)}/board`, { signal });
}

export function getSourceMix(roleId: string, signal?: AbortSignal): Promise<SourceMix> {
  return api.get(`/roles/${id(roleId)}/source-mix`, { signal });
}

export function listCandidates(query: { q?: string; limit?: number; offset?: number; archived?: 'true' | 'any' }, signal?: AbortSignal): Promise<ListOf<Candidate>> {
  return api.get('/candidates', { query: { q: query.q || undefined, limit: query.limit, offset: query.offset, archived: query.archived }, signal });
}

export function getCandidate(candidateId: string, signal?: AbortSignal): Promise<Candidate> {
  return api.get(`/candidates/${id(candidateId)}`, { signal });
}

/** 409 CONFLICT on create: the API names the people this one may duplicate. */
export class DuplicateCandidateError extends ApiError {
  readonly matches: DuplicateMatch[];
  constructor(status: number, message: string, matches: DuplicateMatch[]) {
    super(status, 'CONFLICT', message);
    this.matches = matches;
  }
}

/**
 * Creates a candidate. The shared client keeps only `{ code, message, field }` of an error, so this call reads
 * the body itself to keep the duplicate matches of a 409.
 */
export async function createCandidate(body: CandidateCreateBody, idempotencyKey: string): Promise<Candidate> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey };
  if (api.csrfToken) headers['X-CSRF-Token'] = api.csrfToken;
  let response: Response;
  try {
    response = await fetch('/api/v1/candidates', { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_FAILED', 'Cannot reach the Closer server. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as Candidate;
  const matches = (payload as { details?: { matches?: DuplicateMatch[] } } | undefined)?.details?.matches;
  if (response.status === 409 && Array.isArray(matches) && matches.length > 0) {
    throw new DuplicateCandidateError(409, (payload as { message?: string }).message ?? 'This person may already be in Closer.', matches);
  }
  const error = toApiError(response.status, payload);
  if (error.code === 'UNAUTHENTICATED') api.onUnauthenticated?.(error);
  throw error;
}

export function mergeCandidate(sourceId: string, intoId: string): Promise<{ candidate: Candidate; mergedId: string; movedApplicationIds: string[] }> {
  return api.post(`/candidates/${id(sourceId)}/merge`, { intoId }, { headers: { 'Idempotency-Key': newIdempotencyKey() } });
}

export function listApplications(
  query: { roleId?: string; candidateId?: string; status?: ApplicationStatus; limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<ListOf<Application>> {
  return api.get('/applications', { query: { ...query }, signal });
}

export function createApplication(body: { candidateId: string; roleId: string; stage?: string }, idempotencyKey: string): Promise<Application> {
  return api.post('/applications', body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

export function getApplication(applicationId: string, signal?: AbortSignal): Promise<ApplicationDetail> {
  return api.get(`/applications/${id(applicationId)}`, { signal });
}

/** Changes stage or status under optimistic concurrency: a stale `version` is 412 PRECONDITION_FAILED. */
export function patchApplication(
  applicationId: string,
  version: number,
  body: { stage?: string; status?: ApplicationStatus; lossReason?: LossReason | null },
): Promise<Application> {
  return api.patch(`/applications/${id(applicationId)}`, body, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}

export function recordEvent(applicationId: string, body: EventBody, idempotencyKey: string = newIdempotencyKey()): Promise<{ event: PipelineEvent; application: Application }> {
  return api.post(`/applications/${id(applicationId)}/events`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

export function getToday(signal?: AbortSignal): Promise<Today> {
  return api.get('/today', { signal });
}

/** Every application matching a query, 1,000 a page (up to 20,000): the board's versions for If-Match, counts per role. */
export async function listAllApplications(
  query: { roleId?: string; candidateId?: string; status?: ApplicationStatus },
  signal?: AbortSignal,
): Promise<Application[]> {
  const all: Application[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { items } = await listApplications({ ...query, limit: 1000, offset }, signal);
    all.push(...items);
    if (items.length < 1000 || offset >= 19_000) return all;
  }
}

/** Every application of a role (see listAllApplications). */
export function listAllApplicationsOfRole(roleId: string, signal?: AbortSignal): Promise<Application[]> {
  return listAllApplications({ roleId }, signal);
}
