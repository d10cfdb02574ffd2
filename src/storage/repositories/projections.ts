import type { Tx } from '../transaction.js';
import type { ApplicationProjectionTable } from '../schema.js';
import type { ApplicationHeading } from './applications.js';

/** A read-model row as the services write it (domain/pipeline/projection.ts computes the values). */
export interface ProjectionWrite {
  applicationId: string;
  roleId: string;
  status: string;
  stage: string;
  firstContactAt: number | null;
  lastEventAt: number | null;
  attentionAt: number | null;
  nextChangeAt: number | null;
  /** The fold's state, JSON-safe. */
  state: unknown;
  /** What the reads need of it (domain readState), JSON-safe. */
  readState: unknown;
}

export interface ProjectionRecord extends Omit<ProjectionWrite, 'state' | 'readState'> {
  /** The state as stored (JSON text): parsed by whoever needs it. */
  stateJson: string;
  /** read_state as stored; null on rows from before migration 016. */
  readStateJson: string | null;
  updatedAt: string;
}

function toRow(p: ProjectionWrite, at: string): ApplicationProjectionTable {
  return {
    application_id: p.applicationId,
    role_id: p.roleId,
    status: p.status,
    stage: p.stage,
    first_contact_at: p.firstContactAt,
    last_event_at: p.lastEventAt,
    attention_at: p.attentionAt,
    next_change_at: p.nextChangeAt,
    state: JSON.stringify(p.state),
    read_state: JSON.stringify(p.readState),
    updated_at: at,
  };
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toRecord(r: ApplicationProjectionTable): ProjectionRecord {
  return {
    applicationId: r.application_id,
    roleId: r.role_id,
    status: r.status,
    stage: r.stage,
    firstContactAt: num(r.first_contact_at),
    lastEventAt: num(r.last_event_at),
    attentionAt: num(r.attention_at),
    nextChangeAt: num(r.next_change_at),
    stateJson: r.state,
    readStateJson: r.read_state,
    updatedAt: r.updated_at,
  };
}

/** Writes rows (insert or replace), `chunk` per statement. Call it under the application's row lock. */
export async function upsertProjections(tx: Tx, rows: readonly ProjectionWrite[], now: Date, chunk = 200): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += chunk) {
    await tx
      .insertInto('application_projections')
      .values(rows.slice(i, i + chunk).map((p) => toRow(p, at)))
      .onConflict((oc) =>
        oc.column('application_id').doUpdateSet((eb) => ({
          role_id: eb.ref('excluded.role_id'),
          status: eb.ref('excluded.status'),
          stage: eb.ref('excluded.stage'),
          first_contact_at: eb.ref('excluded.first_contact_at'),
          last_event_at: eb.ref('excluded.last_event_at'),
          attention_at: eb.ref('excluded.attention_at'),
          next_change_at: eb.ref('excluded.next_change_at'),
          state: eb.ref('excluded.state'),
          read_state: eb.ref('excluded.read_state'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export async function getProjection(tx: Tx, applicationId: string): Promise<ProjectionRecord | undefined> {
  const r = await tx.selectFrom('application_projections').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/**
 * What keeping one application's row needs, in one query: its role and the role's clock overrides, its row if any,
 * and the company's settings, as stored (JSON text: the caller parses them, or reuses what it parsed from the same text).
 */
export async function getProjectionContext(
  tx: Tx,
  applicationId: string,
): Promise<{ roleId: string; clockOverridesJson: string; stateJson: string | null; companySettingsJson: string | null; timeZone: string | null } | undefined> {
  const r = await tx
    .selectFrom('applications as a')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .leftJoin('application_projections as p', 'p.application_id', 'a.id')
    .leftJoin('companies as c', (j) => j.onTrue())
    .select(['a.role_id as roleId', 'r.clock_overrides as clockOverridesJson', 'p.state as stateJson', 'c.settings as companySettingsJson', 'c.time_zone as timeZone'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  return r;
}

/** Rewrites an existing row (an append that folds in order: the row is there). Call it under the application's row lock. */
export async function updateProjection(tx: Tx, p: ProjectionWrite, now: Date): Promise<void> {
  const { application_id: id, ...row } = toRow(p, now.toISOString());
  await tx.updateTable('application_projections').set(row).where('application_id', '=', id).execute();
}

/** The rows of these applications (any order). */
export async function listProjectionsByIds(tx: Tx, ids: readonly string[]): Promise<ProjectionRecord[]> {
  if (ids.length === 0) return [];
  return (await tx.selectFrom('application_projections').selectAll().where('application_id', 'in', [...ids]).execute()).map(toRecord);
}

/** Rows in application id order, a page at a time (rebuilds and settings changes walk them). */
export async function listProjections(tx: Tx, opts: { roleId?: string; afterId?: string; limit: number }): Promise<ProjectionRecord[]> {
  let q = tx.selectFrom('application_projections').selectAll();
  if (opts.roleId) q = q.where('role_id', '=', opts.roleId);
  if (opts.afterId !== undefined) q = q.where('application_id', '>', opts.afterId);
  return (await q.orderBy('application_id').limit(opts.limit).execute()).map(toRecord);
}

/** New attention and next-change times and read states, JSON text (after a settings change: the states stay, the times move). */
export async function updateProjectionTimes(
  tx: Tx,
  rows: ReadonlyArray<{ applicationId: string; attentionAt: number | null; nextChangeAt: number | null; readState: string }>,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (const r of rows) {
    await tx
      .updateTable('application_projections')
      .set({ attention_at: r.attentionAt, next_change_at: r.nextChangeAt, read_state: r.readState, updated_at: at })
      .where('application_id', '=', r.applicationId)
      .execute();
  }
}

/** Application ids in id order, a page at a time, and how many there are: what a rebuild walks. */
export async function listApplicationIdsPage(tx: Tx, afterId: string | undefined, limit: number): Promise<Array<{ id: string; roleId: string }>> {
  let q = tx.selectFrom('applications').select(['id', 'role_id as roleId']);
  if (afterId !== undefined) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

export async function countProjections(tx: Tx): Promise<number> {
  const r = await tx.selectFrom('application_projections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A heading with the application's stored state, when it has a usable one. */
export interface ProjectedHeading {
  heading: ApplicationHeading;
  /**
   * What the reads need of the state (JSON text: read_state, or the whole state on a row from before migration 016;
   * read it with `runningClocksOnly`), or null when the application has no row yet or its last event is after `now`.
   */
  stateJson: string | null;
}

const HEADING_COLUMNS = ['a.id as id', 'a.candidate_id as candidateId', 'c.name as candidateName', 'a.role_id as roleId', 'r.title as roleTitle', 'a.stage as stage', 'a.status as status', 'a.created_at as createdAt'] as const;

/**
 * Today's indexed read: the active applications whose rows say they may need attention by `nowMs`
 * (attention_at <= now), with their states; and the active ones without a usable row (none yet, or an event stamped
 * after `now`), whose state the caller derives from their events. In application id order.
 */
export async function listAttentionHeadings(tx: Tx, nowMs: number): Promise<{ projected: ProjectedHeading[]; unprojected: ApplicationHeading[] }> {
  const rows = await tx
    .selectFrom('application_projections as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .select((eb) => [...HEADING_COLUMNS, eb.fn.coalesce('p.read_state', 'p.state').as('state'), 'p.last_event_at as lastEventAt'])
    .where('p.attention_at', '<=', nowMs)
    .where('a.status', '=', 'active')
    .orderBy('a.id')
    .execute();
  const projected: ProjectedHeading[] = [];
  const unprojected = await listUnprojectedHeadings(tx, nowMs, {});
  for (const r of rows) {
    if (r.lastEventAt !== null && Number(r.lastEventAt) > nowMs) continue; // listed by listUnprojectedHeadings
    const { state, lastEventAt: _last, ...heading } = r;
    projected.push({ heading, stateJson: state });
  }
  return { projected, unprojected };
}

/** Active applications (of one role, closed ones too, with `roleId`) without a row, or whose last event is after `nowMs`. */
async function listUnprojectedHeadings(tx: Tx, nowMs: number, opts: { roleId?: string }): Promise<ApplicationHeading[]> {
  let q = tx
    .selectFrom('applications as a')
    .leftJoin('application_projections as p', 'p.application_id', 'a.id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .select([...HEADING_COLUMNS])
    .where((eb) => eb.or([eb('p.application_id', 'is', null), eb('p.last_event_at', '>', nowMs)]));
  q = opts.roleId ? q.where('a.role_id', '=', opts.roleId) : q.where('a.status', '=', 'active');
  return q.orderBy('a.id').execute();
}

/** The board's read: every application of a role (closed ones too) with its state when it has a usable row, in id order. */
export async function listRoleHeadingsWithState(tx: Tx, roleId: string, nowMs: number): Promise<ProjectedHeading[]> {
  const rows = await tx
    .selectFrom('applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .leftJoin('application_projections as p', 'p.application_id', 'a.id')
    .select((eb) => [...HEADING_COLUMNS, eb.fn.coalesce('p.read_state', 'p.state').as('state'), 'p.last_event_at as lastEventAt'])
    .where('a.role_id', '=', roleId)
    .orderBy('a.id')
    .execute();
  return rows.map(({ state, lastEventAt, ...heading }) => ({ heading, stateJson: state === null || (lastEventAt !== null && Number(lastEventAt) > nowMs) ? null : state }));
}

export async function countActiveApplications(tx: Tx): Promise<number> {
  const r = await tx.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  return Number(r.n);
}
