import thresholdJson from '../../../data/compensation/threshold-defaults.json' with { type: 'json' };
import { checkMoney, checkParameter, checkProbability, checkShare, checkYears, fail, isFiniteNumber } from './checks.js';
import { lifetimeFailureProbability } from './funnel.js';
import { modelStageOf, resolveModelParameters, sourceText } from './parameters.js';
import type { CompanyStage, ModelParameters } from './parameters.js';

/** Risk-adjusted cash threshold, compensation-model.md 4.1: the minimum base before equity matters. */

export const THRESHOLD_DEFAULTS = {
  savingsShare: thresholdJson.savingsShare.value,
  searchYears: thresholdJson.searchYears.value,
  searchYearsConservative: thresholdJson.searchYearsConservative.value,
  horizonYears: thresholdJson.horizonYears.value,
  lossToleranceShare: thresholdJson.lossToleranceShare.value,
} as const;

export const THRESHOLD_SOURCES = {
  savingsShare: sourceText(thresholdJson.savingsShare),
  searchYears: sourceText(thresholdJson.searchYears),
  horizonYears: sourceText(thresholdJson.horizonYears),
  lossToleranceShare: `${thresholdJson.lossToleranceShare.source}: ${thresholdJson.lossToleranceShare.calibration.derivation}`,
} as const;

/** The calibration record of the default loss tolerance (data/compensation/threshold-defaults.json). */
export const LOSS_TOLERANCE_CALIBRATION = thresholdJson.lossToleranceShare.calibration;

export interface CashThresholdInput {
  currentBase: number;
  currentBonus: number;
  /** value of equity vesting per year at market price */
  currentEquityAnnual: number;
  /** after-tax essential outflows per year */
  annualObligations: number;
  effectiveTaxRate: number;
  /** perceived probability that the startup fails */
  perceivedFailureProbability: number;
  savingsShare?: number;
  searchYears?: number;
  horizonYears?: number;
  /** tolerated expected annual pre-tax cash loss; default lossToleranceShare x current total comp */
  lossTolerance?: number;
  lossToleranceShare?: number;
}

export type ThresholdBinding = 'obligations' | 'risk';

export interface CashThreshold {
  amount: number;
  binding: ThresholdBinding;
  floors: {
    /** B_floor = obligations grossed up for savings and tax, plus the amortised job-search buffer */
    obligations: number;
    /** B_risk = TC - lossTolerance / pFail; null when pFail = 0 (no risk floor) */
    risk: number | null;
  };
  components: { requiredAfterTax: number; obligationsPreTax: number; searchBuffer: number };
  currentTotalComp: number;
  perceivedFailureProbability: number;
  lossTolerance: number;
  savingsShare: number;
  searchYears: number;
  horizonYears: number;
  /** only obligations larger than current pay can push the threshold above current total comp: flag it */
  exceedsCurrentTotalComp: boolean;
}

/**
 * Threshold = max(obligation floor, loss-tolerance floor, 0) and which floor binds (4.1).
 * Fixture: O 60,000, s 0.2, tau 0.30, pFail 0.6, u 9.5/52, H 4, TC 250,000, Lambda 20,000 -> 216,666.667 (risk).
 */
export function computeCashThreshold(input: CashThresholdInput, field = 'candidate'): CashThreshold {
  const base = checkMoney(input.currentBase, `${field}.currentBase`);
  const bonus = checkMoney(input.currentBonus, `${field}.currentBonus`);
  const equity = checkMoney(input.currentEquityAnnual, `${field}.currentEquityAnnual`);
  const obligations = checkMoney(input.annualObligations, `${field}.annualObligations`);
  const tax = checkShare(input.effectiveTaxRate, `${field}.effectiveTaxRate`);
  const pFail = checkProbability(input.perceivedFailureProbability, `${field}.perceivedFailureProbability`);
  const savings = checkShare(input.savingsShare ?? THRESHOLD_DEFAULTS.savingsShare, `${field}.savingsShare`);
  const searchYears = input.searchYears ?? THRESHOLD_DEFAULTS.searchYears;
  if (!isFiniteNumber(searchYears) || searchYears < 0 || searchYears > 30) fail('HORIZON_INVALID', `${field}.searchYears`, 'must be between 0 and 30 years');
  const horizon = checkYears(input.horizonYears ?? THRESHOLD_DEFAULTS.horizonYears, `${field}.horizonYears`);
  const share = input.lossToleranceShare ?? THRESHOLD_DEFAULTS.lossToleranceShare;
  checkParameter(isFiniteNumber(share) && share >= 0 && share <= 10, `${field}.lossToleranceShare`, 'must be between 0 and 10');

  const totalComp = base + bonus + equity;
  const lossTolerance = input.lossTolerance === undefined ? share * totalComp : checkMoney(input.lossTolerance, `${field}.lossTolerance`);
  const requiredAfterTax = obligations / (1 - savings);
  const obligationsPreTax = requiredAfterTax / (1 - tax);
  const searchBuffer = (pFail * searchYears * obligations) / horizon / (1 - tax);
  const floor = obligationsPreTax + searchBuffer;
  const risk = pFail > 0 ? totalComp - lossTolerance / pFail : Number.NEGATIVE_INFINITY;
  const amount = Math.max(floor, risk, 0);
  return {
    amount,
    binding: floor >= risk ? 'obligations' : 'risk',
    floors: { obligations: floor, risk: Number.isFinite(risk) ? risk : null },
    components: { requiredAfterTax, obligationsPreTax, searchBuffer },
    currentTotalComp: totalComp,
    perceivedFailureProbability: pFail,
    lossTolerance,
    savingsShare: savings,
    searchYears,
    horizonYears: horizon,
    exceedsCurrentTotalComp: amount > totalComp,
  };
}

/** Default perceived failure probability of a company stage: the lifetime shutdown probability of the stage funnel. */
export function defaultFailureProbability(stage: CompanyStage, params: ModelParameters = resolveModelParameters()): number {
  return lifetimeFailureProbability(params, modelStageOf(stage).index);
}
