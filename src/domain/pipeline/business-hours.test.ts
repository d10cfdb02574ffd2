import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDayHours, businessHoursBetween, zonedTimeToUtc, zoneOffsetMs, type BusinessHours } from './business-hours.js';

const H = 3_600_000;
const week = (timeZone: string, extra: Partial<BusinessHours> = {}): BusinessHours => ({
  timeZone,
  workdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
  ...extra,
});
const ms = (iso: string) => Date.parse(iso);

describe('zonedTimeToUtc', () => {
  it.each([
    ['Berlin winter', 'Europe/Berlin', [2025, 3, 28, 9 * 60], '2025-03-28T08:00:00.000Z'],
    ['Berlin summer', 'Europe/Berlin', [2025, 3, 31, 9 * 60], '2025-03-31T07:00:00.000Z'],
    ['New York winter', 'America/New_York', [2025, 3, 7, 9 * 60], '2025-03-07T14:00:00.000Z'],
    ['New York summer', 'America/New_York', [2025, 3, 10, 9 * 60], '2025-03-10T13:00:00.000Z'],
    ['skipped 02:30 moves forward (New York spring)', 'America/New_York', [2025, 3, 9, 150], '2025-03-09T07:30:00.000Z'],
    ['repeated 01:30 takes the earlier (New York autumn)', 'America/New_York', [2025, 11, 2, 90], '2025-11-02T05:30:00.000Z'],
    ['skipped 02:30 moves forward (Berlin spring)', 'Europe/Berlin', [2025, 3, 30, 150], '2025-03-30T01:30:00.000Z'],
    ['repeated 02:30 takes the earlier (Berlin autumn)', 'Europe/Berlin', [2025, 10, 26, 150], '2025-10-26T00:30:00.000Z'],
    ['24:00 is the next midnight', 'Asia/Kolkata', [2025, 1, 1, 24 * 60], '2025-01-01T18:30:00.000Z'],
  ] as const)('%s', (_name, zone, [y, m, d, min], iso) => {
    expect(new Date(zonedTimeToUtc(y, m, d, min, zone)).toISOString()).toBe(iso);
  });

  it('reads offsets across a DST change', () => {
    expect(zoneOffsetMs(ms('2025-03-09T06:59:59Z'), 'America/New_York')).toBe(-5 * H);
    expect(zoneOffsetMs(ms('2025-03-09T07:00:00Z'), 'America/New_York')).toBe(-4 * H);
  });
});

describe('businessHoursBetween', () => {
  it.each([
    ['same working day', 'Europe/Berlin', '2025-03-04T09:00:00Z', '2025-03-04T12:30:00Z', 3.5],
    ['before opening counts nothing', 'Europe/Berlin', '2025-03-04T05:00:00Z', '2025-03-04T07:59:00Z', 0],
    ['night between two days', 'Europe/Berlin', '2025-03-04T15:00:00Z', '2025-03-05T09:00:00Z', 2],
    ['Friday 16:00 to Monday 10:00 across a weekend', 'Europe/Berlin', '2025-03-07T15:00:00Z', '2025-03-10T09:00:00Z', 2],
    ['weekend only', 'Europe/Berlin', '2025-03-08T08:00:00Z', '2025-03-09T20:00:00Z', 0],
    ['whole working week', 'Europe/Berlin', '2025-03-03T00:00:00Z', '2025-03-10T00:00:00Z', 40],
    // Berlin moves to CEST on Sunday 2025-03-30: Monday 09:00 local is 07:00Z, not 08:00Z.
    ['Berlin: Friday 16:00 CET to Monday 10:00 CEST (DST weekend)', 'Europe/Berlin', '2025-03-28T15:00:00Z', '2025-03-31T08:00:00Z', 2],
    ['Berlin: Monday after DST counts from 09:00 CEST', 'Europe/Berlin', '2025-03-31T06:00:00Z', '2025-03-31T16:00:00Z', 8],
    ['Berlin: Friday 16:00 CEST to Monday 10:00 CET (autumn)', 'Europe/Berlin', '2025-10-24T14:00:00Z', '2025-10-27T09:00:00Z', 2],
    // New York moves to EDT on Sunday 2025-03-09 and back to EST on Sunday 2025-11-02.
    ['New York: Friday 16:00 EST to Monday 10:00 EDT', 'America/New_York', '2025-03-07T21:00:00Z', '2025-03-10T14:00:00Z', 2],
    ['New York: Monday after spring DST is 13:00Z-21:00Z', 'America/New_York', '2025-03-10T12:00:00Z', '2025-03-10T22:00:00Z', 8],
    ['New York: Friday 16:00 EDT to Monday 10:00 EST', 'America/New_York', '2025-10-31T20:00:00Z', '2025-11-03T15:00:00Z', 2],
    ['New York: full DST week still counts 40 h', 'America/New_York', '2025-03-08T00:00:00Z', '2025-03-15T05:00:00Z', 40],
    ['end before start counts nothing', 'Europe/Berlin', '2025-03-05T12:00:00Z', '2025-03-04T12:00:00Z', 0],
  ])('%s', (_name, zone, from, to, hours) => {
    expect(businessHoursBetween(ms(from), ms(to), week(zone))).toBeCloseTo(hours, 9);
  });

  it('skips holidays and honours custom workdays and hours', () => {
    const from = ms('2025-03-03T08:00:00Z');
    const to = ms('2025-03-05T08:00:00Z');
    expect(businessHoursBetween(from, to, week('Europe/Berlin'))).toBe(16);
    expect(businessHoursBetween(from, to, week('Europe/Berlin', { holidays: ['2025-03-04'] }))).toBe(8);
    expect(businessHoursBetween(from, to, week('Europe/Berlin', { workdays: [2] }))).toBe(8);
    expect(businessHoursBetween(from, to, week('Europe/Berlin', { start: '08:00', end: '12:00' }))).toBe(8);
    // Sunday-to-Thursday week (e.g. Israel): Friday 2025-03-07 is off, Sunday 2025-03-09 is on.
    expect(businessHoursBetween(ms('2025-03-07T00:00:00Z'), ms('2025-03-10T00:00:00Z'), week('Asia/Jerusalem', { workdays: [7, 1, 2, 3, 4] }))).toBe(8);
  });

  it('businessDayHours is the length of the window', () => {
    expect(businessDayHours(week('UTC'))).toBe(8);
    expect(businessDayHours(week('UTC', { start: '08:30', end: '18:00' }))).toBe(9.5);
  });

  const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'];
  const instant = fc.integer({ min: ms('2024-01-01T00:00:00Z'), max: ms('2026-12-31T00:00:00Z') });

  it('with a 24/7 window equals calendar hours, DST days included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, fc.integer({ min: 0, max: 40 * 24 * H }), (zone, from, span) => {
        const allWeek = week(zone, { workdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' });
        expect(businessHoursBetween(from, from + span, allWeek)).toBeCloseTo(span / H, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('is additive over a split point and never more than calendar hours', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, fc.integer({ min: 0, max: 20 * 24 * H }), fc.integer({ min: 0, max: 20 * 24 * H }), (zone, a, s1, s2) => {
        const hours = week(zone);
        const whole = businessHoursBetween(a, a + s1 + s2, hours);
        expect(whole).toBeCloseTo(businessHoursBetween(a, a + s1, hours) + businessHoursBetween(a + s1, a + s1 + s2, hours), 6);
        expect(whole).toBeLessThanOrEqual((s1 + s2) / H + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('counts 40 h in any 7-day span that starts at a local midnight', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 1000 }), (zone, dayOffset) => {
        const d = new Date(Date.UTC(2024, 0, 1 + dayOffset));
        const start = zonedTimeToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, zone);
        const e = new Date(Date.UTC(2024, 0, 8 + dayOffset));
        const end = zonedTimeToUtc(e.getUTCFullYear(), e.getUTCMonth() + 1, e.getUTCDate(), 0, zone);
        expect(businessHoursBetween(start, end, week(zone))).toBeCloseTo(40, 9);
      }),
      { numRuns: 150 },
    );
  });
});
