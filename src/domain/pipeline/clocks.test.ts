import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_SETTINGS, resolveClockSettings, type ClockId } from './clock-settings.js';
import { computeClocks, type Clock } from './clocks.js';
import type { TimedEvent } from './events.js';
import { T0, at, e, ev } from '../../test-support/pipeline-factories.js';

const MIN = 1 / 60;
const only = (clocks: Clock[], id: ClockId) => clocks.filter((c) => c.id === id);
const one = (clocks: Clock[], id: ClockId) => {
  const found = only(clocks, id);
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** Events that start each clock at T0 (hour 0) and nothing else that could stop it. */
const STARTS: Record<ClockId, TimedEvent[]> = {
  'cycle.total': [e.outreach(0)],
  'offer.after-final': [e.interview(0, 'int_final', ['u_1'], true)],
  'approval.pending': [e.approvalRequested(0)],
  'reply.to-candidate': [e.question(0)],
  'scorecard.due': [e.interview(0, 'int_1', ['u_1'])],
  'stage.idle': [e.note(0)],
};

/** The event that stops each clock, at `hours` after T0. */
const STOPS: Record<ClockId, (hours: number) => TimedEvent> = {
  'cycle.total': (h) => e.accepted(h),
  'offer.after-final': (h) => e.extended(h),
  'approval.pending': (h) => e.approved(h),
  'reply.to-candidate': (h) => e.teamReplied(h),
  'scorecard.due': (h) => e.scorecard(h, 'int_1', 'u_1'),
  'stage.idle': (h) => e.closed(h),
};

const TARGETS = Object.entries(DEFAULT_CLOCK_SETTINGS.targets) as [ClockId, { warningHours: number; criticalHours: number }][];

const BOUNDARY_CASES = TARGETS.flatMap(([id, { warningHours: w, criticalHours: c }]) => [
  { id, hours: w - MIN, state: 'ok' },
  { id, hours: w, state: 'ok' },
  { id, hours: w + MIN, state: 'warning' },
  { id, hours: c - MIN, state: 'warning' },
  { id, hours: c, state: 'warning' },
  { id, hours: c + MIN, state: 'critical' },
]);

describe('computeClocks: warning and critical boundaries (calendar hours)', () => {
  it.each(BOUNDARY_CASES)('$id after $hours h is $state', ({ id, hours, state }) => {
    const clock = one(computeClocks(STARTS[id], at(hours)), id);
    expect(clock.state).toBe(state);
    expect(clock.elapsedHours).toBeCloseTo(hours, 9);
    expect(clock.targetHours).toBe(DEFAULT_CLOCK_SETTINGS.targets[id].warningHours);
    expect(clock.criticalHours).toBe(DEFAULT_CLOCK_SETTINGS.targets[id].criticalHours);
    expect(clock.startedAt).toBe(new Date(T0).toISOString());
    expect(clock.stoppedAt).toBeUndefined();
    expect(clock.endedLate).toBeUndefined();
  });
});

describe('computeClocks: stopped clocks', () => {
  const STOP_CASES = TARGETS.flatMap(([id, { warningHours: w, criticalHours: c }]) => [
    { id, stopAt: w - 1, endedLate: false },
    { id, stopAt: w + 1, endedLate: true },
    { id, stopAt: c + 1, endedLate: true },
  ]);
  it.each(STOP_CASES)('$id stopped after $stopAt h keeps that time; endedLate=$endedLate', ({ id, stopAt, endedLate }) => {
    const clock = one(computeClocks([...STARTS[id], STOPS[id](stopAt)], at(1000)), id);
    expect(clock).toMatchObject({ state: 'stopped', endedLate, stoppedAt: new Date(at(stopAt)).toISOString() });
    expect(clock.elapsedHours).toBeCloseTo(stopAt, 9);
  });
});

describe('computeClocks: clocks that have not started are not listed', () => {
  it.each([
    ['no events', [], []],
    ['only a note: just the idle clock', [e.note(0)], ['stage.idle']],
    ['a reply without a question', [e.replied(0)], ['stage.idle']],
    ['a team reply with no question', [e.teamReplied(0)], ['stage.idle']],
    ['a non-final interview', [e.interview(0, 'i', ['u_1'])], ['scorecard.due', 'stage.idle']],
    ['an offer extended without a final interview', [e.extended(0)], ['stage.idle']],
    ['an approval decision without a request', [e.approved(0)], ['stage.idle']],
  ] as [string, TimedEvent[], ClockId[]][])('%s', (_name, events, ids) => {
    expect(computeClocks(events, at(1)).map((c) => c.id)).toEqual(ids);
  });

  it('ignores events after now', () => {
    const events = [e.outreach(0), e.interview(10, 'i', ['u_1'], true)];
    expect(computeClocks(events, at(5)).map((c) => c.id)).toEqual(['cycle.total', 'stage.idle']);
    expect(one(computeClocks(events, at(5)), 'stage.idle').elapsedHours).toBe(5);
  });
});

describe('computeClocks: rules per clock', () => {
  it('cycle.total starts at the first contact and stops at acceptance, withdrawal or closure', () => {
    for (const stop of [e.accepted(300), e.withdrew(300), e.closed(300, 'lost')]) {
      const clock = one(computeClocks([e.received(0), e.outreach(5), stop], at(600)), 'cycle.total');
      expect(clock).toMatchObject({ state: 'stopped', endedLate: true, startedAt: new Date(T0).toISOString() });
      expect(clock.elapsedHours).toBe(300);
    }
  });

  it('closing the application stops every running clock at the closing time', () => {
    const events = [e.outreach(0), e.question(1), e.interview(2, 'i', ['u_1', 'u_2'], true), e.approvalRequested(3), e.closed(10)];
    const clocks = computeClocks(events, at(500));
    expect(clocks.map((c) => [c.id, c.state, c.stoppedAt])).toEqual(
      ['cycle.total', 'offer.after-final', 'approval.pending', 'reply.to-candidate', 'scorecard.due', 'scorecard.due', 'stage.idle'].map((id) => [
        id,
        'stopped',
        new Date(at(10)).toISOString(),
      ]),
    );
  });

  it('starts nothing on a closed application until a stage change reopens it', () => {
    const closed = [e.outreach(0), e.closed(1), e.question(2), e.interview(3, 'i', ['u_1'], true)];
    expect(computeClocks(closed, at(100)).every((c) => c.state === 'stopped')).toBe(true);
    expect(only(computeClocks(closed, at(100)), 'reply.to-candidate')).toEqual([]);
    const reopened = [...closed, e.stage(4, 'closed', 'onsite'), e.question(5)];
    const clocks = computeClocks(reopened, at(100));
    expect(one(clocks, 'reply.to-candidate')).toMatchObject({ state: 'critical', startedAt: new Date(at(5)).toISOString() });
    expect(one(clocks, 'stage.idle')).toMatchObject({ state: 'warning', startedAt: new Date(at(5)).toISOString() });
    // Reopened, the application is not closed any more: the cycle clock runs on from first contact.
    expect(one(clocks, 'cycle.total')).toMatchObject({ state: 'ok', startedAt: new Date(at(0)).toISOString(), elapsedHours: 100 });
  });

  it('offer.after-final runs from the latest final interview before the offer', () => {
    const events = [e.interview(0, 'a', ['u_1'], true), e.interview(20, 'b', ['u_2'], true)];
    expect(one(computeClocks(events, at(50)), 'offer.after-final')).toMatchObject({ state: 'warning', elapsedHours: 30 });
    const extended = one(computeClocks([...events, e.extended(30)], at(50)), 'offer.after-final');
    expect(extended).toMatchObject({ state: 'stopped', elapsedHours: 10, endedLate: false });
  });

  it('approval.pending is one clock per offer; a re-request does not reset it; a newer offer supersedes it', () => {
    const events = [e.approvalRequested(0, 'of_1'), e.approvalRequested(10, 'of_1'), e.approvalRequested(30, 'of_2', ['u_dana'])];
    const clocks = only(computeClocks(events, at(60)), 'approval.pending');
    expect(clocks.map((c) => [c.subject?.offerId, c.state, c.elapsedHours])).toEqual([
      ['of_1', 'stopped', 30],
      ['of_2', 'warning', 30],
    ]);
    expect(clocks[1]!.subject).toEqual({ offerId: 'of_2', approverIds: ['u_dana'] });
  });

  it('approval.pending stops when the offer is rejected or extended, and a new request after rejection starts again', () => {
    expect(one(computeClocks([e.approvalRequested(0), e.rejected(5)], at(100)), 'approval.pending')).toMatchObject({ state: 'stopped', elapsedHours: 5 });
    expect(one(computeClocks([e.approvalRequested(0), e.extended(7)], at(100)), 'approval.pending')).toMatchObject({ state: 'stopped', elapsedHours: 7 });
    const again = one(computeClocks([e.approvalRequested(0), e.rejected(5), e.approvalRequested(40)], at(100)), 'approval.pending');
    expect(again).toMatchObject({ state: 'critical', elapsedHours: 60, startedAt: new Date(at(40)).toISOString() });
  });

  it('reply.to-candidate runs from the oldest unanswered question', () => {
    const events = [e.question(0), e.question(20), e.replied(21)];
    expect(one(computeClocks(events, at(30)), 'reply.to-candidate')).toMatchObject({ state: 'warning', elapsedHours: 30 });
    const answered = [...events, e.teamReplied(31), e.question(40)];
    expect(one(computeClocks(answered, at(50)), 'reply.to-candidate')).toMatchObject({ state: 'ok', elapsedHours: 10 });
  });

  it('reply.to-candidate starts at an inbound application (the candidate wrote to us) and stops at the team reply', () => {
    const inbound = [ev('application.received', 0, { source: 'inbound' })];
    expect(one(computeClocks(inbound, at(30)), 'reply.to-candidate')).toMatchObject({ state: 'warning', elapsedHours: 30, startedAt: new Date(at(0)).toISOString() });
    const answered = [...inbound, e.teamReplied(10)];
    expect(one(computeClocks(answered, at(30)), 'reply.to-candidate')).toMatchObject({ state: 'stopped', elapsedHours: 10 });
    // A question after the application does not move it: it counts from the application.
    expect(one(computeClocks([...inbound, e.question(5)], at(30)), 'reply.to-candidate')).toMatchObject({ elapsedHours: 30 });
  });

  it('an application.received from another source does not start reply.to-candidate', () => {
    for (const source of ['referral', 'outbound', 'vc-introduction', 'other'] as const) {
      const clocks = computeClocks([ev('application.received', 0, { source })], at(30));
      expect(only(clocks, 'reply.to-candidate')).toEqual([]);
      expect(one(clocks, 'cycle.total')).toMatchObject({ startedAt: new Date(at(0)).toISOString() });
    }
  });

  it('scorecard.due is one clock per interviewer per interview', () => {
    const events = [
      e.interview(0, 'int_1', ['u_1', 'u_2']),
      e.scorecard(5, 'int_1', 'u_1'),
      e.interview(10, 'int_2', ['u_1']),
      e.interview(12, 'int_1', ['u_1', 'u_2']), // re-logged: does not restart
    ];
    const clocks = only(computeClocks(events, at(40)), 'scorecard.due');
    expect(clocks.map((c) => [c.subject, c.state, c.elapsedHours])).toEqual([
      [{ interviewId: 'int_1', interviewerId: 'u_1' }, 'stopped', 5],
      [{ interviewId: 'int_1', interviewerId: 'u_2' }, 'warning', 40],
      [{ interviewId: 'int_2', interviewerId: 'u_1' }, 'warning', 30],
    ]);
  });

  it('a scorecard submitted before the interview is logged as completed stops its clock at once', () => {
    const clock = one(computeClocks([e.scorecard(0, 'i', 'u_1'), e.interview(2, 'i', ['u_1'])], at(100)), 'scorecard.due');
    expect(clock).toMatchObject({ state: 'stopped', elapsedHours: 0, endedLate: false });
  });

  it('stage.idle restarts at every event and stops at closure', () => {
    const events = [e.outreach(0), e.note(50), e.replied(60)];
    expect(one(computeClocks(events, at(100)), 'stage.idle')).toMatchObject({ state: 'ok', elapsedHours: 40, startedAt: new Date(at(60)).toISOString() });
    const closed = one(computeClocks([...events, e.closed(200, 'hired')], at(400)), 'stage.idle');
    expect(closed).toMatchObject({ state: 'stopped', elapsedHours: 140, endedLate: true });
  });

  it('sorts events itself and is deterministic', () => {
    const events = [e.extended(30), e.outreach(0), e.interview(10, 'i', ['u_1'], true)];
    const a = computeClocks(events, at(40));
    expect(a).toEqual(computeClocks([...events].reverse(), at(40)));
    expect(one(a, 'offer.after-final')).toMatchObject({ state: 'stopped', elapsedHours: 20 });
  });

  it('accepts Date, ISO and epoch times for events and now', () => {
    const events: TimedEvent[] = [
      { type: 'note', occurredAt: new Date(at(0)), data: { text: 'x' } },
      { type: 'note', occurredAt: at(1), data: { text: 'y' } },
    ];
    expect(one(computeClocks(events, new Date(at(3))), 'stage.idle').elapsedHours).toBe(2);
  });

  it('rejects an event without a valid time', () => {
    expect(() => computeClocks([ev('note', 'not a time', { text: 'x' })], at(1))).toThrow(/occurredAt/);
  });
});

describe('computeClocks: overrides and business hours', () => {
  it('uses role overrides of the targets', () => {
    const settings = resolveClockSettings(DEFAULT_CLOCK_SETTINGS, undefined, { targets: { 'cycle.total': { warningHours: 120, criticalHours: 240 } } });
    expect(one(computeClocks([e.outreach(0)], at(121), settings), 'cycle.total')).toMatchObject({ state: 'warning', targetHours: 120, criticalHours: 240 });
    expect(one(computeClocks([e.outreach(0)], at(241), settings), 'cycle.total').state).toBe('critical');
  });

  // Final interview Friday 2025-03-07 16:00 Berlin (15:00Z). In business mode the offer clock warns after
  // 8 working hours (24 h = one working day) and is critical after 16.
  const berlin = resolveClockSettings(DEFAULT_CLOCK_SETTINGS, { hours: { mode: 'business', timeZone: 'Europe/Berlin' } });
  const finalFriday = [e.interview('2025-03-07T15:00:00Z', 'i', ['u_1'], true)];
  it.each([
    ['Saturday noon: 1 working hour', '2025-03-08T11:00:00Z', 'ok', 1],
    ['Monday 16:00: 8 working hours, not after the target', '2025-03-10T15:00:00Z', 'ok', 8],
    ['Monday 16:01', '2025-03-10T15:01:00Z', 'warning', 8 + MIN],
    ['Tuesday 16:00: 16 working hours', '2025-03-11T15:00:00Z', 'warning', 16],
    ['Tuesday 16:01', '2025-03-11T15:01:00Z', 'critical', 16 + MIN],
  ])('offer.after-final in Berlin business hours, %s', (_name, now, state, hours) => {
    const clock = one(computeClocks(finalFriday, Date.parse(now), berlin), 'offer.after-final');
    expect(clock).toMatchObject({ state, basis: 'business', targetHours: 8, criticalHours: 16, dayHours: 8 });
    expect(clock.elapsedHours).toBeCloseTo(hours, 9);
  });

  it('counts the working day after a DST change by local time (New York, March 2025)', () => {
    const ny = resolveClockSettings(DEFAULT_CLOCK_SETTINGS, { hours: { mode: 'business', timeZone: 'America/New_York' } });
    // Question Friday 16:00 EST; Monday 09:00 EDT is 13:00Z. By Monday 17:00 EDT (21:00Z) 9 working hours have run.
    const clock = one(computeClocks([e.question('2025-03-07T21:00:00Z')], Date.parse('2025-03-10T21:00:00Z'), ny), 'reply.to-candidate');
    expect(clock.elapsedHours).toBeCloseTo(9, 9);
    expect(clock.state).toBe('warning');
  });
});
