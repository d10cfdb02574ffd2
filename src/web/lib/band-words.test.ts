import { describe, expect, it } from 'vitest';
import { formatApproval, formatBand, formatDay } from './band-words.js';
import { formatPercent } from './format-number.js';

describe('band words', () => {
  it('says a band in words, naming a currency other than USD', () => {
    expect(formatBand({ baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' }, 'en-US')).toBe('base $180,000–$220,000, equity 0.5%–1% of fully diluted');
    expect(formatBand({ baseMin: 90_000, baseMax: 110_000, equityPctMin: 0.25, equityPctMax: 0.755, currency: 'EUR' }, 'en-US')).toBe('base €90,000–€110,000 EUR, equity 0.25%–0.76% of fully diluted');
  });

  it('says who approved a band and when', () => {
    expect(formatApproval({ approvedBy: 'Board meeting', approvedOn: '2026-10-15' })).toBe('Approved by Board meeting on 15 Oct 2026');
    expect(formatApproval({ approvedBy: null, approvedOn: null })).toBe('Approval not recorded');
    expect(formatDay('2026-01-02')).toBe('2 Jan 2026');
    expect(formatDay('nonsense')).toBe('nonsense');
    expect(formatPercent(1.5, 2)).toBe('1.5%');
  });
});
