import type { Clock } from './clocks.js';

/**
 * Whole days that have passed: the first 24 hours (or the first working day, for business-hour clocks) are day 0,
 * so "0 days" means "today", and a candidate first contacted 36 hours ago shows "1 day". Every day count on every
 * screen and in the CLI comes from here (docs/pipeline.md, "Day counts").
 * @example wholeDays(36) // 1
 */
export function wholeDays(elapsedHours: number, dayHours = 24): number {
  if (!(elapsedHours > 0) || !(dayHours > 0)) return 0;
  // A hair of tolerance so 240 h that arrive as 239.9999999 from float arithmetic still read as 10 days.
  return Math.floor(elapsedHours / dayHours + 1e-9);
}

/** The day count of a clock, in its own basis (calendar days or working days), up to now or to its stop. */
export function clockDays(clock: Pick<Clock, 'elapsedHours' | 'dayHours'>): number {
  return wholeDays(clock.elapsedHours, clock.dayHours);
}

/**
 * A day count in words.
 * @example formatDays(1) // '1 day'
 * @example formatDays(12, { business: true }) // '12 working days'
 */
export function formatDays(days: number, options: { business?: boolean } = {}): string {
  const unit = options.business ? 'working day' : 'day';
  return `${days} ${unit}${days === 1 ? '' : 's'}`;
}
