import { describe, expect, it } from 'vitest';
import { ChatSettings, clockMessage, mayReceive, NOTIFICATION_KINDS, retryDelaySeconds } from './index.js';

describe('retryDelaySeconds', () => {
  it('doubles from the base up to the cap, then gives up after the last attempt', () => {
    const policy = { baseSeconds: 30, factor: 2, maxSeconds: 3600, maxAttempts: 10 };
    expect([1, 2, 3, 4, 8, 9].map((n) => retryDelaySeconds(n, policy))).toEqual([30, 60, 120, 240, 3600, 3600]);
    expect(retryDelaySeconds(10, policy)).toBeUndefined();
  });
});

describe('mayReceive', () => {
  it('gives people without compensation access only scorecard reminders', () => {
    expect(NOTIFICATION_KINDS.filter((k) => mayReceive(k, false))).toEqual(['scorecard.overdue']);
    expect(NOTIFICATION_KINDS.every((k) => mayReceive(k, true))).toBe(true);
  });
});

describe('ChatSettings', () => {
  it.each([
    ['https://hooks.slack.example/T/1', true],
    ['http://127.0.0.1:9999/hook', true],
    ['ftp://x.example/', false],
    ['https://user:pw@x.example/', false],
    ['not a url', false],
  ])('%s valid=%s', (url, ok) => {
    expect(ChatSettings.safeParse({ webhookUrl: url }).success).toBe(ok);
  });
});

describe('clockMessage', () => {
  it('names the clock, the elapsed time and the next action', () => {
    const clock = { id: 'approval.pending', elapsedHours: 51.2, targetHours: 24, dayHours: 24, basis: 'calendar' } as const;
    const m = clockMessage({ clock, level: 'critical', candidateName: 'Ada', roleTitle: 'MLE', action: 'Approver Pat has had it for 51 h', applicationId: 'a1' });
    expect(m).toEqual({
      kind: 'clock.critical',
      title: 'Critical: Offer approval - Ada (MLE)',
      body: 'Offer approval has run 51 h. Next: Approver Pat has had it for 51 h',
      link: '/applications/a1',
    });
  });

  it('counts a day clock in whole days, the first day being day 0, in its own basis', () => {
    const at = (elapsedHours: number, extra: object = {}) =>
      clockMessage({ clock: { id: 'cycle.total', elapsedHours, targetHours: 240, dayHours: 24, basis: 'calendar', ...extra }, level: 'warning', candidateName: 'Ada', roleTitle: 'MLE', action: 'x', applicationId: 'a1' }).body;
    expect(at(290)).toBe('Hiring cycle has run 12 days. Next: x');
    expect(at(47)).toBe('Hiring cycle has run 1 day. Next: x');
    expect(at(90, { basis: 'business', dayHours: 8, targetHours: 80 })).toBe('Hiring cycle has run 11 working days. Next: x');
  });
});
