import { describe, expect, it } from 'vitest';
import { formatCount as libCount, formatMoney as libMoney } from '../../lib/format-money.js';
import { formatCount, formatMoney, formatPercent, formatProbability } from './format.js';

describe('offer builder formatters', () => {
  it('takes money and counts from the shared, cached helpers', () => {
    expect(formatMoney).toBe(libMoney);
    expect(formatCount).toBe(libCount);
  });

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

  it.each([
    [0.5, '0.5%'],
    [0.266553, '0.267%'],
    [31.58106, '31.581%'],
  ])('formatPercent(%s) is %s', (value, text) => expect(formatPercent(value)).toBe(text));

  it.each([
    [0.00185, '0.2%'],
    [0.0004, '< 0.1%'],
    [0, '0%'],
    [0.8511, '85%'],
  ])('formatProbability(%s) is %s', (p, text) => expect(formatProbability(p)).toBe(text));
});
