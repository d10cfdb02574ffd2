import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { parseVesting, safeParseVesting } from './parsers.js';
import { getVestingPreset, listVestingPresets, normalizeVesting, snapPeriod, vestedFraction, vestingEvents } from './vesting.js';
import type { VestingSpec } from './vesting.js';

const standard: VestingSpec = { totalYears: 4, cliffYears: 1, periodYears: 1 / 12 };
const amazon: VestingSpec = { totalYears: 4, cliffYears: 1, yearWeights: [0.05, 0.15, 0.4, 0.4], periodYears: [1, 1, 0.5, 0.5] };

function codeOf(run: () => unknown): { code: string; field: string | undefined } {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('vestedFraction (compensation-model.md 4.2.2)', () => {
  it.each([
    [0, 0],
    [0.99, 0],
    [1, 0.25],
    [1.5, 0.375],
    [3.99, 47 / 48],
    [4, 1],
    [7, 1],
  ])('equal weights, 4y / 1y cliff / monthly: v(%s) = %s', (t, v) => {
    expect(vestedFraction(standard, t)).toBeCloseTo(v, 12);
  });

  it.each([
    [0.99, 0],
    [1, 0.05],
    [1.99, 0.05],
    [2, 0.2],
    [2.49, 0.2],
    [2.5, 0.4],
    [3, 0.6],
    [3.5, 0.8],
    [4, 1],
  ])('Amazon-style 5/15/40/40, annual then semi-annual: v(%s) = %s', (t, v) => {
    expect(vestedFraction(amazon, t)).toBeCloseTo(v, 12);
  });

  it('Google-style front-loaded weights vest 33% in year 1 monthly with no cliff', () => {
    const google: VestingSpec = { totalYears: 4, cliffYears: 0, yearWeights: [0.33, 0.33, 0.22, 0.12], periodYears: 1 / 12 };
    expect(vestedFraction(google, 1 / 12)).toBeCloseTo(0.33 / 12, 12);
    expect(vestedFraction(google, 1)).toBeCloseTo(0.33, 12);
    expect(vestedFraction(google, 2.5)).toBeCloseTo(0.77, 12);
  });

  it('compares a decimal monthly period with a tolerance (0.0833 is monthly)', () => {
    expect(snapPeriod(0.0833)).toBe(1 / 12);
    expect(snapPeriod(0.25)).toBe(0.25);
    expect(snapPeriod(0.4)).toBe(0.4);
    expect(vestedFraction({ totalYears: 4, cliffYears: 1, periodYears: 0.0833 }, 1.5)).toBeCloseTo(0.375, 12);
    expect(vestedFraction({ totalYears: 4, cliffYears: 1, periodYears: 0.08333333 }, 3.99)).toBeCloseTo(47 / 48, 12);
  });

  it('quarterly with a 1-year cliff steps every quarter after the cliff', () => {
    const q: VestingSpec = { totalYears: 4, cliffYears: 1, periodYears: 0.25 };
    expect(vestedFraction(q, 1.2)).toBeCloseTo(0.25, 12);
    expect(vestedFraction(q, 1.25)).toBeCloseTo(0.3125, 12);
  });

  it('handles a partial final year (3.5 years, 4 weights)', () => {
    const s: VestingSpec = { totalYears: 3.5, cliffYears: 0, periodYears: 0.5, yearWeights: [0.3, 0.3, 0.3, 0.1] };
    expect(vestedFraction(s, 3)).toBeCloseTo(0.9, 12);
    expect(vestedFraction(s, 3.49)).toBeCloseTo(0.9, 12);
    expect(vestedFraction(s, 3.5)).toBe(1);
  });

  it('scales the time part to 1 - milestone fractions and adds achieved milestones after their date', () => {
    const s: VestingSpec = { ...standard, milestones: [{ fraction: 0.2, probability: 0.5, byYears: 2 }] };
    expect(vestedFraction(s, 4)).toBeCloseTo(0.8, 12);
    expect(vestedFraction(s, 4, { milestonesAchieved: [true] })).toBeCloseTo(1, 12);
    expect(vestedFraction(s, 1.5, { milestonesAchieved: [true] })).toBeCloseTo(0.3, 12);
  });

  it('ships the presets, including the standard 4y / 1y cliff / monthly', () => {
    expect(listVestingPresets().map((p) => p.id)).toContain('standard-4y-1y-cliff-monthly');
    expect(vestedFraction({ preset: 'standard-4y-1y-cliff-monthly' }, 1.5)).toBeCloseTo(0.375, 12);
    expect(vestedFraction({ preset: 'amazon-5-15-40-40' }, 2.5)).toBeCloseTo(0.4, 12);
    for (const p of listVestingPresets()) {
      expect(p.source.length).toBeGreaterThan(0);
      expect(vestedFraction(getVestingPreset(p.id), p.schedule.totalYears)).toBe(1);
    }
  });

  it('vestingEvents lists every vest with increments that sum to 1', () => {
    const ev = vestingEvents(normalizeVesting(standard));
    expect(ev.times[0]).toBeCloseTo(1, 12);
    expect(ev.fractions[0]).toBeCloseTo(0.25, 12);
    expect(ev.times).toHaveLength(37);
    expect(ev.fractions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const am = vestingEvents(normalizeVesting(amazon));
    expect(am.times.map((t) => Math.round(t * 100) / 100)).toEqual([1, 2, 2.5, 3, 3.5, 4]);
    expect(vestingEvents(normalizeVesting(standard), 2).fractions.reduce((a, b) => a + b, 0)).toBeCloseTo(0.5, 12);
  });

  it('is monotone non-decreasing in time for every preset', () => {
    for (const p of listVestingPresets()) {
      let previous = 0;
      for (let t = 0; t <= 5; t += 0.01) {
        const v = vestedFraction(p.schedule, t);
        expect(v).toBeGreaterThanOrEqual(previous - 1e-12);
        previous = v;
      }
    }
  });

  it.each([
    [{ ...standard, totalYears: 0 }, 'VESTING_INVALID', 'vesting.totalYears'],
    [{ ...standard, cliffYears: 5 }, 'VESTING_INVALID', 'vesting.cliffYears'],
    [{ ...standard, cliffYears: -1 }, 'VESTING_INVALID', 'vesting.cliffYears'],
    [{ ...standard, periodYears: 0 }, 'VESTING_INVALID', 'vesting.periodYears'],
    [{ ...standard, periodYears: 5 }, 'VESTING_INVALID', 'vesting.periodYears'],
    [{ ...standard, yearWeights: [0.5, 0.5] }, 'VESTING_INVALID', 'vesting.yearWeights'],
    [{ ...standard, yearWeights: [0.3, 0.3, 0.3, 0.3] }, 'VESTING_INVALID', 'vesting.yearWeights'],
    [{ ...standard, yearWeights: [0.6, 0.6, -0.1, -0.1] }, 'VESTING_INVALID', 'vesting.yearWeights[2]'],
    [{ ...amazon, periodYears: [1, 1, 0.5] }, 'VESTING_INVALID', 'vesting.periodYears'],
    [{ ...standard, milestones: [{ fraction: 0.7, probability: 0.5, byYears: 2 }, { fraction: 0.5, probability: 0.5, byYears: 3 }] }, 'VESTING_INVALID', 'vesting.milestones'],
    [{ ...standard, milestones: [{ fraction: 0.2, probability: 1.5, byYears: 2 }] }, 'PROBABILITY_OUT_OF_RANGE', 'vesting.milestones[0].probability'],
    [{ ...standard, acceleration: { kind: 'single', fraction: 2 } }, 'VESTING_INVALID', 'vesting.acceleration.fraction'],
  ] as const)('rejects an invalid schedule (%#) with %s at %s', (spec, code, field) => {
    expect(codeOf(() => normalizeVesting(spec as VestingSpec))).toEqual({ code, field });
  });

  it('parseVesting rejects unknown fields and a preset mixed with a schedule', () => {
    expect(codeOf(() => parseVesting({ ...standard, cliff: 1 }))).toEqual({ code: 'UNKNOWN_FIELD', field: 'vesting.cliff' });
    expect(codeOf(() => parseVesting({ preset: 'standard-4y-1y-cliff-monthly', totalYears: 3 }))).toEqual({ code: 'VESTING_INVALID', field: 'vesting.totalYears' });
    expect(codeOf(() => parseVesting({ preset: 'nope' }))).toEqual({ code: 'VESTING_INVALID', field: 'vesting.preset' });
    const r = safeParseVesting({ preset: '1y-monthly' });
    expect(r.ok && r.value.totalYears).toBe(1);
  });
});
