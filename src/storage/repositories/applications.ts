import { DomainError } from '../../domain/shared/errors.js';
import { runCompiled } from '../compiled-queries.js';
import type { Tx } from '../transaction.js';
import type { ApplicationTable } from '../schema.js';

export interface ApplicationRecord {
  id: string;
  candidateId: string;
  roleId: string;
  stage: string;
  status: string;
  lossReason: string | null;
  labels: string[];
  closedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type ApplicationInsert = Omit<ApplicationRecord, 'createdAt' | 'updatedAt' | 'version'>;
export type ApplicationPatch = Partial<Pick<ApplicationRecord, 'stage' | 'status' | 'lossReason' | 'labels' | 'closedAt' | 'candidateId'>>;

/** An active application with the names the Today list and the board show. */
export interface ApplicationHeading {
  id: string;
  candidateId: string;
  candidateName: string;
  roleId: string;
  roleTitle: string;
  stage: string;
  status: string;
  createdAt: string;
}

function toApplication(r: ApplicationTable): ApplicationRecord {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    roleId: r.role_id,
    stage: r.stage,
    status: r.status,
    lossReason: r.loss_reason,
    labels: JSON.parse(r.labels) as string[],
    closedAt: r.closed_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function toApplicationRow(a: ApplicationInsert, at: string): ApplicationTable {
  return {
    id: a.id,
    candidate_id: a.candidateId,
    role_id: a.roleId,
    stage: a.stage,
    status: a.status,
    loss_reason: a.lossReason,
    labels: JSON.stringify(a.labels),
    closed_at: a.closedAt,
    created_by: a.createdBy,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export async function insertApplication(tx: Tx, a: ApplicationInsert, now: Date): Promise<ApplicationRecord> {
  const row = toApplicationRow(a, now.toISOString());
  await tx.insertInto('applications').values(row).execute();
  return toApplication(row);
}

/** Bulk insert for imports and benchmarks: multi-row statements of `chunk` rows. */
export async function insertApplications(tx: Tx, applications: readonly ApplicationInsert[], now: Date, chunk = 500): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < applications.length; i += chunk) await tx.insertInto('applications').values(applications.slice(i, i + chunk).map((a) => toApplicationRow(a, at))).execute();
}

export async function getApplication(tx: Tx, id: string): Promise<ApplicationRecord | undefined> {
  const [r] = await runCompiled(tx, 'applications.get', () => tx.selectFrom('applications').selectAll().where('id', '=', id), [id]);
  return r ? toApplication(r) : undefined;
}

export async function getApplicationOrThrow(tx: Tx, id: string): Promise<ApplicationRecord> {
  const a = await getApplication(tx, id);
  if (!a) throw new DomainError('APPLICATION_NOT_FOUND', 'No such application.', 'id');
  return a;
}

export async function listApplications(
  tx: Tx,
  opts: { roleId?: string; status?: string; candidateId?: string; candidateIds?: readonly string[]; limit?: number; offset?: number } = {},
): Promise<ApplicationRecord[]> {
  const build = () => {
    let q = tx.selectFrom('applications').selectAll();
    if (opts.roleId) q = q.where('role_id', '=', opts.roleId);
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.candidateId) q = q.where('candidate_id', '=', opts.candidateId);
    if (opts.candidateIds) q = q.where('candidate_id', 'in', [...opts.candidateIds]);
    q = q.orderBy('created_at', 'desc').orderBy('id');
    if (opts.limit !== undefined) q = q.limit(opts.limit).offset(opts.offset ?? 0);
    return q;
  };
  if (opts.candidateIds) {
    if (opts.candidateIds.length === 0) return [];
    return (await build().execute()).map(toApplication);
  }
  // The list route's query: compiled once per set of filters (runCompiled), bound with this call's values.
  const present = [opts.roleId, opts.status, opts.candidateId].map((v) => (v ? v : undefined));
  const paging = opts.limit !== undefined ? [opts.limit, opts.offset ?? 0] : [];
  const shape = `applications:${present.map((v) => (v === undefined ? '-' : '=')).join('')}${paging.length ? ':page' : ''}`;
  const rows = await runCompiled(tx, shape, build, [...present.filter((v) => v !== undefined), ...paging]);
  return rows.map(toApplication);
}

/**
 * Applications with candidate name and role title in id order, one query (no N+1): every active one by
 * default, all of one role with `includeClosed`, or exactly the ones in `ids` whatever their status.
 */
export async function listApplicationHeadings(tx: Tx, opts: { roleId?: string; includeClosed?: boolean; ids?: readonly string[] } = {}): Promise<ApplicationHeading[]> {
  if (opts.ids?.length === 0) return [];
  let q = tx
    .selectFrom('applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .select(['a.id as id', 'a.candidate_id as candidateId', 'c.name as candidateName', 'a.role_id as roleId', 'r.title as roleTitle', 'a.stage as stage', 'a.status as status', 'a.created_at as createdAt']);
  if (opts.ids) q = q.where('a.id', 'in', [...opts.ids]);
  else if (!opts.includeClosed) q = q.where('a.status', '=', 'active');
  if (opts.roleId) q = q.where('a.role_id', '=', opts.roleId);
  return q.orderBy('a.id').execute();
}

/**
 * Takes the application's row lock for the rest of the transaction (PostgreSQL; SQLite transactions are
 * serial anyway) so appends to one application's history are applied one at a time. False when it does not exist.
 */
export async function lockApplication(tx: Tx, id: string): Promise<boolean> {
  const res = await tx.updateTable('applications').set((eb) => ({ version: eb.ref('version') })).where('id', '=', id).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Updates when `version` still matches (optimistic concurrency); undefined when someone else changed it first. */
export async function updateApplication(tx: Tx, id: string, version: number, patch: ApplicationPatch, now: Date): Promise<ApplicationRecord | undefined> {
  const values: Partial<ApplicationTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.stage !== undefined) values.stage = patch.stage;
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.lossReason !== undefined) values.loss_reason = patch.lossReason;
  if (patch.labels !== undefined) values.labels = JSON.stringify(patch.labels);
  if (patch.closedAt !== undefined) values.closed_at = patch.closedAt;
  if (patch.candidateId !== undefined) values.candidate_id = patch.candidateId;
  const res = await tx.updateTable('applications').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return getApplication(tx, id);
}

/** True for a unique or primary-key violation on either dialect (SQLite constraint codes, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
