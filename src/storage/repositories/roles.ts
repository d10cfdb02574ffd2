import { NotFoundError } from '../../domain/shared/errors.js';
import type { Tx } from '../transaction.js';
import type { RoleTable } from '../schema.js';

export interface RoleStageRecord {
  id: string;
  name: string;
  plannedDays: number;
}

export interface RoleBandRecord {
  baseMin: number;
  baseMax: number;
  equityPctMin: number;
  equityPctMax: number;
  currency: string;
}

export interface RoleRecord {
  id: string;
  title: string;
  /** the job description the role was scoped from (role editor); null when none was given */
  description: string | null;
  specializations: string[];
  seniority: string;
  hiringManagerId: string | null;
  /** The recruiter who runs the search; their Today leads with this role's work. */
  recruiterId: string | null;
  processPlan: { stages: RoleStageRecord[] };
  /** Per-role clock settings, merged over the company's by the pipeline domain. */
  clockOverrides: Record<string, unknown>;
  band: RoleBandRecord | null;
  pedigreeBlind: boolean;
  status: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type RoleInsert = Omit<RoleRecord, 'createdAt' | 'updatedAt' | 'version' | 'description' | 'recruiterId'> & { description?: string | null; recruiterId?: string | null };
export type RolePatch = Partial<Pick<RoleRecord, 'title' | 'description' | 'specializations' | 'seniority' | 'hiringManagerId' | 'recruiterId' | 'processPlan' | 'clockOverrides' | 'band' | 'pedigreeBlind' | 'status'>>;

function toRole(r: RoleTable): RoleRecord {
  const band =
    r.band_base_min !== null && r.band_base_max !== null && r.band_currency !== null
      ? { baseMin: Number(r.band_base_min), baseMax: Number(r.band_base_max), equityPctMin: Number(r.band_equity_pct_min), equityPctMax: Number(r.band_equity_pct_max), currency: r.band_currency }
      : null;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    specializations: JSON.parse(r.specializations) as string[],
    seniority: r.seniority,
    hiringManagerId: r.hiring_manager_id,
    recruiterId: r.recruiter_id,
    processPlan: JSON.parse(r.process_plan) as RoleRecord['processPlan'],
    clockOverrides: JSON.parse(r.clock_overrides) as Record<string, unknown>,
    band,
    pedigreeBlind: r.pedigree_blind === 1,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function bandColumns(band: RoleBandRecord | null) {
  return {
    band_base_min: band?.baseMin ?? null,
    band_base_max: band?.baseMax ?? null,
    band_equity_pct_min: band?.equityPctMin ?? null,
    band_equity_pct_max: band?.equityPctMax ?? null,
    band_currency: band?.currency ?? null,
  };
}

export async function insertRole(tx: Tx, role: RoleInsert, now: Date): Promise<RoleRecord> {
  const at = now.toISOString();
  await tx
    .insertInto('roles')
    .values({
      id: role.id,
      title: role.title,
      description: role.description ?? null,
      specializations: JSON.stringify(role.specializations),
      seniority: role.seniority,
      hiring_manager_id: role.hiringManagerId,
      recruiter_id: role.recruiterId ?? null,
      process_plan: JSON.stringify(role.processPlan),
      clock_overrides: JSON.stringify(role.clockOverrides),
      ...bandColumns(role.band),
      pedigree_blind: role.pedigreeBlind ? 1 : 0,
      status: role.status,
      created_by: role.createdBy,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return { ...role, description: role.description ?? null, recruiterId: role.recruiterId ?? null, createdAt: at, updatedAt: at, version: 1 };
}

export async function getRole(tx: Tx, id: string): Promise<RoleRecord | undefined> {
  const r = await tx.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRole(r) : undefined;
}

export async function getRoleOrThrow(tx: Tx, id: string): Promise<RoleRecord> {
  const role = await getRole(tx, id);
  if (!role) throw new NotFoundError('ROLE_NOT_FOUND', 'No such role.', 'id');
  return role;
}

export async function listRoles(tx: Tx, opts: { status?: string } = {}): Promise<RoleRecord[]> {
  let q = tx.selectFrom('roles').selectAll().orderBy('created_at').orderBy('id');
  if (opts.status) q = q.where('status', '=', opts.status);
  return (await q.execute()).map(toRole);
}

export async function listRolesByIds(tx: Tx, ids: readonly string[]): Promise<RoleRecord[]> {
  if (ids.length === 0) return [];
  return (await tx.selectFrom('roles').selectAll().where('id', 'in', [...ids]).execute()).map(toRole);
}

/** Updates when `version` still matches (optimistic concurrency); undefined when someone else changed it first. */
export async function updateRole(tx: Tx, id: string, version: number, patch: RolePatch, now: Date): Promise<RoleRecord | undefined> {
  const values: Partial<RoleTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.title !== undefined) values.title = patch.title;
  if (patch.description !== undefined) values.description = patch.description;
  if (patch.specializations !== undefined) values.specializations = JSON.stringify(patch.specializations);
  if (patch.seniority !== undefined) values.seniority = patch.seniority;
  if (patch.hiringManagerId !== undefined) values.hiring_manager_id = patch.hiringManagerId;
  if (patch.recruiterId !== undefined) values.recruiter_id = patch.recruiterId;
  if (patch.processPlan !== undefined) values.process_plan = JSON.stringify(patch.processPlan);
  if (patch.clockOverrides !== undefined) values.clock_overrides = JSON.stringify(patch.clockOverrides);
  if (patch.band !== undefined) Object.assign(values, bandColumns(patch.band));
  if (patch.pedigreeBlind !== undefined) values.pedigree_blind = patch.pedigreeBlind ? 1 : 0;
  if (patch.status !== undefined) values.status = patch.status;
  const res = await tx.updateTable('roles').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return getRole(tx, id);
}
