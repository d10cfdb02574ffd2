const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = Intl.RelativeTimeFormatUnit;

/** Steps from the smallest unit up: use `unit` while |diff| is below `below`. */
const STEPS: { below: number; unit: Unit; size: number }[] = [
  { below: HOUR, unit: 'minute', size: MINUTE },
  { below: DAY, unit: 'hour', size: HOUR },
  { below: 14 * DAY, unit: 'day', size: DAY },
  { below: 60 * DAY, unit: 'week', size: 7 * DAY },
  { below: 365 * DAY, unit: 'month', size: 30.4375 * DAY },
  { below: Number.POSITIVE_INFINITY, unit: 'year', size: 365.25 * DAY },
];

/**
 * Relative text for an instant: "just now", "5 minutes ago", "in 2 days", "3 weeks ago".
 * @example formatRelativeTime(new Date('2025-01-01T00:00:00Z'), new Date('2025-01-04T00:00:00Z'), 'en') === '3 days ago'
 */
export function formatRelativeTime(at: Date, now: Date, locale?: string): string {
  const diff = at.getTime() - now.getTime();
  if (Number.isNaN(diff)) return '—';
  if (Math.abs(diff) < MINUTE) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  for (const step of STEPS) {
    if (Math.abs(diff) < step.below) {
      // Truncate towards zero so "59 minutes" never rounds up to "60 minutes".
      return format.format(Math.trunc(diff / step.size), step.unit);
    }
  }
  return format.format(Math.trunc(diff / DAY), 'day');
}

/** The exact instant in UTC for titles and tooltips: "2025-01-19 14:03 UTC". */
export function formatUtc(at: Date): string {
  if (Number.isNaN(at.getTime())) return 'unknown time';
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
