import { formatCount, formatMoney } from '../../lib/format-money.js';

// Money and counts are the shared helpers (cached formatters); re-exported so the offer builder and the
// market page take all their formatting from this module.
export { formatCount, formatMoney };

// Cached like the shared helpers: the offer builder formats hundreds of percentages on every result
// while a slider moves, and building an Intl.NumberFormat costs far more than using one.
const formats = new Map<number, Intl.NumberFormat>();

function decimals(digits: number): Intl.NumberFormat {
  let format = formats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    formats.set(digits, format);
  }
  return format;
}

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
