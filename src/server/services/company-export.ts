// The company's full export (issue 12): every record read through the same service reads the API's routes use, in
// one transaction so the entities agree with each other; the route presents each with the route's own presenter.
import {
  getPostingOfRole,
  inTransaction,
  listApplications,
  listAllImportedFeedback,
  listAllImportLinks,
  listAudit,
  listCandidates,
  listImportedOffers,
  listInterviews,
  listOffers,
  listPoolProspects,
  listRoles,
  listScorecards,
  listUsers,
  loadAuditSubjects,
  recordAudit,
  type AuditRecord,
  type AuditSubject,
  type Company,
  type ImportedFeedbackRecord,
  type ImportedOfferRecord,
  type ImportLinkRecord,
  type ProspectWithPerson,
  type ScorecardRecord,
  type Store,
  type UserRecord,
} from '../../storage/index.js';
import { readCompany } from './company.js';
import { readPipelineSettings, type PipelineSettingsState } from './pipeline-settings.js';
import { describeInterviews, type InterviewDetail } from './interviews.js';
import { getOfferHistory, type OfferDetail } from './offers.js';
import { getApplicationDetail, type ApplicationDetail } from './pipeline-views.js';
import { readPostingOfRole, type PostingState } from './postings.js';
import { readRoleBands, type RoleBandsState } from './role-bands.js';
import { findPools } from './sourcing.js';
import type { CandidateRecord, RoleRecord, TalentPoolSummary } from './records.js';
import type { ApprovalDecisionRecord } from './records.js';
import { EXPORT_ENTITIES } from '../../api/export.js';

/** Large enough for every row of a self-hosted company; the repositories want a number. */
const ALL = 1_000_000_000;

export interface CompanyExport {
  exportedAt: Date;
  /** The exporting user: the records are read as an owner or admin sees them. */
  viewer: Pick<UserRecord, 'id' | 'role'>;
  company: Company;
  /** The company's clock and risk settings (business hours included). */
  pipelineSettings: PipelineSettingsState;
  users: UserRecord[];
  people: Map<string, string>;
  roles: RoleRecord[];
  roleBands: RoleBandsState[];
  candidates: CandidateRecord[];
  applications: ApplicationDetail[];
  interviews: InterviewDetail[];
  scorecards: ScorecardRecord[];
  /** Scorecards imported from another system. */
  importedFeedback: Array<ImportedFeedbackRecord & { externalId: string }>;
  offers: { detail: OfferDetail; decisions: ApprovalDecisionRecord[] }[];
  /** Offers imported from another system (migration 024), oldest first. */
  importedOffers: ImportedOfferRecord[];
  pools: TalentPoolSummary[];
  prospects: ProspectWithPerson[];
  postings: PostingState[];
  /** Where imported records came from. */
  importLinks: ImportLinkRecord[];
  audit: { entries: AuditRecord[]; subjects: Map<string, AuditSubject> };
}

/**
 * Reads every record of the company (merged-away candidates excepted: they live on in the record they were merged
 * into) and audits the export (entity names only). N+1 reads per application and offer are accepted: an export is
 * rare and each read is the one its route makes.
 */
export async function exportCompany(store: Store, viewer: Pick<UserRecord, 'id' | 'role'>, now: Date): Promise<CompanyExport> {
  return inTransaction(store.db, async (tx) => {
    const company = await readCompany(tx);
    const pipelineSettings = await readPipelineSettings(tx);
    const users = await listUsers(tx);
    const people = new Map(users.map((u) => [u.id, u.name]));
    const roles = await listRoles(tx);
    const roleBands: RoleBandsState[] = [];
    const postings: PostingState[] = [];
    for (const role of roles) {
      const bands = await readRoleBands(tx, role.id);
      if (bands.bands.length > 0) roleBands.push(bands);
      if (await getPostingOfRole(tx, role.id)) postings.push(await readPostingOfRole(tx, role.id));
    }
    const candidates = (await listCandidates(tx, { archived: 'include', limit: ALL })).reverse(); // oldest first
    const applications: ApplicationDetail[] = [];
    for (const a of await listApplications(tx)) applications.push(await getApplicationDetail(tx, a.id, now));
    applications.sort((x, y) => x.application.createdAt.localeCompare(y.application.createdAt) || x.application.id.localeCompare(y.application.id));
    const interviews = await describeInterviews(tx, viewer, await listInterviews(tx));
    const scorecards = await listScorecards(tx, {});
    const importedFeedback = await listAllImportedFeedback(tx);
    const offers: CompanyExport['offers'] = [];
    for (const o of await listOffers(tx)) offers.push(await getOfferHistory(tx, o.id));
    offers.reverse(); // listOffers is most recently changed first
    const importedOffers = await listImportedOffers(tx);
    const pools = await findPools(tx);
    const prospects: ProspectWithPerson[] = [];
    for (const pool of pools) prospects.push(...(await listPoolProspects(tx, pool.id, { limit: ALL, offset: 0 })).items);
    const importLinks = await listAllImportLinks(tx);
    await recordAudit(tx, { actorId: viewer.id, action: 'company.exported', entity: 'company', entityId: company.id, fields: [...EXPORT_ENTITIES], at: now });
    const entries = (await listAudit(tx, { limit: ALL })).reverse();
    const subjects = await loadAuditSubjects(tx, entries);
    return { exportedAt: now, viewer, company, pipelineSettings, users, people, roles, roleBands, candidates, applications, interviews, scorecards, importedFeedback, offers, importedOffers, pools, prospects, postings, importLinks, audit: { entries, subjects } };
  });
}
