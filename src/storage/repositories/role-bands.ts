import type { Tx } from '../transaction.js';
import type { RoleBandTable } from '../schema.js';
import type { RoleBandRecord } from './roles.js';

/** A board-approved band of one role for one company funding stage, with its approval facts. */
export interface StageBandRecord extends RoleBandRecord {
  roleId: string;
  companyStage: string;
  /** Who approved it: a person's name or "Board meeting"; null for a band recorded without approval facts. */
  approvedBy: string | null;
  /** The day it was approved (YYYY-MM-DD); null when not recorded. */
  approvedOn: string | null;
  /** The user who recorded it in Closer. */
  recordedBy: string | null;
  recordedAt: string;
}

/** The stage a band falls back to when no company is set up yet (as the offer engine does). */
const FALLBACK_COMPANY_STAGE = 'seed';

function toStageBand(r: RoleBandTable): StageBandRecord {
  return {
    roleId: r.role_id,
    companyStage: r.company_stage,
    baseMin: Number(r.base_min),
    baseMax: Number(r.base_max),
    equityPctMin: Number(r.equity_pct_min),
    equityPctMax: Number(r.equity_pct_max),
    currency: r.currency,
    approvedBy: r.approved_by,
    approvedOn: r.approved_on,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

/** The workspace's funding stage now: the stage whose bands a role's offers are checked against. */
export async function currentCompanyStage(tx: Tx): Promise<string> {
  const row = await tx.selectFrom('companies').select('stage').orderBy('created_at').limit(1).executeTakeFirst();
  return row?.stage ?? FALLBACK_COMPANY_STAGE;
}

/** Every band of a role, one per stage (unordered: the caller orders stages). */
export async function listRoleBands(tx: Tx, roleId: string): Promise<StageBandRecord[]> {
  return (await tx.selectFrom('role_bands').selectAll().where('role_id', '=', roleId).execute()).map(toStageBand);
}

/** The bands of several roles for one stage, by role id. */
export async function listStageBandsOfRoles(tx: Tx, roleIds: readonly string[], stage: string): Promise<Map<string, StageBandRecord>> {
  if (roleIds.length === 0) return new Map();
  const out = new Map<string, StageBandRecord>();
  for (let i = 0; i < roleIds.length; i += 500) {
    const rows = await tx.selectFrom('role_bands').selectAll().where('company_stage', '=', stage).where('role_id', 'in', roleIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.role_id, toStageBand(r));
  }
  return out;
}

export async function getRoleBandOfStage(tx: Tx, roleId: string, stage: string): Promise<StageBandRecord | undefined> {
  const r = await tx.selectFrom('role_bands').selectAll().where('role_id', '=', roleId).where('company_stage', '=', stage).executeTakeFirst();
  return r ? toStageBand(r) : undefined;
}

/** Records (or replaces) the band of a role for a stage. */
export async function putRoleBand(tx: Tx, band: StageBandRecord): Promise<StageBandRecord> {
  await deleteRoleBand(tx, band.roleId, band.companyStage);
  await tx
    .insertInto('role_bands')
    .values({
      role_id: band.roleId,
      company_stage: band.companyStage,
      base_min: band.baseMin,
      base_max: band.baseMax,
      equity_pct_min: band.equityPctMin,
      equity_pct_max: band.equityPctMax,
      currency: band.currency,
      approved_by: band.approvedBy,
      approved_on: band.approvedOn,
      recorded_by: band.recordedBy,
      recorded_at: band.recordedAt,
    })
    .execute();
  return band;
}

/** Removes a role's band for a stage; true when there was one. */
export async function deleteRoleBand(tx: Tx, roleId: string, stage: string): Promise<boolean> {
  const res = await tx.deleteFrom('role_bands').where('role_id', '=', roleId).where('company_stage', '=', stage).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
