const DAY_MS = 86_400_000;

/**
 * A `from` / `to` filter of the audit log (an ISO date or instant) as the stored form (toISOString), so text
 * comparison orders it right; a `to` date takes its whole day (up to the next midnight UTC).
 */
export function auditInstant(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = new Date(dateOnly ? `${value}T00:00:00.000Z` : value).getTime();
  return new Date(dateOnly && end ? t + DAY_MS : t).toISOString();
}
