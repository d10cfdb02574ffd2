import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../api/pipeline.js';
import { uploadTypeOf } from '../../api/candidate-record.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { buildDetailsPatch, draftFromCandidate, rebaseDraft } from './edit-details.js';

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  id: 'c1',
  name: 'Lena Park',
  email: 'lena@park.example',
  phone: '+1 555 0100',
  links: ['https://github.com/lena'],
  location: 'Berlin',
  currentEmployer: 'Hugging Face',
  source: 'referral',
  passive: true,
  specializations: ['mlops'],
  productionMlYears: 4.5,
  currentCompensation: { base: 200_000, bonus: 0, equityAnnual: 50_000, currency: 'EUR' },
  mergedIntoId: null,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
  ...over,
});
const options = { seesPay: true, currency: 'USD', parseWhole: (t: string) => parseWholeNumber(t) };

describe('buildDetailsPatch', () => {
  it('sends nothing when nothing changed (the e-mail compared without case)', () => {
    const c = candidate();
    expect(buildDetailsPatch({ ...draftFromCandidate(c), email: 'Lena@Park.example ' }, c, options)).toEqual({ ok: true, patch: {} });
  });

  it('sends only the changed fields, trimmed', () => {
    const c = candidate();
    const draft = { ...draftFromCandidate(c), name: ' Lena Park-Kim ', links: ['https://github.com/lena', ' https://lena.example '], passive: false };
    expect(buildDetailsPatch(draft, c, options)).toEqual({ ok: true, patch: { name: 'Lena Park-Kim', links: ['https://github.com/lena', 'https://lena.example'], passive: false } });
  });

  it('clears emptied optional fields with null, drops empty link rows, and clears pay when all three amounts are empty', () => {
    const c = candidate();
    const draft = { ...draftFromCandidate(c), phone: ' ', links: ['', ''], location: '', currentEmployer: '', specializations: [], productionMlYears: '', base: '', bonus: '', equityAnnual: '' };
    expect(buildDetailsPatch(draft, c, options)).toEqual({
      ok: true,
      patch: { phone: null, links: [], location: null, currentEmployer: null, specializations: [], productionMlYears: null, currentCompensation: null },
    });
  });

  it('keeps the pay currency of the record, and reads amounts as people type them', () => {
    const c = candidate();
    expect(buildDetailsPatch({ ...draftFromCandidate(c), base: '210,000', productionMlYears: '5,5' }, c, options)).toEqual({
      ok: true,
      patch: { productionMlYears: 5.5, currentCompensation: { base: 210_000, bonus: 0, equityAnnual: 50_000, currency: 'EUR' } },
    });
  });

  it('names the field of a number that is not one', () => {
    const c = candidate();
    const result = buildDetailsPatch({ ...draftFromCandidate(c), productionMlYears: 'five', bonus: 'lots' }, c, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['currentCompensation.bonus', 'productionMlYears']);
  });

  it('never sends pay for someone who may not see it, nor an employer that is hidden from them', () => {
    const c = candidate({ currentCompensation: undefined, currentEmployer: undefined, pedigreeHidden: true });
    const result = buildDetailsPatch({ ...draftFromCandidate(c), base: '1', currentEmployer: 'Guess' }, c, { ...options, seesPay: false });
    expect(result).toEqual({ ok: true, patch: {} });
  });
});

describe('uploadTypeOf', () => {
  it.each([
    [{ name: 'cv.pdf', type: 'application/pdf' }, 'application/pdf'],
    [{ name: 'cv.txt', type: 'text/plain' }, 'text/plain'],
    [{ name: 'CV.PDF', type: '' }, 'application/pdf'],
    [{ name: 'cv.txt', type: 'application/octet-stream' }, 'text/plain'],
    [{ name: 'cv.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, undefined],
    [{ name: 'photo.png', type: 'image/png' }, undefined],
  ])('%j -> %s', (file, type) => {
    expect(uploadTypeOf(file)).toBe(type);
  });
});

describe('rebaseDraft', () => {
  it('keeps what this person changed and takes everything else from the version saved meanwhile', () => {
    const origin = candidate();
    const latest = candidate({ source: 'inbound', location: 'Paris', version: 4 });
    const mine = { ...draftFromCandidate(origin), location: 'Lisbon', phone: '' };
    const rebased = rebaseDraft(mine, origin, latest);
    expect(rebased).toMatchObject({ source: 'inbound', location: 'Lisbon', phone: '' });
    expect(buildDetailsPatch(rebased, latest, options)).toEqual({ ok: true, patch: { location: 'Lisbon', phone: null } });
  });
});
