import { describe, expect, it } from 'vitest';
import { vestingTimeline } from './vesting-timeline.js';

describe('vestingTimeline', () => {
  it('vests a quarter at the one-year cliff, then monthly, to the whole grant in year 4', () => {
    const t = vestingTimeline('standard-4y-1y-cliff-monthly', 48_000);
    expect(t.cliffMonths).toBe(12);
    expect(t.firstVestMonths).toBe(12);
    expect(t.firstVestShares).toBe(12_000);
    expect(t.years.map((y) => y.cumulativeShares)).toEqual([12_000, 24_000, 36_000, 48_000]);
    expect(t.years.map((y) => y.shares)).toEqual([12_000, 12_000, 12_000, 12_000]);
    expect(t.years[3].cumulativePct).toBe(100);
  });

  it('follows a front-loaded schedule and never vests more than the grant', () => {
    const t = vestingTimeline('front-loaded-40-30-20-10', 50_001);
    expect(t.years.map((y) => Math.round(y.cumulativePct))).toEqual([40, 70, 90, 100]);
    expect(t.years[t.years.length - 1].cumulativeShares).toBe(50_001);
    expect(t.years.reduce((a, y) => a + y.shares, 0)).toBe(50_001);
  });

  it('has no cliff on a no-cliff schedule: the first vest comes after one month', () => {
    const t = vestingTimeline('4y-no-cliff-monthly', 48_000);
    expect(t.cliffMonths).toBe(0);
    expect(t.firstVestMonths).toBe(1);
    expect(t.firstVestShares).toBe(1_000);
  });

  it('refuses an unknown preset', () => {
    expect(() => vestingTimeline('nope', 1000)).toThrow(expect.objectContaining({ code: 'VESTING_INVALID' }));
  });
});
