// The full export in the API's shapes: each entity through the presenter of its own route, as an owner or admin reads
// it (bands, offers and pay included; never password hashes, MFA secrets or tokens: presentUser leaves them out).
import { presentApplicationDetail } from '../applications/presenter.js';
import { presentAudit } from '../audit/presenter.js';
import { presentCandidate } from '../candidates/presenter.js';
import { presentCompany } from '../company/presenter.js';
import { presentInterviewDetail } from '../interviews/presenter.js';
import { presentPosting } from '../postings/presenter.js';
import { presentRoleBands } from '../role-bands/presenter.js';
import { presentRole } from '../roles/presenter.js';
import { presentScorecard } from '../scorecards/presenter.js';
import { presentPipelineSettings } from '../today/presenter.js';
import { presentOfferDetail, presentVersion } from './offer-presenter.js';
import { presentUser } from './user-presenter.js';
import { presentPool, presentProspect } from '../sourcing/presenter.js';
import type { CompanyExport } from '../../services/company-export.js';
import { EXPORT_ENTITIES, type CompanyExportView, type ExportEntitiesView, type ImportedOfferView } from '../../../api/export.js';

export function presentCompanyExport(x: CompanyExport): CompanyExportView {
  const viewer = x.viewer;
  const names = Object.fromEntries(x.people);
  const entities: ExportEntitiesView = {
    company: [presentCompany(x.company, viewer)],
    pipelineSettings: [presentPipelineSettings(x.pipelineSettings)],
    users: x.users.map(presentUser),
    roles: x.roles.map((r) => presentRole(r, viewer)),
    roleBands: x.roleBands.map((b) => presentRoleBands(b, x.people)),
    candidates: x.candidates.map((c) => presentCandidate(c, viewer)),
    applications: x.applications.map((a) => presentApplicationDetail(a, names, viewer)),
    interviews: x.interviews.map(presentInterviewDetail),
    scorecards: x.scorecards.map((c) => presentScorecard(c, x.people.get(c.interviewerId) ?? c.interviewerId)),
    importedFeedback: x.importedFeedback.map((f) => ({ id: f.id, applicationId: f.applicationId, system: f.system, externalId: f.externalId, interviewName: f.interviewName, authorName: f.authorName, submittedAt: f.submittedAt, recommendation: f.recommendation, ratings: f.ratings, answers: f.answers, notes: f.notes })),
    offers: x.offers.map((o) => presentOfferDetail(o.detail)),
    offerVersions: x.offers.flatMap((o) => o.detail.versions.map((v) => ({ offerId: o.detail.offer.id, ...presentVersion(v, o.decisions, o.detail.people) }))),
    importedOffers: x.importedOffers.map(presentImportedOffer),
    pools: x.pools.map(presentPool),
    prospects: x.prospects.map(presentProspect),
    postings: x.postings.map(presentPosting),
    importLinks: x.importLinks.map((l) => ({ system: l.system, entity: l.entity, externalId: l.externalId, closerId: l.closerId })),
    auditLog: x.audit.entries.map((r) => presentAudit(r, x.people, x.audit.subjects)),
  };
  const counts = Object.fromEntries(EXPORT_ENTITIES.map((e) => [e, entities[e].length]));
  return { format: 'closer-company-export', version: 2, exportedAt: x.exportedAt.toISOString(), counts, ...entities };
}

/** An imported offer as stored (migration 024): the owner's view, pay included. */
function presentImportedOffer(o: CompanyExport['importedOffers'][number]): ImportedOfferView {
  return {
    id: o.id,
    applicationId: o.applicationId,
    system: o.system,
    externalId: o.externalId,
    status: o.status,
    sourceStatus: o.sourceStatus,
    draftedAt: o.draftedAt,
    sentAt: o.sentAt,
    resolvedAt: o.resolvedAt,
    currentVersion: o.currentVersion,
    approvals: o.approvals.map((a) => ({ ...(a.approverExternalId !== undefined ? { approverExternalId: a.approverExternalId } : {}), status: a.status, ...(a.resolvedAt !== undefined ? { resolvedAt: a.resolvedAt } : {}) })),
    versions: o.versions.map((v) => ({ version: v.version, createdAt: v.createdAt, sentAt: v.sentAt, startDate: v.startDate, base: v.base, currency: v.currency, otherTerms: v.otherTerms })),
  };
}
