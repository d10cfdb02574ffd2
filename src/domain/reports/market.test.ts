import { describe, expect, it } from 'vitest';
import { marketPercentile, marketRoleGroupOf } from './market.js';

describe('the market percentile of an offered base', () => {
  const b = { p10: 100_000, p25: 120_000, p50: 140_000, p75: 160_000, p90: 200_000 };
  it('interpolates between the percentiles around the base, and stops at 10 and 90', () => {
    expect(marketPercentile(150_000, b)).toBe(62.5); // halfway from p50 to p75
    expect(marketPercentile(110_000, b)).toBe(17.5); // halfway from p10 to p25
    expect(marketPercentile(190_000, b)).toBe(86.25); // three quarters from p75 to p90
    expect(marketPercentile(140_000, b)).toBe(50);
    expect(marketPercentile(90_000, b)).toBe(10);
    expect(marketPercentile(250_000, b)).toBe(90);
    expect(marketPercentile(150_000, { ...b, p50: null })).toBeNull();
  });
  it('benchmarks a role in the group of its first specialization', () => {
    expect(marketRoleGroupOf('mlops')).toBe('ml-engineer');
    expect(marketRoleGroupOf('applied-research')).toBe('research-scientist');
    expect(marketRoleGroupOf(null)).toBe('all-ml-ai');
  });
});
