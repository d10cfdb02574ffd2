import { describe, expect, it } from 'vitest';
import thresholdJson from '../../../data/compensation/threshold-defaults.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';
import { lifetimeFailureProbability } from './funnel.js';
import { resolveModelParameters } from './parameters.js';
import { parseCashThresholdInput, safeParseCashThresholdInput } from './parsers.js';
import { computeCashThreshold, defaultFailureProbability, THRESHOLD_DEFAULTS } from './threshold.js';
import type { CashThresholdInput } from './threshold.js';

const workedExample: CashThresholdInput = {
  currentBase: 200_000,
  currentBonus: 20_000,
  currentEquityAnnual: 30_000,
  annualObligations: 60_000,
  effectiveTaxRate: 0.3,
  perceivedFailureProbability: 0.6,
  savingsShare: 0.2,
  searchYears: 9.5 / 52,
  horizonYears: 4,
  lossTolerance: 20_000,
};

describe('computeCashThreshold (compensation-model.md 4.1)', () => {
  it('reproduces the worked example: 216,666.667 bound by risk', () => {
    const t = computeCashThreshold(workedExample);
    expect(t.components.requiredAfterTax).toBeCloseTo(75_000, 6);
    expect(t.components.obligationsPreTax).toBeCloseTo(107_142.857, 3);
    expect(t.components.searchBuffer).toBeCloseTo(2_348.901, 3);
    expect(t.floors.obligations).toBeCloseTo(109_491.758, 3);
    expect(t.floors.risk).toBeCloseTo(216_666.667, 3);
    expect(t.amount).toBeCloseTo(216_666.667, 3);
    expect(t.binding).toBe('risk');
    expect(t.exceedsCurrentTotalComp).toBe(false);
  });

  it('has no risk floor when pFail = 0: the obligations floor binds', () => {
    const t = computeCashThreshold({ ...workedExample, perceivedFailureProbability: 0 });
    expect(t.floors.risk).toBeNull();
    expect(t.binding).toBe('obligations');
    expect(t.amount).toBeCloseTo(107_142.857, 3);
  });

  it('uses TC - lossTolerance when pFail = 1', () => {
    const t = computeCashThreshold({ ...workedExample, perceivedFailureProbability: 1 });
    expect(t.floors.risk).toBeCloseTo(230_000, 6);
  });

  it('gives a non-positive risk floor when lossTolerance >= TC x pFail', () => {
    const t = computeCashThreshold({ ...workedExample, lossTolerance: 250_000 * 0.6 });
    expect(t.floors.risk).toBeLessThanOrEqual(1e-9);
    expect(t.binding).toBe('obligations');
  });

  it('is never negative', () => {
    const t = computeCashThreshold({ ...workedExample, annualObligations: 0, lossTolerance: 10_000_000 });
    expect(t.amount).toBe(0);
  });

  it('flags a threshold above current pay (only obligations can cause it)', () => {
    const t = computeCashThreshold({ ...workedExample, annualObligations: 200_000 });
    expect(t.binding).toBe('obligations');
    expect(t.exceedsCurrentTotalComp).toBe(true);
  });

  it('defaults the loss tolerance to the calibrated share of current total comp', () => {
    const { lossTolerance: _drop, ...rest } = workedExample;
    const t = computeCashThreshold(rest);
    expect(t.lossTolerance).toBeCloseTo(THRESHOLD_DEFAULTS.lossToleranceShare * 250_000, 6);
  });

  it.each([
    ['currentBase', -1, 'MONEY_INVALID'],
    ['currentBonus', Number.NaN, 'MONEY_INVALID'],
    ['currentEquityAnnual', Number.POSITIVE_INFINITY, 'MONEY_INVALID'],
    ['annualObligations', -5, 'MONEY_INVALID'],
    ['lossTolerance', -1, 'MONEY_INVALID'],
    ['effectiveTaxRate', 1, 'RATE_OUT_OF_RANGE'],
    ['effectiveTaxRate', -0.1, 'RATE_OUT_OF_RANGE'],
    ['savingsShare', 1, 'RATE_OUT_OF_RANGE'],
    ['perceivedFailureProbability', 1.01, 'PROBABILITY_OUT_OF_RANGE'],
    ['perceivedFailureProbability', -0.01, 'PROBABILITY_OUT_OF_RANGE'],
    ['horizonYears', 0, 'HORIZON_INVALID'],
    ['horizonYears', 31, 'HORIZON_INVALID'],
    ['searchYears', -0.1, 'HORIZON_INVALID'],
  ] as const)('rejects %s = %s with %s and the field path (never clamps)', (field, value, code) => {
    let error: unknown;
    try {
      computeCashThreshold({ ...workedExample, [field]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).field).toBe(`candidate.${field}`);
  });

  it('parseCashThresholdInput rejects unknown fields and fractional money; safeParse returns the error', () => {
    expect(() => parseCashThresholdInput({ ...workedExample, salary: 1 })).toThrow(DomainError);
    const r = safeParseCashThresholdInput({ ...workedExample, currentBase: 200_000.5, searchYears: 0.2 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('MONEY_INVALID');
      expect(r.error.field).toBe('candidate.currentBase');
    }
    const ok = safeParseCashThresholdInput({ ...workedExample, searchYears: 0.2 });
    expect(ok.ok).toBe(true);
  });
});

describe('loss tolerance calibrated to the field report', () => {
  const band = thresholdJson.lossToleranceShare.calibration.targetThresholdUsd;
  const tcRange = thresholdJson.lossToleranceShare.calibration.targetTotalCompUsd;
  const seedFailure = defaultFailureProbability('seed');
  const senior = (tc: number, share?: number) =>
    computeCashThreshold({
      currentBase: Math.round(tc * 0.45),
      currentBonus: Math.round(tc * 0.1),
      currentEquityAnnual: tc - Math.round(tc * 0.45) - Math.round(tc * 0.1),
      annualObligations: 90_000,
      effectiveTaxRate: 0.35,
      perceivedFailureProbability: seedFailure,
      lossToleranceShare: share,
    });

  it('records the seed-stage failure probability it was calibrated with (about 0.69)', () => {
    expect(seedFailure).toBeCloseTo(0.6937, 3);
    expect(thresholdJson.lossToleranceShare.source).toBe('calibrated to the field report');
  });

  it('matches the derivation in the data note: lambda = pFail x (1 - sqrt(200*300 / (400*650))) rounded to 0.36', () => {
    const r = Math.sqrt((band.min * band.max) / (tcRange.min * tcRange.max));
    const lambda = lifetimeFailureProbability(resolveModelParameters(), 0) * (1 - r);
    expect(lambda).toBeCloseTo(0.3605, 3);
    expect(THRESHOLD_DEFAULTS.lossToleranceShare).toBe(Math.round(lambda * 100) / 100);
  });

  it('puts senior big-tech candidates (TC 400-650K) at a seed company within 5% of the 200-300K band, bound by risk', () => {
    for (let tc = tcRange.min; tc <= tcRange.max; tc += 5_000) {
      const t = senior(tc);
      expect(t.binding).toBe('risk');
      expect(t.amount).toBeGreaterThanOrEqual(band.min * 0.95);
      expect(t.amount).toBeLessThanOrEqual(band.max * 1.05);
    }
  });

  it('maps the ends of the TC range onto the ends of the band (within 5%) and the middle inside it', () => {
    expect(senior(tcRange.min).amount / band.min).toBeGreaterThan(0.95);
    expect(senior(tcRange.min).amount / band.min).toBeLessThan(1.05);
    expect(senior(tcRange.max).amount / band.max).toBeGreaterThan(0.95);
    expect(senior(tcRange.max).amount / band.max).toBeLessThan(1.05);
    const mid = senior((tcRange.min + tcRange.max) / 2).amount;
    expect(mid).toBeGreaterThanOrEqual(band.min);
    expect(mid).toBeLessThanOrEqual(band.max);
  });

  it('shows why the spec default of 10% was replaced: it puts a 400K candidate far above the band', () => {
    expect(senior(tcRange.min, 0.1).amount).toBeGreaterThan(band.max);
  });
});
