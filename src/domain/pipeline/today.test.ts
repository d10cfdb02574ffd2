import { describe, expect, it } from 'vitest';
import type { Clock } from './clocks.js';
import type { ClockId } from './clock-settings.js';
import { DEFAULT_RISK_SETTINGS, type RiskAssessment } from './risk.js';
import { T0 } from '../../test-support/pipeline-factories.js';
import { buildTodayItems, type TodayApplication } from './today.js';
import { projectHistory } from './projection.js';
import { summaryFromState } from './summary.js';
import type { PreparedEvent } from './history.js';

function clock(id: ClockId, state: Clock['state'], elapsedHours: number, targetHours: number, criticalHours: number, subject?: Clock['subject']): Clock {
  const c: Clock = { id, state, elapsedHours, targetHours, criticalHours, basis: 'calendar', dayHours: 24, startedAt: new Date(T0).toISOString() };
  if (subject) c.subject = subject;
  return c;
}

function risk(score: number, level: RiskAssessment['level'], deadline?: string): RiskAssessment {
  const signal = { type: 'competing-offer' as const, contribution: score, weight: 0.35, decay: 1, source: 'logged' as const, ...(deadline ? { deadline } : {}) };
  return {
    score,
    level,
    signals: score > 0 ? [signal] : [],
    actions: score > 0 ? [{ id: 'beat-deadline', text: 'Move the offer ahead of the deadline', signals: ['competing-offer'], contribution: score }] : [],
    levels: DEFAULT_RISK_SETTINGS.levels,
  };
}

function app(applicationId: string, clocks: Clock[], r: RiskAssessment = risk(0, 'low'), extra: Partial<TodayApplication> = {}): TodayApplication {
  return { applicationId, candidateName: `Candidate ${applicationId}`, roleTitle: 'Founding ML Engineer', clocks, risk: r, ...extra };
}

describe('buildTodayItems', () => {
  it('lists warning and critical clocks and high or critical risks, nothing else', () => {
    const items = buildTodayItems(
      [
        app('a', [clock('cycle.total', 'ok', 10, 240, 504), clock('stage.idle', 'stopped', 500, 72, 168)], risk(0.45, 'medium')),
        app('b', [clock('reply.to-candidate', 'warning', 30, 24, 72)], risk(0.55, 'high')),
      ],
      T0,
    );
    expect(items.map((i) => [i.applicationId, i.kind, i.id, i.level])).toEqual([
      ['b', 'clock', 'reply.to-candidate', 'warning'], // 25% past its 24 h target
      ['b', 'risk', 'risk', 'high'], // 10% past 0.5
    ]);
  });

  it('sorts critical before warning/high, then by relative overshoot of the threshold', () => {
    const items = buildTodayItems(
      [
        app('w-small', [clock('offer.after-final', 'warning', 25, 24, 48)]), // 4% past 24 h
        app('w-big', [clock('stage.idle', 'warning', 150, 72, 168)]), // 108% past 72 h
        app('c-small', [clock('cycle.total', 'critical', 510, 240, 504)]), // 1% past 504 h
        app('c-big', [clock('approval.pending', 'critical', 72, 24, 48, { offerId: 'of_1', approverIds: ['u_dana'] })], risk(0.72, 'critical'), {
          people: { u_dana: 'Dana' },
        }), // clock 50% past 48 h, risk 3% past 0.7
        app('h', [], risk(0.6, 'high')), // 20% past 0.5
      ],
      T0,
    );
    expect(items.map((i) => `${i.applicationId}:${i.id}:${i.level}`)).toEqual([
      'c-big:approval.pending:critical',
      'c-big:risk:critical',
      'c-small:cycle.total:critical',
      'w-big:stage.idle:warning',
      'h:risk:high',
      'w-small:offer.after-final:warning',
    ]);
    expect(items[0]!.action).toBe('Approver Dana has had it for 72 h: get the decision today');
    expect(items[0]!.overshoot).toBeCloseTo(0.5, 12);
    expect(items[1]!.action).toBe('Move the offer ahead of the deadline');
  });

  it('gives every item a unique key, one per interviewer for scorecards', () => {
    const items = buildTodayItems(
      [
        app('a', [
          clock('scorecard.due', 'warning', 30, 24, 72, { interviewId: 'i1', interviewerId: 'u1' }),
          clock('scorecard.due', 'warning', 30, 24, 72, { interviewId: 'i1', interviewerId: 'u2' }),
        ]),
      ],
      T0,
    );
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i) => i.key)).size).toBe(2);
  });

  it('leaves out the risk of an application that is no longer active', () => {
    for (const status of ['accepted', 'hired', 'lost', 'withdrawn'] as const) {
      expect(buildTodayItems([app('a', [], risk(0.8, 'critical'), { status })], T0)).toEqual([]);
    }
    expect(buildTodayItems([app('a', [], risk(0.8, 'critical'), { status: 'active' })], T0)).toHaveLength(1);
  });

  it('tells how many hours remain before a competing offer expires', () => {
    const [item] = buildTodayItems([app('a', [], risk(0.6, 'high', '2025-03-04'))], T0); // T0 is 2025-03-03 09:00Z; the date runs to its end
    expect(item!.kind === 'risk' && item!.hoursToDeadline).toBe(39);
  });

  it('is empty when nothing is late', () => {
    expect(buildTodayItems([app('a', [clock('cycle.total', 'ok', 1, 240, 504)])], T0)).toEqual([]);
  });
});

describe('a new applicant (issue 16: an application through the job board appears on Today)', () => {
  const H = 3_600_000;
  const received = { type: 'application.received', t: T0, data: { source: 'inbound' }, id: 'e1' } as PreparedEvent;
  const todayAt = (events: PreparedEvent[], hours: number) => {
    const state = projectHistory(events, {}).state;
    const s = summaryFromState(state, T0 + hours * H, {});
    return buildTodayItems([app('a', s.clocks, s.risk, { candidateName: 'Rahul Mehta', status: s.status })], T0 + hours * H).map((i) => `${i.id}:${i.level}`);
  };

  it('is listed at once, until its reply clock is late, with a row the indexed query lists from the application on', () => {
    expect(todayAt([received], 0)).toEqual(['reply.to-candidate:new']);
    expect(todayAt([received], 23)).toEqual(['reply.to-candidate:new']);
    expect(todayAt([received], 25)).toEqual(['reply.to-candidate:warning']);
    const row = projectHistory([received], {}).todayRows.find((r) => r.key === 'new|reply.to-candidate');
    expect(row).toMatchObject({ listedAt: T0, untilAt: T0 + 24 * H, startAt: T0 });
    const [item] = buildTodayItems([app('a', summaryFromState(projectHistory([received], {}).state, T0, {}).clocks, risk(0, 'low'), { candidateName: 'Rahul Mehta' })], T0);
    expect(item!.action).toBe("Review Rahul Mehta's application and reply within 24 h");
  });

  it('leaves when the team replies, moves the candidate on or closes the application; a referral is never new', () => {
    const later = (type: string, data: Record<string, unknown>) => ({ type, t: T0 + H, data, id: 'e2' }) as PreparedEvent;
    expect(todayAt([received, later('team.replied', {})], 2)).toEqual([]);
    expect(todayAt([received, later('stage.changed', { from: 'sourced', to: 'screen' })], 2)).toEqual([]);
    expect(todayAt([received, later('application.closed', { status: 'lost', lossReason: 'compensation' })], 2)).toEqual([]);
    // Moved on without a reply: the reply clock still runs and is listed once late.
    expect(todayAt([received, later('stage.changed', { from: 'sourced', to: 'screen' })], 25)).toEqual(['reply.to-candidate:warning']);
    expect(todayAt([{ ...received, data: { source: 'referral' } } as PreparedEvent], 0)).toEqual([]);
  });
});
