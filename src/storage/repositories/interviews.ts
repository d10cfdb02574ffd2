import { DomainError } from '../../domain/shared/errors.js';
import type { InterviewStatus } from '../../domain/interviews/index.js';
import type { Tx } from '../transaction.js';
import type { InterviewTable } from '../schema.js';

export interface InterviewRecord {
  id: string;
  applicationId: string;
  kind: string;
  scheduledAt: string;
  final: boolean;
  pedigreeBlind: boolean;
  status: InterviewStatus;
  completedAt: string | null;
  cancelledAt: string | null;
  /** In the order they were given. */
  interviewerIds: string[];
  /** The stage of the role's process plan the interview belongs to (null for interviews from before loops). */
  stageId: string | null;
  /** Null for interviews from before loops: the default length applies. */
  durationMinutes: number | null;
  location: string | null;
  /** Rubric attributes the interview covers; null: every attribute of the role's template. */
  focusAttributeIds: string[] | null;
  /** Internal notes for the interviewers. */
  notes: string;
  /** Interviews scheduled together as one one-day onsite share this id. */
  onsiteId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

type LoopFields = 'stageId' | 'durationMinutes' | 'location' | 'focusAttributeIds' | 'notes' | 'onsiteId';
export type InterviewInsert = Omit<InterviewRecord, 'createdAt' | 'updatedAt' | 'version' | 'completedAt' | 'cancelledAt' | 'status' | LoopFields> &
  Partial<Pick<InterviewRecord, LoopFields>>;
export type InterviewPatch = Partial<
  Pick<InterviewRecord, 'kind' | 'scheduledAt' | 'final' | 'pedigreeBlind' | 'status' | 'completedAt' | 'cancelledAt' | 'interviewerIds' | 'stageId' | 'durationMinutes' | 'location' | 'focusAttributeIds' | 'notes'>
>;

function toInterview(r: InterviewTable, interviewerIds: string[]): InterviewRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    kind: r.kind,
    scheduledAt: r.scheduled_at,
    final: r.final === 1,
    pedigreeBlind: r.pedigree_blind === 1,
    status: r.status as InterviewStatus,
    completedAt: r.completed_at,
    cancelledAt: r.cancelled_at,
    interviewerIds,
    stageId: r.stage_id ?? null,
    durationMinutes: r.duration_minutes === null || r.duration_minutes === undefined ? null : Number(r.duration_minutes),
    location: r.location ?? null,
    focusAttributeIds: r.focus_attribute_ids ? (JSON.parse(r.focus_attribute_ids) as string[]) : null,
    notes: r.notes ?? '',
    onsiteId: r.onsite_id ?? null,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

async function interviewersOf(tx: Tx, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await tx.selectFrom('interview_interviewers').selectAll().where('interview_id', 'in', [...ids]).orderBy('interview_id').orderBy('position').execute();
  for (const r of rows) out.get(r.interview_id)!.push(r.user_id);
  return out;
}

async function withInterviewers(tx: Tx, rows: InterviewTable[]): Promise<InterviewRecord[]> {
  const map = await interviewersOf(tx, rows.map((r) => r.id));
  return rows.map((r) => toInterview(r, map.get(r.id) ?? []));
}

async function setInterviewers(tx: Tx, interviewId: string, userIds: readonly string[]): Promise<void> {
  await tx.deleteFrom('interview_interviewers').where('interview_id', '=', interviewId).execute();
  if (userIds.length === 0) return;
  await tx
    .insertInto('interview_interviewers')
    .values(userIds.map((user_id, position) => ({ interview_id: interviewId, user_id, position })))
    .execute();
}

export async function insertInterview(tx: Tx, i: InterviewInsert, now: Date): Promise<InterviewRecord> {
  const at = now.toISOString();
  await tx
    .insertInto('interviews')
    .values({
      id: i.id,
      application_id: i.applicationId,
      kind: i.kind,
      scheduled_at: i.scheduledAt,
      final: i.final ? 1 : 0,
      pedigree_blind: i.pedigreeBlind ? 1 : 0,
      status: 'scheduled',
      completed_at: null,
      cancelled_at: null,
      stage_id: i.stageId ?? null,
      duration_minutes: i.durationMinutes ?? null,
      location: i.location ?? null,
      focus_attribute_ids: i.focusAttributeIds ? JSON.stringify(i.focusAttributeIds) : null,
      notes: i.notes ? i.notes : null,
      onsite_id: i.onsiteId ?? null,
      created_by: i.createdBy,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await setInterviewers(tx, i.id, i.interviewerIds);
  return {
    ...i,
    stageId: i.stageId ?? null,
    durationMinutes: i.durationMinutes ?? null,
    location: i.location ?? null,
    focusAttributeIds: i.focusAttributeIds ? [...i.focusAttributeIds] : null,
    notes: i.notes ?? '',
    onsiteId: i.onsiteId ?? null,
    status: 'scheduled',
    completedAt: null,
    cancelledAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export async function getInterview(tx: Tx, id: string): Promise<InterviewRecord | undefined> {
  const row = await tx.selectFrom('interviews').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withInterviewers(tx, [row]))[0] : undefined;
}

export async function getInterviewOrThrow(tx: Tx, id: string): Promise<InterviewRecord> {
  const i = await getInterview(tx, id);
  if (!i) throw new DomainError('INTERVIEW_NOT_FOUND', 'No such interview.', 'id');
  return i;
}

export interface InterviewFilter {
  applicationId?: string;
  /** Only interviews this user is on. */
  interviewerId?: string;
  /** Only the interviews of one onsite. */
  onsiteId?: string;
  status?: InterviewStatus;
  limit?: number;
  offset?: number;
}

/** Interviews by scheduled time (then id, so pages are stable). */
export async function listInterviews(tx: Tx, filter: InterviewFilter = {}): Promise<InterviewRecord[]> {
  let q = tx.selectFrom('interviews').selectAll('interviews');
  if (filter.interviewerId !== undefined) {
    q = q.where('interviews.id', 'in', tx.selectFrom('interview_interviewers').select('interview_id').where('user_id', '=', filter.interviewerId));
  }
  if (filter.applicationId !== undefined) q = q.where('application_id', '=', filter.applicationId);
  if (filter.onsiteId !== undefined) q = q.where('onsite_id', '=', filter.onsiteId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  q = q.orderBy('scheduled_at').orderBy('id');
  if (filter.limit !== undefined) q = q.limit(filter.limit).offset(filter.offset ?? 0);
  return withInterviewers(tx, await q.execute());
}

/** Updates when `version` still matches; undefined when someone else changed it first. */
export async function updateInterview(tx: Tx, id: string, version: number, patch: InterviewPatch, now: Date): Promise<InterviewRecord | undefined> {
  const values: Partial<InterviewTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.kind !== undefined) values.kind = patch.kind;
  if (patch.scheduledAt !== undefined) values.scheduled_at = patch.scheduledAt;
  if (patch.final !== undefined) values.final = patch.final ? 1 : 0;
  if (patch.pedigreeBlind !== undefined) values.pedigree_blind = patch.pedigreeBlind ? 1 : 0;
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.completedAt !== undefined) values.completed_at = patch.completedAt;
  if (patch.cancelledAt !== undefined) values.cancelled_at = patch.cancelledAt;
  if (patch.stageId !== undefined) values.stage_id = patch.stageId;
  if (patch.durationMinutes !== undefined) values.duration_minutes = patch.durationMinutes;
  if (patch.location !== undefined) values.location = patch.location;
  if (patch.focusAttributeIds !== undefined) values.focus_attribute_ids = patch.focusAttributeIds ? JSON.stringify(patch.focusAttributeIds) : null;
  if (patch.notes !== undefined) values.notes = patch.notes ? patch.notes : null;
  const res = await tx.updateTable('interviews').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  if (patch.interviewerIds !== undefined) await setInterviewers(tx, id, patch.interviewerIds);
  return getInterview(tx, id);
}
