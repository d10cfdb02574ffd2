import { z } from 'zod';
import { COMPANY_STAGES } from '../../../domain/company/company.js';
import { stageDefaultBand } from '../../../domain/offers/index.js';
import type { CheckedBandRecord, StageBandRecord } from '../../services/records.js';
import type { OfferBandCheck, RoleBandsState } from '../../services/role-bands.js';

const PersonRef = z.object({ id: z.string(), name: z.string() });

const BandFacts = {
  baseMin: z.number(),
  baseMax: z.number(),
  equityPctMin: z.number(),
  equityPctMax: z.number(),
  currency: z.string(),
  /** A person's name or "Board meeting"; null for a band recorded without approval facts (before they were kept, or through PATCH /roles). */
  approvedBy: z.string().nullable(),
  approvedOn: z.string().nullable(),
  recordedBy: PersonRef.nullable(),
  recordedAt: z.string(),
};

export const StageBandView = z.object({ companyStage: z.string(), current: z.boolean(), ...BandFacts });
export const StageDefaultView = z.object({ stage: z.string(), role: z.string(), baseMin: z.number(), baseMax: z.number(), equityPctMin: z.number(), equityPctMax: z.number(), currency: z.string(), source: z.string() });

export const RoleBandsView = z.object({
  roleId: z.string(),
  roleTitle: z.string(),
  /** The role's version: send it as If-Match to change a band. */
  version: z.number().int(),
  companyStage: z.string(),
  /** The band of the company's current stage: the one offers are checked against. */
  current: StageBandView.nullable(),
  bands: z.array(StageBandView),
  /** Defaults by stage from data/compensation/stage-bands.json (senior AI engineer), for reference. */
  stageDefaults: z.array(StageDefaultView),
});
export type RoleBandsView = z.infer<typeof RoleBandsView>;

function person(id: string | null, people: Map<string, string>): z.infer<typeof PersonRef> | null {
  return id ? { id, name: people.get(id) ?? 'A former user' } : null;
}

function presentBand(b: StageBandRecord, companyStage: string, people: Map<string, string>): z.infer<typeof StageBandView> {
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

const CheckedView = z.object({
  companyStage: z.string(),
  band: z.object(BandFacts).nullable(),
});

export const OfferBandCheckView = z.object({
  offerId: z.string(),
  roleId: z.string(),
  version: z.number().int(),
  insideBand: z.boolean(),
  reasons: z.array(z.object({ field: z.string(), message: z.string() })),
  /** The band this version was checked against; null for versions checked before bands were kept per stage. */
  checkedAgainst: CheckedView.nullable(),
  /** The role's band for the company's stage now. */
  current: CheckedView,
  /** True when the band now is the one the version was checked against (same stage, ranges and approval). */
  sameAsCurrent: z.boolean(),
});

function presentChecked(c: CheckedBandRecord, people: Map<string, string>): z.infer<typeof CheckedView> {
  return { companyStage: c.companyStage, band: c.band ? { ...c.band, recordedBy: person(c.band.recordedBy, people) } : null };
}

export function presentOfferBandCheck(c: OfferBandCheck, people: Map<string, string>): z.infer<typeof OfferBandCheckView> {
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
