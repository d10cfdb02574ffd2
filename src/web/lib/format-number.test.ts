import { describe, expect, it } from 'vitest';
import { formatPercent, formatProbability, formatShare } from './format-number.js';

describe('formatProbability: one rule on every page', () => {
  it.each([
    [0, '0%'],
    [1, '100%'],
    [0.0004, '<0.1%'],
    [0.000499, '<0.1%'],
    [0.0005, '0.1%'],
    [0.00185, '0.2%'],
    [0.004, '0.4%'],
    [0.0999, '10%'],
    [0.099, '9.9%'],
    [0.1, '10%'],
    [0.42, '42%'],
    [0.8511, '85%'],
    [0.9, '90%'],
    [0.901, '90.1%'],
    [0.996, '99.6%'],
    [0.9994, '99.9%'],
    [0.9996, '>99.9%'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%s -> %s', (p, text) => expect(formatProbability(p)).toBe(text));

  it('never shows a chance above zero as 0% nor one below certainty as 100%', () => {
    for (const p of [1e-9, 1e-6, 0.0001, 0.00049]) expect(formatProbability(p)).not.toBe('0%');
    for (const p of [1 - 1e-9, 0.99999, 0.9999]) expect(formatProbability(p)).not.toBe('100%');
  });
});

describe('formatPercent', () => {
  it.each([
    [0.75, undefined, '0.75%'],
    [0.0125, undefined, '0.0125%'],
    [1, undefined, '1%'],
    [0.123456, undefined, '0.1235%'],
    [0.266553, 3, '0.267%'],
    [31.58106, 3, '31.581%'],
    [2.5, 2, '2.5%'],
    [Number.NaN, undefined, '—'],
  ])('formatPercent(%s, %s) is %s', (pct, decimals, text) => expect(formatPercent(pct, decimals)).toBe(text));
});

describe('formatShare', () => {
  it.each([
    [0.5, 0, '50%'],
    [0.75, 0, '75%'],
    [0.245, 1, '24.5%'],
    [0.24, 1, '24.0%'],
    [0, 0, '0%'],
    [Number.NaN, 0, '—'],
  ])('formatShare(%s, %s) is %s', (share, decimals, text) => expect(formatShare(share, decimals)).toBe(text));
});
