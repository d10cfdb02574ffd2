import { describe, expect, it } from 'vitest';
import { computeClocks } from './clocks.js';
import { clockDays } from './day-count.js';
import { parseEventInput } from './events.js';
import { summarizeApplication } from './summary.js';
import { at, e, ev } from '../../test-support/pipeline-factories.js';

const DAY = 24;
const iso = (hours: number) => new Date(at(hours)).toISOString();

describe('application.reopened', () => {
  it('is a known event with a stage and an optional note', () => {
    expect(parseEventInput({ type: 'application.reopened', data: { stage: 'screen', note: 'They came back' } }, at(0))).toMatchObject({
      type: 'application.reopened',
      data: { stage: 'screen', note: 'They came back' },
    });
  });

  it.each([
    ['no stage', {}, 'data.stage'],
    ['a stage that is not a slug', { stage: 'Final Round' }, 'data.stage'],
    ['an unknown key', { stage: 'screen', lossReason: 'other' }, 'data.lossReason'],
  ])('rejects %s', (_what, data, field) => {
    expect(() => parseEventInput({ type: 'application.reopened', data }, at(0))).toThrow(expect.objectContaining({ field }));
  });

  it('makes a lost application active again at the stage it names', () => {
    const events = [e.outreach(0), e.stage(5, 'sourced', 'technical'), e.closed(10, 'lost'), e.reopened(20, 'final')];
    expect(summarizeApplication(events, at(30))).toMatchObject({ status: 'active', stage: 'final' });
    expect(summarizeApplication(events.slice(0, 3), at(30))).toMatchObject({ status: 'lost', stage: 'technical' });
  });

  it('a later close wins over an earlier reopening', () => {
    const events = [e.outreach(0), e.closed(10, 'lost'), e.reopened(20), e.closed(30, 'withdrawn')];
    expect(summarizeApplication(events, at(40)).status).toBe('withdrawn');
  });
});

describe('clocks after a reopening', () => {
  // Contacted on day 0, lost on day 4, reopened on day 6; now is day 12.
  const history = [e.outreach(0), e.question(2), e.interview(30, 'i1', ['u_1'], true), e.closed(4 * DAY, 'lost'), e.reopened(6 * DAY, 'technical')];
  const now = at(12 * DAY);

  it('the cycle clock runs on from first contact, so its day count is the days since first contact', () => {
    const cycle = computeClocks(history, now).find((c) => c.id === 'cycle.total')!;
    expect(cycle).toMatchObject({ state: 'warning', startedAt: iso(0), elapsedHours: 12 * DAY });
    expect(cycle.stoppedAt).toBeUndefined();
    expect(clockDays(cycle)).toBe(12);
    const summary = summarizeApplication(history, now);
    expect(summary.daysSinceFirstContact).toBe(12);
    expect(summary.overTarget).toBe(true);
  });

  it('while closed, the day count stays where it ended; reopened, it counts on from first contact', () => {
    const closed = summarizeApplication(history.slice(0, 4), at(5 * DAY));
    expect(closed).toMatchObject({ status: 'lost', daysSinceFirstContact: 4, overTarget: false });
    expect(summarizeApplication(history, at(6 * DAY + 1)).daysSinceFirstContact).toBeCloseTo(6 + 1 / DAY, 9);
  });

  it('stage.idle starts again at the reopening; the clocks the close stopped stay stopped', () => {
    const clocks = computeClocks(history, at(6 * DAY + 10));
    expect(clocks.find((c) => c.id === 'stage.idle')).toMatchObject({ state: 'ok', startedAt: iso(6 * DAY), elapsedHours: 10 });
    for (const id of ['reply.to-candidate', 'offer.after-final', 'scorecard.due'] as const) {
      expect(clocks.find((c) => c.id === id)).toMatchObject({ state: 'stopped', stoppedAt: iso(4 * DAY) });
    }
  });

  it('clocks start again on new events after the reopening', () => {
    const clocks = computeClocks([...history, e.question(6 * DAY + 1), e.interview(6 * DAY + 2, 'i2', ['u_2'], true)], at(6 * DAY + 5));
    expect(clocks.filter((c) => c.id === 'reply.to-candidate').map((c) => [c.state, c.startedAt])).toEqual([['ok', iso(6 * DAY + 1)]]);
    expect(clocks.find((c) => c.id === 'offer.after-final')).toMatchObject({ state: 'ok', startedAt: iso(6 * DAY + 2) });
    expect(clocks.filter((c) => c.id === 'scorecard.due').map((c) => c.state)).toEqual(['stopped', 'ok']);
  });

  it('closing again stops the cycle clock at the second close, and the count keeps the whole span', () => {
    const twice = [...history, e.closed(8 * DAY, 'withdrawn')];
    const cycle = computeClocks(twice, at(20 * DAY)).find((c) => c.id === 'cycle.total')!;
    expect(cycle).toMatchObject({ state: 'stopped', stoppedAt: iso(8 * DAY), elapsedHours: 8 * DAY });
    expect(summarizeApplication(twice, at(20 * DAY))).toMatchObject({ daysSinceFirstContact: 8, overTarget: false });
  });

  it('an application closed before first contact starts its cycle clock at the first contact after reopening', () => {
    const clocks = computeClocks([e.note(0), e.closed(1), e.reopened(2), e.outreach(3)], at(10));
    expect(clocks.find((c) => c.id === 'cycle.total')).toMatchObject({ state: 'ok', startedAt: iso(3), elapsedHours: 7 });
  });

  it('a reopening event on an application that is already active changes only the stage', () => {
    const events = [e.outreach(0), ev('application.reopened', 1, { stage: 'final' })];
    const summary = summarizeApplication(events, at(3));
    expect(summary).toMatchObject({ status: 'active', stage: 'final', daysSinceFirstContact: 3 / DAY });
  });
});
