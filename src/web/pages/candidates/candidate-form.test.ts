import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { buildCandidateBody, firstContactEvent } from './candidate-form.js';
import type { CandidateDraft } from './candidate-form.js';

const draft = (over: Partial<CandidateDraft> = {}): CandidateDraft => ({
  name: ' Ada Lovelace ',
  email: 'ada@example.com',
  currentEmployer: '',
  source: 'referral',
  passive: true,
  specializations: [],
  productionMlYears: '',
  base: '',
  bonus: '',
  equityAnnual: '',
  roleId: 'r1',
  stage: '',
  firstContact: 'outreach.sent',
  firstContactOn: '',
  ...over,
});

const options = { seesPay: true, currency: 'EUR', parseWhole: (t: string) => parseWholeNumber(t) };

describe('buildCandidateBody', () => {
  it('sends the trimmed fields and leaves out empty optional ones', () => {
    expect(buildCandidateBody(draft(), options)).toEqual({ ok: true, body: { name: 'Ada Lovelace', email: 'ada@example.com', source: 'referral', passive: true } });
  });

  it('sends the phone, the location and the one link the add form asks for, trimmed', () => {
    const built = buildCandidateBody(draft({ phone: ' +1 415 555 0134 ', location: 'Lisbon, Portugal ', link: ' https://github.com/ada ' }), options);
    expect(built).toMatchObject({ ok: true, body: { phone: '+1 415 555 0134', location: 'Lisbon, Portugal', links: ['https://github.com/ada'] } });
    const empty = buildCandidateBody(draft({ phone: ' ', location: '', link: '  ' }), options);
    expect(empty.ok && ['phone', 'location', 'links'].some((k) => k in empty.body)).toBe(false);
  });

  it('sends compensation as whole numbers in the company currency', () => {
    const built = buildCandidateBody(draft({ base: '180,000', equityAnnual: '40000', productionMlYears: '2.5' }), options);
    expect(built).toMatchObject({ ok: true, body: { productionMlYears: 2.5, currentCompensation: { base: 180000, bonus: 0, equityAnnual: 40000, currency: 'EUR' } } });
  });

  it('never sends compensation for someone who may not see it', () => {
    const built = buildCandidateBody(draft({ base: '180000' }), { ...options, seesPay: false });
    expect(built.ok && 'currentCompensation' in built.body).toBe(false);
  });

  it('names the field of a number that is not one, instead of guessing', () => {
    expect(buildCandidateBody(draft({ base: '12.5', productionMlYears: 'lots' }), options)).toEqual({
      ok: false,
      errors: { productionMlYears: expect.any(String), 'currentCompensation.base': expect.any(String) },
    });
  });
});

describe('firstContactEvent', () => {
  const now = new Date('2026-11-26T08:00:00Z');
  it('stamps a past day at noon UTC', () => {
    expect(firstContactEvent({ firstContact: 'outreach.sent', firstContactOn: '2026-11-14' }, { source: 'referral' }, now)).toEqual({
      type: 'outreach.sent',
      occurredAt: '2026-11-14T12:00:00.000Z',
      data: { channel: 'email' },
    });
  });

  it('uses now for today (noon would be in the future) and the source for an application', () => {
    expect(firstContactEvent({ firstContact: 'application.received', firstContactOn: '2026-11-26' }, { source: 'inbound' }, now)).toEqual({
      type: 'application.received',
      data: { source: 'inbound' },
    });
  });

  it('records nothing when there was no contact yet', () => {
    expect(firstContactEvent({ firstContact: 'none', firstContactOn: '2026-11-01' }, { source: 'inbound' }, now)).toBeUndefined();
  });
});
