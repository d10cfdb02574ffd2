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
  return moneyFormat(currency, options.locale, options.compact === true).format(amount);
}

// Building an Intl.NumberFormat costs far more than using one; boards and charts format thousands of figures.
const formats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string | undefined, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${locale ?? ''}|${compact}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact ? 1 : 0,
      minimumFractionDigits: 0,
    });
    formats.set(key, format);
  }
  return format;
}

const countFormats = new Map<string, Intl.NumberFormat>();

/** Formats a count with thousands separators: 12500 -> "12,500". */
export function formatCount(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return '—';
  const key = locale ?? '';
  let format = countFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    countFormats.set(key, format);
  }
  return format.format(value);
}
