import { z } from 'zod';
import { COMPANY_STAGES, cleanText, WholeMoney } from '../domain/company/company.js';
import { Currency, EquityPct } from './roles.js';

export const RoleStageParams = z.strictObject({ id: z.string().min(1).max(64), stage: z.enum(COMPANY_STAGES) });
export type RoleStageParams = z.infer<typeof RoleStageParams>;

/** A board-approved band: base and equity ranges, who approved it (a person's name or "Board meeting") and the day. */
export const RoleBandBody = z.strictObject({
  baseMin: WholeMoney,
  baseMax: WholeMoney,
  equityPctMin: EquityPct,
  equityPctMax: EquityPct,
  currency: Currency,
  approvedBy: cleanText(200).refine((s) => s.trim().length > 0, { message: 'Say who approved the band: a name or "Board meeting"' }),
  approvedOn: z.iso.date({ message: 'A date as YYYY-MM-DD' }),
});
export type RoleBandBody = z.infer<typeof RoleBandBody>;

export const OfferBandCheckQuery = z.strictObject({ version: z.string().regex(/^\d{1,6}$/).optional() });
export type OfferBandCheckQuery = z.infer<typeof OfferBandCheckQuery>;

export const PersonRef = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

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

export const CheckedView = z.object({
  companyStage: z.string(),
  band: z.object(BandFacts).nullable(),
});
export type CheckedView = z.infer<typeof CheckedView>;

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
export type StageBandView = z.infer<typeof StageBandView>;
export type StageDefaultView = z.infer<typeof StageDefaultView>;
export type OfferBandCheckView = z.infer<typeof OfferBandCheckView>;
