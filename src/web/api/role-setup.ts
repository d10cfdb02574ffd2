/**
 * Setting up a role, its bands, the company's approvals and the audit log, as the web app sees the API
 * (docs/api-pipeline.md "Role settings" and "Bands", docs/interviews-offers.md "Approval settings",
 * docs/api-foundation.md "Audit log"). The shapes are the contract's (src/api), imported as types only.
 */
import type { ApprovalSettingsBody, ApprovalSettingsView } from '../../api/approvals.js';
import type { AuditFacetsView, AuditPageView, AuditQuery as ContractAuditQuery, AuditView } from '../../api/audit.js';
import type { PipelineSettingsView } from '../../api/pipeline-settings.js';
import type { RolePatchBody } from '../../api/roles.js';
import type { ClockSettings } from '../../domain/pipeline/clock-settings.js';
import type { CheckedView, OfferBandCheckView, RoleBandBody, RoleBandsView, StageBandView, StageDefaultView } from '../../api/role-bands.js';
import { api } from './client.js';
import { ifMatch } from './pipeline.js';
import type { Role } from './pipeline.js';

/** What a role's settings screen changes (PATCH /roles/:id). */
export type RolePatch = RolePatchBody;
/** Per-role changes to the company's clock settings; every field optional. */
export type ClockOverrides = NonNullable<RolePatch['clockOverrides']>;

/** A role with everything its settings screen shows. The view declares `clockOverrides` a record; it is what PATCH took. */
export type RoleSetup = Omit<Role, 'clockOverrides'> & { clockOverrides: ClockOverrides };

const enc = encodeURIComponent;

export function getRoleSetup(roleId: string, signal?: AbortSignal): Promise<RoleSetup> {
  return api.get(`/roles/${enc(roleId)}`, { signal });
}

/** Changes a role if nobody changed it since `version` was read (else 412). */
export function patchRoleSetup(roleId: string, version: number, body: RolePatch): Promise<RoleSetup> {
  return api.patch(`/roles/${enc(roleId)}`, body, { headers: { 'If-Match': ifMatch(version) } });
}

/* ---------------------------------------------------------------- clocks */

/** The company's clock settings in effect. The view declares them loosely; they are the domain's resolved settings. */
export type CompanyClockSettings = ClockSettings;

/** The company's clock settings in effect (defaults with the company's changes): what a role's override is compared with. */
export async function getCompanyClocks(signal?: AbortSignal): Promise<CompanyClockSettings> {
  const settings = await api.get<PipelineSettingsView>('/pipeline/settings', { signal });
  return settings.effective.clocks as CompanyClockSettings;
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

export type ApprovalSettings = ApprovalSettingsView;
export type ApprovalMode = ApprovalSettings['mode'];

export function getApprovalSettings(signal?: AbortSignal): Promise<ApprovalSettings> {
  return api.get('/approvals/settings', { signal });
}

export function putApprovalSettings(version: number, body: ApprovalSettingsBody): Promise<ApprovalSettings> {
  return api.put('/approvals/settings', body, { headers: { 'If-Match': ifMatch(version) } });
}

/* ------------------------------------------------------------------ audit */

export type AuditItem = AuditView;
export type AuditPage = AuditPageView;

/** GET /audit's query; the client turns the page size into the string the contract reads. */
export type AuditQuery = Omit<ContractAuditQuery, 'limit'> & { limit?: number };

export type AuditFacets = AuditFacetsView;

export function listAuditPage(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return api.get('/audit', { query: { ...query }, signal });
}

export function getAuditFacets(signal?: AbortSignal): Promise<AuditFacets> {
  return api.get('/audit/facets', { signal });
}
