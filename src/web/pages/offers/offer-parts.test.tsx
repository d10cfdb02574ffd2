// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfferDetail, OfferVersion } from './api.js';
import { pendingClockView } from './approval-clock.js';
import type { ApprovalClock } from './approval-clock.js';
import { ApprovalTrail } from './ApprovalTrail.js';
import { commentLabel, confirmText, noticeFor, primaryMove } from './offer-moves.js';

afterEach(cleanup);

const HOUR = 3_600_000;
const now = Date.parse('2026-03-10T12:00:00Z');

describe('offer moves', () => {
  it('makes the move that advances the offer the primary one, never revising or withdrawing', () => {
    expect(primaryMove(['revise', 'withdraw', 'submit'])).toBe('submit');
    expect(primaryMove(['approve', 'reject'])).toBe('approve');
    expect(primaryMove(['revise', 'withdraw'])).toBeUndefined();
  });

  it('asks approvers for a comment, closing moves for a reason, and submit or extend for nothing', () => {
    expect(commentLabel('approve')).toBe('Comment');
    expect(commentLabel('reject')).toBe('Comment');
    expect(commentLabel('decline')).toBe('Reason');
    expect(commentLabel('withdraw')).toBe('Reason');
    expect(commentLabel('submit')).toBeUndefined();
    expect(commentLabel('extend')).toBeUndefined();
  });

  it('says what submitting does inside and outside the band, and what happened afterwards', () => {
    const offer = { insideBand: true, candidateName: 'Ada', status: 'approved', awaiting: [] } as unknown as OfferDetail;
    expect(confirmText('submit', offer)).toContain('approved at once');
    expect(confirmText('submit', { ...offer, insideBand: false })).toContain('the approval clock starts now');
    expect(noticeFor('submit', offer)).toBe('inside the band, approved at once.');
    expect(noticeFor('submit', { ...offer, status: 'pending-approval', awaiting: [{ id: 'u2', name: 'Grace' }] })).toBe('sent to Grace for their decision.');
    expect(noticeFor('accept', offer)).toContain('Ada is hired');
  });
});

describe('pendingClockView', () => {
  const clock = (over: Partial<ApprovalClock>): ApprovalClock => ({ id: 'approval.pending', state: 'ok', elapsedHours: 5.7, targetHours: 24, criticalHours: 48, basis: 'calendar', dayHours: 24, startedAt: '2026-03-10T06:00:00Z', ...over });

  it("uses the server's clock when there is one", () => {
    expect(pendingClockView(clock({ state: 'warning', elapsedHours: 30.2, targetHours: 12, criticalHours: 36 }), null, now)).toEqual({ elapsed: 30, warning: 12, critical: 36, state: 'warning' });
  });

  it('counts from the submission against 24 and 48 hours without one', () => {
    expect(pendingClockView(undefined, new Date(now - 5 * HOUR).toISOString(), now)).toEqual({ elapsed: 5, warning: 24, critical: 48, state: 'ok' });
    expect(pendingClockView(undefined, new Date(now - 24 * HOUR).toISOString(), now).state).toBe('warning');
    expect(pendingClockView(undefined, new Date(now - 50 * HOUR).toISOString(), now).state).toBe('critical');
    expect(pendingClockView(undefined, null, now)).toEqual({ elapsed: 0, warning: 24, critical: 48, state: 'ok' });
  });
});

describe('ApprovalTrail', () => {
  const version = (over: Partial<OfferVersion>): OfferVersion =>
    ({
      version: 2,
      insideBand: false,
      approvalStatus: 'pending',
      approvalMode: 'sequential',
      approvers: [
        { id: 'u1', name: 'Grace Hopper', decision: 'approved', comment: 'Fair for the level', decidedAt: new Date(Date.now() - 2 * HOUR).toISOString() },
        { id: 'u2', name: 'Alan Turing', decision: null, comment: null, decidedAt: null },
        { id: 'u3', name: 'Ada Lovelace', decision: null, comment: null, decidedAt: null },
      ],
      submittedAt: new Date(Date.now() - 5 * HOUR).toISOString(),
      decidedAt: null,
      ...over,
    }) as OfferVersion;
  const offer = { awaiting: [{ id: 'u2', name: 'Alan Turing' }] } as unknown as OfferDetail;

  it('shows who decided, who it waits on and for how long, who is next, and the approval clock', () => {
    render(<ApprovalTrail version={version({})} offer={offer} clock={undefined} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toMatch(/^Grace Hopper \W*Approved 2 hours ago/);
    expect(items[0]).toContain('Fair for the level');
    expect(items[1]).toMatch(/^Alan Turing \W*Waiting 5 h$/);
    expect(items[2]).toMatch(/^Ada Lovelace \W*Next in line$/);
    expect(screen.getByText(/Approval clock 5 h/)).toBeTruthy();
    expect(screen.getByText(/approvers decide one after another/)).toBeTruthy();
  });

  it('says an offer inside the band needed no approver, with no clock', () => {
    render(<ApprovalTrail version={version({ insideBand: true, approvalStatus: 'approved', approvers: [], approvalMode: null })} offer={{ awaiting: [] } as unknown as OfferDetail} clock={undefined} />);
    const section = screen.getByRole('region', { name: 'Approval' });
    expect(within(section).getByText('Approved at once: inside the band, no approver needed.')).toBeTruthy();
    expect(within(section).queryByText(/Approval clock/)).toBeNull();
  });
});
