import type { ApprovalInboxItemView } from '../../../api/approvals.js';
import type { EvaluationView, OfferCreateBody, OfferDetailView, OfferView, TermsView, VersionView } from '../../../api/offers.js';
import type { RoleView } from '../../../api/roles.js';
import { api } from '../../api/client.js';
import { ifMatch } from '../../api/pipeline.js';
import type { ListOf } from '../../api/types.js';

// The offers and approvals API (src/server/routes/offers, approvals; docs/interviews-offers.md). The shapes are the
// contract's (src/api/offers.ts, approvals.ts, roles.ts), imported as types only; the lists come from its zod-free
// constants. Money is whole units of `currency`; equity is shares of the fully diluted total.

export { GRANT_KINDS, OFFER_STATUSES } from '../../../domain/offers/lists.js';
export type { GrantKind, OfferAction, OfferStatus } from '../../../api/constants.js';

export type Offer = OfferView;
export type ApprovalStatus = Offer['approvalStatus'];
export type Person = Offer['awaiting'][number];
export type Evaluation = EvaluationView;
export type Percentiles = Evaluation['startup']['equityPv'];
export type Finding = Evaluation['findings'][number];
export type OfferTerms = OfferCreateBody;
/** The terms of a stored version as the server sends them back. */
export type StoredTerms = TermsView;
export type Vesting = OfferTerms['equity']['vesting'];
export type OfferVersion = VersionView;
export type ApproverDecision = OfferVersion['approvers'][number];
export type OfferDetail = OfferDetailView;
/** The role's board-approved band. */
export type RoleBand = NonNullable<RoleView['band']>;

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
export type InboxItem = ApprovalInboxItemView;

export function listMyApprovals(signal?: AbortSignal): Promise<ListOf<InboxItem>> {
  return api.get('/approvals', { signal });
}

/** The role's board-approved band (only for people who may read compensation). */
export async function getRoleBand(roleId: string, signal?: AbortSignal): Promise<RoleBand | null> {
  const role = await api.get<RoleView>(`/roles/${enc(roleId)}`, { signal });
  return role.band ?? null;
}

export function summaryUrl(id: string, format: 'pdf' | 'html', version?: number): string {
  const query = version === undefined ? '' : `?version=${version}`;
  return `/api/v1/offers/${enc(id)}/summary.${format}${query}`;
}
