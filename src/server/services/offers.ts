import { randomUUID } from 'node:crypto';
import offerDefaults from '../../../data/offers/offer-defaults.json' with { type: 'json' };
import { can } from '../../domain/access/policy.js';
import { approvalRequestMessage, offerDecidedMessage } from '../../domain/notifications/index.js';
import {
  ApprovalSettings,
  DEFAULT_APPROVAL_MODE,
  TERMINAL_OFFER_STATUSES,
  approvalProgress,
  assertMayDecide,
  buildOfferSummary,
  changedTermFields,
  checkBand,
  evaluateOfferVersion,
  nextOfferStatus,
  parseOfferTerms,
  type ApprovalDecision,
  type ApprovalPlan,
  type BandCheck,
  type OfferStatus,
  type OfferSummary,
  type OfferTerms,
  type OfferTermsInput,
  type StoredEvaluation,
} from '../../domain/offers/index.js';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import {
  getApplication,
  getApplicationOrThrow,
  getCandidate,
  getCandidateOrThrow,
  getCompany,
  getOffer,
  getOfferOrThrow,
  getOfferVersion,
  getOfferVersionOrThrow,
  getRole,
  getRoleBandOfStage,
  getRoleOrThrow,
  inTransaction,
  insertApprovalDecision,
  insertOffer,
  insertOfferVersion,
  isUniqueViolation,
  listApplicationHeadings,
  listApprovalDecisions,
  listCurrentVersions,
  listOfferVersions,
  listOffers,
  listUsers,
  lockOffer,
  recordAudit,
  updateOffer,
  updateOfferVersionApproval,
  type ApprovalDecisionRecord,
  type CheckedBandRecord,
  type Company,
  type OfferFilter,
  type OfferRecord,
  type OfferVersionRecord,
  type Store,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { notifyUsers, setCompanySetting } from './notifications.js';
import { namesOfPeople } from './people.js';
import { appendEvent } from './pipeline.js';

export type Actor = Pick<UserRecord, 'id' | 'role'>;

const DAY_MS = 86_400_000;

/* --------------------------------------------------------------- settings */

/** The company's approval setting, or the default: no list (owners decide), the default mode. */
export function approvalSettingsOf(company: Company | undefined): ApprovalSettings {
  const raw = storedApprovals(company);
  const parsed = ApprovalSettings.safeParse(raw ? { approverIds: raw.approverIds, mode: raw.mode } : undefined);
  return parsed.success ? parsed.data : { approverIds: [], mode: DEFAULT_APPROVAL_MODE };
}

function storedApprovals(company: Company | undefined): Record<string, unknown> | undefined {
  const raw = company?.settings?.approvals;
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

/** The version of the approval setting (1 until first saved), for ETag / If-Match on GET and PUT /approvals/settings. */
export function approvalSettingsVersion(company: Company | undefined): number {
  const version = storedApprovals(company)?.version;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
}

/**
 * Replaces the approval setting. Every approver must be an active user whose role may approve offers. With
 * `expectedVersion` (If-Match) a setting changed meanwhile is refused (412); audited as a company setting.
 */
export async function putApprovalSettings(tx: Tx, actor: Actor, input: ApprovalSettings, now: Date, expectedVersion?: number): Promise<ApprovalSettings & { version: number }> {
  const company = await getCompany(tx);
  const version = approvalSettingsVersion(company);
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw preconditionFailed('Someone changed the approval settings since you opened them. Reload and try again.');
  }
  const users = new Map((await listUsers(tx)).map((u) => [u.id, u]));
  input.approverIds.forEach((id, i) => {
    const u = users.get(id);
    if (!u || u.disabled || !can(u.role, 'offers.approve')) {
      const who = u ? `${u.name} cannot approve offers` : 'This person is not a user of the workspace';
      throw new DomainError(
        'VALIDATION_FAILED',
        `${who}: an approver must be an active owner, admin or approver. Change their role in Settings → Users, or choose someone else in Settings → Approvals.`,
        `approverIds[${i}]`,
      );
    }
  });
  const updated = await setCompanySetting(tx, actor.id, 'approvals', { approverIds: [...input.approverIds], mode: input.mode, version: version + 1 }, now);
  return { ...approvalSettingsOf(updated), version: approvalSettingsVersion(updated) };
}

/**
 * Who decides on an offer outside the band: the configured approvers who are still active and allowed to
 * approve, in the configured mode; with none configured, the workspace's active owners (all of them).
 */
export function approvalPlanFor(settings: ApprovalSettings, users: readonly UserRecord[]): ApprovalPlan {
  const byId = new Map(users.map((u) => [u.id, u]));
  const configured = settings.approverIds.filter((id) => {
    const u = byId.get(id);
    return u !== undefined && !u.disabled && can(u.role, 'offers.approve');
  });
  if (configured.length > 0) return { mode: settings.mode, approverIds: configured };
  return { mode: settings.mode, approverIds: users.filter((u) => u.role === 'owner' && !u.disabled).map((u) => u.id) };
}

/* ------------------------------------------------------------ preparation */

/** A version's terms with its band check and evaluation, computed before the write transaction (the engine takes a few hundred ms). */
export interface PreparedVersion {
  applicationId: string;
  terms: OfferTerms;
  band: BandCheck;
  evaluation: StoredEvaluation;
  /** The band it was checked against (the company's stage now and the role's band for it), kept on the version. */
  checkedBand?: CheckedBandRecord;
}

/** Validates terms and evaluates them with the compensation engine against the candidate's current pay. */
export async function prepareOfferVersion(store: Store, applicationId: string, input: OfferTermsInput): Promise<PreparedVersion> {
  const db = store.db;
  const application = await getApplicationOrThrow(db, applicationId);
  const [role, candidate, company] = await Promise.all([getRoleOrThrow(db, application.roleId), getCandidateOrThrow(db, application.candidateId), getCompany(db)]);
  const terms = parseOfferTerms(input);
  // The role's band is the one the board approved for the company's current funding stage (role_bands).
  const companyStage = company?.stage ?? 'seed';
  const stageBand = await getRoleBandOfStage(db, role.id, companyStage);
  const band = checkBand(terms, stageBand);
  const evaluation = evaluateOfferVersion(terms, { companyStage, currentPay: candidate.currentCompensation, band });
  let checkedBand: CheckedBandRecord = { companyStage, band: null };
  if (stageBand) {
    const { roleId: _roleId, companyStage: _stage, ...facts } = stageBand;
    checkedBand = { companyStage, band: facts };
  }
  return { applicationId, terms, band, evaluation, checkedBand };
}

/* -------------------------------------------------------------- lifecycle */

function stale(): DomainError {
  return preconditionFailed('The offer changed since you read it. Reload and try again.');
}

async function names(tx: Tx, applicationId: string): Promise<{ candidateName: string; roleTitle: string }> {
  const app = await getApplication(tx, applicationId);
  const [candidate, role] = app ? await Promise.all([getCandidate(tx, app.candidateId), getRole(tx, app.roleId)]) : [undefined, undefined];
  return { candidateName: candidate?.name ?? 'the candidate', roleTitle: role?.title ?? 'the role' };
}

/** Creates an offer as a draft (version 1) with its evaluation; appends offer.drafted. One open offer per application. */
export async function createOffer(tx: Tx, actor: Actor, prepared: PreparedVersion, now: Date): Promise<{ offer: OfferRecord; version: OfferVersionRecord }> {
  const app = await getApplicationOrThrow(tx, prepared.applicationId);
  if (app.status !== 'active') throw new DomainError('CONFLICT', 'The application is closed; reopen it to make an offer.', 'id');
  const open = (await listOffers(tx, { applicationId: app.id })).find((o) => !TERMINAL_OFFER_STATUSES.has(o.status));
  if (open) throw new DomainError('OFFER_STATE_INVALID', 'This application already has an open offer: revise that one (a change creates a new version).', 'id');
  const offer = await insertOffer(tx, { id: randomUUID(), applicationId: app.id, status: 'draft', currentVersion: 1, createdBy: actor.id }, now);
  const version = await insertOfferVersion(
    tx,
    { id: randomUUID(), offerId: offer.id, version: 1, terms: prepared.terms, evaluation: prepared.evaluation, insideBand: prepared.band.inside, bandReasons: prepared.band.reasons, createdBy: actor.id, checkedBand: prepared.checkedBand ?? null },
    now,
  );
  await recordAudit(tx, { actorId: actor.id, action: 'offer.create', entity: 'offer', entityId: offer.id, fields: Object.keys(prepared.terms), at: now });
  await appendEvent(tx, actor, app.id, { type: 'offer.drafted', data: { offerId: offer.id } }, now);
  return { offer, version };
}

/**
 * A change of terms: a new version (the old one is kept), back to draft, so it is approved again. A pending
 * approval of the old version is superseded.
 */
export async function reviseOffer(tx: Tx, actor: Actor, offerId: string, expectedVersion: number, prepared: PreparedVersion, now: Date): Promise<{ offer: OfferRecord; version: OfferVersionRecord; changed: string[] }> {
  const offer = await getOfferOrThrow(tx, offerId);
  if (offer.version !== expectedVersion) throw stale();
  const status = nextOfferStatus(offer.status, 'revise');
  const previous = await getOfferVersionOrThrow(tx, offer.id, offer.currentVersion);
  const changed = changedTermFields(previous.terms, prepared.terms);
  if (changed.length === 0) throw new DomainError('VALIDATION_FAILED', 'Nothing changed: the terms are those of the current version.', 'terms');
  if (previous.approvalStatus === 'pending') await updateOfferVersionApproval(tx, previous.id, { approvalStatus: 'superseded', decidedAt: now.toISOString() });
  const number = offer.currentVersion + 1;
  const version = await insertOfferVersion(
    tx,
    { id: randomUUID(), offerId: offer.id, version: number, terms: prepared.terms, evaluation: prepared.evaluation, insideBand: prepared.band.inside, bandReasons: prepared.band.reasons, createdBy: actor.id, checkedBand: prepared.checkedBand ?? null },
    now,
  );
  const updated = await updateOffer(tx, offer.id, offer.version, { status, currentVersion: number, expiresAt: null, extendedAt: null }, now);
  if (!updated) throw stale();
  await recordAudit(tx, { actorId: actor.id, action: 'offer.revise', entity: 'offer', entityId: offer.id, fields: changed, at: now });
  await appendEvent(tx, actor, offer.applicationId, { type: 'offer.drafted', data: { offerId: offer.id } }, now);
  return { offer: updated, version, changed };
}

/**
 * Sends the current version for approval. Inside the role's board-approved band it is approved at once
 * (offer.approved without an approver); outside, the configured approvers are asked (offer.approval-requested,
 * which starts the approval.pending clock) and notified.
 */
export async function submitOffer(tx: Tx, actor: Actor, offerId: string, now: Date): Promise<OfferRecord> {
  if (!(await lockOffer(tx, offerId))) throw new DomainError('OFFER_NOT_FOUND', 'No such offer.', 'id');
  const offer = await getOfferOrThrow(tx, offerId);
  nextOfferStatus(offer.status, 'submit');
  const version = await getOfferVersionOrThrow(tx, offer.id, offer.currentVersion);
  if (version.approvalStatus === 'rejected') {
    throw new DomainError('OFFER_STATE_INVALID', 'This version was rejected: revise the offer, then send the new version for approval.', 'status');
  }
  const at = now.toISOString();
  if (version.insideBand) {
    await updateOfferVersionApproval(tx, version.id, { approvalStatus: 'approved', approvalMode: null, approverIds: [], submittedBy: actor.id, submittedAt: at, decidedAt: at });
    const updated = await updateOffer(tx, offer.id, offer.version, { status: 'approved' }, now);
    if (!updated) throw stale();
    await recordAudit(tx, { actorId: actor.id, action: 'offer.approve-in-band', entity: 'offer', entityId: offer.id, fields: ['status'], at: now });
    await appendEvent(tx, actor, offer.applicationId, { type: 'offer.approved', data: { offerId: offer.id } }, now);
    return updated;
  }
  const company = await getCompany(tx);
  const users = await listUsers(tx);
  const plan = approvalPlanFor(approvalSettingsOf(company), users);
  if (plan.approverIds.length === 0) {
    throw new DomainError('APPROVERS_NOT_CONFIGURED', 'No one can approve this offer (it is outside the band and there is no active approver or owner): choose approvers in Settings → Approvals.', 'approverIds');
  }
  await updateOfferVersionApproval(tx, version.id, { approvalStatus: 'pending', approvalMode: plan.mode, approverIds: [...plan.approverIds], submittedBy: actor.id, submittedAt: at });
  const updated = await updateOffer(tx, offer.id, offer.version, { status: 'pending-approval' }, now);
  if (!updated) throw stale();
  await recordAudit(tx, { actorId: actor.id, action: 'offer.submit', entity: 'offer', entityId: offer.id, fields: ['status', 'approvers'], at: now });
  await appendEvent(tx, actor, offer.applicationId, { type: 'offer.approval-requested', data: { offerId: offer.id, approverIds: [...plan.approverIds] } }, now);
  const awaiting = approvalProgress(plan, []).awaiting;
  const n = await names(tx, offer.applicationId);
  const requester = users.find((u) => u.id === actor.id)?.name ?? 'A colleague';
  await notifyUsers(
    tx,
    { userIds: awaiting, message: approvalRequestMessage({ ...n, requestedBy: requester, offerId: offer.id, reasons: version.bandReasons.map((r) => r.message) }), dedupeKey: `approval.requested|${version.id}`, applicationId: offer.applicationId },
    now,
    { users, company },
  );
  return updated;
}

/**
 * One approver's decision on the current version. Exactly one decision per approver and version: the offer row
 * is locked for the transaction, and the unique constraint on (offer_version_id, approver_id) refuses any second
 * one (409 ALREADY_DECIDED). The last approval approves the offer (offer.approved); a rejection sends it back to
 * draft (offer.rejected); in sequential mode the next approver is asked.
 */
export async function decideOffer(tx: Tx, actor: Actor, offerId: string, decision: ApprovalDecision, comment: string | undefined, now: Date): Promise<{ offer: OfferRecord; version: OfferVersionRecord; decisions: ApprovalDecisionRecord[] }> {
  if (!(await lockOffer(tx, offerId))) throw new DomainError('OFFER_NOT_FOUND', 'No such offer.', 'id');
  const offer = await getOfferOrThrow(tx, offerId);
  const version = await getOfferVersionOrThrow(tx, offer.id, offer.currentVersion);
  const decisions = await listApprovalDecisions(tx, [version.id]);
  if (decisions.some((d) => d.approverId === actor.id)) throw new DomainError('ALREADY_DECIDED', 'You have already decided on this offer version.');
  if (offer.status !== 'pending-approval' || version.approvalStatus !== 'pending' || !version.approvalMode) {
    throw new DomainError('OFFER_STATE_INVALID', `An offer that is ${offer.status} is not waiting for approval.`, 'status');
  }
  const plan: ApprovalPlan = { mode: version.approvalMode, approverIds: version.approverIds };
  assertMayDecide(plan, decisions, actor.id);
  const record: ApprovalDecisionRecord = { id: randomUUID(), offerVersionId: version.id, approverId: actor.id, decision, comment: comment ?? null, decidedAt: now.toISOString() };
  await insertApprovalDecision(tx, record);
  const all = [...decisions, record];
  await recordAudit(tx, { actorId: actor.id, action: `offer.${decision === 'approved' ? 'approve' : 'reject'}`, entity: 'offer', entityId: offer.id, fields: comment ? ['decision', 'comment'] : ['decision'], at: now });
  const progress = approvalProgress(plan, all);
  const users = await listUsers(tx);
  const n = await names(tx, offer.applicationId);
  let updated = offer;
  if (progress.status === 'pending') {
    const requester = users.find((u) => u.id === version.submittedBy)?.name ?? 'A colleague';
    await notifyUsers(
      tx,
      { userIds: progress.awaiting, message: approvalRequestMessage({ ...n, requestedBy: requester, offerId: offer.id, reasons: version.bandReasons.map((r) => r.message) }), dedupeKey: `approval.requested|${version.id}`, applicationId: offer.applicationId },
      now,
      { users },
    );
  } else {
    const status: OfferStatus = nextOfferStatus(offer.status, progress.status === 'approved' ? 'approve' : 'reject');
    await updateOfferVersionApproval(tx, version.id, { approvalStatus: progress.status, decidedAt: now.toISOString() });
    const next = await updateOffer(tx, offer.id, offer.version, { status }, now);
    if (!next) throw new DomainError('CONFLICT', 'The offer changed meanwhile. Try again.');
    updated = next;
    const data: Record<string, unknown> = { offerId: offer.id, approverId: actor.id };
    if (progress.status === 'rejected' && comment) data.reason = comment;
    await appendEvent(tx, actor, offer.applicationId, { type: progress.status === 'approved' ? 'offer.approved' : 'offer.rejected', data }, now);
    const approverName = users.find((u) => u.id === actor.id)?.name ?? null;
    await notifyUsers(
      tx,
      {
        userIds: [offer.createdBy, version.submittedBy].filter((x): x is string => !!x && x !== actor.id),
        message: offerDecidedMessage({ decision: progress.status, ...n, approverName, offerId: offer.id }),
        dedupeKey: `offer.${progress.status}|${version.id}`,
        applicationId: offer.applicationId,
      },
      now,
      { users },
    );
  }
  return { offer: updated, version: (await getOfferVersion(tx, offer.id, version.version))!, decisions: all };
}

/** Maps a lost race on the approvals unique constraint to 409 ALREADY_DECIDED. */
export function asDecisionConflict(error: unknown): unknown {
  return isUniqueViolation(error) ? new DomainError('ALREADY_DECIDED', 'You have already decided on this offer version.') : error;
}

/** Extends an approved offer to the candidate (offer.extended stops offer.after-final); it expires at `expiresAt` or after the default validity. */
export async function extendOffer(tx: Tx, actor: Actor, offerId: string, expiresAt: string | undefined, now: Date): Promise<OfferRecord> {
  const offer = await getOfferOrThrow(tx, offerId);
  const status = nextOfferStatus(offer.status, 'extend');
  const expires = expiresAt ? new Date(expiresAt) : new Date(now.getTime() + offerDefaults.validityDays.value * DAY_MS);
  if (expires.getTime() <= now.getTime()) throw new DomainError('VALIDATION_FAILED', 'The offer must be valid beyond now.', 'expiresAt');
  const updated = await updateOffer(tx, offer.id, offer.version, { status, extendedAt: now.toISOString(), expiresAt: expires.toISOString() }, now);
  if (!updated) throw stale();
  await recordAudit(tx, { actorId: actor.id, action: 'offer.extend', entity: 'offer', entityId: offer.id, fields: ['status', 'expiresAt'], at: now });
  await appendEvent(tx, actor, offer.applicationId, { type: 'offer.extended', data: { offerId: offer.id } }, now);
  return updated;
}

/**
 * Records the candidate's answer (accepted: the application is hired; declined). An offer past its expiry is
 * marked expired instead and `expired` is returned true, so the caller answers 409 OFFER_EXPIRED after commit.
 */
export async function respondToOffer(tx: Tx, actor: Actor, offerId: string, answer: 'accept' | 'decline', reason: string | undefined, now: Date): Promise<{ offer: OfferRecord; expired: boolean }> {
  const offer = await getOfferOrThrow(tx, offerId);
  const status = nextOfferStatus(offer.status, answer);
  if (offer.expiresAt && offer.expiresAt <= now.toISOString()) {
    const expired = await updateOffer(tx, offer.id, offer.version, { status: 'expired' }, now);
    if (!expired) throw stale();
    await recordAudit(tx, { actorId: actor.id, action: 'offer.expire', entity: 'offer', entityId: offer.id, fields: ['status'], at: now });
    return { offer: expired, expired: true };
  }
  const updated = await updateOffer(tx, offer.id, offer.version, { status, respondedAt: now.toISOString() }, now);
  if (!updated) throw stale();
  await recordAudit(tx, { actorId: actor.id, action: `offer.${answer}`, entity: 'offer', entityId: offer.id, fields: reason ? ['status', 'reason'] : ['status'], at: now });
  const data: Record<string, unknown> = { offerId: offer.id };
  if (answer === 'decline' && reason) data.reason = reason;
  await appendEvent(tx, actor, offer.applicationId, { type: answer === 'accept' ? 'offer.accepted' : 'offer.declined', data }, now);
  return { offer: updated, expired: false };
}

/**
 * Withdraws an open offer. There is no offer.withdrawn event type, so a withdrawal while approval is pending is
 * appended as offer.rejected (reason "withdrawn") to stop the approval clock; otherwise a note marks the timeline.
 */
export async function withdrawOffer(tx: Tx, actor: Actor, offerId: string, reason: string | undefined, now: Date): Promise<OfferRecord> {
  const offer = await getOfferOrThrow(tx, offerId);
  const status = nextOfferStatus(offer.status, 'withdraw');
  const version = await getOfferVersionOrThrow(tx, offer.id, offer.currentVersion);
  if (version.approvalStatus === 'pending') await updateOfferVersionApproval(tx, version.id, { approvalStatus: 'superseded', decidedAt: now.toISOString() });
  const updated = await updateOffer(tx, offer.id, offer.version, { status }, now);
  if (!updated) throw stale();
  await recordAudit(tx, { actorId: actor.id, action: 'offer.withdraw', entity: 'offer', entityId: offer.id, fields: reason ? ['status', 'reason'] : ['status'], at: now });
  const text = `Offer withdrawn${reason ? `: ${reason}` : '.'}`;
  if (offer.status === 'pending-approval') {
    await appendEvent(tx, actor, offer.applicationId, { type: 'offer.rejected', data: { offerId: offer.id, reason: text.slice(0, 2_000) } }, now);
  } else {
    await appendEvent(tx, actor, offer.applicationId, { type: 'note', data: { text: text.slice(0, 10_000) } }, now);
  }
  return updated;
}

/** Marks extended offers past their expiry as expired (background job; idempotent). */
export async function expireOffers(store: Store, now: Date): Promise<number> {
  const extended = await listOffers(store.db, { status: 'extended' });
  let n = 0;
  for (const o of extended) {
    if (!o.expiresAt || o.expiresAt > now.toISOString()) continue;
    await inTransaction(store.db, async (tx) => {
      const fresh = await getOffer(tx, o.id);
      if (!fresh || fresh.status !== 'extended') return;
      if (await updateOffer(tx, o.id, fresh.version, { status: nextOfferStatus('extended', 'expire') }, now)) {
        await recordAudit(tx, { actorId: null, action: 'offer.expire', entity: 'offer', entityId: o.id, fields: ['status'], at: now });
        n += 1;
      }
    });
  }
  return n;
}

/* ------------------------------------------------------------------ views */

export interface OfferDetail {
  offer: OfferRecord;
  version: OfferVersionRecord;
  versions: OfferVersionRecord[];
  decisions: ApprovalDecisionRecord[];
  awaiting: string[];
  candidateId: string | null;
  candidateName: string;
  roleId: string | null;
  roleTitle: string;
  people: Map<string, string>;
}

export async function getOfferDetail(db: Tx, id: string, versionNumber?: number): Promise<OfferDetail> {
  const offer = await getOfferOrThrow(db, id);
  const versions = await listOfferVersions(db, id);
  const version = versionNumber === undefined ? versions.find((v) => v.version === offer.currentVersion) : versions.find((v) => v.version === versionNumber);
  if (!version) throw new DomainError('OFFER_NOT_FOUND', 'No such offer version.', 'version');
  const decisions = await listApprovalDecisions(db, [version.id]);
  const awaiting = version.approvalStatus === 'pending' && version.approvalMode ? approvalProgress({ mode: version.approvalMode, approverIds: version.approverIds }, decisions).awaiting : [];
  const app = await getApplication(db, offer.applicationId);
  const [candidate, role] = app ? await Promise.all([getCandidate(db, app.candidateId), getRole(db, app.roleId)]) : [undefined, undefined];
  const people = new Map((await listUsers(db)).map((u) => [u.id, u.name]));
  return { offer, version, versions, decisions, awaiting, candidateId: candidate?.id ?? null, candidateName: candidate?.name ?? '', roleId: role?.id ?? null, roleTitle: role?.title ?? '', people };
}

export interface OfferListEntry {
  offer: OfferRecord;
  version: OfferVersionRecord;
  awaiting: string[];
  candidateName: string;
  roleTitle: string;
}

export async function listOfferEntries(db: Tx, filter: OfferFilter): Promise<OfferListEntry[]> {
  const offers = await listOffers(db, filter);
  const versions = await listCurrentVersions(db, offers);
  const decisions = await listApprovalDecisions(db, [...versions.values()].filter((v) => v.approvalStatus === 'pending').map((v) => v.id));
  const headings = new Map((await listApplicationHeadings(db, { ids: [...new Set(offers.map((o) => o.applicationId))] })).map((h) => [h.id, h]));
  const out: OfferListEntry[] = [];
  for (const offer of offers) {
    const version = versions.get(offer.id);
    if (!version) continue;
    const heading = headings.get(offer.applicationId);
    const awaiting =
      version.approvalStatus === 'pending' && version.approvalMode
        ? approvalProgress({ mode: version.approvalMode, approverIds: version.approverIds }, decisions.filter((d) => d.offerVersionId === version.id)).awaiting
        : [];
    out.push({ offer, version, awaiting, candidateName: heading?.candidateName ?? 'the candidate', roleTitle: heading?.roleTitle ?? 'the role' });
  }
  return out;
}

/** The offers of a list page with the names of the people they name (approvers). */
export async function listOffersWithPeople(db: Tx, filter: OfferFilter): Promise<{ entries: OfferListEntry[]; people: Map<string, string> }> {
  const [entries, people] = await Promise.all([listOfferEntries(db, filter), namesOfPeople(db)]);
  return { entries, people };
}

/** Every version of an offer with every approval decision on them. */
export async function getOfferHistory(db: Tx, id: string): Promise<{ detail: OfferDetail; decisions: ApprovalDecisionRecord[] }> {
  const detail = await getOfferDetail(db, id);
  const decisions = await listApprovalDecisions(db, detail.versions.map((v) => v.id));
  return { detail, decisions };
}

/** Runs the engine on new terms for an existing offer, before the write's transaction (it takes a few hundred ms). */
export async function prepareOfferRevision(store: Store, offerId: string, input: OfferTermsInput): Promise<PreparedVersion> {
  const offer = await getOfferOrThrow(store.db, offerId);
  return prepareOfferVersion(store, offer.applicationId, input);
}

/** The offers waiting for this approver's decision now. */
export async function listMyApprovals(db: Tx, approverId: string): Promise<OfferListEntry[]> {
  return (await listOfferEntries(db, { status: 'pending-approval' })).filter((e) => e.awaiting.includes(approverId));
}

/** The candidate-facing summary of a version (current by default). */
export async function buildSummary(db: Tx, id: string, now: Date, versionNumber?: number): Promise<OfferSummary> {
  const detail = await getOfferDetail(db, id, versionNumber);
  const company = await getCompany(db);
  return buildOfferSummary({
    offerId: detail.offer.id,
    version: detail.version.version,
    status: detail.offer.status,
    companyName: company?.name ?? '',
    candidateName: detail.candidateName,
    roleTitle: detail.roleTitle,
    terms: detail.version.terms,
    expiresAt: detail.offer.expiresAt,
    ownership: detail.version.evaluation?.ownership,
    scenarioTable: detail.version.evaluation?.scenarioTable,
    now,
  });
}
