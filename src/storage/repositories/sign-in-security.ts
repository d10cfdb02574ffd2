import type { Tx } from '../transaction.js';

/** The company switch (migration 014): owners, admins and approvers must sign in with a second factor. */
export async function getCompanyMfaRequired(tx: Tx): Promise<boolean> {
  const r = await tx.selectFrom('companies').select('mfa_required').executeTakeFirst();
  return Number(r?.mfa_required ?? 0) === 1;
}

export async function setCompanyMfaRequired(tx: Tx, required: boolean, now: Date): Promise<void> {
  await tx.updateTable('companies').set({ mfa_required: required ? 1 : 0, updated_at: now.toISOString() }).execute();
}
