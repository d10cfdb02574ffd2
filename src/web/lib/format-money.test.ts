import { describe, expect, it } from 'vitest';
import { compactMoney } from './format-axis.js';
import { formatCount, formatMoney } from './format-money.js';

describe('formatMoney', () => {
  it.each([
    [185000, 'USD', '$185,000'],
    [0, 'USD', '$0'],
    [3_000_000, 'EUR', '€3,000,000'],
    [1234567, 'GBP', '£1,234,567'],
  ])('formats %d %s as %s with thousands separators and no decimals', (amount, currency, expected) => {
    expect(formatMoney(amount, currency, { locale: 'en-US' })).toBe(expected);
  });

  it('uses compact notation when asked', () => {
    expect(formatMoney(3_200_000, 'USD', { locale: 'en-US', compact: true })).toBe('$3.2M');
    expect(formatMoney(250_000, 'USD', { locale: 'en-US', compact: true })).toBe('$250K');
  });

  it('shows a dash for a number that is not finite', () => {
    expect(formatMoney(Number.NaN, 'USD', { locale: 'en-US' })).toBe('—');
  });
});

describe('formatCount', () => {
  it('adds thousands separators', () => {
    expect(formatCount(12500, 'en-US')).toBe('12,500');
  });
});

describe('money in the offer builder and on the market page', () => {
  it.each([
    [185_000, 'USD', false, '$185,000'],
    [1_250_000, 'USD', true, '$1.3M'],
    [96_000, 'EUR', false, '€96,000'],
    [-4_200, 'GBP', true, '-£4.2K'],
  ])('formatMoney(%s, %s, compact %s) is %s', (amount, currency, compact, text) => {
    expect(formatMoney(amount, currency, { compact, locale: 'en-US' })).toBe(text);
    // a second call uses the cached formatter and still agrees
    expect(formatMoney(amount, currency, { compact, locale: 'en-US' })).toBe(text);
  });

  it('formats counts with thousands separators, and a dash for a number that is not finite', () => {
    expect(formatCount(10_000_000, 'en-US')).toBe('10,000,000');
    expect(formatCount(Number.NaN)).toBe('—');
  });

  it('writes chart axes in compact money', () => {
    expect(compactMoney('USD')(1_200_000)).toBe(formatMoney(1_200_000, 'USD', { compact: true }));
  });
});
