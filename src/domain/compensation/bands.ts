import budgetJson from '../../../data/compensation/budget-share.json' with { type: 'json' };
import bandsJson from '../../../data/compensation/stage-bands.json' with { type: 'json' };
import { checkMoney, fail, isFiniteNumber } from './checks.js';

/** Stage bands (compensation.md) and the budget share of AI cash comp (comp.budget-share). */

export interface Range {
  min: number;
  max: number | null;
}

export interface StageBand {
  stage: string;
  role: string;
  currency: string;
  raisedUsd: Range | null;
  base: Range;
  /** percent of fully diluted shares */
  equityPct: Range;
  source: string;
  note?: string;
}

export interface BandReference {
  id: string;
  label: string;
  base?: Range;
  totalComp?: Range & { topQuartileFrom?: number };
  equity?: string;
  source: string;
}

/** Default bands for a senior AI engineer (data/compensation/stage-bands.json); a company can pass its own. */
export const DEFAULT_STAGE_BANDS: readonly StageBand[] = bandsJson.bands.map((b) => ({ ...b, currency: bandsJson.currency }));

export const BAND_REFERENCES: readonly BandReference[] = bandsJson.references;

/** The band of a stage (seed, seed-tier1, series-a, series-b by default), or undefined when none is defined. */
export function getStageBand(stage: string, bands: readonly StageBand[] = DEFAULT_STAGE_BANDS): StageBand | undefined {
  return bands.find((b) => b.stage === stage);
}

export function listStageBands(bands: readonly StageBand[] = DEFAULT_STAGE_BANDS): readonly StageBand[] {
  return bands;
}

export const BUDGET_SHARE_THRESHOLDS = {
  warningAbove: budgetJson.warningAbove.value,
  errorAbove: budgetJson.errorAbove.value,
} as const;

export interface BudgetShareInput {
  /** yearly cash comp of the current AI team */
  aiTeamAnnualCash: number;
  /** yearly cash comp of planned AI hires */
  plannedHiresAnnualCash?: number;
  /** exactly one basis: the yearly budget, the raise with the planned runway, or the yearly burn */
  budget: { annualBudget?: number; raise?: number; runwayYears?: number; annualBurn?: number };
}

export type BudgetSeverity = 'ok' | 'warning' | 'error';

export interface BudgetShare {
  share: number;
  annualCash: number;
  annualBudget: number;
  basis: 'annualBudget' | 'raiseOverRunway' | 'annualBurn';
  severity: BudgetSeverity;
  warningAbove: number;
  errorAbove: number;
}

/** AI cash comp as a share of the yearly budget: warning above 40%, error above 60% (defaults). */
export function budgetShare(input: BudgetShareInput, thresholds: { warningAbove: number; errorAbove: number } = BUDGET_SHARE_THRESHOLDS, field = 'budget'): BudgetShare {
  const current = checkMoney(input.aiTeamAnnualCash, `${field}.aiTeamAnnualCash`);
  const planned = checkMoney(input.plannedHiresAnnualCash ?? 0, `${field}.plannedHiresAnnualCash`);
  const b = input.budget ?? {};
  const hasBudget = b.annualBudget !== undefined;
  const hasRaise = b.raise !== undefined || b.runwayYears !== undefined;
  const hasBurn = b.annualBurn !== undefined;
  if (Number(hasBudget) + Number(hasRaise) + Number(hasBurn) !== 1) {
    fail('BUDGET_INVALID', `${field}.budget`, 'give exactly one of annualBudget, raise with runwayYears, or annualBurn');
  }
  if (!(thresholds.warningAbove >= 0 && thresholds.warningAbove <= thresholds.errorAbove)) {
    fail('PARAMETER_INVALID', `${field}.thresholds`, 'warningAbove must be between 0 and errorAbove');
  }
  let annualBudget: number;
  let basis: BudgetShare['basis'];
  if (hasBudget) {
    annualBudget = checkMoney(b.annualBudget, `${field}.budget.annualBudget`, { positive: true });
    basis = 'annualBudget';
  } else if (hasRaise) {
    const raise = checkMoney(b.raise, `${field}.budget.raise`, { positive: true });
    if (!isFiniteNumber(b.runwayYears) || b.runwayYears <= 0 || b.runwayYears > 30) fail('BUDGET_INVALID', `${field}.budget.runwayYears`, 'must be above 0 and at most 30 years');
    annualBudget = raise / b.runwayYears;
    basis = 'raiseOverRunway';
  } else {
    annualBudget = checkMoney(b.annualBurn, `${field}.budget.annualBurn`, { positive: true });
    basis = 'annualBurn';
  }
  const annualCash = current + planned;
  const share = annualCash / annualBudget;
  const severity: BudgetSeverity = share > thresholds.errorAbove ? 'error' : share > thresholds.warningAbove ? 'warning' : 'ok';
  return { share, annualCash, annualBudget, basis, severity, warningAbove: thresholds.warningAbove, errorAbove: thresholds.errorAbove };
}
