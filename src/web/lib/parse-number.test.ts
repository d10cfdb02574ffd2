import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from './parse-number.js';

describe('parseWholeNumber', () => {
  it.each([
    ['3000000', 3_000_000],
    ['3,000,000', 3_000_000],
    [' 3 000 000 ', 3_000_000],
    ['$1,500', 1500],
    ['0', 0],
    ['3.0', 3],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseWholeNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['3M', 3_000_000],
    ['2.5m', 2_500_000],
    ['500k', 500_000],
    ['2.55M', 2_550_000],
    ['1b', 1_000_000_000],
  ])('reads "%s" as %d when suffixes are allowed', (text, value) => {
    expect(parseWholeNumber(text, { allowSuffix: true })).toEqual({ ok: true, value });
  });

  it.each(['', '  ', 'abc', '-5', '1.5', '3M', '1e6', '12..3'])('rejects "%s" without suffixes', (text) => {
    expect(parseWholeNumber(text).ok).toBe(false);
  });

  it('rejects fractions of a unit even with a suffix', () => {
    expect(parseWholeNumber('0.0001k', { allowSuffix: true })).toEqual({ ok: false, message: 'Enter a whole number (no fractions).' });
  });

  it('rejects numbers beyond the safe integer range', () => {
    expect(parseWholeNumber('99999999999999999').ok).toBe(false);
  });
});
