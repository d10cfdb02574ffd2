import { COMPANY_STAGES } from '../../../domain/company/company.js';
import { stageDefaultBand } from '../../../domain/offers/index.js';
import type { CheckedBandRecord, StageBandRecord } from '../../services/records.js';
import type { OfferBandCheck, RoleBandsState } from '../../services/role-bands.js';
import { CheckedView, OfferBandCheckView, PersonRef, RoleBandsView, StageBandView } from '../../../api/role-bands.js';

function person(id: string | null, people: Map<string, string>): PersonRef | null {
  return id ? { id, name: people.get(id) ?? 'A former user' } : null;
}

function presentBand(b: StageBandRecord, companyStage: string, people: Map<string, string>): StageBandView {
  return {
    companyStage: b.companyStage,
    current: b.companyStage === companyStage,
    baseMin: b.baseMin,
    baseMax: b.baseMax,
    equityPctMin: b.equityPctMin,
    equityPctMax: b.equityPctMax,
    currency: b.currency,
    approvedBy: b.approvedBy,
    approvedOn: b.approvedOn,
    recordedBy: person(b.recordedBy, people),
    recordedAt: b.recordedAt,
  };
}

export function presentRoleBands(s: RoleBandsState, people: Map<string, string>): RoleBandsView {
  const bands = s.bands.map((b) => presentBand(b, s.companyStage, people));
  return {
    roleId: s.role.id,
    roleTitle: s.role.title,
    version: s.role.version,
    companyStage: s.companyStage,
    current: bands.find((b) => b.current) ?? null,
    bands,
    stageDefaults: COMPANY_STAGES.flatMap((stage) => {
      const d = stageDefaultBand(stage);
      return d ? [d] : [];
    }),
  };
}

function presentChecked(c: CheckedBandRecord, people: Map<string, string>): CheckedView {
  return { companyStage: c.companyStage, band: c.band ? { ...c.band, recordedBy: person(c.band.recordedBy, people) } : null };
}

export function presentOfferBandCheck(c: OfferBandCheck, people: Map<string, string>): OfferBandCheckView {
  const keys = ['baseMin', 'baseMax', 'equityPctMin', 'equityPctMax', 'currency', 'approvedBy', 'approvedOn', 'recordedAt'] as const;
  const same = (a: CheckedBandRecord | null, b: CheckedBandRecord) =>
    a !== null && a.companyStage === b.companyStage && (a.band === null || b.band === null ? a.band === b.band : keys.every((k) => a.band![k] === b.band![k]));
  return {
    offerId: c.offerId,
    roleId: c.roleId,
    version: c.version.version,
    insideBand: c.version.insideBand,
    reasons: c.version.bandReasons,
    checkedAgainst: c.checked ? presentChecked(c.checked, people) : null,
    current: presentChecked(c.current, people),
    sameAsCurrent: same(c.checked, c.current),
  };
}
