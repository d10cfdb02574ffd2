import { describe, expect, it } from 'vitest';
import { formatRelativeTime, formatUtc } from './format-time.js';

const now = new Date('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it.each([
    [ago(30_000), 'just now'],
    [ago(-30_000), 'just now'],
    [ago(MIN), '1 minute ago'],
    [ago(59 * MIN + 59_000), '59 minutes ago'],
    [ago(HOUR), '1 hour ago'],
    [ago(23 * HOUR), '23 hours ago'],
    [ago(3 * DAY), '3 days ago'],
    [ago(-2 * DAY), 'in 2 days'],
    [ago(13 * DAY), '13 days ago'],
    [ago(14 * DAY), '2 weeks ago'],
    [ago(90 * DAY), '2 months ago'],
    [ago(800 * DAY), '2 years ago'],
  ])('describes %s as "%s"', (at, expected) => {
    expect(formatRelativeTime(at, now, 'en')).toBe(expected);
  });

  it('shows a dash for an invalid date', () => {
    expect(formatRelativeTime(new Date('nope'), now, 'en')).toBe('—');
  });
});

describe('formatUtc', () => {
  it('gives the exact minute in UTC', () => {
    expect(formatUtc(new Date('2025-01-19T14:03:59.123Z'))).toBe('2025-01-19 14:03 UTC');
  });
});
