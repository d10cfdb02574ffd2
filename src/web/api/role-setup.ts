/**
 * Setting up a role, its bands, the company's approvals and the audit log, as the web app sees the API
 * (docs/api-pipeline.md "Role settings" and "Bands", docs/interviews-offers.md "Approval settings",
 * docs/api-foundation.md "Audit log"). The server owns the contract; these types mirror it.
 */
import type { AuditFacetsView, AuditPageView, AuditView } from '../../api/audit.js';
import type { CheckedView, OfferBandCheckView, RoleBandBody, RoleBandsView, StageBandView, StageDefaultView } from '../../api/role-bands.js';
import { api } from './client.js';
import { ifMatch } from './pipeline.js';
import type { ClockId, Role, RoleStage } from './pipeline.js';

/** Per-role changes to the company's clock settings; every field optional. */
export interface ClockOverrides {
  targets?: Partial<Record<ClockId, { warningHours?: number; criticalHours?: number }>>;
  hours?: { mode: 'calendar' | 'business'; timeZone?: string; workdays?: number[]; start?: string; end?: string; holidays?: string[] };
}

/** A role with everything its settings screen shows. */
export interface RoleSetup extends Omit<Role, 'clockOverrides'> {
  clockOverrides: ClockOverrides;
}

export interface RolePatch {
  title?: string;
  hiringManagerId?: string | null;
  recruiterId?: string | null;
  processPlan?: { stages: RoleStage[] };
  clockOverrides?: ClockOverrides;
  pedigreeBlind?: boolean;
  status?: 'open' | 'closed';
}

const enc = encodeURIComponent;

export function getRoleSetup(roleId: string, signal?: AbortSignal): Promise<RoleSetup> {
  return api.get(`/roles/${enc(roleId)}`, { signal });
}

/** Changes a role if nobody changed it since `version` was read (else 412). */
export function patchRoleSetup(roleId: string, version: number, body: RolePatch): Promise<RoleSetup> {
  return api.patch(`/roles/${enc(roleId)}`, body, { headers: { 'If-Match': ifMatch(version) } });
}

/* ---------------------------------------------------------------- clocks */

export interface ClockTarget {
  warningHours: number;
  criticalHours: number;
}

export interface CompanyClockSettings {
  targets: Record<ClockId, ClockTarget>;
  hours: { mode: 'calendar' } | { mode: 'business'; timeZone: string; workdays: number[]; start: string; end: string; holidays: string[] };
}

/** The company's clock settings in effect (defaults with the company's changes): what a role's override is compared with. */
export async function getCompanyClocks(signal?: AbortSignal): Promise<CompanyClockSettings> {
  const settings = await api.get<{ effective: { clocks: CompanyClockSettings } }>('/pipeline/settings', { signal });
  return settings.effective.clocks;
}

/* ----------------------------------------------------------------- bands */

export type StageBand = StageBandView;
export type StageDefault = StageDefaultView;
export type RoleBands = RoleBandsView;

export type BandBody = RoleBandBody;

export function getRoleBands(roleId: string, signal?: AbortSignal): Promise<RoleBands> {
  return api.get(`/roles/${enc(roleId)}/bands`, { signal });
}

/** Records the board-approved band of a stage; `version` is the role's. */
export function putRoleBand(roleId: string, stage: string, version: number, body: BandBody): Promise<RoleBands> {
  return api.put(`/roles/${enc(roleId)}/bands/${enc(stage)}`, body, { headers: { 'If-Match': ifMatch(version) } });
}

export function deleteRoleBand(roleId: string, stage: string, version: number): Promise<RoleBands> {
  return api.delete(`/roles/${enc(roleId)}/bands/${enc(stage)}`, { headers: { 'If-Match': ifMatch(version) } });
}

export type CheckedBand = CheckedView;
export type OfferBandCheck = OfferBandCheckView;

export function getOfferBandCheck(offerId: string, version: number | undefined, signal?: AbortSignal): Promise<OfferBandCheck> {
  return api.get(`/offers/${enc(offerId)}/band-check`, { query: { version }, signal });
}

/* ------------------------------------------------------------- approvals */

export type ApprovalMode = 'sequential' | 'parallel';

export interface ApprovalSettings {
  approverIds: string[];
  mode: ApprovalMode;
  approvers: Array<{ id: string; name: string; role: string; active: boolean }>;
  ownersDecide: boolean;
  version: number;
}

export function getApprovalSettings(signal?: AbortSignal): Promise<ApprovalSettings> {
  return api.get('/approvals/settings', { signal });
}

export function putApprovalSettings(version: number, body: { approverIds: string[]; mode: ApprovalMode }): Promise<ApprovalSettings> {
  return api.put('/approvals/settings', body, { headers: { 'If-Match': ifMatch(version) } });
}

/* ------------------------------------------------------------------ audit */

export type AuditItem = AuditView;
export type AuditPage = AuditPageView;

export interface AuditQuery {
  limit?: number;
  cursor?: string;
  actorId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export type AuditFacets = AuditFacetsView;

export function listAuditPage(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return api.get('/audit', { query: { ...query }, signal });
}

export function getAuditFacets(signal?: AbortSignal): Promise<AuditFacets> {
  return api.get('/audit/facets', { signal });
}
