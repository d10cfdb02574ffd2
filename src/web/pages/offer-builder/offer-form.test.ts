import { describe, expect, it } from 'vitest';
import { parseOfferEvaluateInput } from '../../../domain/compensation/evaluate-offer.js';
import { DEFAULT_OFFER_FORM, buildOfferInput, fullyDilutedPercent } from './offer-form.js';

describe('buildOfferInput', () => {
  it('turns the default form into an input the engine accepts, without empty optional fields', () => {
    const { input, errors } = buildOfferInput(DEFAULT_OFFER_FORM, { paths: 1000, seed: 7 });
    expect(errors).toEqual({});
    const parsed = parseOfferEvaluateInput(input);
    expect(parsed.candidate).toEqual({ currentBase: 220_000, currentBonus: 30_000, currentEquityAnnual: 200_000, annualObligations: 80_000, effectiveTaxRate: 0.35 });
    expect(parsed.startup.grant).toEqual({ kind: 'ISO', shares: 50_000, vesting: { preset: 'standard-4y-1y-cliff-monthly' } });
    expect(parsed.startup.company).toEqual({ stage: 'seed', fullyDilutedShares: 10_000_000, lastPostMoney: 19_200_000 });
    expect(parsed.incumbent).toEqual({ base: 220_000, bonusTargetPct: 15, grantValue: 800_000, preset: 'google' });
    expect(parsed.simulation).toEqual({ paths: 1000, seed: 7, preset: 'default' });
  });

  it('reads suffixes, separators and percentages as typed', () => {
    const { input } = buildOfferInput({ ...DEFAULT_OFFER_FORM, base: '215k', lastPostMoney: '19.2M', shares: '75,000', effectiveTaxRate: '32.5', perceivedFailure: '50', strike: '0.4' });
    const parsed = parseOfferEvaluateInput(input);
    expect(parsed.startup.base).toBe(215_000);
    expect(parsed.startup.company.lastPostMoney).toBe(19_200_000);
    expect(parsed.startup.grant.shares).toBe(75_000);
    expect(parsed.startup.grant.strike).toBe(0.4);
    expect(parsed.candidate.effectiveTaxRate).toBe(0.325);
    expect(parsed.candidate.perceivedFailureProbability).toBe(0.5);
  });

  it('leaves the incumbent out when it is switched off', () => {
    const { input } = buildOfferInput({ ...DEFAULT_OFFER_FORM, incumbentEnabled: false, incumbentBase: 'not read' });
    expect(input).toBeDefined();
    expect(parseOfferEvaluateInput(input).incumbent).toBeUndefined();
  });

  it('names each unreadable field by its API path and builds no input', () => {
    const { input, errors } = buildOfferInput({ ...DEFAULT_OFFER_FORM, base: 'lots', shares: '', effectiveTaxRate: '120', incumbentBonusPct: 'x' });
    expect(input).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['candidate.effectiveTaxRate', 'incumbent.bonusTargetPct', 'startup.base', 'startup.grant.shares']);
    expect(errors['startup.base']).toMatch(/whole number/);
  });

  it('does not clamp: a grant above the fully diluted total reaches the engine, which refuses it', () => {
    const { input, errors } = buildOfferInput({ ...DEFAULT_OFFER_FORM, shares: '20000000' });
    expect(errors).toEqual({});
    expect(() => parseOfferEvaluateInput(input)).toThrow(expect.objectContaining({ code: 'SHARES_INVALID', field: 'startup.grant.shares' }));
  });
});

describe('fullyDilutedPercent', () => {
  it.each([
    ['50000', '10000000', 0.5],
    ['100k', '10M', 1],
    ['1', '0', undefined],
    ['x', '10000000', undefined],
  ])('%s of %s is %s%%', (shares, total, expected) => {
    expect(fullyDilutedPercent({ shares, fullyDilutedShares: total })).toBe(expected);
  });
});
