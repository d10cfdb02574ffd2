import { describe, expect, it } from 'vitest';
import offerDefaults from '../../../data/offers/offer-defaults.json' with { type: 'json' };
import { checkBand } from './band.js';
import { buildOfferDraft, sharesForPct, type OfferDraftContext } from './draft.js';
import { parseOfferTerms } from './offer.js';

const BAND = { currency: 'USD', baseMin: 220_000, baseMax: 260_000, equityPctMin: 0.5, equityPctMax: 1 };
const COMPANY = { currency: 'USD', stage: 'seed', lastPostMoney: 22_000_000, fullyDilutedShares: 10_000_000, strikePrice: 0.42 };
const PAY = { base: 250_000, bonus: 30_000, equityAnnual: 150_000, currency: 'USD' };

function ctx(over: Partial<OfferDraftContext> = {}): OfferDraftContext {
  return { roleTitle: 'Staff ML Engineer', band: BAND, company: COMPANY, candidateName: 'Ada Park', currentPay: PAY, ...over };
}

describe('buildOfferDraft', () => {
  it('fills every term from the band (middle), the company and data, and the terms are valid and inside the band', () => {
    const d = buildOfferDraft(ctx());
    expect(d.missing).toEqual([]);
    expect(d.base).toMatchObject({ value: 240_000, source: 'role-band' });
    expect(d.base?.explanation).toMatch(/^The middle of the band of Staff ML Engineer \(220,000 USD to 260,000 USD\)/);
    expect(d.equity.shares).toMatchObject({ value: 75_000, source: 'role-band' });
    expect(d.equity.shares?.explanation).toContain('0.75% of 10,000,000 shares');
    expect(d.equity.fullyDilutedShares).toMatchObject({ value: 10_000_000, source: 'company' });
    expect(d.equity.strike).toMatchObject({ value: 0.42, source: 'company' });
    expect(d.lastPostMoney).toMatchObject({ value: 22_000_000, source: 'company' });
    expect(d.equity.kind).toMatchObject({ value: offerDefaults.draft.grantKind.value, source: 'default' });
    expect(d.equity.vesting).toMatchObject({ value: { preset: offerDefaults.draft.vestingPreset.value }, source: 'default' });
    expect(d.companyStage).toMatchObject({ value: 'seed', source: 'company' });
    expect(d.currentPay).toMatchObject({ value: PAY, source: 'candidate' });
    expect(d.currency).toMatchObject({ value: 'USD', source: 'role-band' });
    const terms = parseOfferTerms(d.terms!);
    expect(terms).toMatchObject({ currency: 'USD', base: 240_000, lastPostMoney: 22_000_000, equity: { kind: 'ISO', shares: 75_000, fullyDilutedShares: 10_000_000, strike: 0.42 } });
    expect(checkBand(terms, BAND).inside).toBe(true);
  });

  it.each([
    { point: 0, base: 220_000, shares: 50_000, words: 'The bottom' },
    { point: 1, base: 260_000, shares: 100_000, words: 'The top' },
    { point: 0.25, base: 230_000, shares: 62_500, words: '25% of the way up' },
  ])('takes the band point from the company ($point: base $base, $shares shares)', ({ point, base, shares, words }) => {
    const d = buildOfferDraft(ctx({ defaults: { bandPoint: point } }));
    expect(d.base?.value).toBe(base);
    expect(d.equity.shares?.value).toBe(shares);
    expect(d.base?.explanation.startsWith(words)).toBe(true);
    expect(checkBand(parseOfferTerms(d.terms!), BAND).inside).toBe(true);
  });

  it('lists a missing band as required, in words, pointing at the role; no terms', () => {
    const d = buildOfferDraft(ctx({ band: null }));
    expect(d.base).toBeNull();
    expect(d.equity.shares).toBeNull();
    expect(d.terms).toBeNull();
    expect(d.missing).toEqual([expect.objectContaining({ field: 'base', where: 'role', required: true, message: expect.stringContaining('Staff ML Engineer has no board-approved band') })]);
    expect(d.currency).toMatchObject({ value: 'USD', source: 'company' });
  });

  it('treats a band without equity ranges as no band', () => {
    const d = buildOfferDraft(ctx({ band: { ...BAND, equityPctMin: null, equityPctMax: null } }));
    expect(d.base).toBeNull();
    expect(d.missing.map((m) => m.field)).toEqual(['base']);
  });

  it('lists each missing company figure with where to fill it in', () => {
    const d = buildOfferDraft(ctx({ company: { ...COMPANY, lastPostMoney: null, fullyDilutedShares: null, strikePrice: null } }));
    expect(d.terms).toBeNull();
    expect(d.base?.value).toBe(240_000);
    expect(d.equity.shares).toBeNull();
    expect(d.missing.map((m) => [m.field, m.where, m.required])).toEqual([
      ['equity.fullyDilutedShares', 'company', true],
      ['equity.strike', 'company', true],
      ['lastPostMoney', 'company', true],
    ]);
    for (const m of d.missing) expect(m.message).toContain('Settings, Company');
  });

  it('needs no strike for RSUs', () => {
    const d = buildOfferDraft(ctx({ company: { ...COMPANY, strikePrice: null }, defaults: { grantKind: 'RSU' } }));
    expect(d.missing).toEqual([]);
    expect(d.terms?.equity).not.toHaveProperty('strike');
    expect(() => parseOfferTerms(d.terms!)).not.toThrow();
  });

  it('lists unknown current pay as optional: the draft is complete without a comparison', () => {
    const d = buildOfferDraft(ctx({ currentPay: null }));
    expect(d.currentPay).toBeNull();
    expect(d.terms).not.toBeNull();
    expect(d.missing).toEqual([expect.objectContaining({ field: 'comparison', where: 'candidate', required: false, message: expect.stringContaining('Ada Park') })]);
  });

  it('does not compare with current pay in another currency, and says so', () => {
    const d = buildOfferDraft(ctx({ currentPay: { ...PAY, currency: 'EUR' } }));
    expect(d.currentPay).toBeNull();
    expect(d.missing[0]).toMatchObject({ field: 'comparison', required: false });
    expect(d.missing[0]!.message).toContain('EUR');
  });

  it('uses the band currency, which the band was approved in, over the company currency', () => {
    const d = buildOfferDraft(ctx({ band: { ...BAND, currency: 'EUR' }, company: { ...COMPANY, currency: 'USD' }, currentPay: { ...PAY, currency: 'EUR' } }));
    expect(d.currency).toMatchObject({ value: 'EUR', source: 'role-band' });
    expect(d.terms?.currency).toBe('EUR');
    expect(d.currentPay?.value.currency).toBe('EUR');
  });
});

describe('sharesForPct', () => {
  it.each([
    { percent: 0.75, fd: 10_000_000, band: { min: 0.5, max: 1 }, shares: 75_000 },
    // At the band's edges on awkward totals, the nearest whole share would fall just outside the band.
    { percent: 0.5, fd: 10_000_001, band: { min: 0.5, max: 0.6 }, shares: 50_001 },
    { percent: 0.6, fd: 9_999_999, band: { min: 0.5, max: 0.6 }, shares: 59_999 },
    { percent: 0.5, fd: 10_000_000, band: { min: 0.5, max: 0.5 }, shares: 50_000 },
    { percent: 0.0001, fd: 100, band: { min: 0, max: 1 }, shares: 1 },
  ])('$percent% of $fd is $shares shares, inside $band.min–$band.max%', ({ percent, fd, band, shares }) => {
    expect(sharesForPct(percent, fd, band)).toBe(shares);
  });

  it('never leaves the band after rounding, whatever the total', () => {
    for (const fd of [9_999_999, 10_000_001, 12_345_677, 3_333_333]) {
      const shares = sharesForPct(0.5, fd, { min: 0.5, max: 0.5 });
      const b = { currency: 'USD', baseMin: 1, baseMax: 2, equityPctMin: 0.5, equityPctMax: 0.5 };
      const check = checkBand({ currency: 'USD', base: 1, equity: { kind: 'ISO', shares, fullyDilutedShares: fd, strike: 1, vesting: { preset: 'x' } } }, b);
      // A one-point band may hold no whole share count at all; otherwise the draft is inside it.
      const holdsOne = Math.ceil(0.005 * fd - 1e-9) <= Math.floor(0.005 * fd + 1e-9);
      if (holdsOne) expect(check.inside, `fd ${fd}`).toBe(true);
    }
  });
});

describe('OfferTermsInput.incumbent.bonusTargetPct', () => {
  it('is a percent of base as the engine reads it: a 15% bonus is accepted, above 1000 is refused', async () => {
    const { OfferTermsInput } = await import('./offer.js');
    const terms = buildOfferDraft(ctx()).terms!;
    const incumbent = { base: 220_000, bonusTargetPct: 15, grantValue: 800_000, preset: 'google' as const };
    expect(OfferTermsInput.safeParse({ ...terms, incumbent }).success).toBe(true);
    expect(OfferTermsInput.safeParse({ ...terms, incumbent: { ...incumbent, bonusTargetPct: 1001 } }).success).toBe(false);
  });
});
