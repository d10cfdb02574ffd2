import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram, quantileSorted, sortedCopy, summarize } from './statistics.js';

describe('statistics', () => {
  it('quantileSorted is type 7 (numpy default): [1,2,3,4] -> P25 1.75, P50 2.5, P90 3.7', () => {
    const s = [1, 2, 3, 4];
    expect(quantileSorted(s, 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted(s, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted([5], 0.3)).toBe(5);
  });

  it('sortedCopy sorts mixed signs with zeros counted, not sorted', () => {
    expect(Array.from(sortedCopy([3, 0, -1, 0, 2, -5]))).toEqual([-5, -1, 0, 0, 2, 3]);
  });

  it('property: summary percentiles are ordered and the mean lies between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }), (xs) => {
        const s = summarize(xs);
        const order = [s.min, s.p1, s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95, s.p99, s.max];
        return order.every((v, i) => i === 0 || v >= order[i - 1]) && s.mean >= s.min - 1e-6 && s.mean <= s.max + 1e-6;
      }),
      { numRuns: 300 },
    );
  });

  it('histogram counts every value once', () => {
    const h = histogram([0, 1, 2, 3, 10, -1], 0, 4, 4);
    expect(h.counts).toEqual([1, 1, 1, 1]);
    expect(h.below).toBe(1);
    expect(h.above).toBe(1);
    expect(h.edges).toEqual([0, 1, 2, 3, 4]);
  });
});
