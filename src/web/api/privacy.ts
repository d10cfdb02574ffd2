/**
 * Privacy rights in the web app (docs/privacy.md): a person's data export, their talent-pool consent, and the
 * company's retention rule. Writes send If-Match with the version the page read.
 */
import type { PersonExportView, RetentionRunView, RetentionView, TalentPoolView } from '../../api/privacy.js';
import { api } from './client.js';
import { ifMatch, newIdempotencyKey } from './pipeline.js';

export type PersonExport = PersonExportView;
export type Retention = RetentionView;
export type RetentionRun = RetentionRunView;
export type TalentPool = TalentPoolView;

const id = (value: string) => encodeURIComponent(value);

export function getPersonExport(candidateId: string, signal?: AbortSignal): Promise<PersonExport> {
  return api.get(`/candidates/${id(candidateId)}/export`, { signal });
}

export function getTalentPool(candidateId: string, signal?: AbortSignal): Promise<TalentPool> {
  return api.get(`/candidates/${id(candidateId)}/talent-pool`, { signal });
}

export function putTalentPool(candidateId: string, version: number, consent: boolean): Promise<TalentPool> {
  return api.put(`/candidates/${id(candidateId)}/talent-pool`, { consent }, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}

export function getRetention(signal?: AbortSignal): Promise<Retention> {
  return api.get('/privacy/retention', { signal });
}

export function putRetention(version: number, rejectedAfterMonths: number | null): Promise<Retention> {
  return api.put('/privacy/retention', { rejectedAfterMonths }, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}

export function runRetention(): Promise<RetentionRun> {
  return api.post('/privacy/retention/run', {});
}
