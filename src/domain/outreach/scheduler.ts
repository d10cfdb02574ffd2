import sendingData from '../../../data/outreach/sending.json' with { type: 'json' };
import { wallTimeOf, zonedTimeToUtc } from '../pipeline/business-hours.js';

/**
 * Sequences (issue 13): ordered steps a prospect goes through, and the pure scheduler that says what is due at an
 * instant. The tick job (server/services/sequences.ts) applies its decisions; nothing here reads a clock.
 */

export const TASK_KINDS = ['call', 'message'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export type SequenceStep =
  | { kind: 'email'; templateId: string }
  | { kind: 'wait'; businessDays: number }
  | { kind: 'task'; task: TaskKind; note?: string };

export const ENROLLMENT_STATUSES = ['active', 'waiting-task', 'stopped', 'finished'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Why an enrollment stopped before its last step. */
export const STOP_REASONS = ['replied', 'opted-out', 'bounced', 'converted', 'removed', 'send-uncertain', 'missing-merge-field'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** What the scheduler needs to know of one enrollment. */
export interface EnrollmentState {
  id: string;
  status: EnrollmentStatus;
  /** The next step to do (0-based); equal to the step count once every step is done. */
  stepIndex: number;
  /** ISO instant from which that step is due. */
  dueAt: string;
  /** The prospect's IANA time zone, or null (the company's is used). */
  timeZone: string | null;
  senderId: string;
  /** The address is on the suppression list (an opt-out). */
  suppressed: boolean;
  /** A 5xx bounce marked the address bad. */
  addressBad: boolean;
  /** The prospect replied or was converted since enrolling. */
  replied: boolean;
  converted: boolean;
}

export interface SendingRules {
  /** E-mails one sender may send per day (the company's day). */
  dailyCap: number;
  /** Local hours of the recipient in which e-mails go out: [startHour, endHour). */
  window: { startHour: number; endHour: number };
  companyTimeZone: string;
}

export const DEFAULT_SENDING_RULES: SendingRules = Object.freeze({
  dailyCap: sendingData.dailyCapPerSender.value,
  window: sendingData.sendingWindow.value,
  companyTimeZone: sendingData.companyTimeZone.value,
});

export type SchedulerDecision =
  | { kind: 'send'; enrollmentId: string; stepIndex: number }
  | { kind: 'advance'; enrollmentId: string; stepIndex: number; nextStepIndex: number; dueAt: string }
  | { kind: 'open-task'; enrollmentId: string; stepIndex: number }
  | { kind: 'stop'; enrollmentId: string; stepIndex: number; reason: StopReason }
  | { kind: 'finish'; enrollmentId: string; stepIndex: number }
  | { kind: 'hold'; enrollmentId: string; stepIndex: number; reason: 'window' | 'cap'; until: string };

const DAY_MS = 86_400_000;
const isWeekend = (isoWeekday: number) => isoWeekday === 6 || isoWeekday === 7;

function isoWeekdayOf(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

function localDatePlus(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant `days` business days (Monday to Friday) after `fromMs`, at the same local wall time in `timeZone`:
 * Friday 10:00 in Berlin + 1 is Monday 10:00 in Berlin, whatever the clocks did over the weekend; Saturday + 1 is
 * Monday too (the weekend days are not counted).
 * @example addBusinessDays(Date.parse('2026-12-04T09:00:00Z'), 1, 'UTC') // Monday 2026-12-07T09:00:00Z
 */
export function addBusinessDays(fromMs: number, days: number, timeZone: string): number {
  const w = wallTimeOf(fromMs, timeZone);
  let date = { year: w.year, month: w.month, day: w.day };
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    date = localDatePlus(date.year, date.month, date.day, 1);
    if (!isWeekend(isoWeekdayOf(date.year, date.month, date.day))) left -= 1;
  }
  // A start on a weekend with zero days still lands on the next business day.
  while (isWeekend(isoWeekdayOf(date.year, date.month, date.day))) date = localDatePlus(date.year, date.month, date.day, 1);
  return zonedTimeToUtc(date.year, date.month, date.day, w.hour * 60 + w.minute, timeZone) + w.second * 1000;
}

/** The first instant at or after `ms` inside the sending window of `timeZone` on a business day. */
export function nextSendingInstant(ms: number, timeZone: string, window: SendingRules['window']): number {
  const w = wallTimeOf(ms, timeZone);
  let date = { year: w.year, month: w.month, day: w.day };
  const weekday = isoWeekdayOf(date.year, date.month, date.day);
  if (!isWeekend(weekday) && w.hour >= window.startHour && w.hour < window.endHour) return ms;
  if (isWeekend(weekday) || w.hour >= window.endHour) date = localDatePlus(date.year, date.month, date.day, 1);
  while (isWeekend(isoWeekdayOf(date.year, date.month, date.day))) date = localDatePlus(date.year, date.month, date.day, 1);
  return zonedTimeToUtc(date.year, date.month, date.day, window.startHour * 60, timeZone);
}

/** The start of the company's day after the one `ms` falls in: when a sender's daily cap resets. */
export function nextCompanyDay(ms: number, timeZone: string): number {
  const w = wallTimeOf(ms, timeZone);
  const d = localDatePlus(w.year, w.month, w.day, 1);
  return zonedTimeToUtc(d.year, d.month, d.day, 0, timeZone);
}

/** The start of the company's day `ms` falls in: sends since then count against the cap. */
export function startOfCompanyDay(ms: number, timeZone: string): number {
  const w = wallTimeOf(ms, timeZone);
  return zonedTimeToUtc(w.year, w.month, w.day, 0, timeZone);
}

/**
 * What is due at `now`: one decision per active enrollment whose step is due (oldest due first). A reply, an
 * opt-out, a bounce or a conversion stops it; a wait step moves it on to the step after, due N business days later
 * in the prospect's time zone (the company's when unknown); an e-mail step is sent when the prospect's local time
 * is inside the sending window and its sender is under the daily cap (the sends planned here count), else held
 * until the window opens or the cap resets; a manual task is opened for a person; after the last step it finishes.
 * `sentToday` counts each sender's e-mails since the start of the company's day.
 */
export function dueDecisions(
  enrollments: readonly EnrollmentState[],
  stepsOf: (enrollmentId: string) => readonly SequenceStep[],
  now: Date,
  sentToday: Readonly<Record<string, number>>,
  rules: SendingRules = DEFAULT_SENDING_RULES,
): SchedulerDecision[] {
  const nowMs = now.getTime();
  const due = enrollments.filter((e) => e.status === 'active' && Date.parse(e.dueAt) <= nowMs).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : 1));
  const planned = new Map<string, number>();
  const out: SchedulerDecision[] = [];
  for (const e of due) {
    const base = { enrollmentId: e.id, stepIndex: e.stepIndex };
    const reason: StopReason | null = e.replied ? 'replied' : e.converted ? 'converted' : e.suppressed ? 'opted-out' : e.addressBad ? 'bounced' : null;
    if (reason) {
      out.push({ kind: 'stop', ...base, reason });
      continue;
    }
    const steps = stepsOf(e.id);
    const step = steps[e.stepIndex];
    if (!step) {
      out.push({ kind: 'finish', ...base });
      continue;
    }
    const zone = e.timeZone ?? rules.companyTimeZone;
    if (step.kind === 'wait') {
      out.push({ kind: 'advance', ...base, nextStepIndex: e.stepIndex + 1, dueAt: new Date(addBusinessDays(nowMs, step.businessDays, zone)).toISOString() });
    } else if (step.kind === 'task') {
      out.push({ kind: 'open-task', ...base });
    } else {
      const opens = nextSendingInstant(nowMs, zone, rules.window);
      if (opens > nowMs) {
        out.push({ kind: 'hold', ...base, reason: 'window', until: new Date(opens).toISOString() });
        continue;
      }
      const count = (sentToday[e.senderId] ?? 0) + (planned.get(e.senderId) ?? 0);
      if (count >= rules.dailyCap) {
        out.push({ kind: 'hold', ...base, reason: 'cap', until: new Date(nextCompanyDay(nowMs, rules.companyTimeZone)).toISOString() });
        continue;
      }
      planned.set(e.senderId, (planned.get(e.senderId) ?? 0) + 1);
      out.push({ kind: 'send', ...base });
    }
  }
  return out;
}
