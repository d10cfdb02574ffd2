import { describe, expect, it } from 'vitest';
import { addBusinessDays, dueDecisions, nextSendingInstant, type EnrollmentState, type SendingRules, type SequenceStep } from './scheduler.js';

const iso = (ms: number) => new Date(ms).toISOString();
const RULES: SendingRules = { dailyCap: 2, window: { startHour: 8, endHour: 18 }, companyTimeZone: 'Europe/Berlin' };
const STEPS: SequenceStep[] = [{ kind: 'email', templateId: 't1' }, { kind: 'wait', businessDays: 2 }, { kind: 'task', task: 'call' }, { kind: 'email', templateId: 't2' }];

function enrollment(id: string, patch: Partial<EnrollmentState> = {}): EnrollmentState {
  return { id, status: 'active', stepIndex: 0, dueAt: '2026-12-01T00:00:00.000Z', timeZone: null, senderId: 'u1', suppressed: false, addressBad: false, replied: false, converted: false, ...patch };
}

describe('addBusinessDays', () => {
  it('skips the weekend: Friday + 1 is Monday at the same local time', () => {
    expect(iso(addBusinessDays(Date.parse('2026-12-04T09:00:00Z'), 1, 'UTC'))).toBe('2026-12-07T09:00:00.000Z');
    expect(iso(addBusinessDays(Date.parse('2026-12-04T09:00:00Z'), 3, 'UTC'))).toBe('2026-12-09T09:00:00.000Z');
    expect(iso(addBusinessDays(Date.parse('2026-12-05T09:00:00Z'), 1, 'UTC'))).toBe('2026-12-07T09:00:00.000Z');
  });

  it('keeps the local time across a clock change (Berlin leaves summer time on 25 October 2026)', () => {
    // Friday 23 October 10:00 CEST (08:00 UTC) + 1 business day = Monday 26 October 10:00 CET (09:00 UTC).
    expect(iso(addBusinessDays(Date.parse('2026-10-23T08:00:00Z'), 1, 'Europe/Berlin'))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts days in the prospect\'s zone: late Friday in New York is already Saturday in UTC', () => {
    // Friday 4 December 20:00 New York = Saturday 01:00 UTC.
    expect(iso(addBusinessDays(Date.parse('2026-12-05T01:00:00Z'), 1, 'America/New_York'))).toBe('2026-12-08T01:00:00.000Z');
    expect(iso(addBusinessDays(Date.parse('2026-12-05T01:00:00Z'), 1, 'UTC'))).toBe('2026-12-07T01:00:00.000Z');
  });
});

describe('nextSendingInstant', () => {
  it('opens at the window start of the next business day in the recipient\'s zone', () => {
    const window = RULES.window;
    expect(iso(nextSendingInstant(Date.parse('2026-12-02T10:00:00Z'), 'UTC', window))).toBe('2026-12-02T10:00:00.000Z');
    expect(iso(nextSendingInstant(Date.parse('2026-12-02T19:00:00Z'), 'UTC', window))).toBe('2026-12-03T08:00:00.000Z');
    expect(iso(nextSendingInstant(Date.parse('2026-12-05T10:00:00Z'), 'UTC', window))).toBe('2026-12-07T08:00:00.000Z');
    expect(iso(nextSendingInstant(Date.parse('2026-12-02T10:00:00Z'), 'America/Los_Angeles', window))).toBe('2026-12-02T16:00:00.000Z');
  });
});

describe('dueDecisions', () => {
  const steps = () => STEPS;
  const wednesdayNoonBerlin = new Date('2026-12-02T11:00:00Z');

  it('sends a due e-mail, leaves one not yet due, and moves a wait step on by business days', () => {
    const d = dueDecisions([enrollment('a'), enrollment('b', { dueAt: '2026-12-03T00:00:00Z' }), enrollment('c', { stepIndex: 1 })], steps, wednesdayNoonBerlin, {}, RULES);
    expect(d).toEqual([
      { kind: 'send', enrollmentId: 'a', stepIndex: 0 },
      { kind: 'advance', enrollmentId: 'c', stepIndex: 1, nextStepIndex: 2, dueAt: '2026-12-04T11:00:00.000Z' },
    ]);
  });

  it('opens a manual task and finishes after the last step', () => {
    const d = dueDecisions([enrollment('a', { stepIndex: 2 }), enrollment('b', { stepIndex: 4 })], steps, wednesdayNoonBerlin, {}, RULES);
    expect(d.map((x) => x.kind)).toEqual(['open-task', 'finish']);
  });

  it('stops on a reply, an opt-out, a bounce or a conversion, before anything is sent', () => {
    const d = dueDecisions(
      [enrollment('r', { replied: true }), enrollment('o', { suppressed: true }), enrollment('b', { addressBad: true }), enrollment('v', { converted: true, stepIndex: 1 })],
      steps,
      wednesdayNoonBerlin,
      {},
      RULES,
    );
    expect(d.map((x) => (x.kind === 'stop' ? `${x.enrollmentId}:${x.reason}` : x.kind))).toEqual(['b:bounced', 'o:opted-out', 'r:replied', 'v:converted']);
  });

  it('holds e-mails over the sender\'s daily cap until the company\'s next day, counting sends already made', () => {
    const list = [enrollment('a'), enrollment('b'), enrollment('c'), enrollment('d', { senderId: 'u2' })];
    const d = dueDecisions(list, steps, wednesdayNoonBerlin, { u1: 1 }, RULES);
    expect(d).toEqual([
      { kind: 'send', enrollmentId: 'a', stepIndex: 0 },
      { kind: 'hold', enrollmentId: 'b', stepIndex: 0, reason: 'cap', until: '2026-12-02T23:00:00.000Z' },
      { kind: 'hold', enrollmentId: 'c', stepIndex: 0, reason: 'cap', until: '2026-12-02T23:00:00.000Z' },
      { kind: 'send', enrollmentId: 'd', stepIndex: 0 },
    ]);
  });

  it('holds an e-mail outside the prospect\'s sending window (night in Tokyo)', () => {
    const d = dueDecisions([enrollment('a', { timeZone: 'Asia/Tokyo' })], steps, wednesdayNoonBerlin, {}, RULES);
    expect(d).toEqual([{ kind: 'hold', enrollmentId: 'a', stepIndex: 0, reason: 'window', until: '2026-12-02T23:00:00.000Z' }]);
  });

  it('ignores stopped, finished and task-waiting enrollments', () => {
    const d = dueDecisions([enrollment('a', { status: 'stopped' }), enrollment('b', { status: 'finished' }), enrollment('c', { status: 'waiting-task' })], steps, wednesdayNoonBerlin, {}, RULES);
    expect(d).toEqual([]);
  });
});
