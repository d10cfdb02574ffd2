import { bandName, bandPlacement } from '../../../domain/compensation/band-words.js';
import type { Action } from '../../api/types.js';
import { formatPercent } from '../../lib/format-number.js';
import type { ApprovalStatus, Offer, OfferAction, OfferStatus, RoleBand } from './api.js';

export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  draft: 'Draft',
  'pending-approval': 'Waiting for approval',
  approved: 'Approved',
  extended: 'Extended',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  none: 'Not submitted',
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  superseded: 'Superseded by a newer version',
};

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'critical';

export function offerStatusTone(status: OfferStatus): Tone {
  if (status === 'pending-approval') return 'accent';
  if (status === 'approved' || status === 'accepted' || status === 'extended') return 'success';
  if (status === 'declined' || status === 'expired') return 'warning';
  return 'neutral';
}

/** Where a value sits in a [min, max] range: below, inside or above, and how far through the range (0..1 inside). */
export function bandPosition(value: number, min: number, max: number): { place: 'below' | 'inside' | 'above'; fraction: number } {
  if (value < min) return { place: 'below', fraction: 0 };
  if (value > max) return { place: 'above', fraction: 1 };
  return { place: 'inside', fraction: max === min ? 0.5 : (value - min) / (max - min) };
}

const BOARD = { kind: 'board' } as const;

/** One sentence each for the offer's base and grant against the band the board approved for the role. */
export function describeBand(offer: Pick<Offer, 'base' | 'currency' | 'equity'>, band: RoleBand, formatMoney: (amount: number, currency: string) => string): string[] {
  if (band.currency !== offer.currency) return [`${capitalised(bandName(BOARD))} is in ${band.currency}; this offer is in ${offer.currency}.`];
  const base = bandPosition(offer.base, band.baseMin, band.baseMax);
  const equity = bandPosition(offer.equity.fullyDilutedPct, band.equityPctMin, band.equityPctMax);
  const range = (lo: string, hi: string) => `${lo}–${hi}`;
  const where = (p: ReturnType<typeof bandPosition>) => `${bandPlacement(p.place, BOARD)}${p.place === 'inside' ? `, ${Math.round(p.fraction * 100)}% of the way up` : ''}`;
  const baseText = `Base ${formatMoney(offer.base, offer.currency)} is ${where(base)} (${range(formatMoney(band.baseMin, band.currency), formatMoney(band.baseMax, band.currency))}).`;
  const equityText = `Equity ${formatPercent(offer.equity.fullyDilutedPct)} of fully diluted is ${where(equity)} (${range(formatPercent(band.equityPctMin), formatPercent(band.equityPctMax))}).`;
  return [baseText, equityText];
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

export type OfferButton = 'submit' | 'approve' | 'reject' | 'extend' | 'accept' | 'decline' | 'withdraw' | 'revise';

/**
 * The actions to offer a person on an offer: what the lifecycle allows now (from the API), what their role may do,
 * and, for approvals, only when the offer is waiting on them. A rejected version must be revised before it is sent again.
 */
export function offerButtons(
  offer: Pick<Offer, 'allowedActions' | 'awaiting' | 'approvalStatus'>,
  userId: string,
  may: (action: Action) => boolean,
): OfferButton[] {
  const allowed = new Set<OfferAction>(offer.allowedActions);
  const out: OfferButton[] = [];
  const write = may('offers.write');
  if (write && allowed.has('submit') && offer.approvalStatus !== 'rejected') out.push('submit');
  if (may('offers.approve') && allowed.has('approve') && offer.awaiting.some((p) => p.id === userId)) out.push('approve', 'reject');
  if (write) {
    for (const action of ['extend', 'accept', 'decline', 'revise', 'withdraw'] as const) if (allowed.has(action)) out.push(action);
  }
  return out;
}

/** Whole hours between two instants, for "waiting 5 h" (never negative). */
export function hoursBetween(fromIso: string, now: number): number {
  const from = Date.parse(fromIso);
  if (Number.isNaN(from)) return 0;
  return Math.max(0, Math.floor((now - from) / 3_600_000));
}

/** "3 h", "2 d 4 h": a waiting time read at a glance. */
export function formatWaiting(hours: number): string {
  if (hours < 1) return '<1 h';
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}
