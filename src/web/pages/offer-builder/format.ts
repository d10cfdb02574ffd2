import type { MoneyFormatOptions } from '../../lib/format-money.js';

/**
 * Cached number formats. Building an Intl.NumberFormat costs far more than using one, and the
 * offer builder formats hundreds of numbers (tables, axes, hints) on every result while a slider
 * moves: caching took most of the main-thread time off each update.
 */
const formats = new Map<string, Intl.NumberFormat>();

function cachedFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** Same output as lib/format-money's formatMoney, with the formatter cached. */
export function formatMoney(amount: number, currency: string, options: MoneyFormatOptions = {}): string {
  if (!Number.isFinite(amount)) return '—';
  const compact = options.compact === true;
  return cachedFormat(`money|${currency}|${compact}|${options.locale ?? ''}`, () =>
    new Intl.NumberFormat(options.locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact ? 1 : 0,
      minimumFractionDigits: 0,
    }),
  ).format(amount);
}

/** Same output as lib/format-money's formatCount, with the formatter cached. */
export function formatCount(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return '—';
  return cachedFormat(`count|${locale ?? ''}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(value);
}

const decimals = (digits: number) => cachedFormat(`decimal|${digits}`, () => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));

/** "0.5%", "0.266%": up to `digits` decimals, trailing zeros dropped. */
export function formatPercent(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  return `${decimals(digits).format(value)}%`;
}

/** A probability (0..1) as a percentage: 0.00185 -> "0.2%". */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return '—';
  const pct = p * 100;
  if (pct > 0 && pct < 0.1) return '< 0.1%';
  return `${decimals(pct < 10 ? 1 : 0).format(pct)}%`;
}

/** Compact money for chart axes: "$1.2M". */
export function compactMoney(currency: string): (value: number) => string {
  return (value) => formatMoney(value, currency, { compact: true });
}

export const STAGE_LABELS: Record<string, string> = {
  preseed: 'Pre-seed',
  seed: 'Seed',
  'seed-tier1': 'Seed (tier-one backed)',
  'series-a': 'Series A',
  'series-b': 'Series B',
  'series-c': 'Series C',
  'series-d': 'Series D',
  'series-e': 'Series E',
  growth: 'Growth',
};

export const stageLabel = (stage: string): string => STAGE_LABELS[stage] ?? stage;
