import type { ApprovalSettingsState } from '../../services/approvals.js';
import type { OfferListEntry } from '../../services/offers.js';
import { presentOffer } from '../shared/offer-presenter.js';
import { ApprovalInboxItemView, ApprovalSettingsView } from '../../../api/approvals.js';

export function presentApprovalSettings({ settings: s, users, ownersDecide }: ApprovalSettingsState): ApprovalSettingsView {
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    version: s.version,
    approverIds: s.approverIds,
    mode: s.mode,
    approvers: s.approverIds.map((id) => {
      const u = byId.get(id);
      return { id, name: u?.name ?? id, role: u?.role ?? 'unknown', active: u !== undefined && !u.disabled };
    }),
    ownersDecide,
  };
}

export function presentApprovalInboxItem(e: OfferListEntry, people: Map<string, string>): ApprovalInboxItemView {
  // The inbox holds pending versions only, and submitting is what sets both the pending status and submittedAt.
  return { ...presentOffer(e, people), requestedAt: e.version.submittedAt! };
}
