/**
 * The one way the web writes percentages and probabilities (src/web/README.md, "Numbers"). Money and counts are in
 * `format-money.ts`. Formatters are cached: the offer builder formats hundreds of figures while a slider moves, and
 * building an Intl.NumberFormat costs far more than using one.
 */

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}-${maxDecimals}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    formats.set(key, format);
  }
  return format;
}

/**
 * A figure that is already a percentage (ownership of the fully diluted total, a band's equity range), with up to
 * `maxDecimals` decimals and no trailing zeros: small grants need the decimals ("0.0125%").
 * @example formatPercent(0.75) // "0.75%"
 * @example formatPercent(0.266553, 3) // "0.267%"
 */
export function formatPercent(pct: number, maxDecimals = 4): string {
  if (!Number.isFinite(pct)) return '—';
  return `${numberFormat(0, maxDecimals).format(pct)}%`;
}

/**
 * A share of a whole (0..1) as a percentage with a fixed number of decimals: "75%", "24.5%".
 * @example formatShare(0.75) // "75%"
 * @example formatShare(0.245, 1) // "24.5%"
 */
export function formatShare(share: number, decimals = 0): string {
  if (!Number.isFinite(share)) return '—';
  return `${numberFormat(decimals, decimals).format(Math.round(share * 100 * 10 ** decimals) / 10 ** decimals)}%`;
}

/**
 * A measured figure such as days or hours, with up to `maxDecimals` decimals and no trailing zeros: "9", "10.5".
 * @example formatDecimal(10.46) // "10.5"
 */
export function formatDecimal(value: number, maxDecimals = 1): string {
  if (!Number.isFinite(value)) return '—';
  return numberFormat(0, maxDecimals).format(value);
}

/**
 * A probability (0..1), the same on every page: one decimal under 10% and over 90%, whole percents between;
 * "<0.1%" for a chance above zero that would round to 0.0%, ">99.9%" for one below certainty that would round to
 * 100.0%, so a rare outcome never reads as impossible and a likely one never as certain. 0 and 1 are "0%" and "100%".
 * @example formatProbability(0.00185) // "0.2%"
 * @example formatProbability(0.0004) // "<0.1%"
 * @example formatProbability(0.42) // "42%"
 * @example formatProbability(0.996) // "99.6%"
 */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p <= 0) return '0%';
  if (p >= 1) return '100%';
  const pct = p * 100;
  if (pct < 0.05) return '<0.1%';
  if (pct >= 99.95) return '>99.9%';
  if (pct < 10 || pct > 90) return `${numberFormat(0, 1).format(pct)}%`;
  return `${Math.round(pct)}%`;
}
