import { randomUUID } from 'node:crypto';
import { findDuplicateCandidates } from '../../domain/pipeline/index.js';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import {
  applyProspectEvent,
  buildNurtureItems,
  networkReach,
  type NetworkReach,
  CANDIDATE_SOURCE_OF_FOUND_HOW,
  CsvError,
  DEFAULT_NURTURE_SETTINGS,
  guessMapping,
  normalizeLink,
  parseCsv,
  parseProspectEventInput,
  PROSPECT_STATUSES,
  readProfileUrls,
  readProspectRows,
  type ColumnMapping,
  type FoundHow,
  type NurtureItem,
  type ProspectCounters,
  type ProspectDraft,
  type ProspectStatus,
  type RowProblem,
} from '../../domain/sourcing/index.js';
import {
  getCandidateOrThrow,
  getCompany,
  getPoolByName,
  getPoolOrThrow,
  getProspectOrThrow,
  getProspectWithPerson,
  getUser,
  insertCandidate,
  insertEvent,
  insertPool,
  insertProspect,
  insertProspectEvent,
  isUniqueViolation,
  listCandidateIdentitiesWithLinks,
  listPoolCandidateIds,
  listPoolProspects,
  listPools,
  listProspectEvents,
  listNurtureProspects,
  shortestPoolCadence,
  listPoolReachRows,
  listRoleReachRows,
  getRoleOrThrow,
  type TalentPoolRecord,
  lockProspect,
  nextEventSeq,
  recordAudit,
  updatePool,
  updateProspect,
  type ApplicationRecord,
  type ProspectEventRecord,
  type ProspectPatch,
  type ProspectRecord,
  type ProspectWithPerson,
  type TalentPoolSummary,
  type Tx,
} from '../../storage/index.js';
import { createApplication } from './pipeline.js';
import { projectApplicationFromEvents } from './projections.js';

/**
 * Sourcing (docs/sourcing.md): talent pools, prospects and their outreach history. Every write runs inside the
 * caller's transaction and is audited there (field names only).
 */

/**
 * Appends one event to a prospect's outreach history and moves the prospect with it (applyProspectEvent: an
 * outreach counts a touch and moves new -> contacted, a reply moves new/contacted -> replied; a status set by hand
 * is never moved back). `body` is `{ type, occurredAt?, data? }`, validated by the domain (400/422 codes as for
 * application events). `actorId` is the user who logged it, or null for the system (sending, the inbound webhook).
 * Appends to one prospect are serialised by its row lock. Audited as `prospect.event` with the fields that moved.
 */
export async function recordProspectEvent(
  tx: Tx,
  actorId: string | null,
  prospectId: string,
  body: unknown,
  now: Date,
): Promise<{ event: ProspectEventRecord; prospect: ProspectRecord }> {
  if (!(await lockProspect(tx, prospectId))) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'id');
  const input = parseProspectEventInput(body, now);
  const prospect = await getProspectOrThrow(tx, prospectId);
  const event = await insertProspectEvent(tx, {
    id: randomUUID(),
    prospectId,
    type: input.type,
    occurredAt: input.occurredAt,
    recordedAt: now.toISOString(),
    actorId,
    data: input.data as Record<string, unknown>,
  });
  const before: ProspectCounters = { status: prospect.status as ProspectStatus, touches: prospect.touches, lastTouchAt: prospect.lastTouchAt, lastReplyAt: prospect.lastReplyAt };
  const after = applyProspectEvent(before, input);
  const patch: ProspectPatch = {};
  for (const k of ['status', 'touches', 'lastTouchAt', 'lastReplyAt'] as const) if (after[k] !== before[k]) (patch as Record<string, unknown>)[k] = after[k];
  let updated = prospect;
  if (Object.keys(patch).length > 0) {
    const moved = await updateProspect(tx, prospectId, prospect.version, patch, now);
    if (!moved) throw new DomainError('PRECONDITION_FAILED', 'The prospect changed while the event was recorded. Try again.', 'id');
    updated = moved;
  }
  await recordAudit(tx, { actorId, action: 'prospect.event', entity: 'prospect', entityId: prospectId, fields: ['events', ...Object.keys(patch)], at: now });
  return { event, prospect: updated };
}

/* ------------------------------------------------------------------ pools */

export interface PoolInput {
  name: string;
  ownerId?: string | null;
  specializations?: string[];
  cadenceDays?: number;
}

async function checkOwner(tx: Tx, ownerId: string | null | undefined): Promise<void> {
  if (ownerId === undefined || ownerId === null) return;
  const user = await getUser(tx, ownerId);
  if (!user || user.disabled) throw new DomainError('VALIDATION_FAILED', 'The owner must be an active user of the workspace.', 'ownerId');
}

async function checkPoolName(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const same = await getPoolByName(tx, name);
  if (same && same.id !== exceptId) throw new DomainError('POOL_NAME_TAKEN', `There is already a pool called "${same.name}".`, 'name');
}

export async function findPools(tx: Tx): Promise<TalentPoolSummary[]> {
  return listPools(tx);
}

export async function readPool(tx: Tx, id: string): Promise<TalentPoolSummary> {
  const pool = (await listPools(tx)).find((p) => p.id === id);
  if (!pool) throw new DomainError('POOL_NOT_FOUND', 'No such talent pool.', 'id');
  return pool;
}

/** A new pool; the owner defaults to its creator and the cadence to data/sourcing/nurture.json. Audited. */
export async function createPool(tx: Tx, actor: SourcingActor, input: PoolInput, now: Date): Promise<TalentPoolSummary> {
  const company = await getCompany(tx);
  if (!company) throw new DomainError('CONFLICT', 'Set up the workspace first.');
  await checkPoolName(tx, input.name);
  await checkOwner(tx, input.ownerId);
  const pool = await insertPool(
    tx,
    { id: randomUUID(), companyId: company.id, name: input.name.trim(), ownerId: input.ownerId === undefined ? actor.id : input.ownerId, specializations: input.specializations ?? [], cadenceDays: input.cadenceDays ?? DEFAULT_NURTURE_SETTINGS.cadenceDays, createdBy: actor.id },
    now,
  );
  await recordAudit(tx, { actorId: actor.id, action: 'pool.create', entity: 'pool', entityId: pool.id, fields: Object.keys(input), at: now });
  return { ...pool, prospects: 0, byStatus: {}, lastTouchAt: null };
}

/** PATCH of a pool under If-Match; audited with the fields that changed. */
export async function changePool(tx: Tx, actor: SourcingActor, id: string, expectedVersion: number, patch: Partial<PoolInput>, now: Date): Promise<TalentPoolSummary> {
  const current = await getPoolOrThrow(tx, id);
  if (current.version !== expectedVersion) throw preconditionFailed();
  if (patch.name !== undefined) await checkPoolName(tx, patch.name, id);
  await checkOwner(tx, patch.ownerId);
  const changed = (Object.keys(patch) as Array<keyof PoolInput>).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(current[k]));
  if (changed.length > 0) {
    const updated = await updatePool(tx, id, expectedVersion, { ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) }, now);
    if (!updated) throw preconditionFailed();
    await recordAudit(tx, { actorId: actor.id, action: 'pool.update', entity: 'pool', entityId: id, fields: changed, at: now });
  }
  return readPool(tx, id);
}

/* -------------------------------------------------------------- prospects */

/** Who is writing: the signed-in user. */
export interface SourcingActor {
  id: string;
  role: string;
}

export interface ProspectInput {
  candidateId?: string;
  name?: string;
  email?: string | null;
  links?: string[];
  currentEmployer?: string | null;
  lab?: string | null;
  foundHow: FoundHow;
  foundDetail?: string | null;
  lawfulBasis?: string | null;
  timeZone?: string | null;
  specializations?: string[];
  allowDuplicate?: boolean;
}

type Identity = Awaited<ReturnType<typeof listCandidateIdentitiesWithLinks>>[number];

/** A prospect refused because the person may already be in Closer: 409 CONFLICT with `details.matches`. */
export class DuplicateProspectError extends DomainError {
  constructor(readonly matches: Array<{ candidate: Identity; reasons: string[] }>) {
    super('CONFLICT', 'This person may already be in Closer. Add the existing record to the pool, or send allowDuplicate: true to add anyway.', matches[0]?.reasons[0] === 'link' ? 'links' : matches[0]?.reasons[0] === 'email' ? 'email' : 'name');
  }
}

/**
 * The candidates a new person may be: the pipeline's duplicate rule (same e-mail, or a close name at the same
 * employer: src/domain/pipeline/duplicates.ts) plus the same profile link (normalizeLink).
 */
function matchIdentities(probe: { name: string; email: string | null; currentEmployer: string | null; links: readonly string[] }, existing: readonly Identity[], byLink: Map<string, Identity[]>): Array<{ candidate: Identity; reasons: string[] }> {
  const found = new Map<string, { candidate: Identity; reasons: string[] }>();
  for (const m of findDuplicateCandidates({ name: probe.name, email: probe.email, currentEmployer: probe.currentEmployer }, existing)) found.set(m.candidate.id, { candidate: m.candidate, reasons: [...m.reasons] });
  for (const link of probe.links) {
    for (const c of byLink.get(normalizeLink(link)) ?? []) {
      const entry = found.get(c.id) ?? { candidate: c, reasons: [] };
      if (!entry.reasons.includes('link')) entry.reasons.push('link');
      found.set(c.id, entry);
    }
  }
  return [...found.values()];
}

function linkIndex(existing: readonly Identity[]): Map<string, Identity[]> {
  const out = new Map<string, Identity[]>();
  for (const c of existing) for (const l of c.links) out.set(normalizeLink(l), [...(out.get(normalizeLink(l)) ?? []), c]);
  return out;
}

/** Writes a new candidate record and its prospect row; audits both (field names). */
async function writeProspect(tx: Tx, actor: SourcingActor, poolId: string, d: Omit<ProspectDraft, 'row'> & { specializations?: string[] }, now: Date): Promise<ProspectRecord> {
  const candidate = await insertCandidate(
    tx,
    { id: randomUUID(), name: d.name, email: d.email ?? '', phone: null, links: d.links, location: null, currentEmployer: d.currentEmployer, source: CANDIDATE_SOURCE_OF_FOUND_HOW[d.foundHow], passive: true, specializations: d.specializations ?? [], productionMlYears: null, currentCompensation: null, createdBy: actor.id },
    now,
  );
  await recordAudit(tx, { actorId: actor.id, action: 'candidate.create', entity: 'candidate', entityId: candidate.id, fields: ['name', ...(d.email ? ['email'] : []), 'links', 'source', 'passive'], at: now });
  return insertProspectRow(tx, actor, poolId, candidate.id, d, now);
}

async function insertProspectRow(tx: Tx, actor: SourcingActor, poolId: string, candidateId: string, d: Pick<ProspectDraft, 'foundHow' | 'foundDetail' | 'currentEmployer' | 'lab' | 'links' | 'lawfulBasis' | 'timeZone'>, now: Date): Promise<ProspectRecord> {
  let prospect: ProspectRecord;
  try {
    prospect = await insertProspect(tx, { id: randomUUID(), poolId, candidateId, foundBy: actor.id, foundHow: d.foundHow, foundDetail: d.foundDetail, currentEmployer: d.currentEmployer, lab: d.lab, links: d.links, lawfulBasis: d.lawfulBasis, timeZone: d.timeZone }, now);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('PROSPECT_IN_POOL', 'This person is already in this pool.', 'candidateId');
    throw error;
  }
  const fields = ['candidateId', 'foundHow', ...(['foundDetail', 'currentEmployer', 'lab', 'lawfulBasis', 'timeZone'] as const).filter((k) => d[k] !== null), ...(d.links.length > 0 ? ['links'] : [])];
  await recordAudit(tx, { actorId: actor.id, action: 'prospect.create', entity: 'prospect', entityId: prospect.id, fields, at: now });
  return prospect;
}

/**
 * Adds one person to a pool: an existing candidate record (`candidateId`), or a new one after the duplicate check
 * against every candidate (DuplicateProspectError unless `allowDuplicate`). A person is in a pool once.
 */
export async function addProspect(tx: Tx, actor: SourcingActor, poolId: string, input: ProspectInput, now: Date): Promise<ProspectWithPerson> {
  await getPoolOrThrow(tx, poolId);
  const draft = {
    links: input.links ?? [],
    currentEmployer: input.currentEmployer ?? null,
    lab: input.lab ?? null,
    foundHow: input.foundHow,
    foundDetail: input.foundDetail ?? null,
    lawfulBasis: input.lawfulBasis ?? null,
    timeZone: input.timeZone ?? null,
  };
  let prospect: ProspectRecord;
  if (input.candidateId !== undefined) {
    const candidate = await getCandidateOrThrow(tx, input.candidateId).catch((error: unknown) => {
      if (error instanceof DomainError) throw new DomainError('CANDIDATE_NOT_FOUND', 'No such candidate.', 'candidateId');
      throw error;
    });
    if (candidate.mergedIntoId) throw new DomainError('CONFLICT', 'This record was merged into another; add that one.', 'candidateId');
    if ((await listPoolCandidateIds(tx, poolId)).has(candidate.id)) throw new DomainError('PROSPECT_IN_POOL', `${candidate.name} is already in this pool.`, 'candidateId');
    prospect = await insertProspectRow(tx, actor, poolId, candidate.id, { ...draft, currentEmployer: draft.currentEmployer ?? candidate.currentEmployer, links: draft.links.length > 0 ? draft.links : candidate.links }, now);
  } else {
    if (!input.name) throw new DomainError('VALIDATION_FAILED', 'A new prospect needs a name (or the candidateId of a person already in Closer).', 'name');
    const email = input.email ? input.email.trim().toLowerCase() : null;
    if (!input.allowDuplicate) {
      const existing = await listCandidateIdentitiesWithLinks(tx);
      const matches = matchIdentities({ name: input.name, email, currentEmployer: draft.currentEmployer, links: draft.links }, existing, linkIndex(existing));
      if (matches.length > 0) throw new DuplicateProspectError(matches);
    }
    prospect = await writeProspect(tx, actor, poolId, { ...draft, name: input.name, email, ...(input.specializations ? { specializations: input.specializations } : {}) }, now);
  }
  return (await getProspectWithPerson(tx, prospect.id))!;
}

export async function readProspect(tx: Tx, id: string): Promise<{ prospect: ProspectWithPerson; events: ProspectEventRecord[] }> {
  const prospect = await getProspectWithPerson(tx, id);
  if (!prospect) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'id');
  return { prospect, events: await listProspectEvents(tx, id) };
}

export async function findPoolProspects(tx: Tx, poolId: string, opts: { status?: string; limit: number; offset: number }): Promise<{ items: ProspectWithPerson[]; total: number }> {
  await getPoolOrThrow(tx, poolId);
  const status = opts.status?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const s of status ?? []) if (!(PROSPECT_STATUSES as readonly string[]).includes(s)) throw new DomainError('VALIDATION_FAILED', `"${s.slice(0, 40)}" is not a status (${PROSPECT_STATUSES.join(', ')}).`, 'status');
  return listPoolProspects(tx, poolId, { ...(status ? { status } : {}), limit: opts.limit, offset: opts.offset });
}

export type ProspectChange = Partial<Pick<ProspectRecord, 'links' | 'currentEmployer' | 'lab' | 'foundDetail' | 'lawfulBasis' | 'timeZone'>> & { status?: string; foundHow?: FoundHow };

/** PATCH of a prospect under If-Match: a status set by hand (not `converted`) and the sourcing fields. Audited. */
export async function changeProspect(tx: Tx, actor: SourcingActor, id: string, expectedVersion: number, patch: ProspectChange, now: Date): Promise<ProspectWithPerson> {
  const current = await getProspectOrThrow(tx, id);
  if (current.version !== expectedVersion) throw preconditionFailed();
  if (patch.status !== undefined && current.status === 'converted') throw new DomainError('CONFLICT', 'This prospect is already an application; change the application instead.', 'status');
  const changed = (Object.keys(patch) as Array<keyof ProspectChange>).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(current[k]));
  if (changed.length > 0) {
    const updated = await updateProspect(tx, id, expectedVersion, patch, now);
    if (!updated) throw preconditionFailed();
    await recordAudit(tx, { actorId: actor.id, action: 'prospect.update', entity: 'prospect', entityId: id, fields: changed, at: now });
  }
  return (await getProspectWithPerson(tx, id))!;
}

/* ----------------------------------------------------------------- import */

export interface ImportInput {
  csv?: string;
  mapping?: ColumnMapping;
  urls?: string;
  foundHow?: FoundHow;
  foundDetail?: string | null;
  lawfulBasis?: string | null;
  dryRun?: boolean;
  skipDuplicates?: boolean;
}

export interface ImportReport {
  dryRun: boolean;
  mapping: Record<string, string | null>;
  headers: string[];
  rows: number;
  ready: number;
  imported: number;
  skipped: number;
  problems: RowProblem[];
  duplicates: Array<{ row: number; name: string; candidateId: string; candidateName: string; reasons: string[]; inPool: boolean }>;
}

/** An import refused because of bad rows or duplicates: 422 IMPORT_REFUSED with the report; nothing was written. */
export class ImportRefusedError extends DomainError {
  constructor(readonly report: ImportReport) {
    super('IMPORT_REFUSED', `Nothing was imported: ${report.problems.length} row problem(s) and ${report.duplicates.length} possible duplicate(s). Fix the rows, or skip duplicates, and import again.`, report.problems[0]?.field ?? 'rows');
  }
}

/**
 * Prospects from a CSV (with a column mapping, guessed when none is sent) or a pasted URL list, all or nothing:
 * every row is checked (readProspectRows) and matched against every candidate (e-mail, name at employer, link).
 * A dry run, or any bad row or duplicate (unless `skipDuplicates`), writes nothing; the report names each row.
 */
export async function importProspects(tx: Tx, actor: SourcingActor, poolId: string, input: ImportInput, now: Date): Promise<ImportReport> {
  await getPoolOrThrow(tx, poolId);
  if ((input.csv === undefined) === (input.urls === undefined)) throw new DomainError('VALIDATION_FAILED', 'Send either csv (with an optional mapping) or urls.', input.csv === undefined ? 'csv' : 'urls');
  const defaults = { foundHow: input.foundHow ?? 'source', foundDetail: input.foundDetail ?? null, lawfulBasis: input.lawfulBasis ?? null } as const;
  let headers: string[] = [];
  let mapping: ColumnMapping = {};
  let read: { drafts: ProspectDraft[]; problems: RowProblem[] };
  let rows: number;
  if (input.csv !== undefined) {
    let table: string[][];
    try {
      table = parseCsv(input.csv);
    } catch (error) {
      if (error instanceof CsvError) throw new DomainError('VALIDATION_FAILED', error.message, 'csv');
      throw error;
    }
    headers = table[0] ?? [];
    mapping = input.mapping ?? guessMapping(headers);
    read = readProspectRows(table, mapping, defaults);
    rows = Math.max(0, table.length - 1);
  } else {
    read = readProfileUrls(input.urls!, defaults);
    rows = read.drafts.length + read.problems.length;
  }
  const existing = await listCandidateIdentitiesWithLinks(tx);
  const byLink = linkIndex(existing);
  const inPool = await listPoolCandidateIds(tx, poolId);
  const duplicates: ImportReport['duplicates'] = [];
  const ready: ProspectDraft[] = [];
  for (const d of read.drafts) {
    const matches = matchIdentities(d, existing, byLink);
    if (matches.length === 0) ready.push(d);
    for (const m of matches) duplicates.push({ row: d.row, name: d.name, candidateId: m.candidate.id, candidateName: m.candidate.name, reasons: m.reasons, inPool: inPool.has(m.candidate.id) });
  }
  const skipped = new Set(duplicates.map((d) => d.row)).size;
  const report: ImportReport = { dryRun: input.dryRun === true, mapping, headers, rows, ready: ready.length, imported: 0, skipped: input.skipDuplicates ? skipped : 0, problems: read.problems, duplicates };
  if (input.dryRun) return report;
  if (read.problems.length > 0 || (duplicates.length > 0 && !input.skipDuplicates) || ready.length === 0) {
    if (ready.length === 0 && read.problems.length === 0 && duplicates.length === 0) throw new DomainError('VALIDATION_FAILED', 'There are no rows to import.', 'csv');
    if (read.problems.length > 0 || (duplicates.length > 0 && !input.skipDuplicates)) throw new ImportRefusedError(report);
  }
  for (const d of ready) await writeProspect(tx, actor, poolId, d, now);
  report.imported = ready.length;
  await recordAudit(tx, { actorId: actor.id, action: 'pool.import', entity: 'pool', entityId: poolId, fields: ['prospects'], at: now });
  return report;
}

/* ------------------------------------------------------------- conversion */

/** The prospect events a conversion copies into the application's history, with their own times. */
const COPIED_TYPES = new Set(['outreach.sent', 'candidate.replied', 'note']);

/**
 * Turns an interested prospect into an application for a role (createApplication: an open role, one active
 * application per person and role). The outreach history is copied into the application's events with its real
 * times, so the cycle clock starts at the first outreach; the prospect becomes `converted` and points at the
 * application. Audited on the prospect (the application audits itself).
 */
export async function convertProspect(tx: Tx, actor: SourcingActor, id: string, input: { roleId: string; stage?: string }, now: Date): Promise<{ application: ApplicationRecord; prospect: ProspectWithPerson; copiedEvents: number }> {
  if (!(await lockProspect(tx, id))) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'id');
  const prospect = await getProspectOrThrow(tx, id);
  if (prospect.status !== 'interested') throw new DomainError('PROSPECT_NOT_INTERESTED', prospect.status === 'converted' ? 'This prospect is already an application.' : 'Mark the prospect as interested first; only an interested prospect becomes an application.', 'status');
  const application = await createApplication(tx, actor, { candidateId: prospect.candidateId, roleId: input.roleId, ...(input.stage ? { stage: input.stage } : {}) }, now);
  const history = (await listProspectEvents(tx, id)).filter((e) => COPIED_TYPES.has(e.type));
  let seq = await nextEventSeq(tx, application.id);
  for (const e of history) {
    await insertEvent(tx, { id: randomUUID(), applicationId: application.id, seq: seq++, type: e.type, occurredAt: e.occurredAt, recordedAt: now.toISOString(), actorId: e.actorId, data: e.data });
  }
  if (history.length > 0) await projectApplicationFromEvents(tx, application.id, now);
  const updated = await updateProspect(tx, id, prospect.version, { status: 'converted', convertedApplicationId: application.id }, now);
  if (!updated) throw preconditionFailed();
  await recordAudit(tx, { actorId: actor.id, action: 'prospect.convert', entity: 'prospect', entityId: id, fields: ['status', 'convertedApplicationId'], at: now });
  if (history.length > 0) await recordAudit(tx, { actorId: actor.id, action: 'application.update', entity: 'application', entityId: application.id, fields: ['events'], at: now });
  return { application, prospect: (await getProspectWithPerson(tx, id))!, copiedEvents: history.length };
}

/* ------------------------------------------------------------ nurture pace */

/** At most this many sourcing items on Today. */
const NURTURE_ITEM_LIMIT = 200;

/**
 * Today's sourcing items (neglected prospects, many touches without a reply) for people who may read pools; none
 * for others. Kept apart from Today's application query: one small indexed query, then the pure rule.
 */
export async function computeNurtureToday(tx: Tx, now: Date): Promise<NurtureItem[]> {
  const cadence = await shortestPoolCadence(tx);
  if (cadence === undefined) return [];
  const settings = DEFAULT_NURTURE_SETTINGS;
  const rows = await listNurtureProspects(tx, { statuses: settings.openStatuses, manyTouches: settings.manyTouches, touchedBefore: new Date(now.getTime() - cadence * 86_400_000).toISOString(), limit: NURTURE_ITEM_LIMIT });
  return buildNurtureItems(rows, now, settings);
}

/* ----------------------------------------------------------- network reach */

export async function computePoolReach(tx: Tx, poolId: string): Promise<{ pool: TalentPoolRecord; reach: NetworkReach }> {
  const pool = await getPoolOrThrow(tx, poolId);
  return { pool, reach: networkReach(await listPoolReachRows(tx, poolId)) };
}

export async function computeRoleReach(tx: Tx, roleId: string): Promise<{ role: { id: string; title: string }; reach: NetworkReach }> {
  const role = await getRoleOrThrow(tx, roleId);
  return { role: { id: role.id, title: role.title }, reach: networkReach(await listRoleReachRows(tx, roleId)) };
}
