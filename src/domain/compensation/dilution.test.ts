import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { buildInitialCapTable, investorFraction, ownershipAfter, ownershipAfterRound, ownershipThroughRounds, postMoney, sharesIssued } from './dilution.js';
import { resolveModelParameters } from './parameters.js';
import { commonPricePerShare } from './waterfall.js';

const params = resolveModelParameters();

describe('dilution helpers (compensation-model.md 4.2.8)', () => {
  it('ownershipAfter: 1% through 20%, 20%, 15%, 12.6% -> 0.475456%', () => {
    expect(ownershipAfter(0.01, [0.2, 0.2, 0.15, 0.126])).toBeCloseTo(0.00475456, 12);
  });

  it('sharesIssued(d, FD) = FD x d / (1 - d)', () => {
    expect(sharesIssued(0.2, 8_000_000)).toBeCloseTo(2_000_000, 6);
    expect(sharesIssued(0, 100)).toBe(0);
  });

  it('postMoney and investorFraction', () => {
    expect(postMoney(15_500_000, 3_700_000)).toBe(19_200_000);
    expect(investorFraction(3_700_000, 19_200_000)).toBeCloseTo(0.1927, 4);
  });

  it('option pool shuffle: a pre-money pool of 10% of post dilutes existing holders on top of the investor fraction', () => {
    expect(ownershipAfterRound(0.5, { investorFraction: 0.2, poolFractionOfPost: 0.1 })).toBeCloseTo(0.35, 12);
    expect(ownershipAfterRound(0.5, { investorFraction: 0.2 })).toBeCloseTo(0.4, 12);
  });

  it('rejects dilutions outside [0, 1) and bad share counts', () => {
    expect(() => ownershipAfter(0.01, [1])).toThrow(DomainError);
    expect(() => sharesIssued(0.2, 0)).toThrow(DomainError);
    expect(() => investorFraction(2, 1)).toThrow(DomainError);
  });

  it('ownershipThroughRounds: 0.5% at seed through the median dilutions of A..E', () => {
    const steps = ownershipThroughRounds({ shares: 50_000, fullyDilutedShares: 10_000_000, stage: 'seed' }, params);
    expect(steps.map((s) => s.stage)).toEqual(['seed', 'series-a', 'series-b', 'series-c', 'series-d', 'series-e']);
    expect(steps[0].fullyDilutedPct).toBeCloseTo(0.5, 12);
    expect(steps[1].fullyDilutedPct).toBeCloseTo(0.4, 12);
    expect(steps[2].fullyDilutedPct).toBeCloseTo(0.34, 12);
    expect(steps[3].fullyDilutedPct).toBeCloseTo(0.34 * 0.874, 12);
  });

  it('ownershipThroughRounds: a pre-seed SAFE converts at the seed dilution first', () => {
    const steps = ownershipThroughRounds({ shares: 100_000, fullyDilutedShares: 10_000_000, stage: 'preseed' }, params);
    expect(steps[0]).toEqual({ stage: 'preseed', fullyDilutedPct: 1 });
    expect(steps[1].stage).toBe('seed');
    expect(steps[1].fullyDilutedPct).toBeCloseTo(0.8, 12);
  });

  it('synthesises the seed preferred stack: invested = post x 20%, shares = 20% of FD', () => {
    const cap = buildInitialCapTable({ stage: 'seed', fullyDilutedShares: 10_000_000, lastPostMoney: 19_200_000 }, 50_000, params);
    expect(cap.synthesized).toBe(true);
    expect(cap.series).toHaveLength(1);
    expect(cap.series[0].invested).toBeCloseTo(3_840_000, 6);
    expect(cap.series[0].shares).toBeCloseTo(2_000_000, 6);
  });

  it('synthesises a Series A history walking the post-money back by the median step-up', () => {
    const cap = buildInitialCapTable({ stage: 'series-a', fullyDilutedShares: 10_000_000, lastPostMoney: 58_900_000 }, 50_000, params);
    expect(cap.series).toHaveLength(2);
    expect(cap.series[1].invested).toBeCloseTo(58_900_000 * 0.2, 3);
    expect(cap.series[0].invested).toBeCloseTo((58_900_000 / 3.07) * 0.2, 3);
    expect(cap.series[0].shares).toBeCloseTo(8_000_000 * 0.2, 6);
  });

  it('uses the company preferred rounds when given and rejects stacks that leave no room for the grant', () => {
    const cap = buildInitialCapTable(
      { stage: 'seed', fullyDilutedShares: 1_000_000, lastPostMoney: 10_000_000, preferred: [{ invested: 2_000_000, shares: 200_000, multiple: 2, participating: true }] },
      10_000,
      params,
    );
    expect(cap.synthesized).toBe(false);
    expect(cap.series[0]).toEqual({ invested: 2_000_000, preference: 4_000_000, shares: 200_000, participating: true });
    expect(() =>
      buildInitialCapTable({ stage: 'seed', fullyDilutedShares: 1_000_000, lastPostMoney: 10_000_000, preferred: [{ invested: 1, shares: 995_000 }] }, 10_000, params),
    ).toThrow(DomainError);
  });

  it('property: more dilution never pays the employee more at any exit value', () => {
    const round = fc.record({ d: fc.double({ min: 0.01, max: 0.5, noNaN: true }), extra: fc.double({ min: 0, max: 0.09, noNaN: true }), post: fc.double({ min: 1e6, max: 1e9, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 5 }), fc.double({ min: 0, max: 1e10, noNaN: true }), (rounds, exit) => {
        const payoff = (extraDilution: boolean): number => {
          let fd = 10_000_000;
          const series: { preference: number; shares: number }[] = [];
          for (const r of rounds) {
            const d = extraDilution ? r.d + r.extra : r.d;
            const n = sharesIssued(d, fd);
            series.push({ preference: r.post * d, shares: n });
            fd += n;
          }
          const common = fd - series.reduce((a, s) => a + s.shares, 0);
          return 100_000 * commonPricePerShare(exit, { commonShares: common, series });
        };
        return payoff(true) <= payoff(false) * (1 + 1e-9) + 1e-9;
      }),
      { numRuns: 300 },
    );
  });
});
