import { describe, expect, it } from 'vitest';
import { clockDays, formatDays, wholeDays } from './day-count.js';

describe('wholeDays', () => {
  const cases: Array<[number, number, number]> = [
    [0, 24, 0],
    [23.9, 24, 0],
    [24, 24, 1],
    [36, 24, 1],
    [239.99999999999, 24, 10],
    [240, 24, 10],
    [17, 8, 2],
    [-5, 24, 0],
    [Number.NaN, 24, 0],
    [10, 0, 0],
  ];
  for (const [hours, dayHours, days] of cases) {
    it(`counts ${hours} h with ${dayHours} h days as ${days} whole days (the first day is day 0)`, () => {
      expect(wholeDays(hours, dayHours)).toBe(days);
    });
  }

  it('counts a clock in its own day length', () => {
    expect(clockDays({ elapsedHours: 50, dayHours: 24 })).toBe(2);
    expect(clockDays({ elapsedHours: 50, dayHours: 8 })).toBe(6);
  });
});

describe('formatDays', () => {
  it('writes the unit in the singular for one day and the plural otherwise', () => {
    expect(formatDays(0)).toBe('0 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(12)).toBe('12 days');
    expect(formatDays(1, { business: true })).toBe('1 working day');
    expect(formatDays(3, { business: true })).toBe('3 working days');
  });
});
