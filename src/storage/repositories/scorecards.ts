import { DomainError } from '../../domain/shared/errors.js';
import type { Recommendation, ScorecardContent, ScorecardStatus } from '../../domain/interviews/index.js';
import type { Tx } from '../transaction.js';
import type { ScorecardTable } from '../schema.js';

export interface ScorecardRecord {
  id: string;
  interviewId: string;
  interviewerId: string;
  status: ScorecardStatus;
  content: ScorecardContent;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

function toScorecard(r: ScorecardTable): ScorecardRecord {
  return {
    id: r.id,
    interviewId: r.interview_id,
    interviewerId: r.interviewer_id,
    status: r.status as ScorecardStatus,
    content: { ratings: JSON.parse(r.ratings) as ScorecardContent['ratings'], recommendation: r.recommendation as Recommendation | null, notes: r.notes },
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function insertScorecard(tx: Tx, s: { id: string; interviewId: string; interviewerId: string; content: ScorecardContent }, now: Date): Promise<ScorecardRecord> {
  const at = now.toISOString();
  await tx
    .insertInto('scorecards')
    .values({
      id: s.id,
      interview_id: s.interviewId,
      interviewer_id: s.interviewerId,
      status: 'draft',
      ratings: JSON.stringify(s.content.ratings),
      recommendation: s.content.recommendation,
      notes: s.content.notes,
      submitted_at: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return { ...s, status: 'draft', submittedAt: null, createdAt: at, updatedAt: at, version: 1 };
}

export async function getScorecard(tx: Tx, id: string): Promise<ScorecardRecord | undefined> {
  const r = await tx.selectFrom('scorecards').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toScorecard(r) : undefined;
}

export async function getScorecardOrThrow(tx: Tx, id: string): Promise<ScorecardRecord> {
  const s = await getScorecard(tx, id);
  if (!s) throw new DomainError('SCORECARD_NOT_FOUND', 'No such scorecard.', 'id');
  return s;
}

/** The one card of an interviewer on an interview, if they have started it. */
export async function getScorecardOf(tx: Tx, interviewId: string, interviewerId: string): Promise<ScorecardRecord | undefined> {
  const r = await tx.selectFrom('scorecards').selectAll().where('interview_id', '=', interviewId).where('interviewer_id', '=', interviewerId).executeTakeFirst();
  return r ? toScorecard(r) : undefined;
}

/** Cards of some interviews (or of every interview of an application), oldest first. */
export async function listScorecards(tx: Tx, filter: { interviewIds?: readonly string[]; applicationId?: string; interviewerId?: string; status?: ScorecardStatus }): Promise<ScorecardRecord[]> {
  let q = tx.selectFrom('scorecards').selectAll('scorecards');
  if (filter.interviewIds !== undefined) {
    if (filter.interviewIds.length === 0) return [];
    q = q.where('interview_id', 'in', [...filter.interviewIds]);
  }
  if (filter.applicationId !== undefined) {
    q = q.where('interview_id', 'in', tx.selectFrom('interviews').select('id').where('application_id', '=', filter.applicationId));
  }
  if (filter.interviewerId !== undefined) q = q.where('interviewer_id', '=', filter.interviewerId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toScorecard);
}

/**
 * Writes `content` (and `extra`) to a card that is still a draft at `version`. The status condition is in the
 * UPDATE, so a card submitted by a concurrent request can never be changed afterwards: undefined means "reload".
 */
async function updateDraftAt(
  tx: Tx,
  id: string,
  version: number,
  content: ScorecardContent,
  extra: Pick<ScorecardTable, 'updated_at'> & Partial<Pick<ScorecardTable, 'status' | 'submitted_at'>>,
): Promise<ScorecardRecord | undefined> {
  const res = await tx
    .updateTable('scorecards')
    .set({ ratings: JSON.stringify(content.ratings), recommendation: content.recommendation, notes: content.notes, ...extra, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return getScorecard(tx, id);
}

/** Saves a draft when it is still a draft at `version`; undefined when it was submitted or changed meanwhile ("reload"). */
export async function updateScorecardDraft(tx: Tx, id: string, version: number, content: ScorecardContent, now: Date): Promise<ScorecardRecord | undefined> {
  return updateDraftAt(tx, id, version, content, { updated_at: now.toISOString() });
}

/** Submits a draft (immutable afterwards); undefined when it was already submitted or changed meanwhile. */
export async function submitScorecardRecord(tx: Tx, id: string, version: number, content: ScorecardContent, now: Date): Promise<ScorecardRecord | undefined> {
  const at = now.toISOString();
  return updateDraftAt(tx, id, version, content, { status: 'submitted', submitted_at: at, updated_at: at });
}
