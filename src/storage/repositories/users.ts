import { normaliseEmail } from '../../domain/access/email.js';
import type { Tx } from '../transaction.js';
import type { UserTable } from '../schema.js';

export interface UserRecord {
  id: string;
  companyId: string;
  email: string;
  name: string;
  role: string;
  passwordHash: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Migration 014: bumped by every change an admin makes (If-Match on PATCH /users/{id}). */
  version: number;
  /** The confirmed TOTP secret (base32), null when the user has no second factor. */
  totpSecret: string | null;
  /** A secret being enrolled, not yet confirmed with a code. */
  totpPendingSecret: string | null;
  totpEnabledAt: string | null;
  /** The last TOTP time step accepted, so one code signs in once. */
  totpLastStep: number | null;
}

/** A users row as a record (exported for the joined sign-in lookups in sessions.ts and api-tokens.ts). */
export function toUser(r: UserTable): UserRecord {
  return {
    id: r.id,
    companyId: r.company_id,
    email: r.email,
    name: r.name,
    role: r.role,
    passwordHash: r.password_hash,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    totpSecret: r.totp_secret,
    totpPendingSecret: r.totp_pending_secret,
    totpEnabledAt: r.totp_enabled_at,
    totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
  };
}

export { normaliseEmail };

export async function getUser(tx: Tx, id: string): Promise<UserRecord | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function getUserByEmail(tx: Tx, email: string): Promise<UserRecord | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function listUsers(tx: Tx): Promise<UserRecord[]> {
  const rows = await tx.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
  return rows.map(toUser);
}

export async function countActiveOwners(tx: Tx): Promise<number> {
  const r = await tx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'owner').where('disabled', '=', 0).executeTakeFirstOrThrow();
  return Number(r.n);
}

export type NewUser = Omit<UserRecord, 'createdAt' | 'updatedAt' | 'version' | 'totpSecret' | 'totpPendingSecret' | 'totpEnabledAt' | 'totpLastStep'>;

export async function insertUser(tx: Tx, u: NewUser, now: Date): Promise<UserRecord> {
  const at = now.toISOString();
  await tx
    .insertInto('users')
    .values({
      id: u.id,
      company_id: u.companyId,
      email: normaliseEmail(u.email),
      name: u.name,
      role: u.role,
      password_hash: u.passwordHash,
      disabled: u.disabled ? 1 : 0,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return { ...u, email: normaliseEmail(u.email), createdAt: at, updatedAt: at, version: 1, totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null };
}

export async function updateUser(
  tx: Tx,
  id: string,
  patch: { role?: string; disabled?: boolean; passwordHash?: string; name?: string },
  now: Date,
  /** Set for an admin's change: the row must be at this version, and it moves to the next (else undefined). */
  expectedVersion?: number,
): Promise<UserRecord | undefined> {
  const values: Partial<UserTable> = { updated_at: now.toISOString() };
  if (expectedVersion !== undefined) values.version = expectedVersion + 1;
  if (patch.role !== undefined) values.role = patch.role;
  if (patch.disabled !== undefined) values.disabled = patch.disabled ? 1 : 0;
  if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
  if (patch.name !== undefined) values.name = patch.name;
  let q = tx.updateTable('users').set(values).where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  const r = await q.executeTakeFirst();
  if (expectedVersion !== undefined && Number(r.numUpdatedRows) === 0) return undefined;
  return getUser(tx, id);
}

/** The second-factor columns of a user (enrol, confirm, disable, last accepted step). */
export async function updateUserTotp(
  tx: Tx,
  id: string,
  patch: { secret?: string | null; pendingSecret?: string | null; enabledAt?: string | null; lastStep?: number | null },
): Promise<void> {
  const values: Partial<UserTable> = {};
  if (patch.secret !== undefined) values.totp_secret = patch.secret;
  if (patch.pendingSecret !== undefined) values.totp_pending_secret = patch.pendingSecret;
  if (patch.enabledAt !== undefined) values.totp_enabled_at = patch.enabledAt;
  if (patch.lastStep !== undefined) values.totp_last_step = patch.lastStep;
  await tx.updateTable('users').set(values).where('id', '=', id).execute();
}

/** Takes a TOTP time step for a user once: false when this step (or a later one) was already used. */
export async function claimTotpStep(tx: Tx, id: string, step: number): Promise<boolean> {
  const r = await tx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(tx: Tx, userId: string, codeHashes: string[], now: Date): Promise<void> {
  await tx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  if (codeHashes.length > 0) {
    await tx.insertInto('mfa_recovery_codes').values(codeHashes.map((h) => ({ code_hash: h, user_id: userId, created_at: now.toISOString(), used_at: null }))).execute();
  }
}

/** Uses a recovery code once: true when it was this user's and unused (and is now used). */
export async function useRecoveryCode(tx: Tx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const r = await tx
    .updateTable('mfa_recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('code_hash', '=', codeHash)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  const r = await tx.selectFrom('mfa_recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}
