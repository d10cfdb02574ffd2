import { sql } from 'kysely';
import { DomainError } from '../../domain/shared/errors.js';
import type { Tx } from '../transaction.js';
import type { CandidateTable } from '../schema.js';

export interface CompensationRecord {
  base: number;
  bonus: number;
  equityAnnual: number;
  currency: string;
}

export interface CandidateRecord {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  links: string[];
  location: string | null;
  currentEmployer: string | null;
  source: string;
  passive: boolean;
  specializations: string[];
  productionMlYears: number | null;
  /** Readable only with `compensation.read`: presenters drop it for everyone else. */
  currentCompensation: CompensationRecord | null;
  /** Set once this record was merged into another; it then stays only as history. */
  mergedIntoId: string | null;
  /** Set while archived: hidden from the default list, no new applications. */
  archivedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type CandidateInsert = Omit<CandidateRecord, 'createdAt' | 'updatedAt' | 'version' | 'mergedIntoId' | 'archivedAt'>;
export type CandidatePatch = Partial<
  Pick<CandidateRecord, 'name' | 'email' | 'phone' | 'links' | 'location' | 'currentEmployer' | 'source' | 'passive' | 'specializations' | 'productionMlYears' | 'currentCompensation' | 'mergedIntoId' | 'archivedAt'>
>;

/** The fields duplicate detection compares. */
export interface StoredCandidateIdentity {
  id: string;
  name: string;
  email: string;
  currentEmployer: string | null;
}

function toCandidate(r: CandidateTable): CandidateRecord {
  const comp =
    r.comp_currency !== null
      ? { base: Number(r.comp_base ?? 0), bonus: Number(r.comp_bonus ?? 0), equityAnnual: Number(r.comp_equity_annual ?? 0), currency: r.comp_currency }
      : null;
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    links: JSON.parse(r.links) as string[],
    location: r.location,
    currentEmployer: r.current_employer,
    source: r.source,
    passive: r.passive === 1,
    specializations: JSON.parse(r.specializations) as string[],
    productionMlYears: r.production_ml_years === null ? null : Number(r.production_ml_years),
    currentCompensation: comp,
    mergedIntoId: r.merged_into_id,
    archivedAt: r.archived_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function normaliseCandidateEmail(email: string): string {
  return email.trim().toLowerCase();
}

function compColumns(c: CompensationRecord | null) {
  return { comp_base: c?.base ?? null, comp_bonus: c?.bonus ?? null, comp_equity_annual: c?.equityAnnual ?? null, comp_currency: c?.currency ?? null };
}

function toCandidateRow(c: CandidateInsert, at: string): CandidateTable {
  return {
    id: c.id,
    name: c.name,
    email: normaliseCandidateEmail(c.email),
    phone: c.phone,
    links: JSON.stringify(c.links),
    location: c.location,
    current_employer: c.currentEmployer,
    source: c.source,
    passive: c.passive ? 1 : 0,
    specializations: JSON.stringify(c.specializations),
    production_ml_years: c.productionMlYears,
    ...compColumns(c.currentCompensation),
    merged_into_id: null,
    archived_at: null,
    talent_pool_consent_at: null,
    created_by: c.createdBy,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export async function insertCandidate(tx: Tx, c: CandidateInsert, now: Date): Promise<CandidateRecord> {
  const row = toCandidateRow(c, now.toISOString());
  await tx.insertInto('candidates').values(row).execute();
  return toCandidate(row);
}

/** Bulk insert for imports and benchmarks: multi-row statements of `chunk` rows; `createdAt` and `archivedAt` (ISO
 * instants) keep an imported candidate's own creation and archiving times. */
export async function insertCandidates(tx: Tx, candidates: readonly (CandidateInsert & { createdAt?: string; archivedAt?: string })[], now: Date, chunk = 500): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < candidates.length; i += chunk) {
    await tx
      .insertInto('candidates')
      .values(candidates.slice(i, i + chunk).map(({ createdAt, archivedAt, ...c }) => ({ ...toCandidateRow(c, at), ...(createdAt !== undefined ? { created_at: createdAt } : {}), ...(archivedAt !== undefined ? { archived_at: archivedAt } : {}) })))
      .execute();
  }
}

export async function getCandidate(tx: Tx, id: string): Promise<CandidateRecord | undefined> {
  const r = await tx.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCandidate(r) : undefined;
}

export async function getCandidateOrThrow(tx: Tx, id: string): Promise<CandidateRecord> {
  const c = await getCandidate(tx, id);
  if (!c) throw new DomainError('CANDIDATE_NOT_FOUND', 'No such candidate.', 'id');
  return c;
}

export async function listCandidatesByIds(tx: Tx, ids: readonly string[]): Promise<CandidateRecord[]> {
  if (ids.length === 0) return [];
  return (await tx.selectFrom('candidates').selectAll().where('id', 'in', [...ids]).execute()).map(toCandidate);
}

/** `%` and `_` are literal in a search term; `\` escapes them in LIKE ... ESCAPE '\'. */
function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Which candidates a list shows: not archived (the default), only archived ones, or both. */
export type ArchivedFilter = 'exclude' | 'only' | 'include';

/**
 * Candidates that are not merged away, newest first. `q` matches name and e-mail, and the employer
 * unless `searchEmployer` is false (pedigree-blind viewers must not find people by employer).
 * Archived candidates are left out unless `archived` says otherwise.
 */
export async function listCandidates(
  tx: Tx,
  opts: { q?: string; searchEmployer?: boolean; archived?: ArchivedFilter; limit: number; offset?: number },
): Promise<CandidateRecord[]> {
  let q = tx.selectFrom('candidates').selectAll().where('merged_into_id', 'is', null);
  const archived = opts.archived ?? 'exclude';
  if (archived === 'exclude') q = q.where('archived_at', 'is', null);
  else if (archived === 'only') q = q.where('archived_at', 'is not', null);
  if (opts.q) {
    const pattern = likePattern(opts.q);
    q = q.where((eb) => {
      const conds = [sql<boolean>`lower(name) like ${pattern} escape '\\'`, sql<boolean>`lower(email) like ${pattern} escape '\\'`];
      if (opts.searchEmployer !== false) conds.push(sql<boolean>`lower(coalesce(current_employer, '')) like ${pattern} escape '\\'`);
      return eb.or(conds);
    });
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(opts.limit).offset(opts.offset ?? 0).execute();
  return rows.map(toCandidate);
}

/** Name, e-mail and employer of every candidate still in use: what duplicate detection compares against. */
export async function listCandidateIdentities(tx: Tx): Promise<StoredCandidateIdentity[]> {
  const rows = await tx.selectFrom('candidates').select(['id', 'name', 'email', 'current_employer']).where('merged_into_id', 'is', null).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, currentEmployer: r.current_employer }));
}

export async function updateCandidate(tx: Tx, id: string, version: number, patch: CandidatePatch, now: Date): Promise<CandidateRecord | undefined> {
  const values: Partial<CandidateTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.email !== undefined) values.email = normaliseCandidateEmail(patch.email);
  if (patch.phone !== undefined) values.phone = patch.phone;
  if (patch.links !== undefined) values.links = JSON.stringify(patch.links);
  if (patch.location !== undefined) values.location = patch.location;
  if (patch.currentEmployer !== undefined) values.current_employer = patch.currentEmployer;
  if (patch.source !== undefined) values.source = patch.source;
  if (patch.passive !== undefined) values.passive = patch.passive ? 1 : 0;
  if (patch.specializations !== undefined) values.specializations = JSON.stringify(patch.specializations);
  if (patch.productionMlYears !== undefined) values.production_ml_years = patch.productionMlYears;
  if (patch.currentCompensation !== undefined) Object.assign(values, compColumns(patch.currentCompensation));
  if (patch.mergedIntoId !== undefined) values.merged_into_id = patch.mergedIntoId;
  if (patch.archivedAt !== undefined) values.archived_at = patch.archivedAt;
  const res = await tx.updateTable('candidates').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return getCandidate(tx, id);
}

/** The distinct candidates with an application for a role (any status): what the role's source mix counts. */
export async function listCandidateSourcesOfRole(tx: Tx, roleId: string): Promise<Array<{ id: string; source: string }>> {
  return tx
    .selectFrom('candidates as c')
    .innerJoin('applications as a', 'a.candidate_id', 'c.id')
    .select(['c.id as id', 'c.source as source'])
    .where('a.role_id', '=', roleId)
    .distinct()
    .orderBy('c.id')
    .execute();
}

/** Which of these candidates have an application for a pedigree-blind role (their employer is hidden from interviewers). */
export async function listCandidatesInBlindRoles(tx: Tx, candidateIds: readonly string[]): Promise<Set<string>> {
  if (candidateIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('applications as a')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .select('a.candidate_id as id')
    .where('r.pedigree_blind', '=', 1)
    .where('a.candidate_id', 'in', [...candidateIds])
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.id));
}
