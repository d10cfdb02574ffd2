import { describe, expect, it } from 'vitest';
import { formatCount as libCount, formatMoney as libMoney } from '../../lib/format-money.js';
import { formatCount, formatMoney, formatPercent, formatProbability } from './format.js';

describe('cached formatters', () => {
  it.each([
    [185_000, 'USD', false],
    [1_250_000, 'USD', true],
    [96_000, 'EUR', false],
    [-4_200, 'GBP', true],
  ])('formatMoney(%s, %s, compact %s) equals the shared helper', (amount, currency, compact) => {
    expect(formatMoney(amount, currency, { compact, locale: 'en-US' })).toBe(libMoney(amount, currency, { compact, locale: 'en-US' }));
    // a second call uses the cached formatter and still agrees
    expect(formatMoney(amount, currency, { compact, locale: 'en-US' })).toBe(libMoney(amount, currency, { compact, locale: 'en-US' }));
  });

  it('formats counts like the shared helper', () => {
    expect(formatCount(10_000_000, 'en-US')).toBe(libCount(10_000_000, 'en-US'));
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
