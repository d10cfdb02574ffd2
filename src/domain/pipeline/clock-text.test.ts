import { describe, expect, it } from 'vitest';
import { countsInDays, daysSinceFirstContact, describeFirstContact, formatClockTime, shortFirstContact } from './clock-text.js';

const cycle = { id: 'cycle.total', targetHours: 240, dayHours: 24, basis: 'calendar' } as const;
const idle = { id: 'stage.idle', targetHours: 72, dayHours: 24, basis: 'calendar' } as const;
const approval = { id: 'approval.pending', targetHours: 24, dayHours: 24, basis: 'calendar' } as const;

describe('formatClockTime', () => {
  it.each([
    [cycle, 0, '0 days'],
    [cycle, 23.9, '0 days'],
    [cycle, 36, '1 day'],
    [cycle, 290, '12 days'],
    [cycle, 239.9999999999, '10 days'],
    [idle, 80, '3 days'],
    [approval, 51.7, '51 h'],
    [approval, 100, '100 h'],
    [{ ...cycle, basis: 'business', dayHours: 8, targetHours: 80 }, 90, '11 working days'],
    [{ ...approval, basis: 'business', dayHours: 8, targetHours: 8 }, 9.5, '9 working h'],
  ] as const)('%o at %s h reads %s', (clock, hours, text) => {
    expect(formatClockTime(hours, clock)).toBe(text);
  });

  it('counts the cycle and any clock with a target of 3 days or more in days, the rest in hours', () => {
    expect([cycle, idle, approval].map(countsInDays)).toEqual([true, true, false]);
  });
});

describe('days since first contact', () => {
  const late = { daysSinceFirstContact: 12.08, targetDays: 10, overTarget: true };
  it('is the whole days of the cycle clock, the first day being day 0', () => {
    expect(daysSinceFirstContact(late)).toBe(12);
    expect(daysSinceFirstContact({ daysSinceFirstContact: 0.4 })).toBe(0);
    expect(daysSinceFirstContact({ daysSinceFirstContact: null })).toBeNull();
  });

  it('reads the same number in a sentence and on a card', () => {
    expect(describeFirstContact(late)).toBe('12 days since first contact; the target is 10 days (over target)');
    expect(describeFirstContact({ ...late, daysSinceFirstContact: 1.2, overTarget: false })).toBe('1 day since first contact; the target is 10 days');
    expect(describeFirstContact({ ...late, daysSinceFirstContact: null })).toBe('No first contact yet, so the 10-day clock has not started');
    expect(describeFirstContact({ ...late, daysSinceFirstContact: 4 }, { business: true })).toBe('4 working days since first contact; the target is 10 working days (over target)');
    expect(shortFirstContact(late)).toBe('12 of 10 days');
    expect(shortFirstContact({ ...late, daysSinceFirstContact: null })).toBe('not contacted');
  });
});
