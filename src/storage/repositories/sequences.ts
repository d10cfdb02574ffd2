import { sql } from 'kysely';
import type { Tx } from '../transaction.js';
import type { OutreachTemplateTable, SequenceEnrollmentTable, SequenceMessageTable, SequenceStepTable, SequenceTable } from '../schema.js';

/* Outreach sequences (migration 021, docs/sequences.md): templates, sequences and steps, enrollments, the messages
   their e-mail steps sent, the suppression list and the company's outreach keys. */

export interface OutreachTemplateRecord {
  id: string;
  companyId: string;
  name: string;
  subject: string;
  body: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const toTemplate = (r: OutreachTemplateTable): OutreachTemplateRecord => ({
  id: r.id,
  companyId: r.company_id,
  name: r.name,
  subject: r.subject,
  body: r.body,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function insertTemplate(tx: Tx, t: Omit<OutreachTemplateRecord, 'createdAt' | 'updatedAt' | 'version'>, now: Date): Promise<OutreachTemplateRecord> {
  const at = now.toISOString();
  const row: OutreachTemplateTable = { id: t.id, company_id: t.companyId, name: t.name, subject: t.subject, body: t.body, created_by: t.createdBy, created_at: at, updated_at: at, version: 1 };
  await tx.insertInto('outreach_templates').values(row).execute();
  return toTemplate(row);
}

export async function getTemplate(tx: Tx, id: string): Promise<OutreachTemplateRecord | undefined> {
  const r = await tx.selectFrom('outreach_templates').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTemplate(r) : undefined;
}

export async function listTemplatesByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, OutreachTemplateRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('outreach_templates').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, toTemplate(r)]));
}

export type StepRecord =
  | { kind: 'email'; templateId: string }
  | { kind: 'wait'; businessDays: number }
  | { kind: 'task'; task: 'call' | 'message'; note?: string };

export interface SequenceRecord {
  id: string;
  companyId: string;
  name: string;
  audience: string;
  status: string;
  senderId: string;
  roleId: string | null;
  steps: StepRecord[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

function toStep(r: SequenceStepTable): StepRecord {
  if (r.kind === 'email') return { kind: 'email', templateId: r.template_id ?? '' };
  if (r.kind === 'wait') return { kind: 'wait', businessDays: r.business_days ?? 0 };
  return { kind: 'task', task: (r.task ?? 'call') as 'call' | 'message', ...(r.note ? { note: r.note } : {}) };
}

const toSequence = (r: SequenceTable, steps: StepRecord[]): SequenceRecord => ({
  id: r.id,
  companyId: r.company_id,
  name: r.name,
  audience: r.audience,
  status: r.status,
  senderId: r.sender_id,
  roleId: r.role_id,
  steps,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function insertSequence(tx: Tx, s: Omit<SequenceRecord, 'createdAt' | 'updatedAt' | 'version' | 'status'>, now: Date): Promise<SequenceRecord> {
  const at = now.toISOString();
  const row: SequenceTable = { id: s.id, company_id: s.companyId, name: s.name, audience: s.audience, status: 'draft', sender_id: s.senderId, role_id: s.roleId, created_by: s.createdBy, created_at: at, updated_at: at, version: 1 };
  await tx.insertInto('sequences').values(row).execute();
  if (s.steps.length > 0) {
    await tx
      .insertInto('sequence_steps')
      .values(
        s.steps.map((step, position) => ({
          sequence_id: s.id,
          position,
          kind: step.kind,
          template_id: step.kind === 'email' ? step.templateId : null,
          business_days: step.kind === 'wait' ? step.businessDays : null,
          task: step.kind === 'task' ? step.task : null,
          note: step.kind === 'task' ? (step.note ?? null) : null,
        })),
      )
      .execute();
  }
  return toSequence(row, s.steps);
}

export async function getSequence(tx: Tx, id: string): Promise<SequenceRecord | undefined> {
  const r = await tx.selectFrom('sequences').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const steps = await tx.selectFrom('sequence_steps').selectAll().where('sequence_id', '=', id).orderBy('position').execute();
  return toSequence(r, steps.map(toStep));
}

/** Steps of many sequences at once (the tick). */
export async function listStepsOfSequences(tx: Tx, ids: readonly string[]): Promise<Map<string, StepRecord[]>> {
  const out = new Map<string, StepRecord[]>();
  if (ids.length === 0) return out;
  const rows = await tx.selectFrom('sequence_steps').selectAll().where('sequence_id', 'in', [...new Set(ids)]).orderBy('sequence_id').orderBy('position').execute();
  for (const r of rows) {
    const list = out.get(r.sequence_id) ?? [];
    list.push(toStep(r));
    out.set(r.sequence_id, list);
  }
  return out;
}

/** Sets the status when the version matches; undefined when stale. */
export async function setSequenceStatus(tx: Tx, id: string, version: number, status: string, now: Date): Promise<SequenceRecord | undefined> {
  const r = await tx
    .updateTable('sequences')
    .set({ status, updated_at: now.toISOString(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return undefined;
  return getSequence(tx, id);
}

export interface EnrollmentRecord {
  id: string;
  sequenceId: string;
  prospectId: string;
  status: string;
  stepIndex: number;
  dueAt: string;
  stopReason: string | null;
  enrolledBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const toEnrollment = (r: SequenceEnrollmentTable): EnrollmentRecord => ({
  id: r.id,
  sequenceId: r.sequence_id,
  prospectId: r.prospect_id,
  status: r.status,
  stepIndex: r.step_index,
  dueAt: r.due_at,
  stopReason: r.stop_reason,
  enrolledBy: r.enrolled_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** Enrolls a prospect once: false when it is already enrolled in this sequence. */
export async function insertEnrollment(tx: Tx, e: { id: string; sequenceId: string; prospectId: string; enrolledBy: string | null }, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const r = await tx
    .insertInto('sequence_enrollments')
    .values({ id: e.id, sequence_id: e.sequenceId, prospect_id: e.prospectId, status: 'active', step_index: 0, due_at: at, stop_reason: null, enrolled_by: e.enrolledBy, created_at: at, updated_at: at, version: 1 })
    .onConflict((oc) => oc.columns(['sequence_id', 'prospect_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function getEnrollment(tx: Tx, id: string): Promise<EnrollmentRecord | undefined> {
  const r = await tx.selectFrom('sequence_enrollments').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toEnrollment(r) : undefined;
}

export async function listEnrollmentsOfSequence(tx: Tx, sequenceId: string): Promise<EnrollmentRecord[]> {
  const rows = await tx.selectFrom('sequence_enrollments').selectAll().where('sequence_id', '=', sequenceId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toEnrollment);
}

/** Moves an enrollment when its version matches; false when another tick moved it first. */
export async function moveEnrollment(
  tx: Tx,
  id: string,
  version: number,
  patch: Partial<Pick<EnrollmentRecord, 'status' | 'stepIndex' | 'dueAt' | 'stopReason'>>,
  now: Date,
): Promise<boolean> {
  const r = await tx
    .updateTable('sequence_enrollments')
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.stepIndex !== undefined ? { step_index: patch.stepIndex } : {}),
      ...(patch.dueAt !== undefined ? { due_at: patch.dueAt } : {}),
      ...(patch.stopReason !== undefined ? { stop_reason: patch.stopReason } : {}),
      updated_at: now.toISOString(),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Stops every active or task-waiting enrollment of a prospect (a reply, an opt-out, a bounce, a conversion). */
export async function stopEnrollmentsOfProspect(tx: Tx, prospectId: string, reason: string, now: Date): Promise<number> {
  const r = await tx
    .updateTable('sequence_enrollments')
    .set((eb) => ({ status: 'stopped', stop_reason: reason, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('prospect_id', '=', prospectId)
    .where('status', 'in', ['active', 'waiting-task'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A due enrollment with what the scheduler needs: the prospect's address, time zone and status, and the sender. */
export interface DueEnrollmentRow {
  enrollment: EnrollmentRecord;
  senderId: string;
  roleId: string | null;
  audience: string;
  prospectStatus: string;
  prospectTimeZone: string | null;
  lastReplyAt: string | null;
  candidateName: string;
  email: string;
}

/** Active enrollments due at `now` (oldest first), at most `limit`. */
export async function listDueEnrollments(tx: Tx, now: Date, limit: number): Promise<DueEnrollmentRow[]> {
  const rows = await tx
    .selectFrom('sequence_enrollments as e')
    .innerJoin('sequences as s', 's.id', 'e.sequence_id')
    .innerJoin('prospects as p', 'p.id', 'e.prospect_id')
    .innerJoin('candidates as c', 'c.id', 'p.candidate_id')
    .selectAll('e')
    .select(['s.sender_id', 's.role_id', 's.audience', 'p.status as prospect_status', 'p.time_zone', 'p.last_reply_at', 'c.name', 'c.email'])
    .where('e.status', '=', 'active')
    .where('s.status', '=', 'active')
    .where('e.due_at', '<=', now.toISOString())
    .orderBy('e.due_at')
    .orderBy('e.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    enrollment: toEnrollment(r),
    senderId: r.sender_id,
    roleId: r.role_id,
    audience: r.audience,
    prospectStatus: r.prospect_status,
    prospectTimeZone: r.time_zone,
    lastReplyAt: r.last_reply_at,
    candidateName: r.name,
    email: r.email,
  }));
}

export interface SequenceMessageRecord {
  id: string;
  enrollmentId: string;
  stepIndex: number;
  senderId: string;
  messageId: string;
  status: string;
  error: string | null;
  prospectEventId: string | null;
  claimedAt: string;
  sentAt: string | null;
}

const toMessage = (r: SequenceMessageTable): SequenceMessageRecord => ({
  id: r.id,
  enrollmentId: r.enrollment_id,
  stepIndex: r.step_index,
  senderId: r.sender_id,
  messageId: r.message_id,
  status: r.status,
  error: r.error,
  prospectEventId: r.prospect_event_id,
  claimedAt: r.claimed_at,
  sentAt: r.sent_at,
});

/** Claims an e-mail step before it is sent: false when the step was claimed already (it is never sent twice). */
export async function claimSequenceMessage(tx: Tx, m: { id: string; enrollmentId: string; stepIndex: number; senderId: string; messageId: string }, now: Date): Promise<boolean> {
  const r = await tx
    .insertInto('sequence_messages')
    .values({ id: m.id, enrollment_id: m.enrollmentId, step_index: m.stepIndex, sender_id: m.senderId, message_id: m.messageId, status: 'sending', error: null, prospect_event_id: null, claimed_at: now.toISOString(), sent_at: null })
    .onConflict((oc) => oc.columns(['enrollment_id', 'step_index']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function finishSequenceMessage(tx: Tx, id: string, patch: { status: string; error?: string | null; prospectEventId?: string | null; sentAt?: string | null }): Promise<void> {
  await tx
    .updateTable('sequence_messages')
    .set({ status: patch.status, error: patch.error ?? null, prospect_event_id: patch.prospectEventId ?? null, sent_at: patch.sentAt ?? null })
    .where('id', '=', id)
    .execute();
}

/** Hands a claim back: only when the send never reached the server (the connection could not be opened). */
export async function releaseSequenceMessage(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('sequence_messages').where('id', '=', id).where('status', '=', 'sending').execute();
}

export async function getMessageByMessageId(tx: Tx, messageId: string): Promise<(SequenceMessageRecord & { prospectId: string }) | undefined> {
  const r = await tx
    .selectFrom('sequence_messages as m')
    .innerJoin('sequence_enrollments as e', 'e.id', 'm.enrollment_id')
    .selectAll('m')
    .select('e.prospect_id')
    .where('m.message_id', '=', messageId)
    .executeTakeFirst();
  return r ? { ...toMessage(r), prospectId: r.prospect_id } : undefined;
}

export async function listMessagesOfEnrollment(tx: Tx, enrollmentId: string): Promise<SequenceMessageRecord[]> {
  const rows = await tx.selectFrom('sequence_messages').selectAll().where('enrollment_id', '=', enrollmentId).orderBy('step_index').execute();
  return rows.map(toMessage);
}

/** E-mails each sender claimed since `since` (the start of the company's day): the daily cap counts these. */
export async function countMessagesBySenderSince(tx: Tx, senderIds: readonly string[], since: Date): Promise<Record<string, number>> {
  if (senderIds.length === 0) return {};
  const rows = await tx
    .selectFrom('sequence_messages')
    .select(['sender_id', sql<number>`count(*)`.as('n')])
    .where('sender_id', 'in', [...new Set(senderIds)])
    .where('claimed_at', '>=', since.toISOString())
    .where('status', '!=', 'released')
    .groupBy('sender_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.sender_id, Number(r.n)]));
}

/** Adds an address hash to the suppression list (an opt-out wins over a bounce already there). */
export async function addSuppression(tx: Tx, addressHash: string, reason: 'opted-out' | 'bounced', now: Date): Promise<void> {
  await tx
    .insertInto('outreach_suppressions')
    .values({ address_hash: addressHash, reason, created_at: now.toISOString() })
    .onConflict((oc) => (reason === 'opted-out' ? oc.column('address_hash').doUpdateSet({ reason }) : oc.column('address_hash').doNothing()))
    .execute();
}

/** The suppression reason of each address hash that is on the list. */
export async function suppressionsOf(tx: Tx, hashes: readonly string[]): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const rows = await tx.selectFrom('outreach_suppressions').selectAll().where('address_hash', 'in', [...new Set(hashes)]).execute();
  return new Map(rows.map((r) => [r.address_hash, r.reason]));
}

export interface OutreachKeys {
  signingKey: string;
  inboundSecret: string;
}

export async function getOutreachKeys(tx: Tx, companyId: string): Promise<OutreachKeys | undefined> {
  const r = await tx.selectFrom('outreach_keys').selectAll().where('company_id', '=', companyId).executeTakeFirst();
  return r ? { signingKey: r.signing_key, inboundSecret: r.inbound_secret } : undefined;
}

/** Stores the company's keys unless it has some already; returns the stored ones. */
export async function ensureOutreachKeys(tx: Tx, companyId: string, keys: OutreachKeys, now: Date): Promise<OutreachKeys> {
  await tx
    .insertInto('outreach_keys')
    .values({ company_id: companyId, signing_key: keys.signingKey, inbound_secret: keys.inboundSecret, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('company_id').doNothing())
    .execute();
  return (await getOutreachKeys(tx, companyId)) ?? keys;
}

/** Erasure: the enrollments and sent-message rows of erased prospects (the suppression list stays: it holds hashes). */
export async function deleteSequenceRowsOfProspects(tx: Tx, prospectIds: readonly string[]): Promise<void> {
  if (prospectIds.length === 0) return;
  const ids = (await tx.selectFrom('sequence_enrollments').select('id').where('prospect_id', 'in', [...prospectIds]).execute()).map((r) => r.id);
  if (ids.length > 0) await tx.deleteFrom('sequence_messages').where('enrollment_id', 'in', ids).execute();
  await tx.deleteFrom('sequence_enrollments').where('prospect_id', 'in', [...prospectIds]).execute();
}

/* ------------------------------------------------------------------ the HTTP API's reads and writes (issue 13) */

/** Changes a template when its version matches; undefined when stale. */
export async function updateTemplate(tx: Tx, id: string, version: number, patch: Partial<Pick<OutreachTemplateRecord, 'name' | 'subject' | 'body'>>, now: Date): Promise<OutreachTemplateRecord | undefined> {
  const r = await tx
    .updateTable('outreach_templates')
    .set({ ...patch, updated_at: now.toISOString(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return undefined;
  return getTemplate(tx, id);
}

export async function listTemplates(tx: Tx): Promise<OutreachTemplateRecord[]> {
  const rows = await tx.selectFrom('outreach_templates').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toTemplate);
}

export async function listSequences(tx: Tx): Promise<SequenceRecord[]> {
  const rows = await tx.selectFrom('sequences').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  const steps = await listStepsOfSequences(tx, rows.map((r) => r.id));
  return rows.map((r) => toSequence(r, steps.get(r.id) ?? []));
}

/** Enrollments of each sequence by status. */
export async function countEnrollmentsBySequence(tx: Tx, sequenceIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (sequenceIds.length === 0) return out;
  const rows = await tx
    .selectFrom('sequence_enrollments')
    .select(['sequence_id', 'status', sql<number>`count(*)`.as('n')])
    .where('sequence_id', 'in', [...new Set(sequenceIds)])
    .groupBy(['sequence_id', 'status'])
    .execute();
  for (const r of rows) out.set(r.sequence_id, { ...(out.get(r.sequence_id) ?? {}), [r.status]: Number(r.n) });
  return out;
}

/** An enrollment with the names people read: its sequence's and its prospect's. */
export interface EnrollmentWithNames extends EnrollmentRecord {
  sequenceName: string;
  prospectName: string;
}

/** Enrollments of a sequence, of a prospect, of a pool's prospects, or one by id (oldest first). */
export async function listEnrollmentsWithNames(tx: Tx, where: { sequenceId?: string; prospectId?: string; poolId?: string; id?: string }): Promise<EnrollmentWithNames[]> {
  let q = tx
    .selectFrom('sequence_enrollments as e')
    .innerJoin('sequences as s', 's.id', 'e.sequence_id')
    .innerJoin('prospects as p', 'p.id', 'e.prospect_id')
    .innerJoin('candidates as c', 'c.id', 'p.candidate_id')
    .selectAll('e')
    .select(['s.name as sequence_name', 'c.name as prospect_name']);
  if (where.sequenceId !== undefined) q = q.where('e.sequence_id', '=', where.sequenceId);
  if (where.prospectId !== undefined) q = q.where('e.prospect_id', '=', where.prospectId);
  if (where.poolId !== undefined) q = q.where('p.pool_id', '=', where.poolId);
  if (where.id !== undefined) q = q.where('e.id', '=', where.id);
  const rows = await q.orderBy('e.created_at').orderBy('e.id').execute();
  return rows.map((r) => ({ ...toEnrollment(r), sequenceName: r.sequence_name, prospectName: r.prospect_name }));
}

/** Replaces the inbound webhook's shared secret (the opt-out signing key stays, so links already sent keep working). */
export async function setInboundSecret(tx: Tx, companyId: string, inboundSecret: string): Promise<void> {
  await tx.updateTable('outreach_keys').set({ inbound_secret: inboundSecret }).where('company_id', '=', companyId).execute();
}
