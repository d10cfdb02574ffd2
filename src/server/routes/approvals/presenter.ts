import { z } from 'zod';
import { APPROVAL_MODES } from '../../../domain/offers/index.js';
import type { ApprovalSettingsState } from '../../services/approvals.js';
import type { OfferListEntry } from '../../services/offers.js';
import { OfferView, presentOffer } from '../shared/offer-presenter.js';

export const ApprovalSettingsView = z.object({
  approverIds: z.array(z.string()),
  mode: z.enum(APPROVAL_MODES),
  approvers: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), active: z.boolean() })),
  /** True when no approver is configured and the workspace's owners decide instead. */
  ownersDecide: z.boolean(),
  /** The setting's version (also the ETag): send it as If-Match with PUT. */
  version: z.number().int(),
});

export function presentApprovalSettings({ settings: s, users, ownersDecide }: ApprovalSettingsState): z.infer<typeof ApprovalSettingsView> {
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

/** An offer in the approver's inbox: the offer, and when the approval of its current version was requested. */
export const ApprovalInboxItemView = OfferView.extend({ requestedAt: z.string() });

export function presentApprovalInboxItem(e: OfferListEntry, people: Map<string, string>): z.infer<typeof ApprovalInboxItemView> {
  // The inbox holds pending versions only, and submitting is what sets both the pending status and submittedAt.
  return { ...presentOffer(e, people), requestedAt: e.version.submittedAt! };
}
