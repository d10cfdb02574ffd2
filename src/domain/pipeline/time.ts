import { ValidationError } from '../shared/errors.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** An instant as the pipeline accepts it: a Date, epoch milliseconds, or an ISO 8601 string. */
export type Instant = Date | number | string;

/** Epoch milliseconds of an instant; throws VALIDATION_FAILED (with `field`) when it is not a valid time. */
export function toEpochMs(value: Instant, field = 'now'): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(ms)) throw new ValidationError('VALIDATION_FAILED', `${field} is not a valid time.`, field);
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
