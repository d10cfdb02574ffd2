import type { Tx } from '../transaction.js';
import type { PostingTable } from '../schema.js';
import { DomainError } from '../../domain/shared/errors.js';

export interface PostingSignalRecord {
  id: string;
  text: string;
}

export interface PostingQuestionRecord {
  id: string;
  label: string;
  required: boolean;
}

export interface PostingRecord {
  id: string;
  roleId: string;
  slug: string;
  title: string;
  publicText: string;
  location: string;
  remotePolicy: string;
  signals: PostingSignalRecord[];
  questions: PostingQuestionRecord[];
  /** The base range copied from the role's band at publishing; null when it had none. */
  baseRange: { min: number; max: number; currency: string } | null;
  status: string;
  publishedAt: string | null;
  closedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type PostingContent = Pick<PostingRecord, 'title' | 'publicText' | 'location' | 'remotePolicy' | 'signals' | 'questions'>;

function toPosting(r: PostingTable): PostingRecord {
  return {
    id: r.id,
    roleId: r.role_id,
    slug: r.slug,
    title: r.title,
    publicText: r.public_text,
    location: r.location,
    remotePolicy: r.remote_policy,
    signals: JSON.parse(r.signals) as PostingSignalRecord[],
    questions: JSON.parse(r.questions) as PostingQuestionRecord[],
    baseRange: r.base_min !== null && r.base_max !== null && r.base_currency !== null ? { min: Number(r.base_min), max: Number(r.base_max), currency: r.base_currency } : null,
    status: r.status,
    publishedAt: r.published_at,
    closedAt: r.closed_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function getPostingOfRole(tx: Tx, roleId: string): Promise<PostingRecord | undefined> {
  const r = await tx.selectFrom('postings').selectAll().where('role_id', '=', roleId).executeTakeFirst();
  return r ? toPosting(r) : undefined;
}

export async function getPostingBySlug(tx: Tx, slug: string): Promise<PostingRecord | undefined> {
  const r = await tx.selectFrom('postings').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? toPosting(r) : undefined;
}

export async function getPostingOfRoleOrThrow(tx: Tx, roleId: string): Promise<PostingRecord> {
  const p = await getPostingOfRole(tx, roleId);
  if (!p) throw new DomainError('POSTING_NOT_FOUND', 'This role has no job posting yet.', 'id');
  return p;
}

/** Published postings, newest first. */
export async function listPublishedPostings(tx: Tx): Promise<PostingRecord[]> {
  const rows = await tx.selectFrom('postings').selectAll().where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id').execute();
  return rows.map(toPosting);
}

export async function insertPosting(tx: Tx, p: { id: string; roleId: string; slug: string; createdBy: string | null } & PostingContent, now: Date): Promise<PostingRecord> {
  const at = now.toISOString();
  const row: PostingTable = {
    id: p.id,
    role_id: p.roleId,
    slug: p.slug,
    title: p.title,
    public_text: p.publicText,
    location: p.location,
    remote_policy: p.remotePolicy,
    signals: JSON.stringify(p.signals),
    questions: JSON.stringify(p.questions),
    base_min: null,
    base_max: null,
    base_currency: null,
    status: 'draft',
    published_at: null,
    closed_at: null,
    created_by: p.createdBy,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await tx.insertInto('postings').values(row).execute();
  return toPosting(row);
}

export interface PostingPatch {
  content?: Partial<PostingContent>;
  status?: string;
  baseRange?: PostingRecord['baseRange'];
  publishedAt?: string | null;
  closedAt?: string | null;
}

/** Applies a patch when the stored version is `expectedVersion`; undefined when another write won. */
export async function updatePosting(tx: Tx, id: string, expectedVersion: number, patch: PostingPatch, now: Date): Promise<PostingRecord | undefined> {
  const set: Partial<PostingTable> = { updated_at: now.toISOString(), version: expectedVersion + 1 };
  const c = patch.content ?? {};
  if (c.title !== undefined) set.title = c.title;
  if (c.publicText !== undefined) set.public_text = c.publicText;
  if (c.location !== undefined) set.location = c.location;
  if (c.remotePolicy !== undefined) set.remote_policy = c.remotePolicy;
  if (c.signals !== undefined) set.signals = JSON.stringify(c.signals);
  if (c.questions !== undefined) set.questions = JSON.stringify(c.questions);
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.baseRange !== undefined) {
    set.base_min = patch.baseRange?.min ?? null;
    set.base_max = patch.baseRange?.max ?? null;
    set.base_currency = patch.baseRange?.currency ?? null;
  }
  if (patch.publishedAt !== undefined) set.published_at = patch.publishedAt;
  if (patch.closedAt !== undefined) set.closed_at = patch.closedAt;
  const res = await tx.updateTable('postings').set(set).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  const r = await tx.selectFrom('postings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toPosting(r);
}

/** What an applicant sent beyond the candidate record. */
export async function insertPostingAnswers(
  tx: Tx,
  a: { applicationId: string; candidateId: string; postingId: string; answers: Array<{ id: string; label: string; answer: string }>; links: string[]; talentPoolMonths: number | null },
  now: Date,
): Promise<void> {
  await tx
    .insertInto('posting_answers')
    .values({
      application_id: a.applicationId,
      candidate_id: a.candidateId,
      posting_id: a.postingId,
      answers: JSON.stringify(a.answers),
      links: JSON.stringify(a.links),
      talent_pool_months: a.talentPoolMonths,
      submitted_at: now.toISOString(),
    })
    .execute();
}
