import { z } from 'zod';
import { ApplicationDetailView } from './applications.js';
import { AuditView } from './audit.js';
import { CandidateView } from './candidates.js';
import { CompanyView } from './company.js';
import { InterviewDetailView } from './interviews.js';
import { OfferDetailView, VersionView } from './offers.js';
import { PipelineSettingsView } from './pipeline-settings.js';
import { PostingView } from './postings.js';
import { RoleBandsView } from './role-bands.js';
import { RoleView } from './roles.js';
import { ScorecardView } from './scorecards.js';
import { PoolView, ProspectView } from './sourcing.js';
import { UserView } from './users.js';

/** The entities of a full export, in the order a re-import reads them (parents before children). */
export const EXPORT_ENTITIES = [
  'company', 'pipelineSettings', 'users', 'roles', 'roleBands', 'candidates', 'applications', 'interviews', 'scorecards', 'importedFeedback', 'offers', 'offerVersions', 'importedOffers', 'pools', 'prospects', 'postings', 'importLinks', 'auditLog',
] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];

/** A version of an imported offer: the source's pay as whole units and currency (null when it did not fit), other terms as text. */
export const ImportedOfferVersionView = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  startDate: z.string().nullable(),
  base: z.number().int().nullable(),
  currency: z.string().nullable(),
  otherTerms: z.record(z.string(), z.string()),
});

/**
 * An offer imported from another hiring system (Greenhouse, Lever, Ashby, or another Closer), kept apart from Closer's
 * own offers (migration 024), with its versions (oldest first) and approvals as the source gave them. `status` is in
 * Closer's words, `sourceStatus` in the import's canonical words; `system`/`externalId` say where it came from.
 */
export const ImportedOfferView = z.object({
  id: z.string(),
  applicationId: z.string(),
  system: z.string(),
  externalId: z.string(),
  status: z.string(),
  sourceStatus: z.string(),
  draftedAt: z.string(),
  sentAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  currentVersion: z.number().int(),
  approvals: z.array(z.object({ approverExternalId: z.string().optional(), status: z.string(), resolvedAt: z.string().optional() })),
  versions: z.array(ImportedOfferVersionView),
});
export type ImportedOfferView = z.infer<typeof ImportedOfferView>;

/**
 * A scorecard imported from another system (kept apart from Closer's own scores, migration 019), as the source gave
 * it; `system`/`externalId` say where it came from.
 */
export const ImportedFeedbackView = z.object({
  id: z.string(),
  applicationId: z.string(),
  system: z.string(),
  externalId: z.string(),
  interviewName: z.string().nullable(),
  authorName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  recommendation: z.string().nullable(),
  ratings: z.array(z.object({ attribute: z.string(), rating: z.string(), note: z.string().optional() })),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  notes: z.string().nullable(),
});
export type ImportedFeedbackView = z.infer<typeof ImportedFeedbackView>;

/**
 * A record's id in the system it was imported from (`entity` is role, candidate, application, interview, offer,
 * feedback or note; a note's `closerId` is its application). Carried so that importing the same vendor files into
 * the Closer this export is restored into still finds those records and changes nothing.
 */
export const ImportLinkView = z.object({ system: z.string(), entity: z.string(), externalId: z.string(), closerId: z.string() });
export type ImportLinkView = z.infer<typeof ImportLinkView>;

/** Each entity in the shape its own API route answers with (an owner's view: bands, offers and pay included). */
export const ExportEntitiesView = z.object({
  company: z.array(CompanyView),
  /** GET /pipeline/settings: the company's clock and risk settings (what it changed, and the result). */
  pipelineSettings: z.array(PipelineSettingsView),
  users: z.array(UserView),
  roles: z.array(RoleView),
  roleBands: z.array(RoleBandsView),
  candidates: z.array(CandidateView),
  /** GET /applications/:id: the application with its events (stage history), clocks and risk at export time. */
  applications: z.array(ApplicationDetailView),
  interviews: z.array(InterviewDetailView),
  scorecards: z.array(ScorecardView),
  /** Scorecards imported from another system. */
  importedFeedback: z.array(ImportedFeedbackView),
  offers: z.array(OfferDetailView),
  /** GET /offers/:id/versions: every version with its approvers' decisions, tagged with its offer. */
  offerVersions: z.array(VersionView.extend({ offerId: z.string() })),
  /** Offers imported from another system, with their versions and approvals (pay included: owners and admins only). */
  importedOffers: z.array(ImportedOfferView),
  pools: z.array(PoolView),
  prospects: z.array(ProspectView),
  postings: z.array(PostingView),
  /** Where imported records came from (system, entity, external id -> this Closer's id). */
  importLinks: z.array(ImportLinkView),
  /** The audit log, oldest first. */
  auditLog: z.array(AuditView),
});
export type ExportEntitiesView = z.infer<typeof ExportEntitiesView>;

/**
 * GET /api/v1/export: every record of the company, one array per entity in the API's shapes (owners and admins).
 * The arrays are top-level keys, so the one file is also an import source (Settings -> Import -> Closer).
 */
export const CompanyExportView = z
  .object({
    format: z.literal('closer-company-export'),
    version: z.literal(2),
    exportedAt: z.string(),
    counts: z.record(z.string(), z.number().int()),
  })
  .extend(ExportEntitiesView.shape);
export type CompanyExportView = z.infer<typeof CompanyExportView>;
