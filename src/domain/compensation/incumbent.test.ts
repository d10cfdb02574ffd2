import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { incumbentExpectedValue, INCUMBENT_PRESETS, normalizeIncumbentOffer, simulateIncumbent } from './incumbent.js';
import type { IncumbentOffer } from './incumbent.js';
import { parseIncumbentOffer, safeParseIncumbentOffer } from './parsers.js';
import { summarize } from './statistics.js';

const fixture: IncumbentOffer = { base: 200_000, bonusTargetPct: 15, grantValue: 400_000, preset: 'google', raisePerYear: 0, stock: { mu: 0, sigma: 0 } };

describe('incumbent offer (compensation-model.md 4.3)', () => {
  it('deterministic fixture (sigma 0, mu 0, r 0): base 200k, 15% bonus, 400k Google grant, H 4 -> 1,320,000', () => {
    const e = incumbentExpectedValue(fixture, { horizonYears: 4, rCash: 0 });
    expect(e.total).toBeCloseTo(1_320_000, 6);
    expect(e.cash).toBeCloseTo(4 * 230_000, 6);
    expect(e.equity).toBeCloseTo(400_000, 6);
    const sim = simulateIncumbent({ offer: normalizeIncumbentOffer(fixture), horizonYears: 4, rCash: 0, paths: 1_000, seed: 1 });
    expect(sim.pv.every((v) => Math.abs(v - 1_320_000) < 1e-6)).toBe(true);
  });

  it('year 1 of the fixture is 230k + 132k = 362k; Amazon year 1 is 230k + 20k plus sign-on', () => {
    const google = incumbentExpectedValue(fixture, { horizonYears: 4, rCash: 0 });
    expect(google.byYear[0].cash + google.byYear[0].equity).toBeCloseTo(362_000, 6);
    const amazon = incumbentExpectedValue({ ...fixture, preset: 'amazon', signOn: [100_000, 80_000] }, { horizonYears: 4, rCash: 0 });
    expect(amazon.byYear[0].equity).toBeCloseTo(20_000, 6);
    expect(amazon.byYear[0].cash).toBeCloseTo(230_000 + 100_000, 6);
    expect(amazon.byYear[1].cash).toBeCloseTo(230_000 + 80_000, 6);
    expect(amazon.byYear.map((y) => Math.round(y.equity))).toEqual([20_000, 60_000, 160_000, 160_000]);
  });

  it('applies merit raises and discounts cash at mid-year', () => {
    const e = incumbentExpectedValue({ ...fixture, raisePerYear: 0.035, grantValue: 0 }, { horizonYears: 2, rCash: 0.04 });
    expect(e.cash).toBeCloseTo(230_000 * Math.exp(-0.02) + 230_000 * 1.035 * Math.exp(-0.06), 6);
  });

  it('excludes vests after the horizon and reports the unvested share', () => {
    const e = incumbentExpectedValue({ ...fixture, preset: 'generic' }, { horizonYears: 2, rCash: 0 });
    expect(e.equity).toBeCloseTo(200_000, 6);
    expect(e.unvestedAtHorizon).toBeCloseTo(0.5, 12);
  });

  it('leaving before the cliff forfeits: a generic grant with H = 0.5 vests nothing', () => {
    expect(incumbentExpectedValue({ ...fixture, preset: 'generic' }, { horizonYears: 0.5, rCash: 0 }).equity).toBe(0);
  });

  it('with volatility the mean PV matches the expected value (GBM with zero drift is a martingale)', () => {
    const offer = normalizeIncumbentOffer({ ...fixture, stock: { mu: 0, sigma: 0.3 }, refresher: { annualValue: 100_000 } });
    const sim = simulateIncumbent({ offer, horizonYears: 4, rCash: 0.04, paths: 100_000, seed: 3 });
    const mean = summarize(sim.pv).mean;
    expect(Math.abs(mean - sim.expected.total) / sim.expected.total).toBeLessThan(0.005);
    const s = summarize(sim.pv);
    expect(s.p10).toBeLessThan(s.p50);
    expect(s.p50).toBeLessThan(s.p90);
  });

  it('values refreshers granted at the end of each year at their grant price (sigma 0: 100k x vested share)', () => {
    const e = incumbentExpectedValue({ ...fixture, preset: 'meta', refresher: { annualValue: 100_000 } }, { horizonYears: 4, rCash: 0 });
    // refreshers at years 1, 2, 3 vest 25%/year quarterly: 3 + 2 + 1 years of vesting = 6 x 25k
    expect(e.equity).toBeCloseTo(400_000 + 150_000, 6);
  });

  it('ships the six presets of 4.3 with year weights summing to 1', () => {
    expect([...INCUMBENT_PRESETS]).toEqual(['amazon', 'google', 'meta', 'nvidia', 'airbnb', 'generic']);
    for (const preset of INCUMBENT_PRESETS) {
      const e = incumbentExpectedValue({ ...fixture, preset }, { horizonYears: 4, rCash: 0 });
      expect(e.equity).toBeCloseTo(400_000, 6);
    }
  });

  it.each([
    [{ ...fixture, base: -1 }, 'MONEY_INVALID', 'incumbent.base'],
    [{ ...fixture, base: 0 }, 'MONEY_INVALID', 'incumbent.base'],
    [{ ...fixture, grantValue: Number.NaN }, 'MONEY_INVALID', 'incumbent.grantValue'],
    [{ ...fixture, stock: { sigma: 3.5 } }, 'PARAMETER_INVALID', 'incumbent.stock.sigma'],
    [{ ...fixture, preset: undefined }, 'VESTING_INVALID', 'incumbent.schedule'],
    [{ ...fixture, schedule: { totalYears: 4, cliffYears: 0, periodYears: 0.25 } }, 'VESTING_INVALID', 'incumbent.schedule'],
    [{ ...fixture, preset: undefined, schedule: { totalYears: 4, cliffYears: 0, periodYears: 0.25, yearWeights: [0.5, 0.5, 0.5, 0] } }, 'VESTING_INVALID', 'incumbent.schedule.yearWeights'],
    [{ ...fixture, signOn: [-5] }, 'MONEY_INVALID', 'incumbent.signOn[0]'],
  ] as const)('rejects an invalid offer (%#) with %s at %s', (offer, code, field) => {
    let error: unknown;
    try {
      normalizeIncumbentOffer(offer as IncumbentOffer);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).field).toBe(field);
  });

  it('parseIncumbentOffer enforces whole-number money and strict fields', () => {
    const bad = safeParseIncumbentOffer({ ...fixture, grantValue: 1.5 });
    expect(bad.ok === false && bad.error.code).toBe('MONEY_INVALID');
    const unknown = safeParseIncumbentOffer({ ...fixture, rsu: 1 });
    expect(unknown.ok === false && unknown.error.field).toBe('incumbent.rsu');
    expect(parseIncumbentOffer(fixture).bonusFraction).toBeCloseTo(0.15, 12);
  });
});
