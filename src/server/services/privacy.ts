import { sql } from 'kysely';
import { DomainError } from '../../domain/shared/errors.js';
import {
  collectPersonRows,
  eraseCandidates,
  getCandidateOrThrow,
  getTalentPoolConsent,
  listCandidateWithMerged,
  listCandidatesByIds,
  recordAudit,
  setTalentPoolConsent,
  type ErasureReason,
  type ErasureReport,
  type Store,
  type Tx,
} from '../../storage/index.js';
import type { FileDirectory } from './file-store.js';

/**
 * Privacy rights (docs/privacy.md): what Closer holds about a person, handed over as JSON, and their erasure. The
 * erasure itself is `eraseCandidates` (storage), shared by `DELETE /candidates/:id`, the retention rule and the
 * re-application of the erasure ledger after a restore.
 */

/** Personal fields of a candidate record, named (never valued) in the audit entry of an erasure. */
export const PERSONAL_FIELDS = ['name', 'email', 'phone', 'links', 'location', 'currentEmployer', 'source', 'passive', 'specializations', 'productionMlYears', 'currentCompensation'] as const;

/** The tables an erasure deletes from: PostgreSQL vacuums them afterwards. */
export const ERASURE_TABLES = [
  'candidates',
  'applications',
  'application_events',
  'application_projections',
  'interviews',
  'interview_interviewers',
  'scorecards',
  'offers',
  'offer_versions',
  'offer_approvals',
  'candidate_files',
  'imported_feedback',
  'imported_offers',
  'imported_offer_versions',
  'import_links',
  'today_marks',
  'prospects',
  'prospect_events',
  'sequence_enrollments',
  'sequence_messages',
  'notifications',
  'outbox',
  'idempotency_keys',
  'posting_answers',
] as const;

/**
 * Erases a candidate record, every record merged into it, and everything about them (see eraseCandidates), then
 * audits it without personal data: one `candidate.delete` per record (the field names and the kinds of records
 * removed) and one `application.delete` per application. `actorId` is null for the retention rule and a restore.
 * Files kept in the files directory are unlinked last; without the directory nothing is erased (503).
 */
export async function erasePerson(tx: Tx, actorId: string | null, id: string, now: Date, files: FileDirectory | undefined, reason: ErasureReason): Promise<ErasureReport> {
  const ids = await listCandidateWithMerged(tx, id);
  const people = await listCandidatesByIds(tx, ids);
  const needles = people.flatMap((p) => [p.name, p.email, ...(p.phone ? [p.phone] : [])]);
  const report = await eraseCandidates(tx, ids, needles, now, reason);
  const related = [
    ...(report.applicationIds.length > 0 ? ['applications'] : []),
    ...(report.events > 0 ? ['events'] : []),
    ...(report.prospects > 0 ? ['prospects'] : []),
    ...(report.interviews > 0 ? ['interviews'] : []),
    ...(report.offers > 0 ? ['offers'] : []),
    ...(report.files.length > 0 ? ['files'] : []),
    ...(report.notifications + report.outbox > 0 ? ['notifications'] : []),
  ];
  for (const candidateId of ids) {
    const fields = candidateId === id ? [...PERSONAL_FIELDS, ...related] : [...PERSONAL_FIELDS, 'mergedIntoId'];
    await recordAudit(tx, { actorId, action: 'candidate.delete', entity: 'candidate', entityId: candidateId, fields, at: now });
  }
  for (const applicationId of report.applicationIds) {
    await recordAudit(tx, { actorId, action: 'application.delete', entity: 'application', entityId: applicationId, fields: ['events', 'interviews', 'offers'], at: now });
  }
  const onDisk = report.files.filter((f) => f.storage === 'directory');
  if (onDisk.length > 0) {
    if (!files) throw new DomainError('FILE_STORE_UNAVAILABLE', 'Some of their files are in the file directory, which is not configured (CLOSER_FILES_DIR). Nothing was deleted.');
    for (const f of onDisk) await files.remove(f.id);
  }
  return report;
}

/**
 * After an erasure has committed: on SQLite the freed pages were zeroed (secure_delete=ON on every connection), and a
 * TRUNCATE checkpoint copies the WAL back and empties it, so no old page stays there. On PostgreSQL deleted tuples
 * stay in the heap until vacuumed: a plain VACUUM of the touched tables marks their space for reuse at once (it does
 * not zero it; `VACUUM FULL` rewrites the tables, which an operator with a strict deadline can run, docs/privacy.md).
 */
export async function afterErasure(store: Store): Promise<void> {
  if (store.sqlite) {
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return;
  }
  await sql.raw(`VACUUM ${ERASURE_TABLES.join(', ')}`).execute(store.db);
}

/* ----------------------------------------------------------------- export */

export interface PersonExport {
  format: 'closer-person-export';
  version: 1;
  exportedAt: string;
  candidateId: string;
  /** The candidate record first, then the records merged into it. */
  candidateIds: string[];
  /** Every stored row about them, per table, as stored; file bytes as base64, JSON text parsed. */
  tables: Record<string, Array<Record<string, unknown>>>;
}

const JSON_COLUMNS = new Set(['links', 'specializations', 'labels', 'data', 'ratings', 'fields', 'terms', 'evaluation', 'response', 'answers']);

function exportValue(column: string, value: unknown, files: Map<string, Buffer>, id: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (column === 'content' && value === null && typeof id === 'string' && files.has(id)) return files.get(id)!.toString('base64');
  if (typeof value === 'string' && JSON_COLUMNS.has(column) && /^[[{"]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * Everything Closer holds about a person (the subject access request): their record and every record merged into
 * it, applications with their whole history, interviews, scorecards, offers with versions and approvals, files
 * (bytes included, base64), Today marks, notifications and queued messages that name them, and the audit entries
 * about their records (ids and field names). Owners, admins and recruiters only (`candidates.export`).
 */
export async function exportPerson(tx: Tx, id: string, now: Date, files: FileDirectory | undefined): Promise<PersonExport> {
  const root = await getCandidateOrThrow(tx, id);
  if (root.mergedIntoId) throw new DomainError('CONFLICT', 'This record was merged into another; export that one instead.', 'id');
  const ids = await listCandidateWithMerged(tx, id);
  const people = await listCandidatesByIds(tx, ids);
  const needles = people.flatMap((p) => [p.name, p.email, ...(p.phone ? [p.phone] : [])]);
  const raw = await collectPersonRows(tx, ids, needles);
  const onDisk = new Map<string, Buffer>();
  for (const f of raw.candidate_files ?? []) {
    if (f.storage === 'directory' && files) onDisk.set(String(f.id), await files.read(String(f.id)).catch(() => Buffer.alloc(0)));
  }
  const tables: PersonExport['tables'] = {};
  for (const [table, rows] of Object.entries(raw)) {
    tables[table] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, exportValue(k, v, onDisk, row.id)])));
  }
  return { format: 'closer-person-export', version: 1, exportedAt: now.toISOString(), candidateId: id, candidateIds: ids, tables };
}

/* ---------------------------------------------------------------- consent */

/**
 * Records (or withdraws) a person's consent to stay in the talent pool, under If-Match of the candidate: a retention
 * rule never erases someone who consented. Audited by field name.
 */
export async function setConsent(tx: Tx, actorId: string, id: string, expectedVersion: number, consent: boolean, now: Date): Promise<{ id: string; version: number; talentPoolConsentAt: string | null }> {
  const current = await getCandidateOrThrow(tx, id);
  if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The record changed since you read it. Reload and try again.', 'If-Match');
  if (current.mergedIntoId) throw new DomainError('CONFLICT', 'This record was merged into another; record the consent there.', 'id');
  const at = consent ? now.toISOString() : null;
  if (!(await setTalentPoolConsent(tx, id, expectedVersion, at, now))) throw new DomainError('PRECONDITION_FAILED', 'The record changed since you read it. Reload and try again.', 'If-Match');
  await recordAudit(tx, { actorId, action: 'candidate.update', entity: 'candidate', entityId: id, fields: ['talentPoolConsent'], at: now });
  return { id, version: expectedVersion + 1, talentPoolConsentAt: at };
}

/** The candidate's talent-pool consent as the consent screen shows it. */
export async function readConsent(tx: Tx, id: string): Promise<{ candidateId: string; consentAt: string | null; version: number }> {
  const candidate = await getCandidateOrThrow(tx, id);
  return { candidateId: candidate.id, consentAt: (await getTalentPoolConsent(tx, candidate.id)) ?? null, version: candidate.version };
}
