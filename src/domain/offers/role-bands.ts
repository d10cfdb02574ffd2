import { DEFAULT_STAGE_BANDS, type StageBand } from '../compensation/bands.js';
import { DomainError } from '../shared/errors.js';

/**
 * Board-approved bands per role and company funding stage (compensation.md: stage bands seed a new company; a
 * company records a board-approved band per role, and bands change when the company raises). The band a role's
 * offers are checked against is the one of the company's current stage. Pure and browser-safe.
 */

/** Base in whole units of `currency`; equity in percent of fully diluted shares. */
export interface BandRanges {
  baseMin: number;
  baseMax: number;
  equityPctMin: number;
  equityPctMax: number;
  currency: string;
}

/** A stage's default band from data (senior AI engineer), to compare a role's band with; null for stages without one. */
export interface StageDefaultBand extends BandRanges {
  stage: string;
  /** Whom the default describes ("senior AI engineer"). */
  role: string;
  source: string;
}

/** The default band of a funding stage from `data/compensation/stage-bands.json`, or null when the data has none. */
export function stageDefaultBand(stage: string, bands: readonly StageBand[] = DEFAULT_STAGE_BANDS): StageDefaultBand | null {
  const b = bands.find((x) => x.stage === stage);
  if (!b || b.base.max === null || b.equityPct.max === null) return null;
  return { stage, role: b.role, baseMin: b.base.min, baseMax: b.base.max, equityPctMin: b.equityPct.min, equityPctMax: b.equityPct.max, currency: b.currency, source: b.source };
}

/** Checks that each minimum is at or below its maximum (MONEY_INVALID / EQUITY_OUT_OF_RANGE on the minimum). */
export function checkBandRanges(band: BandRanges, prefix = ''): void {
  if (band.baseMin > band.baseMax) throw new DomainError('MONEY_INVALID', 'The lowest base is above the highest.', `${prefix}baseMin`);
  if (band.equityPctMin > band.equityPctMax) throw new DomainError('EQUITY_OUT_OF_RANGE', 'The lowest equity is above the highest.', `${prefix}equityPctMin`);
}

/** Checks that a board approval date (YYYY-MM-DD) is not after `today` (YYYY-MM-DD, UTC). */
export function checkApprovalDate(approvedOn: string, today: string, field = 'approvedOn'): void {
  if (approvedOn > today) throw new DomainError('VALIDATION_FAILED', 'The approval date cannot be in the future.', field);
}

/** The approval facts of a band: who approved it and when. */
export interface BandApproval {
  approvedBy: string | null;
  approvedOn: string | null;
}

/** Names of the band fields that differ between two versions (for the audit log: names, never values). */
export function changedBandFields(before: (BandRanges & BandApproval) | undefined, after: BandRanges & BandApproval): string[] {
  const keys = ['baseMin', 'baseMax', 'equityPctMin', 'equityPctMax', 'currency', 'approvedBy', 'approvedOn'] as const;
  if (!before) return [...keys];
  return keys.filter((k) => before[k] !== after[k]);
}
