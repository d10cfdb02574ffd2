/**
 * Imports from another hiring system (Settings → Import): create an import, upload its files as raw bytes, the dry
 * run, the stage mapping (If-Match), the run, and the job to poll.
 */
import type { ImportJobList, ImportJobView, ImportReportView } from '../../api/imports.js';
import { api, toApiError } from './client.js';
import { ifMatch, newIdempotencyKey } from './pipeline.js';

export type ImportJob = ImportJobView;
export type ImportReport = ImportReportView;
export type ImportSystemChoice = ImportJobView['system'];

const id = (value: string) => encodeURIComponent(value);

export function listImports(signal?: AbortSignal): Promise<ImportJobList> {
  return api.get('/imports', { signal });
}

export function getImport(importId: string, signal?: AbortSignal): Promise<ImportJob> {
  return api.get(`/imports/${id(importId)}`, { signal });
}

export function createImport(system: ImportSystemChoice): Promise<ImportJob> {
  return api.post('/imports', { system }, { headers: { 'Idempotency-Key': newIdempotencyKey() } });
}

/** Sends one file as the raw request body (the browser streams it from disk). */
export async function uploadImportFile(importId: string, file: File): Promise<ImportJob> {
  const response = await fetch(`/api/v1/imports/${id(importId)}/files?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', ...(api.csrfToken ? { 'X-CSRF-Token': api.csrfToken } : {}) },
    body: file,
    credentials: 'same-origin',
  });
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as ImportJob;
}

export function startDryRun(importId: string): Promise<ImportJob> {
  return api.post(`/imports/${id(importId)}/dry-run`, {});
}

export function putStageMapping(importId: string, version: number, mapping: Record<string, string>): Promise<ImportJob> {
  return api.put(`/imports/${id(importId)}/stage-mapping`, { mapping }, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}

export function runImport(importId: string): Promise<ImportJob> {
  return api.post(`/imports/${id(importId)}/run`, {});
}

export function importReportUrl(importId: string): string {
  return `/api/v1/imports/${id(importId)}/report`;
}
