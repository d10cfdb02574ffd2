import { describe, expect, it } from 'vitest';
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
