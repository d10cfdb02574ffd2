import { describe, expect, it } from 'vitest';
import type { PlannedHire } from './api.js';
import { formatShare } from '../../lib/format-number.js';
import { planTimeline } from './timeline.js';

const hire = (order: number, yearlyCost: number | null | undefined): PlannedHire => ({
  order,
  specialization: 'mlops',
  specializationName: 'MLOps',
  covers: ['mlops'],
  seniority: 'senior',
  title: `Hire ${order}`,
  whyNow: 'because',
  timing: 'now',
  yearlyCost,
});

describe('planTimeline', () => {
  it('adds each hire to the current team cost and divides by the budget', () => {
    const rows = planTimeline({
      hires: [hire(1, 170_000), hire(2, 160_000)],
      teamYearlyCashComp: { current: 100_000, planned: 330_000, total: 430_000, currency: 'USD', unpricedMembers: 0 },
      budget: { annualBudget: 1_000_000, share: 0.43, severity: 'warning', warningAbove: 0.4, errorAbove: 0.6 },
    });
    expect(rows.map((r) => r.cumulativeCost)).toEqual([270_000, 430_000]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.27, 0.43]);
  });

  it('keeps hiring order even when the API list is shuffled', () => {
    const rows = planTimeline({ hires: [hire(2, 10), hire(1, 5)], teamYearlyCashComp: { current: 0, planned: 15, total: 15, currency: 'USD', unpricedMembers: 0 }, budget: null });
    expect(rows.map((r) => r.hire.order)).toEqual([1, 2]);
    expect(rows.map((r) => r.cumulativeCost)).toEqual([5, 15]);
    expect(rows.every((r) => r.cumulativeShare === null)).toBe(true);
  });

  it('stops the running total at the first unpriced hire and when compensation is hidden', () => {
    const unpriced = planTimeline({ hires: [hire(1, 5), hire(2, null), hire(3, 7)], teamYearlyCashComp: { current: 0, planned: 12, total: 12, currency: 'USD', unpricedMembers: 0 }, budget: null });
    expect(unpriced.map((r) => r.cumulativeCost)).toEqual([5, null, null]);
    const hidden = planTimeline({ hires: [hire(1, undefined)] });
    expect(hidden[0].cumulativeCost).toBeNull();
    expect(hidden[0].cumulativeShare).toBeNull();
  });
});

describe('formatShare', () => {
  it.each([
    [0, '0.0%'],
    [0.245, '24.5%'],
    [0.6, '60.0%'],
    [1.2345, '123.5%'],
  ])('%s -> %s', (share, text) => {
    expect(formatShare(share, 1)).toBe(text);
  });
});
