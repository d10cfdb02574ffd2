import { DomainError } from '../../domain/shared/errors.js';
import type { ApprovalMode, OfferStatus, OfferTerms, StoredEvaluation } from '../../domain/offers/index.js';
import type { Tx } from '../transaction.js';
import type { OfferTable, OfferVersionTable } from '../schema.js';
import type { StageBandRecord } from './role-bands.js';

export interface OfferRecord {
  id: string;
  applicationId: string;
  status: OfferStatus;
  currentVersion: number;
  expiresAt: string | null;
  extendedAt: string | null;
  respondedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type ApprovalStatus = 'none' | 'pending' | 'approved' | 'rejected' | 'superseded';

/** The band a version was checked against: the company's stage then, and the role's band for it (none: null). */
export interface CheckedBandRecord {
  companyStage: string;
  band: Omit<StageBandRecord, 'roleId' | 'companyStage'> | null;
}

export interface OfferVersionRecord {
  id: string;
  offerId: string;
  version: number;
  terms: OfferTerms;
  evaluation: StoredEvaluation | null;
  insideBand: boolean;
  bandReasons: Array<{ field: string; message: string }>;
  approvalStatus: ApprovalStatus;
  approvalMode: ApprovalMode | null;
  approverIds: string[];
  submittedBy: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  /** Kept from migration 010 on; absent (or null) for versions checked before. */
  checkedBand?: CheckedBandRecord | null;
}

function toOffer(r: OfferTable): OfferRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    status: r.status as OfferStatus,
    currentVersion: r.current_version,
    expiresAt: r.expires_at,
    extendedAt: r.extended_at,
    respondedAt: r.responded_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function toVersion(r: OfferVersionTable): OfferVersionRecord {
  return {
    id: r.id,
    offerId: r.offer_id,
    version: r.version,
    terms: JSON.parse(r.terms) as OfferTerms,
    evaluation: r.evaluation ? (JSON.parse(r.evaluation) as StoredEvaluation) : null,
    insideBand: r.inside_band === 1,
    bandReasons: JSON.parse(r.band_reasons) as OfferVersionRecord['bandReasons'],
    approvalStatus: r.approval_status as ApprovalStatus,
    approvalMode: r.approval_mode as ApprovalMode | null,
    approverIds: JSON.parse(r.approver_ids) as string[],
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    checkedBand: r.checked_band ? (JSON.parse(r.checked_band) as CheckedBandRecord) : null,
  };
}

export async function insertOffer(tx: Tx, o: Pick<OfferRecord, 'id' | 'applicationId' | 'status' | 'currentVersion' | 'createdBy'>, now: Date): Promise<OfferRecord> {
  const at = now.toISOString();
  const row: OfferTable = {
    id: o.id,
    application_id: o.applicationId,
    status: o.status,
    current_version: o.currentVersion,
    expires_at: null,
    extended_at: null,
    responded_at: null,
    created_by: o.createdBy,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await tx.insertInto('offers').values(row).execute();
  return toOffer(row);
}

export async function getOffer(tx: Tx, id: string): Promise<OfferRecord | undefined> {
  const r = await tx.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toOffer(r) : undefined;
}

export async function getOfferOrThrow(tx: Tx, id: string): Promise<OfferRecord> {
  const o = await getOffer(tx, id);
  if (!o) throw new DomainError('OFFER_NOT_FOUND', 'No such offer.', 'id');
  return o;
}

export interface OfferFilter {
  applicationId?: string;
  status?: OfferStatus;
  limit?: number;
  offset?: number;
}

/** Offers, most recently changed first. */
export async function listOffers(tx: Tx, filter: OfferFilter = {}): Promise<OfferRecord[]> {
  let q = tx.selectFrom('offers').selectAll();
  if (filter.applicationId !== undefined) q = q.where('application_id', '=', filter.applicationId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  q = q.orderBy('updated_at', 'desc').orderBy('id');
  if (filter.limit !== undefined) q = q.limit(filter.limit).offset(filter.offset ?? 0);
  return (await q.execute()).map(toOffer);
}

export type OfferPatch = Partial<Pick<OfferRecord, 'status' | 'currentVersion' | 'expiresAt' | 'extendedAt' | 'respondedAt'>>;

/** Updates when `version` still matches; undefined when someone else changed it first. */
export async function updateOffer(tx: Tx, id: string, version: number, patch: OfferPatch, now: Date): Promise<OfferRecord | undefined> {
  const values: Partial<OfferTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.currentVersion !== undefined) values.current_version = patch.currentVersion;
  if (patch.expiresAt !== undefined) values.expires_at = patch.expiresAt;
  if (patch.extendedAt !== undefined) values.extended_at = patch.extendedAt;
  if (patch.respondedAt !== undefined) values.responded_at = patch.respondedAt;
  const res = await tx.updateTable('offers').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return getOffer(tx, id);
}

/**
 * Takes the offer's row lock for the rest of the transaction (PostgreSQL; SQLite transactions are serial),
 * so decisions on one offer are applied one at a time. False when it does not exist.
 */
export async function lockOffer(tx: Tx, id: string): Promise<boolean> {
  const res = await tx.updateTable('offers').set((eb) => ({ version: eb.ref('version') })).where('id', '=', id).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export type OfferVersionInsert = Pick<OfferVersionRecord, 'id' | 'offerId' | 'version' | 'terms' | 'evaluation' | 'insideBand' | 'bandReasons' | 'createdBy' | 'checkedBand'>;

export async function insertOfferVersion(tx: Tx, v: OfferVersionInsert, now: Date): Promise<OfferVersionRecord> {
  const t = v.terms;
  const row: OfferVersionTable = {
    id: v.id,
    offer_id: v.offerId,
    version: v.version,
    currency: t.currency,
    base: t.base,
    bonus_target: t.bonusTarget,
    sign_on: t.signOn,
    equity_kind: t.equity.kind,
    equity_shares: t.equity.shares,
    fully_diluted_shares: t.equity.fullyDilutedShares,
    strike: t.equity.strike ?? null,
    last_post_money: t.lastPostMoney,
    terms: JSON.stringify(t),
    evaluation: v.evaluation ? JSON.stringify(v.evaluation) : null,
    inside_band: v.insideBand ? 1 : 0,
    band_reasons: JSON.stringify(v.bandReasons),
    approval_status: 'none',
    approval_mode: null,
    approver_ids: '[]',
    submitted_by: null,
    submitted_at: null,
    decided_at: null,
    created_by: v.createdBy,
    created_at: now.toISOString(),
    checked_band: v.checkedBand ? JSON.stringify(v.checkedBand) : null,
  };
  await tx.insertInto('offer_versions').values(row).execute();
  return toVersion(row);
}

export async function getOfferVersion(tx: Tx, offerId: string, version: number): Promise<OfferVersionRecord | undefined> {
  const r = await tx.selectFrom('offer_versions').selectAll().where('offer_id', '=', offerId).where('version', '=', version).executeTakeFirst();
  return r ? toVersion(r) : undefined;
}

export async function getOfferVersionOrThrow(tx: Tx, offerId: string, version: number): Promise<OfferVersionRecord> {
  const v = await getOfferVersion(tx, offerId, version);
  if (!v) throw new DomainError('OFFER_NOT_FOUND', 'No such offer version.', 'version');
  return v;
}

/** Every version of an offer, oldest first. */
export async function listOfferVersions(tx: Tx, offerId: string): Promise<OfferVersionRecord[]> {
  const rows = await tx.selectFrom('offer_versions').selectAll().where('offer_id', '=', offerId).orderBy('version').execute();
  return rows.map(toVersion);
}

/** The current version of each of these offers. */
export async function listCurrentVersions(tx: Tx, offers: ReadonlyArray<Pick<OfferRecord, 'id' | 'currentVersion'>>): Promise<Map<string, OfferVersionRecord>> {
  const out = new Map<string, OfferVersionRecord>();
  if (offers.length === 0) return out;
  const rows = await tx.selectFrom('offer_versions').selectAll().where('offer_id', 'in', offers.map((o) => o.id)).execute();
  const want = new Map(offers.map((o) => [o.id, o.currentVersion]));
  for (const r of rows) if (want.get(r.offer_id) === r.version) out.set(r.offer_id, toVersion(r));
  return out;
}

export type OfferVersionApprovalPatch = Partial<Pick<OfferVersionRecord, 'approvalStatus' | 'approvalMode' | 'approverIds' | 'submittedBy' | 'submittedAt' | 'decidedAt'>>;

/** Moves a version's approval state; its terms never change. */
export async function updateOfferVersionApproval(tx: Tx, id: string, patch: OfferVersionApprovalPatch): Promise<void> {
  const values: Partial<OfferVersionTable> = {};
  if (patch.approvalStatus !== undefined) values.approval_status = patch.approvalStatus;
  if (patch.approvalMode !== undefined) values.approval_mode = patch.approvalMode;
  if (patch.approverIds !== undefined) values.approver_ids = JSON.stringify(patch.approverIds);
  if (patch.submittedBy !== undefined) values.submitted_by = patch.submittedBy;
  if (patch.submittedAt !== undefined) values.submitted_at = patch.submittedAt;
  if (patch.decidedAt !== undefined) values.decided_at = patch.decidedAt;
  if (Object.keys(values).length === 0) return;
  await tx.updateTable('offer_versions').set(values).where('id', '=', id).execute();
}
