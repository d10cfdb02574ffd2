import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { commonPricePerShare, distributeExit } from './waterfall.js';
import type { CapTable } from './waterfall.js';

const oneSeries: CapTable = { commonShares: 80, series: [{ preference: 10, shares: 20 }] };
const twoSeries: CapTable = {
  commonShares: 60,
  series: [
    { preference: 10, shares: 20 },
    { preference: 30, shares: 20 },
  ],
};

describe('commonPricePerShare (compensation-model.md 4.2.5)', () => {
  it.each([
    [5, 0],
    [30, 0.25],
    [50, 0.5],
    [100, 1.0],
  ])('one series (LP 10 / 20 shares), common 80: E = %s -> p = %s', (e, p) => {
    expect(commonPricePerShare(e, oneSeries)).toBeCloseTo(p, 12);
  });

  it.each([
    [30, 0],
    [70, 0.5],
    [100, 0.875],
    [200, 2.0],
  ])('two series (LP 10/20, LP 30/20), common 60: E = %s -> p = %s', (e, p) => {
    expect(commonPricePerShare(e, twoSeries)).toBeCloseTo(p, 12);
  });

  it('shares an exit below the preferences pari passu pro rata to LP (A 7.5, B 22.5 at E = 30)', () => {
    const d = distributeExit(30, twoSeries);
    expect(d.series[0].payout).toBeCloseTo(7.5, 12);
    expect(d.series[1].payout).toBeCloseTo(22.5, 12);
    expect(d.commonProceeds).toBe(0);
  });

  it('converts the cheaper series first (E = 100: A converts, B takes its preference)', () => {
    const d = distributeExit(100, twoSeries);
    expect(d.series.map((s) => s.converted)).toEqual([true, false]);
    expect(d.series[1].payout).toBe(30);
  });

  it('participating option: the series takes its preference and then shares as common', () => {
    const part: CapTable = { commonShares: 80, series: [{ preference: 10, shares: 20, participating: true }] };
    expect(commonPricePerShare(5, part)).toBe(0);
    expect(commonPricePerShare(30, part)).toBeCloseTo(0.2, 12);
    expect(commonPricePerShare(100, part)).toBeCloseTo(0.9, 12);
    const d = distributeExit(100, part);
    expect(d.series[0].payout).toBeCloseTo(28, 12);
    expect(d.commonProceeds + d.series[0].payout).toBeCloseTo(100, 9);
  });

  it('pays common less with a participating series than with the same series non-participating', () => {
    for (const e of [20, 50, 100, 500]) {
      const part = commonPricePerShare(e, { commonShares: 80, series: [{ preference: 10, shares: 20, participating: true }] });
      expect(part).toBeLessThanOrEqual(commonPricePerShare(e, oneSeries) + 1e-12);
    }
  });

  it('rejects negative exit values and empty share classes', () => {
    expect(() => commonPricePerShare(-1, oneSeries)).toThrow(DomainError);
    expect(() => commonPricePerShare(10, { commonShares: 0, series: [] })).toThrow(DomainError);
    expect(() => commonPricePerShare(10, { commonShares: 1, series: [{ preference: 1, shares: 0 }] })).toThrow(DomainError);
  });

  const capTable = fc.record({
    commonShares: fc.double({ min: 1, max: 1e7, noNaN: true }),
    series: fc.array(
      fc.record({ preference: fc.double({ min: 0, max: 1e7, noNaN: true }), shares: fc.double({ min: 1, max: 1e7, noNaN: true }), participating: fc.boolean() }),
      { maxLength: 6 },
    ),
  });

  it('property: the common price is monotone non-decreasing in the exit value', () => {
    fc.assert(
      fc.property(capTable, fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), (cap, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return commonPricePerShare(lo, cap) <= commonPricePerShare(hi, cap) * (1 + 1e-12) + 1e-12;
      }),
      { numRuns: 300 },
    );
  });

  it('property: proceeds add up to the exit value', () => {
    fc.assert(
      fc.property(capTable, fc.double({ min: 0, max: 1e9, noNaN: true }), (cap, e) => {
        const d = distributeExit(e, cap);
        const total = d.commonProceeds + d.series.reduce((a, s) => a + s.payout, 0);
        return Math.abs(total - e) <= 1e-6 * Math.max(1, e);
      }),
      { numRuns: 300 },
    );
  });
});
