/**
 * The retention rule (docs/privacy.md): candidates whose every application closed without a hire are erased once the
 * last one closed at least N months ago, unless they agreed to stay in the talent pool. Pure: runs in the browser too.
 */

/** The shortest and longest period a company may set, in months (a month is too short to answer a reply; ten years is plenty). */
export const RETENTION_MONTHS = { min: 1, max: 120 } as const;

/** The instant N calendar months before `now` (UTC); a day that the earlier month lacks becomes its last day. */
export function monthsBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}

/** The words for a rule, e.g. "Erase rejected candidates 6 months after their last application closed". */
export function describeRetention(months: number | null): string {
  if (months === null) return 'Keep rejected candidates until someone erases them';
  return `Erase rejected candidates ${months} month${months === 1 ? '' : 's'} after their last application closed, unless they agreed to stay in the talent pool`;
}
