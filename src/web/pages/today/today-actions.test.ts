import { describe, expect, it } from 'vitest';
import type { TodayItem } from '../../api/pipeline.js';
import { readDoneToday, subjectOfKey, todayActionFor, writeDoneToday } from './today-actions.js';

const item = (over: Partial<TodayItem>): TodayItem => ({
  applicationId: 'a1',
  candidateName: 'Ada',
  roleTitle: 'ML Engineer',
  kind: 'clock',
  id: 'stage.idle',
  level: 'critical',
  action: 'No activity for 12 days: contact Ada today or close the application',
  key: 'a1|clock|stage.idle|||',
  ...over,
});

describe('todayActionFor', () => {
  it('records the event that stops the clock the team owns', () => {
    expect(todayActionFor(item({ id: 'reply.to-candidate' }))).toEqual({ label: 'Mark replied', event: { type: 'team.replied', data: {} }, stopsClock: true });
    expect(todayActionFor(item({ id: 'stage.idle' }))).toMatchObject({ label: 'Mark contacted', event: { type: 'note' }, stopsClock: true });
    expect(todayActionFor(item({ id: 'scorecard.due', key: 'a1|clock|scorecard.due||iv-1|u-7' }))).toEqual({
      label: 'Mark scorecard in',
      event: { type: 'scorecard.submitted', data: { interviewId: 'iv-1', interviewerId: 'u-7' } },
      stopsClock: true,
    });
  });

  it('marks offers, the cycle and risks done with a note naming the action (the clock keeps running)', () => {
    for (const over of [{ id: 'approval.pending' as const }, { id: 'cycle.total' as const }, { kind: 'risk' as const, id: 'risk' as const, level: 'high' as const }]) {
      const action = todayActionFor(item(over));
      expect(action.stopsClock).toBe(false);
      expect(action.event).toEqual({ type: 'note', data: { text: `Done from Today: ${item(over).action}` } });
    }
  });

  it('falls back to a note when a scorecard item names no interview', () => {
    expect(todayActionFor(item({ id: 'scorecard.due', key: 'a1|clock|scorecard.due|||' })).event.type).toBe('note');
  });
});

describe('subjectOfKey', () => {
  it('reads offer, interview and interviewer ids of a clock key', () => {
    expect(subjectOfKey('a|clock|approval.pending|of-1||')).toEqual({ offerId: 'of-1' });
    expect(subjectOfKey('a|risk')).toEqual({});
  });
});

describe('done marks', () => {
  it('keep only the marks of the current UTC day', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    writeDoneToday({ x: '2026-11-25', y: '2026-11-26' }, storage);
    expect(readDoneToday(new Date('2026-11-26T23:59:00Z'), storage)).toEqual({ y: '2026-11-26' });
    expect(readDoneToday(new Date('2026-11-27T00:00:00Z'), storage)).toEqual({});
  });
});
