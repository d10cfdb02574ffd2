import { describe, expect, it } from 'vitest';
import { formatZonedDay, formatZonedSlot, toZonedInput, zoneLabel, zonedInputToIso } from './zoned-time.js';

describe('zonedInputToIso', () => {
  it.each([
    ['2026-11-05', '09:30', 'UTC', '2026-11-05T09:30:00.000Z'],
    ['2026-11-05', '09:30', 'Europe/Berlin', '2026-11-05T08:30:00.000Z'],
    ['2026-07-05', '09:30', 'Europe/Berlin', '2026-07-05T07:30:00.000Z'],
    ['2026-11-05', '23:30', 'America/New_York', '2026-11-06T04:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, tz, want) => {
    expect(zonedInputToIso(date, time, tz)).toBe(want);
  });

  it.each([
    ['', '09:30'],
    ['2026-11-05', ''],
    ['2026-02-30', '09:30'],
    ['2026-11-05', '24:00'],
    ['5/11/2026', '09:30'],
  ])('gives nothing for %j %j', (date, time) => {
    expect(zonedInputToIso(date, time, 'UTC')).toBeUndefined();
  });

  it('round-trips through toZonedInput', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Los_Angeles']) {
      const iso = zonedInputToIso('2026-03-29', '14:45', tz)!;
      expect(toZonedInput(iso, tz)).toEqual({ date: '2026-03-29', time: '14:45' });
    }
  });
});

describe('formatZonedSlot', () => {
  it('shows the day, start and end in the company time zone', () => {
    expect(formatZonedSlot('2026-11-05T08:00:00Z', 60, 'Europe/Berlin', 'en-US')).toBe('Thu, Nov 5, 09:00–10:00 Berlin time');
    expect(formatZonedSlot('2026-11-05T23:30:00Z', 45, 'UTC', 'en-US')).toBe('Thu, Nov 5, 23:30–00:15 UTC');
    expect(formatZonedSlot('nope', 45, 'UTC')).toBe('—');
    expect(formatZonedDay('2026-11-05T23:30:00Z', 'Asia/Tokyo', 'en-US')).toBe('Fri, Nov 6');
  });

  it('names zones in words', () => {
    expect(zoneLabel('America/New_York')).toBe('New York time');
    expect(zoneLabel('Etc/UTC')).toBe('UTC');
  });
});
