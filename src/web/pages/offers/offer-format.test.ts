import { describe, expect, it } from 'vitest';
import { can } from '../../api/types.js';
import type { UserRole } from '../../api/types.js';
import { bandPosition, describeBand, formatWaiting, hoursBetween, offerButtons } from './offer-format.js';

describe('bandPosition', () => {
  it('places values below, inside (with the fraction) and above, inclusive at the ends', () => {
    expect(bandPosition(170_000, 180_000, 220_000)).toEqual({ place: 'below', fraction: 0 });
    expect(bandPosition(180_000, 180_000, 220_000)).toEqual({ place: 'inside', fraction: 0 });
    expect(bandPosition(200_000, 180_000, 220_000)).toEqual({ place: 'inside', fraction: 0.5 });
    expect(bandPosition(220_000, 180_000, 220_000)).toEqual({ place: 'inside', fraction: 1 });
    expect(bandPosition(260_000, 180_000, 220_000)).toEqual({ place: 'above', fraction: 1 });
  });
});

describe('describeBand', () => {
  const band = { baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' };
  const money = (a: number, c: string) => `${c} ${a}`;
  it('says where base and equity sit', () => {
    const lines = describeBand({ base: 260_000, currency: 'USD', equity: { kind: 'ISO', shares: 75_000, fullyDilutedShares: 10_000_000, fullyDilutedPct: 0.75, strike: 0.5 } }, band, money);
    expect(lines[0]).toContain('above the band');
    expect(lines[1]).toContain('inside the band the board approved for this role, 50% of the way up');
  });
  it('says so when the currencies differ', () => {
    expect(describeBand({ base: 1, currency: 'EUR', equity: { kind: 'RSU', shares: 1, fullyDilutedShares: 2, fullyDilutedPct: 50, strike: null } }, band, money)).toEqual([
      'The band the board approved for this role is in USD; this offer is in EUR.',
    ]);
  });
});

describe('offerButtons', () => {
  const may = (role: UserRole) => (action: Parameters<typeof can>[1]) => can(role, action);
  const draft = { allowedActions: ['revise', 'submit', 'withdraw'] as const, awaiting: [], approvalStatus: 'none' as const };
  const pending = { allowedActions: ['revise', 'approve', 'reject', 'withdraw'] as const, awaiting: [{ id: 'u-approver', name: 'A' }], approvalStatus: 'pending' as const };

  it('offers submit, revise and withdraw on a draft to people who write offers', () => {
    expect(offerButtons({ ...draft, allowedActions: [...draft.allowedActions] }, 'u1', may('recruiter'))).toEqual(['submit', 'revise', 'withdraw']);
  });
  it('does not offer submit on a rejected version: it must be revised first', () => {
    expect(offerButtons({ ...draft, allowedActions: [...draft.allowedActions], approvalStatus: 'rejected' }, 'u1', may('recruiter'))).toEqual(['revise', 'withdraw']);
  });
  it('offers approve and reject only to an approver the offer waits on', () => {
    expect(offerButtons({ ...pending, allowedActions: [...pending.allowedActions] }, 'u-approver', may('approver'))).toEqual(['approve', 'reject']);
    expect(offerButtons({ ...pending, allowedActions: [...pending.allowedActions] }, 'u-other', may('approver'))).toEqual([]);
  });
  it('offers nothing to an interviewer', () => {
    expect(offerButtons({ ...draft, allowedActions: [...draft.allowedActions] }, 'u1', may('interviewer'))).toEqual([]);
  });
});

describe('waiting time', () => {
  it('counts whole hours, never negative, and shows days past 24 h', () => {
    const now = Date.parse('2026-01-03T12:30:00Z');
    expect(hoursBetween('2026-01-03T10:00:00Z', now)).toBe(2);
    expect(hoursBetween('2026-01-04T10:00:00Z', now)).toBe(0);
    expect(formatWaiting(0)).toBe('<1 h');
    expect(formatWaiting(5)).toBe('5 h');
    expect(formatWaiting(24)).toBe('1 d');
    expect(formatWaiting(53)).toBe('2 d 5 h');
  });
});
