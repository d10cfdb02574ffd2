/**
 * The candidate record as the web app sees it (docs/api-pipeline.md, "The candidate record"): edit, archive,
 * erase, CV files, and closing or reopening an application. Writes send If-Match with the version the page read.
 */
import type { CandidateFileView, CandidatePatchBody } from '../../api/candidates.js';
import { ApiError, api, toApiError } from './client.js';
import { ifMatch, newIdempotencyKey } from './pipeline.js';
import type { Application, ApplicationStatus, Candidate, LossReason } from './pipeline.js';
import type { ListOf } from './types.js';

/** Every field of a candidate a person can change; `null` clears an optional one. */
export type CandidatePatch = CandidatePatchBody;

export type CandidateFile = CandidateFileView;

const id = (value: string) => encodeURIComponent(value);

/** Changes fields under optimistic concurrency: a stale `version` is 412 PRECONDITION_FAILED. */
export function updateCandidate(candidateId: string, version: number, patch: CandidatePatch): Promise<Candidate> {
  return api.patch(`/candidates/${id(candidateId)}`, patch, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}

export function archiveCandidate(candidateId: string, version: number): Promise<Candidate> {
  return api.post(`/candidates/${id(candidateId)}/archive`, {}, { headers: { 'If-Match': ifMatch(version) } });
}

export function unarchiveCandidate(candidateId: string, version: number): Promise<Candidate> {
  return api.post(`/candidates/${id(candidateId)}/unarchive`, {}, { headers: { 'If-Match': ifMatch(version) } });
}

/** Erases the person for good (their record, applications, files and notes); the audit log keeps ids only. */
export function deleteCandidate(candidateId: string, version: number): Promise<void> {
  return api.delete(`/candidates/${id(candidateId)}`, { headers: { 'If-Match': ifMatch(version) } });
}

export function listCandidateFiles(candidateId: string, signal?: AbortSignal): Promise<ListOf<CandidateFile>> {
  return api.get(`/candidates/${id(candidateId)}/files`, { signal });
}

/** Where the browser downloads a file from (the session cookie authorises it; the server sends it as an attachment). */
export function candidateFileUrl(candidateId: string, fileId: string): string {
  return `/api/v1/candidates/${id(candidateId)}/files/${id(fileId)}`;
}

/** The types the server takes, by what the browser reports for a chosen file (or its extension when it reports none). */
export function uploadTypeOf(file: Pick<File, 'name' | 'type'>): 'application/pdf' | 'text/plain' | undefined {
  if (file.type === 'application/pdf' || file.type === 'text/plain') return file.type;
  if (file.type === '' || file.type === 'application/octet-stream') {
    if (/\.pdf$/i.test(file.name)) return 'application/pdf';
    if (/\.txt$/i.test(file.name)) return 'text/plain';
  }
  return undefined;
}

/**
 * Uploads a CV as the raw body (the shared client sends JSON only). The server checks the bytes; its error
 * (415 not a PDF or text, 413 too large) comes back as an ApiError with its words.
 */
export async function uploadCandidateFile(candidateId: string, file: File): Promise<CandidateFile> {
  const type = uploadTypeOf(file);
  if (!type) throw new ApiError(415, 'FILE_TYPE_INVALID', 'Choose a PDF or a plain-text (.txt) file.', 'file');
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': type };
  if (api.csrfToken) headers['X-CSRF-Token'] = api.csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1/candidates/${id(candidateId)}/files?filename=${encodeURIComponent(file.name)}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_FAILED', 'Cannot reach the Closer server. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as CandidateFile;
  const error = toApiError(response.status, payload);
  if (error.code === 'UNAUTHENTICATED') api.onUnauthenticated?.(error);
  throw error;
}

export function deleteCandidateFile(candidateId: string, fileId: string): Promise<void> {
  return api.delete(`/candidates/${id(candidateId)}/files/${id(fileId)}`);
}

/** Closes an application as hired, lost or withdrawn (lost needs a reason), with an optional note. */
export function closeApplication(
  applicationId: string,
  version: number,
  body: { status: Exclude<ApplicationStatus, 'active'>; lossReason?: LossReason; note?: string },
): Promise<Application> {
  return api.patch(`/applications/${id(applicationId)}`, body, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}

/** Makes a closed application active again, at its stage or another one, with an optional note. */
export function reopenApplication(applicationId: string, version: number, body: { stage?: string; note?: string }): Promise<Application> {
  return api.patch(`/applications/${id(applicationId)}`, { status: 'active', ...body }, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}
