import { DomainError } from '../../domain/shared/errors.js';
import type { Tx } from '../transaction.js';
import type { RoleTable } from '../schema.js';
import { currentCompanyStage, deleteRoleBand, listStageBandsOfRoles, putRoleBand } from './role-bands.js';

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
  /** The board-approved band of the company's current funding stage (table role_bands), or null. */
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

function toRole(r: RoleTable, band: RoleBandRecord | null): RoleRecord {
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

/** Roles with the band of the company's current stage (migration 010 moved bands to role_bands). */
async function withBands(tx: Tx, rows: readonly RoleTable[]): Promise<RoleRecord[]> {
  if (rows.length === 0) return [];
  const bands = await listStageBandsOfRoles(tx, rows.map((r) => r.id), await currentCompanyStage(tx));
  return rows.map((r) => {
    const b = bands.get(r.id);
    return toRole(r, b ? { baseMin: b.baseMin, baseMax: b.baseMax, equityPctMin: b.equityPctMin, equityPctMax: b.equityPctMax, currency: b.currency } : null);
  });
}

/** Records a role's band for the company's current stage (without approval facts), or removes it when null. */
async function writeCurrentBand(tx: Tx, roleId: string, band: RoleBandRecord | null, recordedBy: string | null, now: Date): Promise<void> {
  const stage = await currentCompanyStage(tx);
  if (band === null) {
    await deleteRoleBand(tx, roleId, stage);
    return;
  }
  const { baseMin, baseMax, equityPctMin, equityPctMax, currency } = band;
  await putRoleBand(tx, { roleId, companyStage: stage, baseMin, baseMax, equityPctMin, equityPctMax, currency, approvedBy: null, approvedOn: null, recordedBy, recordedAt: now.toISOString() });
}

const NO_BAND_COLUMNS = { band_base_min: null, band_base_max: null, band_equity_pct_min: null, band_equity_pct_max: null, band_currency: null };

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
      ...NO_BAND_COLUMNS,
      pedigree_blind: role.pedigreeBlind ? 1 : 0,
      status: role.status,
      created_by: role.createdBy,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  if (role.band) await writeCurrentBand(tx, role.id, role.band, role.createdBy, now);
  return { ...role, description: role.description ?? null, recruiterId: role.recruiterId ?? null, createdAt: at, updatedAt: at, version: 1 };
}

export async function getRole(tx: Tx, id: string): Promise<RoleRecord | undefined> {
  const r = await tx.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? (await withBands(tx, [r]))[0] : undefined;
}

export async function getRoleOrThrow(tx: Tx, id: string): Promise<RoleRecord> {
  const role = await getRole(tx, id);
  if (!role) throw new DomainError('ROLE_NOT_FOUND', 'No such role.', 'id');
  return role;
}

export async function listRoles(tx: Tx, opts: { status?: string } = {}): Promise<RoleRecord[]> {
  let q = tx.selectFrom('roles').selectAll().orderBy('created_at').orderBy('id');
  if (opts.status) q = q.where('status', '=', opts.status);
  return withBands(tx, await q.execute());
}

/**
 * Updates when `version` still matches (optimistic concurrency); undefined when someone else changed it first.
 * A `band` is recorded for the company's current stage, by `recordedBy`.
 */
export async function updateRole(tx: Tx, id: string, version: number, patch: RolePatch, now: Date, recordedBy: string | null = null): Promise<RoleRecord | undefined> {
  const values: Partial<RoleTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.title !== undefined) values.title = patch.title;
  if (patch.description !== undefined) values.description = patch.description;
  if (patch.specializations !== undefined) values.specializations = JSON.stringify(patch.specializations);
  if (patch.seniority !== undefined) values.seniority = patch.seniority;
  if (patch.hiringManagerId !== undefined) values.hiring_manager_id = patch.hiringManagerId;
  if (patch.recruiterId !== undefined) values.recruiter_id = patch.recruiterId;
  if (patch.processPlan !== undefined) values.process_plan = JSON.stringify(patch.processPlan);
  if (patch.clockOverrides !== undefined) values.clock_overrides = JSON.stringify(patch.clockOverrides);
  if (patch.pedigreeBlind !== undefined) values.pedigree_blind = patch.pedigreeBlind ? 1 : 0;
  if (patch.status !== undefined) values.status = patch.status;
  const res = await tx.updateTable('roles').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  if (patch.band !== undefined) await writeCurrentBand(tx, id, patch.band, recordedBy, now);
  return getRole(tx, id);
}
