import { formatMoney } from './format-money.js';
import { formatPercent } from './format-number.js';

/** A band's ranges: base in whole units of `currency`, equity in percent of fully diluted shares. */
export interface BandRangesLike {
  baseMin: number;
  baseMax: number;
  equityPctMin: number;
  equityPctMax: number;
  currency: string;
}


/**
 * A band in words.
 * @example formatBand({ baseMin: 180000, baseMax: 220000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' }, 'en-US') // 'base $180,000–$220,000, equity 0.5%–1% of fully diluted'
 */
export function formatBand(band: BandRangesLike, locale?: string): string {
  const base = `${formatMoney(band.baseMin, band.currency, { locale })}–${formatMoney(band.baseMax, band.currency, { locale })}`;
  return `base ${base}${band.currency === 'USD' ? '' : ` ${band.currency}`}, equity ${formatPercent(band.equityPctMin, 2)}–${formatPercent(band.equityPctMax, 2)} of fully diluted`;
}

/** A calendar day (YYYY-MM-DD) in words: "15 Oct 2026". */
export function formatDay(day: string, locale = 'en-GB'): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Who approved a band and when, in words; says so when it was recorded without approval facts. */
export function formatApproval(band: { approvedBy: string | null; approvedOn: string | null }): string {
  if (!band.approvedBy) return 'Approval not recorded';
  return `Approved by ${band.approvedBy}${band.approvedOn ? ` on ${formatDay(band.approvedOn)}` : ''}`;
}
