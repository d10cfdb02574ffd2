/** Inputs shared by the compensation API and CLI tests. */

/** A senior big-tech candidate, a seed offer and a Google offer; small path count keeps the suite quick. */
export function evaluateInput(): Record<string, any> {
  return {
    currency: 'USD',
    candidate: { currentBase: 220_000, currentBonus: 30_000, currentEquityAnnual: 200_000, annualObligations: 80_000, effectiveTaxRate: 0.35 },
    startup: {
      base: 200_000,
      grant: { kind: 'ISO', shares: 50_000, strike: 0.48, vesting: { preset: 'standard-4y-1y-cliff-monthly' } },
      company: { stage: 'seed', fullyDilutedShares: 10_000_000, lastPostMoney: 19_200_000 },
    },
    incumbent: { base: 220_000, bonusTargetPct: 15, grantValue: 800_000, preset: 'google' },
    simulation: { paths: 2_000, seed: 42 },
  };
}

export function thresholdInput(): Record<string, any> {
  return {
    currency: 'USD',
    candidate: { currentBase: 300_000, currentBonus: 50_000, currentEquityAnnual: 150_000, annualObligations: 80_000, effectiveTaxRate: 0.35 },
  };
}
