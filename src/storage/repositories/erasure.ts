import { createHash } from 'node:crypto';
import { deleteSequenceRowsOfProspects } from './sequences.js';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../transaction.js';
import { listFilesOfCandidates, type CandidateFileRecord } from './candidate-files.js';

/** What an erasure removed: ids and counts only (they go to the audit log as field names, never values). */
export interface ErasureReport {
  candidateIds: string[];
  applicationIds: string[];
  /** Prospect rows (sourcing) deleted; their outreach history counts in `events`. */
  prospects: number;
  events: number;
  interviews: number;
  offers: number;
  notifications: number;
  outbox: number;
  idempotencyKeys: number;
  /** The files whose rows were deleted; those kept in the files directory must be unlinked by the caller. */
  files: CandidateFileRecord[];
}

export type ErasureReason = 'request' | 'retention' | 'restore';

/**
 * The erasure ledger's key for a candidate record: a SHA-256 of its id (a random UUID), so the ledger names nobody
 * and cannot be reversed, yet a restored backup's candidates can be matched against it (services/backup.ts).
 */
export function erasureSubjectHash(candidateId: string): string {
  return createHash('sha256').update(`closer-erasure:${candidateId}`).digest('hex');
}

/** The candidate and every record merged into it (transitively): one person, erased together. */
export async function listCandidateWithMerged(tx: Tx, candidateId: string): Promise<string[]> {
  const all = [candidateId];
  let frontier = [candidateId];
  while (frontier.length > 0) {
    const rows = await tx.selectFrom('candidates').select('id').where('merged_into_id', 'in', frontier).execute();
    frontier = rows.map((r) => r.id).filter((id) => !all.includes(id));
    all.push(...frontier);
  }
  return all;
}

function escapeLike(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** `column` contains one of `needles` (literal substrings). */
function containsAny(column: string, needles: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    needles.map((n) => sql`${sql.ref(column)} like ${escapeLike(n)} escape '\\'`),
    sql` or `,
  )})`;
}

/**
 * Deletes a person's data from every table in one transaction: their candidate rows, applications with their
 * events, interviews with scorecards, offers with versions and approvals, files, the notifications and queued
 * messages about them, and the stored idempotent responses that repeat them. `needles` are the strings that
 * identify the person in free text (ids, name, e-mail): notifications, messages and stored responses that
 * contain one are deleted too. The audit log is left alone: it holds ids and field names only.
 *
 * Application events are append-only at the database; the applications are first written to the
 * `erased_applications` ledger, which is the one thing that lets their events be deleted.
 */
export async function eraseCandidates(tx: Tx, candidateIds: readonly string[], needles: readonly string[], now: Date, reason: ErasureReason = 'request'): Promise<ErasureReport> {
  const ids = [...candidateIds];
  const applications = await tx
    .selectFrom('applications')
    .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
    .select(['applications.id', 'applications.role_id', 'applications.stage', 'applications.status', 'applications.created_at', 'candidates.source'])
    .where('applications.candidate_id', 'in', ids)
    .execute();
  const applicationIds = applications.map((r) => r.id);
  const textNeedles = [...new Set([...ids, ...applicationIds, ...needles].filter((n) => n.trim().length >= 3))];
  const report: ErasureReport = { candidateIds: ids, applicationIds, prospects: 0, events: 0, interviews: 0, offers: 0, notifications: 0, outbox: 0, idempotencyKeys: 0, files: [] };

  if (applicationIds.length > 0) {
    // Today's done marks carry the words of the action, which name the person ("Log that I contacted Rahul").
    await tx.deleteFrom('today_marks').where('application_id', 'in', applicationIds).execute();
    const interviewIds = (await tx.selectFrom('interviews').select('id').where('application_id', 'in', applicationIds).execute()).map((r) => r.id);
    if (interviewIds.length > 0) {
      await tx.deleteFrom('scorecards').where('interview_id', 'in', interviewIds).execute();
      await tx.deleteFrom('interview_interviewers').where('interview_id', 'in', interviewIds).execute();
      report.interviews = Number((await tx.deleteFrom('interviews').where('id', 'in', interviewIds).executeTakeFirst()).numDeletedRows);
      await tx.deleteFrom('import_links').where('entity', '=', 'interview').where('closer_id', 'in', interviewIds).execute();
    }
    const offerIds = (await tx.selectFrom('offers').select('id').where('application_id', 'in', applicationIds).execute()).map((r) => r.id);
    if (offerIds.length > 0) {
      const versionIds = (await tx.selectFrom('offer_versions').select('id').where('offer_id', 'in', offerIds).execute()).map((r) => r.id);
      if (versionIds.length > 0) await tx.deleteFrom('offer_approvals').where('offer_version_id', 'in', versionIds).execute();
      await tx.deleteFrom('offer_versions').where('offer_id', 'in', offerIds).execute();
      report.offers = Number((await tx.deleteFrom('offers').where('id', 'in', offerIds).executeTakeFirst()).numDeletedRows);
    }
  }

  const notificationIds = (
    await tx
      .selectFrom('notifications')
      .select('id')
      .where((eb) => {
        const conds: Expression<SqlBool>[] = [containsAny('title', textNeedles), containsAny('body', textNeedles), containsAny('link', textNeedles)];
        if (applicationIds.length > 0) conds.push(eb('application_id', 'in', applicationIds));
        return eb.or(conds);
      })
      .execute()
  ).map((r) => r.id);
  report.outbox = Number(
    (
      await tx
        .deleteFrom('outbox')
        .where((eb) => {
          const conds: Expression<SqlBool>[] = [containsAny('subject', textNeedles), containsAny('body', textNeedles)];
          if (notificationIds.length > 0) conds.push(eb('notification_id', 'in', notificationIds));
          return eb.or(conds);
        })
        .executeTakeFirst()
    ).numDeletedRows,
  );
  if (notificationIds.length > 0) report.notifications = Number((await tx.deleteFrom('notifications').where('id', 'in', notificationIds).executeTakeFirst()).numDeletedRows);

  // Prospects (sourcing, migration 020) point at the candidate and maybe its application: the rows go first, then
  // their outreach history, which the database lets go only once its prospect row is gone.
  const prospectIds = (await tx.selectFrom('prospects').select('id').where('candidate_id', 'in', ids).execute()).map((r) => r.id);
  if (prospectIds.length > 0) {
    await deleteSequenceRowsOfProspects(tx, prospectIds);
    await tx.deleteFrom('prospects').where('id', 'in', prospectIds).execute();
    report.events += Number((await tx.deleteFrom('prospect_events').where('prospect_id', 'in', prospectIds).executeTakeFirst()).numDeletedRows);
  }
  report.prospects = prospectIds.length;

  if (applicationIds.length > 0) {
    const erasedAt = now.toISOString();
    // The counts analytics need (role, stage, status, source, month), and nothing that names the person.
    await tx
      .insertInto('erased_applications')
      .values(applications.map((a) => ({ application_id: a.id, erased_at: erasedAt, role_id: a.role_id, stage: a.stage, status: a.status, source: a.source, applied_month: a.created_at.slice(0, 7) })))
      .execute();
    // Imported feedback and the links from other systems' ids (a CSV's id can be the person's e-mail) go with them.
    await tx.deleteFrom('imported_feedback').where('application_id', 'in', applicationIds).execute();
    const importedOfferIds = (await tx.selectFrom('imported_offers').select('id').where('application_id', 'in', applicationIds).execute()).map((r) => r.id);
    if (importedOfferIds.length > 0) {
      await tx.deleteFrom('imported_offer_versions').where('offer_id', 'in', importedOfferIds).execute();
      report.offers += Number((await tx.deleteFrom('imported_offers').where('id', 'in', importedOfferIds).executeTakeFirst()).numDeletedRows);
      await tx.deleteFrom('import_links').where('entity', '=', 'offer').where('closer_id', 'in', importedOfferIds).execute();
    }
    await tx.deleteFrom('import_links').where('entity', '=', 'application').where('closer_id', 'in', applicationIds).execute();
    report.events += Number((await tx.deleteFrom('application_events').where('application_id', 'in', applicationIds).executeTakeFirst()).numDeletedRows);
    await tx.deleteFrom('applications').where('id', 'in', applicationIds).execute();
  }

  await tx.deleteFrom('import_links').where('entity', '=', 'candidate').where('closer_id', 'in', ids).execute();
  report.files = await listFilesOfCandidates(tx, ids);
  await tx.deleteFrom('candidate_files').where('candidate_id', 'in', ids).execute();
  // What they sent through the public application form (migration 022).
  await tx.deleteFrom('posting_answers').where('candidate_id', 'in', ids).execute();
  report.idempotencyKeys = Number((await tx.deleteFrom('idempotency_keys').where(containsAny('response', textNeedles)).executeTakeFirst()).numDeletedRows);
  // Immediate foreign keys are checked at the end of the statement, so a record and those merged into it go together.
  await tx.deleteFrom('candidates').where('id', 'in', ids).execute();
  await tx
    .insertInto('erasure_ledger')
    .values(ids.map((id) => ({ subject_hash: erasureSubjectHash(id), reason, erased_at: now.toISOString() })))
    .onConflict((oc) => oc.column('subject_hash').doNothing())
    .execute();
  return report;
}
