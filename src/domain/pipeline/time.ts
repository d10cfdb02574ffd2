import { DomainError } from '../shared/errors.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** An instant as the pipeline accepts it: a Date, epoch milliseconds, or an ISO 8601 string. */
export type Instant = Date | number | string;

/** Epoch milliseconds of an instant; throws VALIDATION_FAILED (with `field`) when it is not a valid time. */
export function toEpochMs(value: Instant, field = 'now'): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(ms)) throw new DomainError('VALIDATION_FAILED', `${field} is not a valid time.`, field);
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Date.parse, with a fast path for the canonical `YYYY-MM-DDTHH:mm:ss.sssZ` form toIso writes (and the store
 * holds): bulk readers parse a million of these per request. Anything else, or an out-of-range field, goes to
 * Date.parse, so the answer is always Date.parse's.
 */
export function parseIsoMs(s: string): number {
  if (s.length !== 24 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) {
    return Date.parse(s);
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = digits(s, 20, 3);
  // digits() is negative for a non-digit; leap days and other edge cases are left to Date.parse.
  if (year < 0 || ms < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]! || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Date.parse(s);
  }
  // Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms").
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const days = era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** The decimal number in s[from, from + count), or -1 when a character there is not a digit. */
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
