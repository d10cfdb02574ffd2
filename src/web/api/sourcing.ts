import { api } from './client.js';
import type {
  PoolCreateBody,
  PoolListView,
  PoolView,
  ProspectConvertedView,
  ProspectCreateBody,
  ProspectDetailView,
  ProspectEventRecordedView,
  ProspectImportBody,
  ProspectImportReport,
  ProspectListView,
  ProspectView,
  ReachView,
} from '../../api/sourcing.js';

/** The sourcing endpoints (docs/sourcing.md). Shapes are the contract's (src/api/sourcing.ts), as types only. */

export type Pool = PoolView;
export type Prospect = ProspectView;
export type ImportReport = ProspectImportReport;
export type Reach = ReachView;

export function listPools(signal?: AbortSignal): Promise<PoolListView> {
  return api.get('/pools', { signal });
}

export function getPool(id: string, signal?: AbortSignal): Promise<Pool> {
  return api.get(`/pools/${encodeURIComponent(id)}`, { signal });
}

export function createPool(body: PoolCreateBody): Promise<Pool> {
  return api.post('/pools', body);
}

export function listProspects(poolId: string, query: { status?: string; limit?: number; offset?: number }, signal?: AbortSignal): Promise<ProspectListView> {
  return api.get(`/pools/${encodeURIComponent(poolId)}/prospects`, { query, signal });
}

export function addProspect(poolId: string, body: ProspectCreateBody): Promise<Prospect> {
  return api.post(`/pools/${encodeURIComponent(poolId)}/prospects`, body);
}

export function importProspects(poolId: string, body: ProspectImportBody): Promise<ImportReport> {
  return api.post(`/pools/${encodeURIComponent(poolId)}/prospects/import`, body);
}

export function getProspect(id: string, signal?: AbortSignal): Promise<ProspectDetailView> {
  return api.get(`/prospects/${encodeURIComponent(id)}`, { signal });
}

export function setProspectStatus(p: Prospect, status: string): Promise<Prospect> {
  return api.patch(`/prospects/${encodeURIComponent(p.id)}`, { status }, { headers: { 'If-Match': `"${p.version}"` } });
}

/** Log an outreach (channel) or a reply by hand: two clicks on the pool page. */
export function logProspectEvent(id: string, body: { type: 'outreach.sent'; data: { channel: string } } | { type: 'candidate.replied'; data: { latencyHours: number; length: number; asksQuestion: boolean } }): Promise<ProspectEventRecordedView> {
  return api.post(`/prospects/${encodeURIComponent(id)}/events`, body);
}

export function convertProspect(id: string, roleId: string): Promise<ProspectConvertedView> {
  return api.post(`/prospects/${encodeURIComponent(id)}/convert`, { roleId });
}

export function getPoolReach(id: string, signal?: AbortSignal): Promise<Reach> {
  return api.get(`/pools/${encodeURIComponent(id)}/reach`, { signal });
}
