import { z } from 'zod';
import { OfferView } from './offers.js';
import { cleanText } from '../domain/company/company.js';
import { APPROVAL_MODES, ApprovalSettings } from '../domain/offers/index.js';
import { listOf } from './shared.js';

export const DecisionBody = z.strictObject({ comment: cleanText(2_000).optional() }).nullish();
export type DecisionBody = z.infer<typeof DecisionBody>;
export const ApprovalSettingsBody = ApprovalSettings;
export type ApprovalSettingsBody = z.infer<typeof ApprovalSettingsBody>;

export const ApprovalSettingsView = z.object({
  approverIds: z.array(z.string()),
  mode: z.enum(APPROVAL_MODES),
  approvers: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), active: z.boolean() })),
  /** True when no approver is configured and the workspace's owners decide instead. */
  ownersDecide: z.boolean(),
  /** The setting's version (also the ETag): send it as If-Match with PUT. */
  version: z.number().int(),
});

/** An offer in the approver's inbox: the offer, and when the approval of its current version was requested. */
export const ApprovalInboxItemView = OfferView.extend({ requestedAt: z.string() });
export type ApprovalSettingsView = z.infer<typeof ApprovalSettingsView>;
export type ApprovalInboxItemView = z.infer<typeof ApprovalInboxItemView>;

export const ApprovalInboxView = listOf(ApprovalInboxItemView);
export type ApprovalInboxView = z.infer<typeof ApprovalInboxView>;
