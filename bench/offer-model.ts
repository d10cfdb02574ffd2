import { buildInitialCapTable, normalizeVesting, resolveModelParameters } from '../src/domain/compensation/index.js';
import type { StartupSimulationConfig } from '../src/domain/compensation/index.js';

/**
 * The benchmark's inputs, pure (no node: imports) so the same module is bundled into the browser
 * worker of bench/offer-worker.ts and measured in Node by bench/offer.ts.
 */

/** The default model of compensation.md "Speed": seed company at 19.2M post-money, 0.5% options, 4-year monthly vesting with a 1-year cliff. */
export function defaultStartupConfig(paths: number): StartupSimulationConfig {
  const params = resolveModelParameters('default');
  const fullyDilutedShares = 10_000_000;
  const lastPostMoney = 19_200_000;
  const shares = 50_000;
  return {
    params,
    stageIndex: 0,
    lastPostMoney,
    capTable: buildInitialCapTable({ stage: 'seed', fullyDilutedShares, lastPostMoney }, shares, params),
    grant: { kind: 'ISO', shares, strike: params.strikeRatio[0] * (lastPostMoney / fullyDilutedShares) },
    vesting: normalizeVesting({ preset: 'standard-4y-1y-cliff-monthly' }),
    tenureYears: 4,
    exercisePolicy: 'extendedWindow',
    rates: { rCash: 0.04, rEquity: 0.2, equityTaxRate: 0 },
    horizonYears: 4,
    equityTail: 'include',
    paths,
    seed: 1,
  };
}

/** The full comparison measured by the benchmark: the default startup offer against a Google offer. */
export function offerInput(paths: number) {
  return {
    currency: 'USD',
    candidate: { currentBase: 220_000, currentBonus: 30_000, currentEquityAnnual: 200_000, annualObligations: 80_000, effectiveTaxRate: 0.35 },
    startup: {
      base: 200_000,
      grant: { kind: 'ISO', shares: 50_000, vesting: { preset: 'standard-4y-1y-cliff-monthly' } },
      company: { stage: 'seed', fullyDilutedShares: 10_000_000, lastPostMoney: 19_200_000 },
    },
    incumbent: { base: 220_000, bonusTargetPct: 15, grantValue: 800_000, preset: 'google' },
    simulation: { paths, seed: 1 },
  };
}
