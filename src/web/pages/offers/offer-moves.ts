import { formatCount, formatMoney } from '../../lib/format-money.js';
import { formatPercent } from '../../lib/format-number.js';
import type { OfferDetail } from './api.js';
import type { OfferButton } from './offer-format.js';

// The words around each move on an offer: the button, the confirmation's title and text, and the notice afterwards.

export const BUTTON_LABELS: Record<OfferButton, string> = {
  submit: 'Submit for approval',
  approve: 'Approve',
  reject: 'Reject',
  extend: 'Mark extended to candidate',
  accept: 'Mark accepted',
  decline: 'Mark declined',
  withdraw: 'Withdraw offer',
  revise: 'New version',
};

/** The one move that advances the offer now (submit, approve, extend, record "accepted"); revising or withdrawing never is. */
export function primaryMove(buttons: readonly OfferButton[]): OfferButton | undefined {
  return buttons.find((b) => b === 'submit' || b === 'approve' || b === 'extend' || b === 'accept');
}

/** Whether the confirmation asks for a comment (approvers) or a reason (closing moves), both optional. */
export function commentLabel(button: OfferButton): 'Comment' | 'Reason' | undefined {
  if (button === 'approve' || button === 'reject') return 'Comment';
  if (button === 'withdraw' || button === 'decline' || button === 'accept') return 'Reason';
  return undefined;
}

export function confirmTitle(button: OfferButton, offer: OfferDetail): string {
  const who = offer.candidateName;
  switch (button) {
    case 'submit':
      return `Submit the offer to ${who} for approval?`;
    case 'approve':
      return `Approve the offer to ${who}?`;
    case 'reject':
      return `Reject the offer to ${who}?`;
    case 'extend':
      return `Mark the offer to ${who} as extended?`;
    case 'accept':
      return `Mark the offer to ${who} as accepted?`;
    case 'decline':
      return `Mark the offer to ${who} as declined?`;
    case 'withdraw':
      return `Withdraw the offer to ${who}?`;
    default:
      return 'Continue?';
  }
}

export function confirmText(button: OfferButton, offer: OfferDetail): string {
  switch (button) {
    case 'submit':
      return offer.insideBand
        ? "The offer is inside the role's board-approved band, so it is approved at once."
        : 'The offer is outside the band: the configured approvers decide, and the approval clock starts now (warning at 24 hours, critical at 48).';
    case 'approve':
      return `Version ${offer.currentVersion}: base ${formatMoney(offer.base, offer.currency)}, ${formatCount(offer.equity.shares)} shares (${formatPercent(offer.equity.fullyDilutedPct)} of fully diluted).`;
    case 'reject':
      return 'The offer goes back to draft; it must be revised before it is sent again.';
    case 'extend':
      return 'Record that the candidate has the offer in hand. It expires after the default window unless answered.';
    case 'accept':
      return 'Record that the candidate accepted.';
    case 'decline':
      return 'Record that the candidate declined.';
    case 'withdraw':
      return 'The offer is closed for good. A pending approval stops.';
    default:
      return '';
  }
}

export function noticeFor(button: OfferButton, offer: OfferDetail): string {
  if (button === 'submit') return offer.status === 'approved' ? 'inside the band, approved at once.' : `sent to ${offer.awaiting.map((p) => p.name).join(', ') || 'the approvers'} for their decision.`;
  if (button === 'approve') return offer.status === 'approved' ? 'every approver has approved.' : 'your approval is recorded.';
  if (button === 'reject') return 'your rejection is recorded; the offer is back in draft.';
  if (button === 'extend') return `it is with ${offer.candidateName}; record the answer here when it comes.`;
  if (button === 'accept') return `${offer.candidateName} is hired: the application is closed as hired and its clocks have stopped.`;
  if (button === 'decline') return 'the application stays open: draft a new offer or close it.';
  return 'done.';
}
