import { COMPANY_STAGES } from '../../domain/company/company.js';
import { changedBandFields, checkApprovalDate, checkBandRanges, type BandRanges } from '../../domain/offers/index.js';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import {
  currentCompanyStage,
  deleteRoleBand,
  getOfferOrThrow,
  getOfferVersionOrThrow,
  getApplicationOrThrow,
  getRoleBandOfStage,
  getRoleOrThrow,
  listRoleBands,
  putRoleBand,
  recordAudit,
  updateRole,
  type CheckedBandRecord,
  type OfferVersionRecord,
  type RoleRecord,
  type StageBandRecord,
  type Tx,
} from '../../storage/index.js';

/** Who is writing: the signed-in user. */
export interface BandActor {
  id: string;
}

/** A band as sent: the ranges and who approved it when. */
export interface BandInput extends BandRanges {
  approvedBy: string;
  approvedOn: string;
}

export interface RoleBandsState {
  role: RoleRecord;
  /** The company's funding stage now: its band is the one offers are checked against. */
  companyStage: string;
  /** One per stage that has a band, in the order of the funding stages. */
  bands: StageBandRecord[];
}

const stageOrder = (stage: string) => {
  const i = (COMPANY_STAGES as readonly string[]).indexOf(stage);
  return i < 0 ? COMPANY_STAGES.length : i;
};

/** A role's bands for every funding stage, and which stage is the company's now. */
export async function readRoleBands(tx: Tx, roleId: string): Promise<RoleBandsState> {
  const role = await getRoleOrThrow(tx, roleId);
  const [companyStage, bands] = await Promise.all([currentCompanyStage(tx), listRoleBands(tx, roleId)]);
  bands.sort((a, b) => stageOrder(a.companyStage) - stageOrder(b.companyStage));
  return { role, companyStage, bands };
}

function stale(): DomainError {
  return preconditionFailed('The role changed since you read it. Reload and try again.');
}

/** Bumps the role's version, so the band change is one more version of the role (its ETag guards both). */
async function touchRole(tx: Tx, roleId: string, expectedVersion: number, now: Date): Promise<void> {
  if (!(await updateRole(tx, roleId, expectedVersion, {}, now))) throw stale();
}

/**
 * Records the board-approved band of a role for a funding stage, replacing the one recorded before: the ranges,
 * who approved it (a person's name or "Board meeting") and on which day, and who recorded it now. Under If-Match
 * of the role; audited as `role.band.set` with the changed field names (`bands.<stage>.<field>`).
 */
export async function setRoleBand(tx: Tx, actor: BandActor, roleId: string, stage: string, expectedVersion: number, input: BandInput, now: Date): Promise<RoleBandsState> {
  const role = await getRoleOrThrow(tx, roleId);
  if (role.version !== expectedVersion) throw stale();
  checkBandRanges(input);
  checkApprovalDate(input.approvedOn, now.toISOString().slice(0, 10));
  const before = await getRoleBandOfStage(tx, roleId, stage);
  const next: StageBandRecord = {
    roleId,
    companyStage: stage,
    baseMin: input.baseMin,
    baseMax: input.baseMax,
    equityPctMin: input.equityPctMin,
    equityPctMax: input.equityPctMax,
    currency: input.currency,
    approvedBy: input.approvedBy.trim(),
    approvedOn: input.approvedOn,
    recordedBy: actor.id,
    recordedAt: now.toISOString(),
  };
  const changed = changedBandFields(before, next);
  if (changed.length === 0) return readRoleBands(tx, roleId);
  await putRoleBand(tx, next);
  await touchRole(tx, roleId, expectedVersion, now);
  await recordAudit(tx, { actorId: actor.id, action: 'role.band.set', entity: 'role', entityId: roleId, fields: changed.map((f) => `bands.${stage}.${f}`), at: now });
  return readRoleBands(tx, roleId);
}

/** Removes a role's band for a stage (404 ROLE_BAND_NOT_FOUND when there is none); under If-Match of the role, audited. */
export async function removeRoleBand(tx: Tx, actor: BandActor, roleId: string, stage: string, expectedVersion: number, now: Date): Promise<RoleBandsState> {
  const role = await getRoleOrThrow(tx, roleId);
  if (role.version !== expectedVersion) throw stale();
  if (!(await deleteRoleBand(tx, roleId, stage))) throw new DomainError('ROLE_BAND_NOT_FOUND', 'This role has no band for that funding stage.', 'stage');
  await touchRole(tx, roleId, expectedVersion, now);
  await recordAudit(tx, { actorId: actor.id, action: 'role.band.remove', entity: 'role', entityId: roleId, fields: [`bands.${stage}`], at: now });
  return readRoleBands(tx, roleId);
}

export interface OfferBandCheck {
  offerId: string;
  roleId: string;
  version: OfferVersionRecord;
  /** What the version was checked against; null for versions checked before bands were kept per stage. */
  checked: CheckedBandRecord | null;
  /** The role's band for the company's stage now. */
  current: CheckedBandRecord;
}

/** Which band an offer version was checked against, and the role's band now (to tell whether it changed since). */
export async function readOfferBandCheck(tx: Tx, offerId: string, versionNumber: number | undefined): Promise<OfferBandCheck> {
  const offer = await getOfferOrThrow(tx, offerId);
  const version = await getOfferVersionOrThrow(tx, offer.id, versionNumber ?? offer.currentVersion);
  const application = await getApplicationOrThrow(tx, offer.applicationId);
  const companyStage = await currentCompanyStage(tx);
  const now = await getRoleBandOfStage(tx, application.roleId, companyStage);
  let band: CheckedBandRecord['band'] = null;
  if (now) {
    const { roleId: _roleId, companyStage: _stage, ...facts } = now;
    band = facts;
  }
  return { offerId: offer.id, roleId: application.roleId, version, checked: version.checkedBand ?? null, current: { companyStage, band } };
}
