import { sql } from 'kysely';
import type { Tx } from '../transaction.js';
import type { Database } from '../schema.js';

/* ------------------------------------------------------------ erasure ledger */

export interface ErasureLedgerEntry {
  subjectHash: string;
  reason: string;
  erasedAt: string;
}

export async function listErasureLedger(tx: Tx): Promise<ErasureLedgerEntry[]> {
  const rows = await tx.selectFrom('erasure_ledger').selectAll().orderBy('erased_at').orderBy('subject_hash').execute();
  return rows.map((r) => ({ subjectHash: r.subject_hash, reason: r.reason, erasedAt: r.erased_at }));
}

/** Adds ledger entries (hashes only); entries already there are left as they are. */
export async function insertErasureLedger(tx: Tx, entries: readonly ErasureLedgerEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    await tx
      .insertInto('erasure_ledger')
      .values(chunk.map((e) => ({ subject_hash: e.subjectHash, reason: e.reason, erased_at: e.erasedAt })))
      .onConflict((oc) => oc.column('subject_hash').doNothing())
      .execute();
  }
}

/** Every candidate record id (merged ones too): a restore hashes them to find those the ledger says are erased. */
export async function listAllCandidateIds(tx: Tx): Promise<string[]> {
  return (await tx.selectFrom('candidates').select('id').execute()).map((r) => r.id);
}

/* ---------------------------------------------------------------- consent */

/** Sets or clears the talent-pool consent under the candidate's version; undefined when the version is stale. */
export async function setTalentPoolConsent(tx: Tx, id: string, version: number, consentAt: string | null, now: Date): Promise<boolean> {
  const r = await tx
    .updateTable('candidates')
    .set({ talent_pool_consent_at: consentAt, version: version + 1, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getTalentPoolConsent(tx: Tx, id: string): Promise<string | null | undefined> {
  const row = await tx.selectFrom('candidates').select('talent_pool_consent_at').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : row.talent_pool_consent_at;
}

/* -------------------------------------------------------------- retention */

export interface RetentionSettings {
  companyId: string;
  rejectedAfterMonths: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
  version: number;
}

export async function getRetentionSettings(tx: Tx, companyId: string): Promise<RetentionSettings> {
  const row = await tx.selectFrom('retention_settings').selectAll().where('company_id', '=', companyId).executeTakeFirst();
  if (!row) return { companyId, rejectedAfterMonths: null, updatedBy: null, updatedAt: null, version: 0 };
  return { companyId, rejectedAfterMonths: row.rejected_after_months, updatedBy: row.updated_by, updatedAt: row.updated_at, version: row.version };
}

/** Writes the rule under `version` (0 = never written); false when someone else wrote it first. */
export async function saveRetentionSettings(tx: Tx, companyId: string, version: number, months: number | null, userId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  if (version === 0) {
    const r = await tx
      .insertInto('retention_settings')
      .values({ company_id: companyId, rejected_after_months: months, updated_by: userId, updated_at: at, version: 1 })
      .onConflict((oc) => oc.column('company_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await tx
    .updateTable('retention_settings')
    .set({ rejected_after_months: months, updated_by: userId, updated_at: at, version: version + 1 })
    .where('company_id', '=', companyId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Companies with a retention rule switched on. */
export async function listActiveRetentionRules(tx: Tx): Promise<Array<{ companyId: string; months: number }>> {
  const rows = await tx.selectFrom('retention_settings').select(['company_id', 'rejected_after_months']).where('rejected_after_months', 'is not', null).execute();
  return rows.map((r) => ({ companyId: r.company_id, months: r.rejected_after_months! }));
}

/**
 * Candidates a "rejected after N months" rule applies to: records not merged into another, with at least one
 * application, none of them active or hired, the last one closed on or before `cutoff`. Returns those with the
 * talent-pool consent separately (they are kept).
 */
export async function listRetentionCandidates(tx: Tx, cutoff: string): Promise<{ due: string[]; consented: string[] }> {
  const rows = await tx
    .selectFrom('candidates as c')
    .innerJoin('applications as a', 'a.candidate_id', 'c.id')
    .select(['c.id', 'c.talent_pool_consent_at'])
    .select((eb) => [
      eb.fn.max('a.closed_at').as('last_closed'),
      eb.fn.sum<number>(sql<number>`case when ${sql.ref('a.status')} in ('active', 'hired') or ${sql.ref('a.closed_at')} is null then 1 else 0 end`).as('open_or_hired'),
    ])
    .where('c.merged_into_id', 'is', null)
    .groupBy(['c.id', 'c.talent_pool_consent_at'])
    .execute();
  const due: string[] = [];
  const consented: string[] = [];
  for (const r of rows) {
    if (Number(r.open_or_hired) > 0 || r.last_closed === null || r.last_closed > cutoff) continue;
    (r.talent_pool_consent_at ? consented : due).push(r.id);
  }
  due.sort();
  return { due, consented };
}

/** Locks a candidate row for the rest of the transaction on PostgreSQL (SQLite serialises writers anyway); false when it is gone. */
export async function lockCandidate(tx: Tx, id: string, dialect: 'sqlite' | 'postgres'): Promise<boolean> {
  const q = tx.selectFrom('candidates').select('id').where('id', '=', id);
  return (await (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst()) !== undefined;
}

export interface RetentionRun {
  id: string;
  companyId: string;
  ranAt: string;
  trigger: string;
  rejectedAfterMonths: number | null;
  cutoff: string | null;
  candidatesErased: number;
  applicationsErased: number;
  keptForConsent: number;
}

export async function insertRetentionRun(tx: Tx, run: RetentionRun): Promise<void> {
  await tx
    .insertInto('retention_runs')
    .values({
      id: run.id,
      company_id: run.companyId,
      ran_at: run.ranAt,
      trigger: run.trigger,
      rejected_after_months: run.rejectedAfterMonths,
      cutoff: run.cutoff,
      candidates_erased: run.candidatesErased,
      applications_erased: run.applicationsErased,
      kept_for_consent: run.keptForConsent,
    })
    .execute();
}

export async function listRetentionRuns(tx: Tx, companyId: string, limit = 10): Promise<RetentionRun[]> {
  const rows = await tx.selectFrom('retention_runs').selectAll().where('company_id', '=', companyId).orderBy('ran_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    ranAt: r.ran_at,
    trigger: r.trigger,
    rejectedAfterMonths: r.rejected_after_months,
    cutoff: r.cutoff,
    candidatesErased: Number(r.candidates_erased),
    applicationsErased: Number(r.applications_erased),
    keptForConsent: Number(r.kept_for_consent),
  }));
}

/* ----------------------------------------------------------------- export */

type Row = Record<string, unknown>;

async function rowsWhere<T extends keyof Database & string>(tx: Tx, table: T, column: string, ids: readonly string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await sql<Row>`select * from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(ids)}) order by 1`.execute(tx)).rows;
}

function like(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

async function rowsMentioning(tx: Tx, table: 'notifications' | 'outbox', columns: readonly string[], needles: readonly string[], extra?: { column: string; ids: readonly string[] }): Promise<Row[]> {
  const conds = columns.flatMap((c) => needles.map((n) => sql`${sql.ref(c)} like ${like(n)} escape '\\'`));
  if (extra && extra.ids.length > 0) conds.push(sql`${sql.ref(extra.column)} in (${sql.join(extra.ids)})`);
  if (conds.length === 0) return [];
  return (await sql<Row>`select * from ${sql.table(table)} where ${sql.join(conds, sql` or `)} order by 1`.execute(tx)).rows;
}

/** Every stored row about a person, table by table, as stored (columns as in the database). */
export async function collectPersonRows(tx: Tx, candidateIds: readonly string[], needles: readonly string[]): Promise<Record<string, Row[]>> {
  const candidates = await rowsWhere(tx, 'candidates', 'id', candidateIds);
  const applications = await rowsWhere(tx, 'applications', 'candidate_id', candidateIds);
  const applicationIds = applications.map((a) => String(a.id));
  const interviews = await rowsWhere(tx, 'interviews', 'application_id', applicationIds);
  const interviewIds = interviews.map((r) => String(r.id));
  const offers = await rowsWhere(tx, 'offers', 'application_id', applicationIds);
  const offerVersions = await rowsWhere(tx, 'offer_versions', 'offer_id', offers.map((r) => String(r.id)));
  const importedOffers = await rowsWhere(tx, 'imported_offers', 'application_id', applicationIds);
  const textNeedles = [...new Set([...candidateIds, ...applicationIds, ...needles].filter((n) => n.trim().length >= 3))];
  const prospects = await rowsWhere(tx, 'prospects', 'candidate_id', candidateIds);
  const enrollments = await rowsWhere(tx, 'sequence_enrollments', 'prospect_id', prospects.map((r) => String(r.id)));
  const notifications = await rowsMentioning(tx, 'notifications', ['title', 'body', 'link'], textNeedles, { column: 'application_id', ids: applicationIds });
  return {
    candidates,
    applications,
    application_events: await rowsWhere(tx, 'application_events', 'application_id', applicationIds),
    interviews,
    interview_interviewers: await rowsWhere(tx, 'interview_interviewers', 'interview_id', interviewIds),
    scorecards: await rowsWhere(tx, 'scorecards', 'interview_id', interviewIds),
    offers,
    offer_versions: offerVersions,
    offer_approvals: await rowsWhere(tx, 'offer_approvals', 'offer_version_id', offerVersions.map((r) => String(r.id))),
    candidate_files: await rowsWhere(tx, 'candidate_files', 'candidate_id', candidateIds),
    posting_answers: await rowsWhere(tx, 'posting_answers', 'candidate_id', candidateIds),
    today_marks: await rowsWhere(tx, 'today_marks', 'application_id', applicationIds),
    imported_feedback: await rowsWhere(tx, 'imported_feedback', 'application_id', applicationIds),
    imported_offers: importedOffers,
    imported_offer_versions: await rowsWhere(tx, 'imported_offer_versions', 'offer_id', importedOffers.map((r) => String(r.id))),
    import_links: [
      ...(await rowsWhere(tx, 'import_links', 'closer_id', candidateIds)),
      ...(await rowsWhere(tx, 'import_links', 'closer_id', applicationIds)),
      ...(await rowsWhere(tx, 'import_links', 'closer_id', interviewIds)),
      ...(await rowsWhere(tx, 'import_links', 'closer_id', importedOffers.map((r) => String(r.id)))),
    ],
    prospects,
    prospect_events: await rowsWhere(tx, 'prospect_events', 'prospect_id', prospects.map((r) => String(r.id))),
    sequence_enrollments: enrollments,
    sequence_messages: await rowsWhere(tx, 'sequence_messages', 'enrollment_id', enrollments.map((r) => String(r.id))),
    notifications,
    outbox: await rowsMentioning(tx, 'outbox', ['subject', 'body'], textNeedles, { column: 'notification_id', ids: notifications.map((n) => String(n.id)) }),
    audit_log: await rowsWhere(tx, 'audit_log', 'entity_id', [...candidateIds, ...applicationIds, ...interviewIds, ...offers.map((r) => String(r.id)), ...prospects.map((r) => String(r.id))]),
  };
}
