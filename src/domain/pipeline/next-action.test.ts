import { describe, expect, it } from 'vitest';
import type { Clock } from './clocks.js';
import type { ClockId } from './clock-settings.js';
import { nextActionForClock } from './next-action.js';

function clock(id: ClockId, state: Clock['state'], elapsedHours: number, extra: Partial<Clock> = {}): Clock {
  const targets: Record<ClockId, [number, number]> = {
    'cycle.total': [240, 504],
    'offer.after-final': [24, 48],
    'approval.pending': [24, 48],
    'reply.to-candidate': [24, 72],
    'scorecard.due': [24, 72],
    'stage.idle': [72, 168],
  };
  return {
    id,
    state,
    elapsedHours,
    targetHours: targets[id][0],
    criticalHours: targets[id][1],
    basis: 'calendar',
    dayHours: 24,
    startedAt: '2025-03-03T09:00:00.000Z',
    ...extra,
  };
}

const people = { u_dana: 'Dana', u_lee: 'Lee', u_sam: 'Sam' };
const context = { candidateName: 'Ada Park', people, interviews: { int_1: 'the systems interview' } };

describe('nextActionForClock', () => {
  it.each([
    [clock('approval.pending', 'critical', 51.7, { subject: { offerId: 'of_1', approverIds: ['u_dana'] } }), 'Approver Dana has had it for 51 h: get the decision today'],
    [clock('approval.pending', 'warning', 30, { subject: { offerId: 'of_1', approverIds: ['u_dana', 'u_lee'] } }), 'Approvers Dana and Lee have had it for 30 h'],
    [clock('approval.pending', 'warning', 30, { subject: { offerId: 'of_1' } }), 'The approver has had it for 30 h'],
    [clock('approval.pending', 'ok', 3, { subject: { offerId: 'of_1', approverIds: ['u_x'] } }), 'The approver has had it for 3 h; a decision is due within 21 h'],
    [clock('offer.after-final', 'ok', 10), 'Send the offer within 14 h'],
    [clock('offer.after-final', 'warning', 26), 'Send the offer today (26 h since the final interview)'],
    [clock('offer.after-final', 'critical', 50), 'Send the offer today: 50 h since the final interview and the candidate is deciding'],
    [clock('reply.to-candidate', 'warning', 25), 'Reply to Ada Park today: their question has waited 25 h'],
    [clock('reply.to-candidate', 'critical', 73), 'Reply to Ada Park now: their question has waited 73 h'],
    [clock('scorecard.due', 'warning', 30, { subject: { interviewId: 'int_1', interviewerId: 'u_sam' } }), 'Sam owes the scorecard for the systems interview: 30 h since the interview'],
    [clock('scorecard.due', 'critical', 80, { subject: { interviewId: 'int_9', interviewerId: 'u_9' } }), 'The interviewer owes the scorecard for the interview: 80 h since the interview; chase it today'],
    [clock('stage.idle', 'warning', 80), 'No activity for 3 days: contact Ada Park today'],
    [clock('stage.idle', 'critical', 200), 'No activity for 8 days: contact Ada Park today or close the application'],
    [clock('cycle.total', 'ok', 30), '1 day since first contact; the target is 10 days: keep the loop on track for a decision in time'],
    [clock('cycle.total', 'ok', 12), '0 days since first contact; the target is 10 days: keep the loop on track for a decision in time'],
    [clock('cycle.total', 'warning', 241), '10 days since first contact, past the target of 10 days: compress what is left into this week'],
    [clock('cycle.total', 'warning', 290), '12 days since first contact, past the target of 10 days: compress what is left into this week'],
    [clock('cycle.total', 'critical', 510), '21 days since first contact: the decision window has closed; decide or close the application today'],
  ])('%#: %s', (c, text) => {
    expect(nextActionForClock(c, context)).toBe(text);
  });

  it('has no action for a stopped clock', () => {
    expect(nextActionForClock(clock('offer.after-final', 'stopped', 10, { stoppedAt: '2025-03-03T19:00:00.000Z', endedLate: false }))).toBeUndefined();
  });

  it('names the candidate generically when no name is given', () => {
    expect(nextActionForClock(clock('reply.to-candidate', 'warning', 25))).toBe('Reply to the candidate today: their question has waited 25 h');
  });

  it('speaks in working hours and days in business mode', () => {
    const idle = clock('stage.idle', 'warning', 25, { basis: 'business', dayHours: 8, targetHours: 24, criticalHours: 56 });
    expect(nextActionForClock(idle, context)).toBe('No activity for 3 working days: contact Ada Park today');
    const offer = clock('offer.after-final', 'warning', 9.5, { basis: 'business', dayHours: 8, targetHours: 8, criticalHours: 16 });
    expect(nextActionForClock(offer, context)).toBe('Send the offer today (9 working h since the final interview)');
  });
});
