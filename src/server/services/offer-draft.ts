import { buildOfferDraft, TERMINAL_OFFER_STATUSES, type OfferDraft } from '../../domain/offers/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  getApplicationOrThrow,
  getCandidateOrThrow,
  getCompany,
  getRoleOrThrow,
  listApplicationHeadings,
  listOffers,
  recordAudit,
  updateCompany,
  type ApplicationRecord,
  type Tx,
} from '../../storage/index.js';
import type { DemoContext } from './demo.js';

export interface OfferDraftView {
  application: { id: string; candidateId: string; candidateName: string; roleId: string; roleTitle: string; status: ApplicationRecord['status'] };
  /** The offer already open on this application, if any: revise that one rather than drafting a second. */
  openOffer: { id: string; status: string } | null;
  draft: OfferDraft;
}

/**
 * The pre-filled offer for an application (GET /applications/:id/offer-draft): the role's board-approved band, the
 * company's post-money, fully diluted shares and strike, the data defaults and the candidate's current pay, each
 * figure with its source, and what is missing. Nothing is written. A closed application answers 409 CONFLICT.
 */
export async function getOfferDraft(tx: Tx, applicationId: string): Promise<OfferDraftView> {
  const application = await getApplicationOrThrow(tx, applicationId);
  if (application.status !== 'active') throw new DomainError('CONFLICT', 'The application is closed; reopen it to make an offer.', 'id');
  const [role, candidate, company, offers] = await Promise.all([
    getRoleOrThrow(tx, application.roleId),
    getCandidateOrThrow(tx, application.candidateId),
    getCompany(tx),
    listOffers(tx, { applicationId }),
  ]);
  if (!company) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
  const open = offers.find((o) => !TERMINAL_OFFER_STATUSES.has(o.status));
  const draft = buildOfferDraft({
    roleTitle: role.title,
    band: role.band,
    company: { currency: company.currency, stage: company.stage, lastPostMoney: company.lastPostMoney, fullyDilutedShares: company.fullyDilutedShares, strikePrice: company.strikePrice },
    candidateName: candidate.name,
    currentPay: candidate.currentCompensation,
  });
  return {
    application: { id: application.id, candidateId: candidate.id, candidateName: candidate.name, roleId: role.id, roleTitle: role.title, status: application.status },
    openOffer: open ? { id: open.id, status: open.status } : null,
    draft,
  };
}

export interface OfferTarget {
  applicationId: string;
  candidateId: string;
  candidateName: string;
  roleId: string;
  roleTitle: string;
  stage: string;
}

/**
 * Active applications that can take an offer (none open on them), whose candidate name or role title contains `q`
 * (any case), by candidate name: the "Save to an application" picker of the standalone offer builder.
 */
export async function listOfferTargets(tx: Tx, q: string | undefined, limit: number): Promise<OfferTarget[]> {
  const headings = await listApplicationHeadings(tx, {});
  const open = new Set((await listOffers(tx)).filter((o) => !TERMINAL_OFFER_STATUSES.has(o.status)).map((o) => o.applicationId));
  const needle = q?.trim().toLocaleLowerCase() ?? '';
  return headings
    .filter((h) => !open.has(h.id) && (needle === '' || h.candidateName.toLocaleLowerCase().includes(needle) || h.roleTitle.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => a.candidateName.localeCompare(b.candidateName) || a.roleTitle.localeCompare(b.roleTitle) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((h) => ({ applicationId: h.id, candidateId: h.candidateId, candidateName: h.candidateName, roleId: h.roleId, roleTitle: h.roleTitle, stage: h.stage }));
}

/** The demo company's figures, the ones its demo offers use (interviews-demo.ts), so "Draft offer" fills every term. */
const DEMO_FIGURES = { lastPostMoney: 22_000_000, fullyDilutedShares: 10_000_000, strikePrice: 0.42 };

/** Gives the demo company the figures its demo offers use. */
export async function contributeOfferDraftDemo(tx: Tx, { users, now }: DemoContext): Promise<void> {
  // Read afresh: an earlier contributor may have changed the company (and its version) already.
  const company = await getCompany(tx);
  if (!company || !(await updateCompany(tx, company.id, company.version, DEMO_FIGURES, now))) return;
  await recordAudit(tx, { actorId: users.owner?.id ?? null, action: 'company.update', entity: 'company', entityId: company.id, fields: Object.keys(DEMO_FIGURES), at: now });
}
