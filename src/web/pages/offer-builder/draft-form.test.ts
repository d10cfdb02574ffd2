import { describe, expect, it } from 'vitest';
import { parseOfferEvaluateInput } from '../../../domain/compensation/evaluate-offer.js';
import { buildOfferDraft } from '../../../domain/offers/draft.js';
import { OfferTermsInput, parseOfferTerms } from '../../../domain/offers/offer.js';
import type { OfferDraftView } from '../../api/offer-path.js';
import { builderFieldOf, draftHints, formFromDraft, termsFromBuilder } from './draft-form.js';
import { buildOfferInput } from './offer-form.js';

const PAY = { base: 250_000, bonus: 30_000, equityAnnual: 150_000, currency: 'USD' };

function view(over: { currentPay?: typeof PAY | null; figures?: boolean } = {}): OfferDraftView {
  const figures = over.figures ?? true;
  return {
    application: { id: 'a1', candidateId: 'c1', candidateName: 'Ada Park', roleId: 'r1', roleTitle: 'Staff ML Engineer', status: 'active' },
    openOffer: null,
    draft: buildOfferDraft({
      roleTitle: 'Staff ML Engineer',
      band: { currency: 'USD', baseMin: 220_000, baseMax: 260_000, equityPctMin: 0.5, equityPctMax: 1 },
      company: { currency: 'USD', stage: 'seed', lastPostMoney: figures ? 22_000_000 : null, fullyDilutedShares: figures ? 10_000_000 : null, strikePrice: figures ? 0.42 : null },
      candidateName: 'Ada Park',
      currentPay: over.currentPay === undefined ? PAY : over.currentPay,
    }),
  };
}

describe('formFromDraft', () => {
  it('fills the builder from the draft, comparing with current pay as the server does, and the engine accepts it', () => {
    const form = formFromDraft(view());
    expect(form).toMatchObject({ base: '240000', shares: '75000', fullyDilutedShares: '10000000', strike: '0.42', lastPostMoney: '22000000', stage: 'seed', grantKind: 'ISO' });
    expect(form).toMatchObject({ currentBase: '250000', currentBonus: '30000', currentEquityAnnual: '150000', incumbentEnabled: true, incumbentPreset: 'generic', incumbentBase: '250000', incumbentBonusPct: '12', incumbentGrantValue: '600000' });
    expect(form).toMatchObject({ annualObligations: '0', effectiveTaxRate: '30' });
    const { input, errors } = buildOfferInput(form, { paths: 1000, seed: 1 });
    expect(errors).toEqual({});
    expect(parseOfferEvaluateInput(input).startup.company).toEqual({ stage: 'seed', fullyDilutedShares: 10_000_000, lastPostMoney: 22_000_000 });
  });

  it('leaves missing figures empty, so the fields ask for them, and compares with nothing without current pay', () => {
    const form = formFromDraft(view({ figures: false, currentPay: null }));
    expect(form).toMatchObject({ shares: '', fullyDilutedShares: '', strike: '', lastPostMoney: '', base: '240000', incumbentEnabled: false, currentBase: '0' });
    expect(Object.keys(buildOfferInput(form).errors).sort()).toEqual(['startup.company.fullyDilutedShares', 'startup.company.lastPostMoney', 'startup.grant.shares']);
  });
});

describe('termsFromBuilder', () => {
  it('gives back exactly the draft terms when nothing was changed (no comparison or finances stored)', () => {
    const v = view();
    const { terms, errors } = termsFromBuilder(formFromDraft(v), PAY);
    expect(errors).toEqual({});
    expect(terms).toEqual(v.draft.terms);
  });

  it('stores a competing offer once it differs from current pay, and the finances once they differ from the defaults', () => {
    const form = { ...formFromDraft(view()), incumbentPreset: 'google', incumbentBase: '300000', incumbentBonusPct: '15', incumbentGrantValue: '800k', incumbentSignOn: '50k', annualObligations: '90000', effectiveTaxRate: '35' };
    const { terms } = termsFromBuilder(form, PAY);
    expect(terms?.incumbent).toEqual({ base: 300_000, bonusTargetPct: 15, grantValue: 800_000, preset: 'google', label: 'Competing offer', signOn: [50_000] });
    expect(terms?.candidateFinances).toEqual({ annualObligations: 90_000, effectiveTaxRate: 0.35 });
    expect(OfferTermsInput.safeParse(terms).success).toBe(true);
    expect(() => parseOfferTerms(OfferTermsInput.parse(terms))).not.toThrow();
  });

  it('names the builder fields that cannot become terms', () => {
    const form = { ...formFromDraft(view({ figures: false })), shares: '20M', fullyDilutedShares: '10M' };
    const { terms, errors } = termsFromBuilder(form, PAY);
    expect(terms).toBeUndefined();
    expect(errors).toMatchObject({
      'startup.grant.strike': 'Options (ISO, NSO) need a strike price per share.',
      'startup.company.lastPostMoney': expect.any(String),
      'startup.grant.shares': 'The grant must be smaller than the fully diluted share count.',
    });
  });
});

describe('draftHints', () => {
  it('says where a figure came from while it holds the draft value, and that it changed once edited', () => {
    const v = view();
    const initial = formFromDraft(v);
    expect(draftHints(v, initial, initial)).toMatchObject({ 'startup.base': "From the role's band", 'startup.company.lastPostMoney': 'From the company profile', 'candidate.currentBase': "From Ada Park's current pay" });
    expect(draftHints(v, initial, { ...initial, base: '250000' })['startup.base']).toBe("Changed from 240000 (from the role's band)");
  });
});

describe('builderFieldOf', () => {
  it.each([
    ['base', 'startup.base'],
    ['equity.shares', 'startup.grant.shares'],
    ['equity.strike', 'startup.grant.strike'],
    ['equity.fullyDilutedShares', 'startup.company.fullyDilutedShares'],
    ['equity.vesting.preset', 'startup.grant.vesting'],
    ['lastPostMoney', 'startup.company.lastPostMoney'],
    ['candidateFinances.effectiveTaxRate', 'candidate.effectiveTaxRate'],
    ['incumbent.base', 'incumbent.base'],
    ['currency', undefined],
    [undefined, undefined],
  ])('%s -> %s', (api, builder) => {
    expect(builderFieldOf(api)).toBe(builder);
  });
});
