/**
 * The pipeline API (docs/api-pipeline.md) as the web app sees it: roles, candidates, applications, events,
 * the board, the source mix and Today. The server owns the contract; these types mirror it, and where the JSON is a
 * domain type as is (clocks, risk, findings) they import it (types only: no cost in the bundle).
 */
import type { Clock as DomainClock } from '../../domain/pipeline/clocks.js';
import type { RiskAssessment, RiskLevel } from '../../domain/pipeline/risk.js';
import type { Finding } from '../../domain/pipeline/source-mix.js';
import type { BoardCard } from '../../domain/pipeline/summary.js';
import { ApiError, api, toApiError } from './client.js';
import type { ListOf } from './types.js';

export type { ClockState } from '../../domain/pipeline/clocks.js';
export type { RiskLevel } from '../../domain/pipeline/risk.js';
export type { BoardCard } from '../../domain/pipeline/summary.js';

// Mirrors of the domain's lists (src/domain/pipeline): events.ts and clock-settings.ts import zod, and source-mix.ts,
// which does not, still brings its sourcing.json (about 1.3 kB) into the entry chunk. pipeline-constants.test.ts keeps
// them equal.
export const CANDIDATE_SOURCES = ['referral', 'vc-introduction', 'outbound', 'inbound', 'event', 'community', 'other'] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];
export const LOGGED_SIGNALS = ['accelerate-request', 'equity-questions', 'ceo-call-request', 'logistics-focus', 'competing-offer'] as const;
export type LoggedSignal = (typeof LOGGED_SIGNALS)[number];
export const CLOCK_IDS = ['cycle.total', 'offer.after-final', 'approval.pending', 'reply.to-candidate', 'scorecard.due', 'stage.idle'] as const;
export type ClockId = (typeof CLOCK_IDS)[number];
export const OUTREACH_CHANNELS = ['email', 'linkedin', 'github', 'x', 'phone', 'message', 'in-person', 'other'] as const;
export const LOSS_REASONS = [
  'accepted-other-offer',
  'compensation',
  'equity',
  'process-too-slow',
  'approval-delay',
  'role-fit',
  'location',
  'not-selected',
  'unresponsive',
  'other',
] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

export type ApplicationStatus = 'active' | 'hired' | 'lost' | 'withdrawn';

export interface RoleStage {
  id: string;
  name: string;
  plannedDays: number;
}

export interface Role {
  id: string;
  title: string;
  /** the job description the role was scoped from; null when none was saved */
  description: string | null;
  specializations: string[];
  seniority: string;
  hiringManagerId: string | null;
  recruiterId: string | null;
  processPlan: { stages: RoleStage[]; plannedDays: number };
  pedigreeBlind: boolean;
  status: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CurrentCompensation {
  base: number;
  bonus: number;
  equityAnnual: number;
  currency: string;
}

export interface Candidate {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  links: string[];
  location: string | null;
  currentEmployer?: string | null;
  pedigreeHidden?: boolean;
  source: CandidateSource;
  passive: boolean;
  specializations: string[];
  productionMlYears: number | null;
  currentCompensation?: CurrentCompensation | null;
  mergedIntoId: string | null;
  /** When the candidate was archived; null while not archived. */
  archivedAt?: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CandidateCreateBody {
  name: string;
  email: string;
  source: CandidateSource;
  currentEmployer?: string | null;
  phone?: string | null;
  links?: string[];
  location?: string | null;
  passive?: boolean;
  specializations?: string[];
  productionMlYears?: number | null;
  currentCompensation?: CurrentCompensation | null;
  allowDuplicate?: boolean;
}

export interface DuplicateMatch {
  candidate: Candidate;
  reasons: Array<'email' | 'name-and-employer' | string>;
}

export interface Application {
  id: string;
  candidateId: string;
  roleId: string;
  stage: string;
  status: ApplicationStatus;
  lossReason: string | null;
  labels: string[];
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A clock as the application detail sends it: running ones carry their next action. */
export interface Clock extends DomainClock {
  action?: string;
}

export type Risk = RiskAssessment;

export interface PipelineEvent {
  id: string;
  applicationId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

export interface ApplicationDetail extends Application {
  candidateName: string;
  roleTitle: string;
  firstContactAt: string | null;
  lastEventAt: string | null;
  daysSinceFirstContact: number | null;
  targetDays: number;
  overTarget: boolean;
  events: PipelineEvent[];
  clocks: Clock[];
  risk: Risk;
}


export interface BoardColumn {
  stage: string;
  name: string;
  kind: 'stage' | 'closed';
  cards: BoardCard[];
}

export interface Board {
  role: { id: string; title: string; status: 'open' | 'closed' };
  targetDays: number;
  columns: BoardColumn[];
  leading: BoardCard | null;
}

export type SourceMixFinding = Finding;

export interface SourceMix {
  roleId: string;
  total: number;
  counts: Record<string, number>;
  shares: Record<string, number>;
  referralOnlyShare: number;
  findings: SourceMixFinding[];
  errors: number;
  warnings: number;
}

export interface TodayItem {
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  kind: 'clock' | 'risk';
  id: ClockId | 'risk';
  level: 'warning' | 'critical' | 'high';
  action: string;
  key: string;
  elapsedHours?: number;
  targetHours?: number;
  criticalHours?: number;
  score?: number;
  hoursToDeadline?: number;
}

export interface Today {
  items: TodayItem[];
  total: number;
  activeApplications: number;
  at: string;
}

export interface EventBody {
  type: string;
  occurredAt?: string;
  data?: Record<string, unknown>;
}

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
  const matches = (payload as { matches?: DuplicateMatch[] } | undefined)?.matches;
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
