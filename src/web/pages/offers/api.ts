import type { Percentiles as SpreadPercentiles } from '../../../domain/compensation/statistics.js';
import type { OfferFinding } from '../../../domain/offers/evaluation.js';
import { api } from '../../api/client.js';
import { ifMatch } from '../../api/pipeline.js';
import type { ListOf } from '../../api/types.js';

// Shapes of the offers and approvals API (src/server/routes/offers, approvals; docs/interviews-offers.md).
// Money is whole units of `currency`; equity is shares of the fully diluted total.

export const OFFER_STATUSES = ['draft', 'pending-approval', 'approved', 'extended', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export type OfferAction = 'revise' | 'submit' | 'approve' | 'reject' | 'extend' | 'accept' | 'decline' | 'expire' | 'withdraw';
export type ApprovalStatus = 'none' | 'pending' | 'approved' | 'rejected' | 'superseded';
export const GRANT_KINDS = ['ISO', 'NSO', 'RSU', 'RSA'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

export interface Person {
  id: string;
  name: string;
}

export interface Offer {
  id: string;
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  status: OfferStatus;
  currentVersion: number;
  currency: string;
  base: number;
  bonusTarget: number;
  signOn: number;
  equity: { kind: GrantKind; shares: number; fullyDilutedShares: number; fullyDilutedPct: number; strike: number | null };
  insideBand: boolean;
  approvalStatus: ApprovalStatus;
  awaiting: Person[];
  expiresAt: string | null;
  extendedAt: string | null;
  respondedAt: string | null;
  allowedActions: OfferAction[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Percentiles extends SpreadPercentiles {
  mean: number;
}

export type Finding = OfferFinding;

export interface Evaluation {
  threshold: { amount: number; binding: 'obligations' | 'risk' };
  startup: { equityPv: Percentiles; pZero: number; paperValue: number; fullyDilutedPct: number };
  incumbent?: { pv: { mean: number; p50: number }; source: 'offer' | 'current-pay' };
  pStartupBeatsIncumbent?: number;
  breakEvenGrant?: { shares: number | null; fullyDilutedPct: number | null; reachable: boolean };
  ownership: { stage: string; fullyDilutedPct: number }[];
  scenarioTable: { exitValues: number[]; stages: { stage: string; fullyDilutedPct: number }[]; values: number[][] };
  findings: Finding[];
  assumptions: { name: string; value: unknown; source: string }[];
}

export type Vesting = { preset: string } | { totalYears: number; cliffYears: number; periodYears: number; yearWeights?: number[] };

export interface OfferTerms {
  currency: string;
  base: number;
  bonusTarget?: number;
  signOn?: number;
  equity: { kind: GrantKind; shares: number; fullyDilutedShares: number; strike?: number; vesting: Vesting };
  lastPostMoney: number;
  startDate?: string;
  incumbent?: { base: number; bonusTargetPct: number; signOn?: number[]; grantValue: number; preset: string; label?: string };
  candidateFinances?: { annualObligations: number; effectiveTaxRate: number; savingsShare?: number; perceivedFailureProbability?: number };
  note?: string;
}

export interface ApproverDecision {
  id: string;
  name: string;
  decision: 'approved' | 'rejected' | null;
  comment: string | null;
  decidedAt: string | null;
}

export interface OfferVersion {
  version: number;
  createdAt: string;
  createdBy: Person | null;
  terms: OfferTerms;
  fullyDilutedPct: number;
  evaluation: Evaluation | null;
  insideBand: boolean;
  bandReasons: { field: string; message: string }[];
  approvalStatus: ApprovalStatus;
  approvalMode: 'sequential' | 'parallel' | null;
  approvers: ApproverDecision[];
  submittedAt: string | null;
  decidedAt: string | null;
}

export interface OfferDetail extends Offer {
  candidateId: string | null;
  roleId: string | null;
  current: OfferVersion;
  versions: { version: number; createdAt: string; createdBy: Person | null; approvalStatus: string; insideBand: boolean; base: number; equityShares: number; fullyDilutedPct: number }[];
}

export interface RoleBand {
  baseMin: number;
  baseMax: number;
  equityPctMin: number;
  equityPctMax: number;
  currency: string;
}

const enc = encodeURIComponent;

export function listOffers(signal?: AbortSignal): Promise<ListOf<Offer>> {
  return api.get('/offers', { query: { limit: 500 }, signal });
}

export function getOffer(id: string, signal?: AbortSignal): Promise<OfferDetail> {
  return api.get(`/offers/${enc(id)}`, { signal });
}

export function getOfferVersion(id: string, version: number, signal?: AbortSignal): Promise<OfferVersion> {
  return api.get(`/offers/${enc(id)}/versions/${version}`, { signal });
}

export function createOffer(applicationId: string, terms: OfferTerms): Promise<OfferDetail> {
  return api.post(`/applications/${enc(applicationId)}/offers`, terms);
}

/** A new version with the whole terms; `etagVersion` is the offer's `version` as last read (If-Match). */
export function reviseOffer(id: string, etagVersion: number, terms: OfferTerms): Promise<OfferDetail> {
  return api.put(`/offers/${enc(id)}`, terms, { headers: { 'If-Match': ifMatch(etagVersion) } });
}

export type OfferMove = 'submit' | 'extend' | 'accept' | 'decline' | 'withdraw';

export function moveOffer(id: string, move: OfferMove, body: Record<string, unknown> = {}): Promise<OfferDetail> {
  return api.post(`/offers/${enc(id)}/${move}`, body);
}

export function decideOffer(id: string, decision: 'approve' | 'reject', comment?: string): Promise<OfferDetail> {
  return api.post(`/offers/${enc(id)}/${decision}`, comment ? { comment } : {});
}

/** An offer waiting on me, with when its current version was sent for approval (the start of the approval.pending clock). */
export interface InboxItem extends Offer {
  requestedAt: string;
}

export function listMyApprovals(signal?: AbortSignal): Promise<ListOf<InboxItem>> {
  return api.get('/approvals', { signal });
}

/** The role's board-approved band (only for people who may read compensation). */
export async function getRoleBand(roleId: string, signal?: AbortSignal): Promise<RoleBand | null> {
  const role = await api.get<{ band?: RoleBand | null }>(`/roles/${enc(roleId)}`, { signal });
  return role.band ?? null;
}

export function summaryUrl(id: string, format: 'pdf' | 'html', version?: number): string {
  const query = version === undefined ? '' : `?version=${version}`;
  return `/api/v1/offers/${enc(id)}/summary.${format}${query}`;
}
