import { DomainError } from '../../domain/shared/errors.js';
import type { Tx } from '../transaction.js';
import type { ProspectEventTable, ProspectTable, TalentPoolTable } from '../schema.js';

/* Sourcing (migration 020, docs/sourcing.md): talent pools, prospects and their append-only outreach history. */

export interface TalentPoolRecord {
  id: string;
  companyId: string;
  name: string;
  ownerId: string | null;
  specializations: string[];
  cadenceDays: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type TalentPoolInsert = Omit<TalentPoolRecord, 'createdAt' | 'updatedAt' | 'version'>;
export type TalentPoolPatch = Partial<Pick<TalentPoolRecord, 'name' | 'ownerId' | 'specializations' | 'cadenceDays'>>;

function toPool(r: TalentPoolTable): TalentPoolRecord {
  return {
    id: r.id,
    companyId: r.company_id,
    name: r.name,
    ownerId: r.owner_id,
    specializations: JSON.parse(r.specializations) as string[],
    cadenceDays: r.cadence_days,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function insertPool(tx: Tx, pool: TalentPoolInsert, now: Date): Promise<TalentPoolRecord> {
  const at = now.toISOString();
  const row: TalentPoolTable = {
    id: pool.id,
    company_id: pool.companyId,
    name: pool.name,
    owner_id: pool.ownerId,
    specializations: JSON.stringify(pool.specializations),
    cadence_days: pool.cadenceDays,
    created_by: pool.createdBy,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await tx.insertInto('talent_pools').values(row).execute();
  return toPool(row);
}

export async function getPool(tx: Tx, id: string): Promise<TalentPoolRecord | undefined> {
  const r = await tx.selectFrom('talent_pools').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPool(r) : undefined;
}

export async function getPoolOrThrow(tx: Tx, id: string): Promise<TalentPoolRecord> {
  const pool = await getPool(tx, id);
  if (!pool) throw new DomainError('POOL_NOT_FOUND', 'No such talent pool.', 'id');
  return pool;
}

/** A pool by its name (the CLI names pools), compared without regard to case. */
export async function getPoolByName(tx: Tx, name: string): Promise<TalentPoolRecord | undefined> {
  const rows = await tx.selectFrom('talent_pools').selectAll().execute();
  const wanted = name.trim().toLowerCase();
  const r = rows.find((p) => p.name.toLowerCase() === wanted);
  return r ? toPool(r) : undefined;
}

export interface TalentPoolSummary extends TalentPoolRecord {
  prospects: number;
  /** Prospects per sourcing status. */
  byStatus: Record<string, number>;
  lastTouchAt: string | null;
}

/** Every pool with its prospect counts, by name; one grouped query over the prospects. */
export async function listPools(tx: Tx): Promise<TalentPoolSummary[]> {
  const pools = await tx.selectFrom('talent_pools').selectAll().orderBy('name').orderBy('id').execute();
  const counts = await tx
    .selectFrom('prospects')
    .select((eb) => ['pool_id', 'status', eb.fn.countAll<number | string>().as('n'), eb.fn.max('last_touch_at').as('last')])
    .groupBy(['pool_id', 'status'])
    .execute();
  const byPool = new Map<string, { prospects: number; byStatus: Record<string, number>; lastTouchAt: string | null }>();
  for (const c of counts) {
    const entry = byPool.get(c.pool_id) ?? { prospects: 0, byStatus: {}, lastTouchAt: null };
    const n = Number(c.n);
    entry.prospects += n;
    entry.byStatus[c.status] = n;
    const last = c.last as string | null;
    if (last && (entry.lastTouchAt === null || last > entry.lastTouchAt)) entry.lastTouchAt = last;
    byPool.set(c.pool_id, entry);
  }
  return pools.map((p) => ({ ...toPool(p), ...(byPool.get(p.id) ?? { prospects: 0, byStatus: {}, lastTouchAt: null }) }));
}

/** Updates when `version` still matches; undefined when someone else changed it first. */
export async function updatePool(tx: Tx, id: string, version: number, patch: TalentPoolPatch, now: Date): Promise<TalentPoolRecord | undefined> {
  const values: Partial<TalentPoolTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.ownerId !== undefined) values.owner_id = patch.ownerId;
  if (patch.specializations !== undefined) values.specializations = JSON.stringify(patch.specializations);
  if (patch.cadenceDays !== undefined) values.cadence_days = patch.cadenceDays;
  const res = await tx.updateTable('talent_pools').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return getPool(tx, id);
}

/* -------------------------------------------------------------- prospects */

export interface ProspectRecord {
  id: string;
  poolId: string;
  candidateId: string;
  status: string;
  foundBy: string | null;
  foundHow: string;
  foundDetail: string | null;
  currentEmployer: string | null;
  lab: string | null;
  links: string[];
  lawfulBasis: string | null;
  timeZone: string | null;
  touches: number;
  lastTouchAt: string | null;
  lastReplyAt: string | null;
  convertedApplicationId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type ProspectInsert = Omit<ProspectRecord, 'createdAt' | 'updatedAt' | 'version' | 'touches' | 'lastTouchAt' | 'lastReplyAt' | 'convertedApplicationId' | 'status'> & {
  status?: string;
};
export type ProspectPatch = Partial<
  Pick<ProspectRecord, 'status' | 'foundHow' | 'foundDetail' | 'currentEmployer' | 'lab' | 'links' | 'lawfulBasis' | 'timeZone' | 'touches' | 'lastTouchAt' | 'lastReplyAt' | 'convertedApplicationId'>
>;

function toProspect(r: ProspectTable): ProspectRecord {
  return {
    id: r.id,
    poolId: r.pool_id,
    candidateId: r.candidate_id,
    status: r.status,
    foundBy: r.found_by,
    foundHow: r.found_how,
    foundDetail: r.found_detail,
    currentEmployer: r.current_employer,
    lab: r.lab,
    links: JSON.parse(r.links) as string[],
    lawfulBasis: r.lawful_basis,
    timeZone: r.time_zone,
    touches: Number(r.touches),
    lastTouchAt: r.last_touch_at,
    lastReplyAt: r.last_reply_at,
    convertedApplicationId: r.converted_application_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function toProspectRow(p: ProspectInsert, at: string): ProspectTable {
  return {
    id: p.id,
    pool_id: p.poolId,
    candidate_id: p.candidateId,
    status: p.status ?? 'new',
    found_by: p.foundBy,
    found_how: p.foundHow,
    found_detail: p.foundDetail,
    current_employer: p.currentEmployer,
    lab: p.lab,
    links: JSON.stringify(p.links),
    lawful_basis: p.lawfulBasis,
    time_zone: p.timeZone,
    touches: 0,
    last_touch_at: null,
    last_reply_at: null,
    converted_application_id: null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export async function insertProspect(tx: Tx, p: ProspectInsert, now: Date): Promise<ProspectRecord> {
  const row = toProspectRow(p, now.toISOString());
  await tx.insertInto('prospects').values(row).execute();
  return toProspect(row);
}

/** Bulk insert for CSV imports and benchmarks: multi-row inserts of `chunk` rows. */
export async function insertProspects(tx: Tx, prospects: readonly ProspectInsert[], now: Date, chunk = 500): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < prospects.length; i += chunk) {
    await tx.insertInto('prospects').values(prospects.slice(i, i + chunk).map((p) => toProspectRow(p, at))).execute();
  }
}

export async function getProspect(tx: Tx, id: string): Promise<ProspectRecord | undefined> {
  const r = await tx.selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toProspect(r) : undefined;
}

export async function getProspectOrThrow(tx: Tx, id: string): Promise<ProspectRecord> {
  const p = await getProspect(tx, id);
  if (!p) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'id');
  return p;
}

/** The prospects of one candidate record (in every pool). */
export async function listProspectsOfCandidates(tx: Tx, candidateIds: readonly string[]): Promise<ProspectRecord[]> {
  if (candidateIds.length === 0) return [];
  const rows = await tx.selectFrom('prospects').selectAll().where('candidate_id', 'in', [...candidateIds]).orderBy('created_at').orderBy('id').execute();
  return rows.map(toProspect);
}

export interface ProspectFilter {
  poolId?: string;
  status?: readonly string[];
  /** Keyset paging: ids after this one. */
  afterId?: string;
  limit?: number;
}

/** A pool's prospects by id (stable paging), optionally by status. */
export async function listProspects(tx: Tx, f: ProspectFilter): Promise<ProspectRecord[]> {
  let q = tx.selectFrom('prospects').selectAll();
  if (f.poolId) q = q.where('pool_id', '=', f.poolId);
  if (f.status && f.status.length > 0) q = q.where('status', 'in', [...f.status]);
  if (f.afterId) q = q.where('id', '>', f.afterId);
  q = q.orderBy('id');
  if (f.limit !== undefined) q = q.limit(f.limit);
  return (await q.execute()).map(toProspect);
}

/**
 * Takes the prospect's row lock for the rest of the transaction (PostgreSQL; SQLite transactions are serial) so
 * appends to one history are applied one at a time. False when it does not exist.
 */
export async function lockProspect(tx: Tx, id: string): Promise<boolean> {
  const res = await tx.updateTable('prospects').set((eb) => ({ version: eb.ref('version') })).where('id', '=', id).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Updates when `version` still matches (optimistic concurrency); undefined when someone else changed it first. */
export async function updateProspect(tx: Tx, id: string, version: number, patch: ProspectPatch, now: Date): Promise<ProspectRecord | undefined> {
  const values: Partial<ProspectTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.foundHow !== undefined) values.found_how = patch.foundHow;
  if (patch.foundDetail !== undefined) values.found_detail = patch.foundDetail;
  if (patch.currentEmployer !== undefined) values.current_employer = patch.currentEmployer;
  if (patch.lab !== undefined) values.lab = patch.lab;
  if (patch.links !== undefined) values.links = JSON.stringify(patch.links);
  if (patch.lawfulBasis !== undefined) values.lawful_basis = patch.lawfulBasis;
  if (patch.timeZone !== undefined) values.time_zone = patch.timeZone;
  if (patch.touches !== undefined) values.touches = patch.touches;
  if (patch.lastTouchAt !== undefined) values.last_touch_at = patch.lastTouchAt;
  if (patch.lastReplyAt !== undefined) values.last_reply_at = patch.lastReplyAt;
  if (patch.convertedApplicationId !== undefined) values.converted_application_id = patch.convertedApplicationId;
  const res = await tx.updateTable('prospects').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return getProspect(tx, id);
}

/* -------------------------------------------------------- prospect events */

export interface ProspectEventRecord {
  id: string;
  prospectId: string;
  seq: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

function toProspectEvent(r: ProspectEventTable): ProspectEventRecord {
  return { id: r.id, prospectId: r.prospect_id, seq: r.seq, type: r.type, occurredAt: r.occurred_at, recordedAt: r.recorded_at, actorId: r.actor_id, data: JSON.parse(r.data) as Record<string, unknown> };
}

/** Appends one event; the table refuses updates. */
export async function insertProspectEvent(tx: Tx, e: Omit<ProspectEventRecord, 'seq'>): Promise<ProspectEventRecord> {
  const last = await tx.selectFrom('prospect_events').select((eb) => eb.fn.max('seq').as('last')).where('prospect_id', '=', e.prospectId).executeTakeFirst();
  const row: ProspectEventTable = {
    id: e.id,
    prospect_id: e.prospectId,
    seq: Number(last?.last ?? 0) + 1,
    type: e.type,
    occurred_at: e.occurredAt,
    recorded_at: e.recordedAt,
    actor_id: e.actorId,
    data: JSON.stringify(e.data ?? {}),
  };
  await tx.insertInto('prospect_events').values(row).execute();
  return toProspectEvent(row);
}

/** A prospect's history, oldest first (ties in recording order). */
export async function listProspectEvents(tx: Tx, prospectId: string): Promise<ProspectEventRecord[]> {
  const rows = await tx.selectFrom('prospect_events').selectAll().where('prospect_id', '=', prospectId).orderBy('occurred_at').orderBy('seq').execute();
  return rows.map(toProspectEvent);
}

/* -------------------------------------------------- prospects with person */

/** A prospect with the name and e-mail of its candidate record (what lists show). */
export interface ProspectWithPerson extends ProspectRecord {
  name: string;
  email: string;
}

function personQuery(tx: Tx) {
  return tx.selectFrom('prospects as p').innerJoin('candidates as c', 'c.id', 'p.candidate_id').selectAll('p').select(['c.name as person_name', 'c.email as person_email']);
}

function toWithPerson(r: ProspectTable & { person_name: string; person_email: string }): ProspectWithPerson {
  return { ...toProspect(r), name: r.person_name, email: r.person_email };
}

export async function getProspectWithPerson(tx: Tx, id: string): Promise<ProspectWithPerson | undefined> {
  const r = await personQuery(tx).where('p.id', '=', id).executeTakeFirst();
  return r ? toWithPerson(r) : undefined;
}

/** One page of a pool's prospects (by name, then id), optionally by status, with the count of all that match. */
export async function listPoolProspects(tx: Tx, poolId: string, opts: { status?: readonly string[]; limit: number; offset: number }): Promise<{ items: ProspectWithPerson[]; total: number }> {
  let q = personQuery(tx).where('p.pool_id', '=', poolId);
  let c = tx.selectFrom('prospects').select((eb) => eb.fn.countAll<number | string>().as('n')).where('pool_id', '=', poolId);
  if (opts.status && opts.status.length > 0) {
    q = q.where('p.status', 'in', [...opts.status]);
    c = c.where('status', 'in', [...opts.status]);
  }
  const rows = await q.orderBy('c.name').orderBy('p.id').limit(opts.limit).offset(opts.offset).execute();
  const total = Number((await c.executeTakeFirstOrThrow()).n);
  return { items: rows.map(toWithPerson), total };
}

/** What the duplicate check compares: every candidate record not merged away, with its links. */
export async function listCandidateIdentitiesWithLinks(tx: Tx): Promise<Array<{ id: string; name: string; email: string; currentEmployer: string | null; links: string[] }>> {
  const rows = await tx.selectFrom('candidates').select(['id', 'name', 'email', 'current_employer', 'links']).where('merged_into_id', 'is', null).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, currentEmployer: r.current_employer, links: JSON.parse(r.links) as string[] }));
}

/** The candidate ids already in a pool. */
export async function listPoolCandidateIds(tx: Tx, poolId: string): Promise<Set<string>> {
  return new Set((await tx.selectFrom('prospects').select('candidate_id').where('pool_id', '=', poolId).execute()).map((r) => r.candidate_id));
}

/**
 * The prospects Today's nurture items may name (domain/sourcing/nurture.ts decides): open ones that are touched
 * `manyTouches` times or more, or whose last touch (or addition) is older than `touchedBefore` (the shortest
 * cadence of any pool). One query on (status, last_touch_at); at most `limit` rows, least recently touched first.
 */
export async function listNurtureProspects(tx: Tx, opts: { statuses: readonly string[]; manyTouches: number; touchedBefore: string; limit: number }) {
  const rows = await tx
    .selectFrom('prospects as p')
    .innerJoin('talent_pools as t', 't.id', 'p.pool_id')
    .innerJoin('candidates as c', 'c.id', 'p.candidate_id')
    .select(['p.id', 'p.pool_id', 't.name as pool_name', 't.cadence_days', 'c.name', 'p.status', 'p.touches', 'p.last_touch_at', 'p.last_reply_at', 'p.created_at'])
    .where('p.status', 'in', [...opts.statuses])
    .where((eb) =>
      eb.or([
        eb('p.touches', '>=', opts.manyTouches),
        eb('p.last_touch_at', '<', opts.touchedBefore),
        eb.and([eb('p.last_touch_at', 'is', null), eb('p.created_at', '<', opts.touchedBefore)]),
      ]),
    )
    .orderBy('p.last_touch_at')
    .orderBy('p.id')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, poolId: r.pool_id, poolName: r.pool_name, cadenceDays: Number(r.cadence_days), status: r.status, touches: Number(r.touches), lastTouchAt: r.last_touch_at, lastReplyAt: r.last_reply_at, createdAt: r.created_at }));
}

/** The shortest touch cadence of any pool, in days; undefined without pools. */
export async function shortestPoolCadence(tx: Tx): Promise<number | undefined> {
  const r = await tx.selectFrom('talent_pools').select((eb) => eb.fn.min('cadence_days').as('d')).executeTakeFirst();
  return r?.d === null || r?.d === undefined ? undefined : Number(r.d);
}

/** A person of a pipeline as network reach reads them. */
export interface ReachRow {
  source: string;
  referrer: string | null;
  employer: string | null;
  lab: string | null;
}

function reachOf(c: { source: string; current_employer: string | null }, p: { found_how: string; found_detail: string | null; current_employer: string | null; lab: string | null } | undefined): ReachRow {
  return { source: c.source, referrer: p && p.found_how === 'referrer' ? p.found_detail : null, employer: p?.current_employer ?? c.current_employer, lab: p?.lab ?? null };
}

/** The prospects of a pool, as reach reads them. */
export async function listPoolReachRows(tx: Tx, poolId: string): Promise<ReachRow[]> {
  const rows = await tx
    .selectFrom('prospects as p')
    .innerJoin('candidates as c', 'c.id', 'p.candidate_id')
    .select(['c.source', 'c.current_employer as candidate_employer', 'p.found_how', 'p.found_detail', 'p.current_employer', 'p.lab'])
    .where('p.pool_id', '=', poolId)
    .execute();
  return rows.map((r) => reachOf({ source: r.source, current_employer: r.candidate_employer }, r));
}

/** The distinct candidates with an application for a role, with what their prospect rows (if any) say of them. */
export async function listRoleReachRows(tx: Tx, roleId: string): Promise<ReachRow[]> {
  const people = await tx
    .selectFrom('applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .select(['c.id', 'c.source', 'c.current_employer'])
    .where('a.role_id', '=', roleId)
    .distinct()
    .execute();
  if (people.length === 0) return [];
  const prospects = new Map<string, { found_how: string; found_detail: string | null; current_employer: string | null; lab: string | null }>();
  const ids = people.map((p) => p.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx.selectFrom('prospects').select(['candidate_id', 'found_how', 'found_detail', 'current_employer', 'lab']).where('candidate_id', 'in', ids.slice(i, i + 500)).orderBy('created_at').execute();
    for (const r of rows) if (!prospects.has(r.candidate_id)) prospects.set(r.candidate_id, r);
  }
  return people.map((c) => reachOf(c, prospects.get(c.id)));
}
