export interface MoneyFormatOptions {
  /** "$3.2M" instead of "$3,200,000"; for charts and tight cells. */
  compact?: boolean;
  /** BCP 47 locale; the browser's when omitted. */
  locale?: string;
}

/**
 * Formats whole currency units with the currency symbol and thousands separators.
 * @example formatMoney(185000, 'USD', { locale: 'en-US' }) === '$185,000'
 */
export function formatMoney(amount: number, currency: string, options: MoneyFormatOptions = {}): string {
  if (!Number.isFinite(amount)) return '—';
  const format = new Intl.NumberFormat(options.locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    notation: options.compact ? 'compact' : 'standard',
    maximumFractionDigits: options.compact ? 1 : 0,
    minimumFractionDigits: 0,
  });
  return format.format(amount);
}

/** Formats a count with thousands separators: 12500 -> "12,500". */
export function formatCount(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
