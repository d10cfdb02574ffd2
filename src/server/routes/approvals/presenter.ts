import { z } from 'zod';
import { APPROVAL_MODES, type ApprovalSettings } from '../../../domain/offers/index.js';
import type { UserRecord } from '../../../storage/index.js';

export const ApprovalSettingsView = z.object({
  approverIds: z.array(z.string()),
  mode: z.enum(APPROVAL_MODES),
  approvers: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), active: z.boolean() })),
  /** True when no approver is configured and the workspace's owners decide instead. */
  ownersDecide: z.boolean(),
});

export function presentApprovalSettings(s: ApprovalSettings, users: readonly UserRecord[], ownersDecide: boolean): z.infer<typeof ApprovalSettingsView> {
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    approverIds: s.approverIds,
    mode: s.mode,
    approvers: s.approverIds.map((id) => {
      const u = byId.get(id);
      return { id, name: u?.name ?? id, role: u?.role ?? 'unknown', active: u !== undefined && !u.disabled };
    }),
    ownersDecide,
  };
}
