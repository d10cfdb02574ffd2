import type { Clock } from './clocks.js';
import { formatDays, wholeDays } from './day-count.js';

type ClockShape = Pick<Clock, 'id' | 'targetHours' | 'dayHours' | 'basis'>;

/** Clocks whose target is this many days or more are counted in days; shorter ones (24-48 h) in hours. */
const DAY_CLOCK_MIN_TARGET_DAYS = 3;

/**
 * Whether a clock is read in days (the 10-day cycle, 3 days without activity) or in hours (an offer within 24 h):
 * one unit per clock, so its elapsed time and its target are in the same words on every page and in every message.
 */
export function countsInDays(clock: ClockShape): boolean {
  return clock.id === 'cycle.total' || clock.targetHours / clock.dayHours >= DAY_CLOCK_MIN_TARGET_DAYS;
}

/**
 * Hours of a clock in its own unit and basis: whole days (the first day is day 0) for a day clock, whole hours for
 * an hour clock; "working" in business-hour mode.
 * @example formatClockTime(290, cycleClock) // '12 days'
 * @example formatClockTime(51.7, approvalClock) // '51 h'
 */
export function formatClockTime(hours: number, clock: ClockShape): string {
  const business = clock.basis === 'business';
  if (countsInDays(clock)) return formatDays(wholeDays(hours, clock.dayHours), { business });
  return `${Math.max(0, Math.floor(hours))} ${business ? 'working h' : 'h'}`;
}

/** What an application summary says about the cycle clock (the one source of "days since first contact"). */
export interface FirstContactCount {
  daysSinceFirstContact: number | null | undefined;
  targetDays: number;
  overTarget: boolean;
}

/**
 * Whole days since first contact, from the cycle clock's fractional days; null before first contact. The header of
 * an application, its board card, its clock row, its Today card, its notifications and the CLI all show this number.
 * @example daysSinceFirstContact({ daysSinceFirstContact: 12.7, targetDays: 10, overTarget: true }) // 12
 */
export function daysSinceFirstContact(summary: Pick<FirstContactCount, 'daysSinceFirstContact'>): number | null {
  const days = summary.daysSinceFirstContact;
  return days === null || days === undefined ? null : wholeDays(days, 1);
}

/**
 * The day count in a sentence: "12 days since first contact; the target is 10 days (over target)".
 * @example describeFirstContact({ daysSinceFirstContact: null, targetDays: 10, overTarget: false }) // 'No first contact yet, so the 10-day clock has not started'
 */
export function describeFirstContact(summary: FirstContactCount, options: { business?: boolean } = {}): string {
  const days = daysSinceFirstContact(summary);
  const target = formatDays(summary.targetDays, options);
  if (days === null) return `No first contact yet, so the ${summary.targetDays}-day clock has not started`;
  return `${formatDays(days, options)} since first contact; the target is ${target}${summary.overTarget ? ' (over target)' : ''}`;
}

/**
 * The day count in a few characters for a card: "12 of 10 days".
 * @example shortFirstContact({ daysSinceFirstContact: 7.9, targetDays: 10, overTarget: false }) // '7 of 10 days'
 */
export function shortFirstContact(summary: FirstContactCount): string {
  const days = daysSinceFirstContact(summary);
  if (days === null) return 'not contacted';
  return `${days} of ${formatDays(summary.targetDays)}`;
}
