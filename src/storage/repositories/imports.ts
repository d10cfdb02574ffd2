import { randomUUID } from 'node:crypto';
import type { PlannedInterview } from '../../domain/imports/plan.js';
import type { Tx } from '../transaction.js';
import type { ImportedFeedbackTable, ImportedOfferVersionTable, ImportJobTable } from '../schema.js';

export interface ImportFileRecord {
  /** The name the user gave the file (its path inside the upload). */
  name: string;
  /** The stored file's id in the import directory. */
  storedId: string;
  bytes: number;
}

export interface ImportJobRecord {
  id: string;
  system: string;
  status: string;
  files: ImportFileRecord[];
  options: Record<string, unknown>;
  stageMapping: Record<string, string>;
  dryRun: unknown;
  report: unknown;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  version: number;
}

export type ImportJobPatch = Partial<Pick<ImportJobRecord, 'status' | 'files' | 'options' | 'stageMapping' | 'dryRun' | 'report' | 'error' | 'finishedAt'>>;

function toJob(r: ImportJobTable): ImportJobRecord {
  return {
    id: r.id,
    system: r.system,
    status: r.status,
    files: JSON.parse(r.files) as ImportFileRecord[],
    options: JSON.parse(r.options) as Record<string, unknown>,
    stageMapping: JSON.parse(r.stage_mapping) as Record<string, string>,
    dryRun: r.dry_run === null ? null : (JSON.parse(r.dry_run) as unknown),
    report: r.report === null ? null : (JSON.parse(r.report) as unknown),
    error: r.error,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    version: r.version,
  };
}

export async function insertImportJob(tx: Tx, job: Pick<ImportJobRecord, 'id' | 'system' | 'status' | 'files' | 'options' | 'createdBy'>, now: Date): Promise<ImportJobRecord> {
  const at = now.toISOString();
  const row: ImportJobTable = {
    id: job.id,
    system: job.system,
    status: job.status,
    files: JSON.stringify(job.files),
    options: JSON.stringify(job.options),
    stage_mapping: '{}',
    dry_run: null,
    report: null,
    error: null,
    created_by: job.createdBy,
    created_at: at,
    updated_at: at,
    finished_at: null,
    version: 1,
  };
  await tx.insertInto('import_jobs').values(row).execute();
  return toJob(row);
}

export async function getImportJob(tx: Tx, id: string): Promise<ImportJobRecord | undefined> {
  const r = await tx.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toJob(r) : undefined;
}

export async function listImportJobs(tx: Tx, limit: number): Promise<ImportJobRecord[]> {
  const rows = await tx.selectFrom('import_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toJob);
}

/** Optimistic update: undefined when the job's version moved meanwhile. */
export async function updateImportJob(tx: Tx, id: string, version: number, patch: ImportJobPatch, now: Date): Promise<ImportJobRecord | undefined> {
  const set: Partial<ImportJobTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.files !== undefined) set.files = JSON.stringify(patch.files);
  if (patch.options !== undefined) set.options = JSON.stringify(patch.options);
  if (patch.stageMapping !== undefined) set.stage_mapping = JSON.stringify(patch.stageMapping);
  if (patch.dryRun !== undefined) set.dry_run = patch.dryRun === null ? null : JSON.stringify(patch.dryRun);
  if (patch.report !== undefined) set.report = patch.report === null ? null : JSON.stringify(patch.report);
  if (patch.error !== undefined) set.error = patch.error;
  if (patch.finishedAt !== undefined) set.finished_at = patch.finishedAt;
  const r = await tx.updateTable('import_jobs').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return undefined;
  return getImportJob(tx, id);
}

export interface ImportLinkInsert {
  system: string;
  entity: string;
  externalId: string;
  closerId: string;
  jobId: string;
}

/** Closer ids of already imported records of one entity: external id -> Closer id. */
export async function findImportLinks(tx: Tx, system: string, entity: string, externalIds: readonly string[], chunk = 5_000): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < externalIds.length; i += chunk) {
    const rows = await tx
      .selectFrom('import_links')
      .select(['external_id', 'closer_id'])
      .where('system', '=', system)
      .where('entity', '=', entity)
      .where('external_id', 'in', externalIds.slice(i, i + chunk))
      .execute();
    for (const r of rows) out.set(r.external_id, r.closer_id);
  }
  return out;
}

export async function insertImportLinks(tx: Tx, links: readonly ImportLinkInsert[], now: Date, chunk = 500): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < links.length; i += chunk) {
    await tx
      .insertInto('import_links')
      .values(links.slice(i, i + chunk).map((l) => ({ system: l.system, entity: l.entity, external_id: l.externalId, closer_id: l.closerId, job_id: l.jobId, created_at: at })))
      .execute();
  }
}

/** The ids of existing candidates by normalised e-mail (the merge rule of imports), for the given addresses. */
export async function findCandidatesByEmails(tx: Tx, emails: readonly string[], chunk = 5_000): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < emails.length; i += chunk) {
    const rows = await tx
      .selectFrom('candidates')
      .select(['id', 'email', 'created_at'])
      .where('email', 'in', emails.slice(i, i + chunk))
      .where('merged_into_id', 'is', null)
      .orderBy('created_at')
      .execute();
    for (const r of rows) if (!out.has(r.email)) out.set(r.email, r.id);
  }
  return out;
}

export interface ImportedFeedbackInsert {
  id: string;
  applicationId: string;
  system: string;
  externalId: string;
  interviewName: string | null;
  authorName: string | null;
  submittedAt: string | null;
  recommendation: string | null;
  ratings: unknown[];
  answers: unknown[];
  notes: string | null;
  jobId: string;
}

export async function insertImportedFeedback(tx: Tx, rows: readonly ImportedFeedbackInsert[], now: Date, chunk = 300): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += chunk) {
    await tx
      .insertInto('imported_feedback')
      .values(
        rows.slice(i, i + chunk).map((f) => ({
          id: f.id,
          application_id: f.applicationId,
          system: f.system,
          external_id: f.externalId,
          interview_name: f.interviewName,
          author_name: f.authorName,
          submitted_at: f.submittedAt,
          recommendation: f.recommendation,
          ratings: JSON.stringify(f.ratings),
          answers: JSON.stringify(f.answers),
          notes: f.notes,
          job_id: f.jobId,
          created_at: at,
        })),
      )
      .execute();
  }
}

export interface ImportedFeedbackRecord {
  id: string;
  applicationId: string;
  system: string;
  interviewName: string | null;
  authorName: string | null;
  submittedAt: string | null;
  recommendation: string | null;
  ratings: Array<{ attribute: string; rating: string; note?: string }>;
  answers: Array<{ question: string; answer: string }>;
  notes: string | null;
}

export async function listImportedFeedbackOfApplication(tx: Tx, applicationId: string): Promise<ImportedFeedbackRecord[]> {
  const rows = await tx.selectFrom('imported_feedback').selectAll().where('application_id', '=', applicationId).orderBy('submitted_at').orderBy('id').execute();
  return rows.map(importedFeedbackOf);
}

/** An imported_feedback row as a record (its source id kept apart: only the export shows it). */
export function importedFeedbackOf(r: ImportedFeedbackTable): ImportedFeedbackRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    system: r.system,
    interviewName: r.interview_name,
    authorName: r.author_name,
    submittedAt: r.submitted_at,
    recommendation: r.recommendation,
    ratings: JSON.parse(r.ratings) as ImportedFeedbackRecord['ratings'],
    answers: JSON.parse(r.answers) as ImportedFeedbackRecord['answers'],
    notes: r.notes,
  };
}

/** Audit entries of the records an import created, many rows per statement (an import creates thousands). */
export async function recordImportAudits(tx: Tx, actorId: string | null, entries: ReadonlyArray<{ action: string; entity: string; entityId: string; fields: readonly string[] }>, now: Date, chunk = 500): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < entries.length; i += chunk) {
    await tx
      .insertInto('audit_log')
      .values(entries.slice(i, i + chunk).map((e) => ({ id: randomUUID(), at, actor_id: actorId, action: e.action, entity: e.entity, entity_id: e.entityId, fields: JSON.stringify([...e.fields].sort()) })))
      .execute();
  }
}

/* Interviews and offers of other systems (migration 024 for the offers). */

/** A planned interview as written: its fields without the source record, and who imported it. */
export type ImportedInterviewInsert = Omit<PlannedInterview, 'source'> & { createdBy: string | null };

/** Closer interviews, many rows per statement, without interviewers (the source's are not Closer users). */
export async function insertImportedInterviews(tx: Tx, rows: readonly ImportedInterviewInsert[], now: Date, chunk = 500): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += chunk) {
    await tx
      .insertInto('interviews')
      .values(
        rows.slice(i, i + chunk).map((r) => ({
          id: r.id,
          application_id: r.applicationId,
          kind: r.kind,
          scheduled_at: r.scheduledAt,
          final: 0,
          pedigree_blind: 0,
          status: r.status,
          completed_at: r.completedAt,
          cancelled_at: null,
          created_by: r.createdBy,
          created_at: at,
          updated_at: at,
          version: 1,
          stage_id: null,
          duration_minutes: r.durationMinutes,
        })),
      )
      .execute();
  }
}

export interface ImportedOfferVersionInsert {
  version: number;
  createdAt: string;
  sentAt: string | null;
  startDate: string | null;
  currency: string | null;
  base: number | null;
  otherTerms: Record<string, string>;
}

export interface ImportedOfferInsert {
  id: string;
  applicationId: string;
  system: string;
  externalId: string;
  status: string;
  sourceStatus: string;
  draftedAt: string;
  sentAt: string | null;
  resolvedAt: string | null;
  approvals: unknown[];
  versions: readonly ImportedOfferVersionInsert[];
  jobId: string;
}

export async function insertImportedOffers(tx: Tx, offers: readonly ImportedOfferInsert[], now: Date, chunk = 300): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < offers.length; i += chunk) {
    const part = offers.slice(i, i + chunk);
    await tx
      .insertInto('imported_offers')
      .values(
        part.map((o) => ({
          id: o.id,
          application_id: o.applicationId,
          system: o.system,
          external_id: o.externalId,
          status: o.status,
          source_status: o.sourceStatus,
          drafted_at: o.draftedAt,
          sent_at: o.sentAt,
          resolved_at: o.resolvedAt,
          current_version: Math.max(...o.versions.map((v) => v.version)),
          approvals: JSON.stringify(o.approvals),
          job_id: o.jobId,
          created_at: at,
        })),
      )
      .execute();
    const versions = part.flatMap((o) =>
      o.versions.map((v) => ({
        id: randomUUID(),
        offer_id: o.id,
        version: v.version,
        created_at: v.createdAt,
        sent_at: v.sentAt,
        start_date: v.startDate,
        currency: v.currency,
        base: v.base,
        other_terms: JSON.stringify(v.otherTerms),
      })),
    );
    for (let k = 0; k < versions.length; k += chunk) await tx.insertInto('imported_offer_versions').values(versions.slice(k, k + chunk)).execute();
  }
}

export interface ImportedOfferRecord {
  id: string;
  applicationId: string;
  system: string;
  externalId: string;
  status: string;
  sourceStatus: string;
  draftedAt: string;
  sentAt: string | null;
  resolvedAt: string | null;
  currentVersion: number;
  approvals: Array<{ approverExternalId?: string; status: string; resolvedAt?: string }>;
  versions: Array<ImportedOfferVersionInsert>;
}

/** The imported offers of an application with their versions, oldest first. */
export async function listImportedOffersOfApplication(tx: Tx, applicationId: string): Promise<ImportedOfferRecord[]> {
  return importedOffersWhere(tx, applicationId);
}

/** Every imported offer of the company with its versions, oldest first (the company export). */
export async function listImportedOffers(tx: Tx): Promise<ImportedOfferRecord[]> {
  return importedOffersWhere(tx, undefined);
}

async function importedOffersWhere(tx: Tx, applicationId: string | undefined): Promise<ImportedOfferRecord[]> {
  let query = tx.selectFrom('imported_offers').selectAll();
  if (applicationId !== undefined) query = query.where('application_id', '=', applicationId);
  const offers = await query.orderBy('drafted_at').orderBy('id').execute();
  if (offers.length === 0) return [];
  const versions: ImportedOfferVersionTable[] = [];
  for (let i = 0; i < offers.length; i += 500) {
    const ids = offers.slice(i, i + 500).map((o) => o.id);
    versions.push(...(await tx.selectFrom('imported_offer_versions').selectAll().where('offer_id', 'in', ids).orderBy('version').execute()));
  }
  const byOffer = new Map<string, typeof versions>();
  for (const v of versions) byOffer.set(v.offer_id, [...(byOffer.get(v.offer_id) ?? []), v]);
  return offers.map((o) => ({
    id: o.id,
    applicationId: o.application_id,
    system: o.system,
    externalId: o.external_id,
    status: o.status,
    sourceStatus: o.source_status,
    draftedAt: o.drafted_at,
    sentAt: o.sent_at,
    resolvedAt: o.resolved_at,
    currentVersion: o.current_version,
    approvals: JSON.parse(o.approvals) as ImportedOfferRecord['approvals'],
    versions: (byOffer.get(o.id) ?? [])
      .sort((x, y) => x.version - y.version)
      .map((v) => ({ version: v.version, createdAt: v.created_at, sentAt: v.sent_at, startDate: v.start_date, currency: v.currency, base: v.base === null ? null : Number(v.base), otherTerms: JSON.parse(v.other_terms) as Record<string, string> })),
  }));
}
