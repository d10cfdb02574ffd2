import { createHash, randomBytes } from 'node:crypto';
import { can, mfaRequiredFor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  claimTotpStep,
  countUnusedRecoveryCodes,
  getCompanyMfaRequired,
  getUser,
  inTransaction,
  recordAudit,
  replaceRecoveryCodes,
  setCompanyMfaRequired,
  updateUserTotp,
  useRecoveryCode,
  type Store,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp.js';
import signInData from '../../../data/security/sign-in.json' with { type: 'json' };

const RECOVERY_CODE_COUNT = signInData.recoveryCodes.value;
const ISSUER = 'Closer';

/** A recovery code as shown: 10 base32 characters (50 random bits) in two groups, e.g. `K3M9Q-TX7AB`. */
function newRecoveryCode(): string {
  const raw = base32Encode(randomBytes(7)).slice(0, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

function recoveryHash(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}

/**
 * Checks a second factor inside the sign-in transaction: a TOTP code (each time step once) or an unused recovery
 * code (used up now). False for anything else.
 */
export async function verifySecondFactor(tx: Tx, user: UserRecord, code: string, now: Date): Promise<boolean> {
  const text = code.trim();
  if (!user.totpSecret) return false;
  const step = matchTotp(user.totpSecret, text, now);
  if (step !== undefined) return claimTotpStep(tx, user.id, step);
  if (/^[A-Za-z2-7]{5}-?[A-Za-z2-7]{5}$/.test(text)) {
    const used = await useRecoveryCode(tx, user.id, recoveryHash(text), now);
    if (used) await recordAudit(tx, { actorId: user.id, action: 'user.mfa-recovery-code-used', entity: 'user', entityId: user.id, fields: ['recoveryCodes'], at: now });
    return used;
  }
  return false;
}

export interface MfaStatus {
  enabled: boolean;
  enrolling: boolean;
  recoveryCodesLeft: number;
  /** The company requires it of this user's role. */
  required: boolean;
  /** The company switch itself. */
  companyRequires: boolean;
}

export async function mfaStatus(store: Store, userId: string): Promise<MfaStatus> {
  const user = await getUser(store.db, userId);
  if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'id');
  const companyRequires = await getCompanyMfaRequired(store.db);
  return {
    enabled: user.totpSecret !== null,
    enrolling: user.totpPendingSecret !== null,
    recoveryCodesLeft: user.totpSecret ? await countUnusedRecoveryCodes(store.db, user.id) : 0,
    required: companyRequires && mfaRequiredFor(user.role),
    companyRequires,
  };
}

/** Starts enrolment: a new secret, kept pending until a code from it is confirmed. Shown once, as text and as a URI. */
export async function startMfaEnrolment(store: Store, userId: string, now: Date): Promise<{ secret: string; uri: string }> {
  return inTransaction(store.db, async (tx) => {
    const user = await getUser(tx, userId);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'id');
    if (user.totpSecret) throw new DomainError('MFA_ALREADY_ENROLLED', 'Two-step sign-in is already set up. Turn it off first to use another device.');
    const secret = newTotpSecret();
    await updateUserTotp(tx, user.id, { pendingSecret: secret });
    await recordAudit(tx, { actorId: user.id, action: 'user.mfa-enrol-start', entity: 'user', entityId: user.id, fields: ['totpPendingSecret'], at: now });
    return { secret, uri: otpauthUri(secret, user.email, ISSUER) };
  });
}

async function issueRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(tx, userId, codes.map(recoveryHash), now);
  return codes;
}

/** Confirms enrolment with a code from the new secret; answers the recovery codes, shown this once. */
export async function confirmMfaEnrolment(store: Store, userId: string, code: string, now: Date): Promise<{ recoveryCodes: string[] }> {
  return inTransaction(store.db, async (tx) => {
    const user = await getUser(tx, userId);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'id');
    if (user.totpSecret) throw new DomainError('MFA_ALREADY_ENROLLED', 'Two-step sign-in is already set up.');
    if (!user.totpPendingSecret) throw new DomainError('MFA_NOT_ENROLLED', 'Start the set-up first.', 'code');
    const step = matchTotp(user.totpPendingSecret, code.trim(), now);
    if (step === undefined) throw new DomainError('MFA_CODE_INVALID', 'The code is wrong. Check the time on your phone and try the next code.', 'code');
    await updateUserTotp(tx, user.id, { secret: user.totpPendingSecret, pendingSecret: null, enabledAt: now.toISOString(), lastStep: step });
    const recoveryCodes = await issueRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, { actorId: user.id, action: 'user.mfa-enable', entity: 'user', entityId: user.id, fields: ['totpSecret', 'recoveryCodes'], at: now });
    return { recoveryCodes };
  });
}

async function assertCurrentFactor(tx: Tx, user: UserRecord, code: string, now: Date): Promise<void> {
  if (!user.totpSecret) throw new DomainError('MFA_NOT_ENROLLED', 'Two-step sign-in is not set up.');
  if (!(await verifySecondFactor(tx, user, code, now))) throw new DomainError('MFA_CODE_INVALID', 'The code is wrong or was already used.', 'code');
}

/** Turns the second factor off with a current code (or a recovery code); refused while the company requires it. */
export async function disableMfa(store: Store, userId: string, code: string, now: Date): Promise<void> {
  await inTransaction(store.db, async (tx) => {
    const user = await getUser(tx, userId);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'id');
    if (user.totpSecret && (await getCompanyMfaRequired(tx)) && mfaRequiredFor(user.role)) {
      throw new DomainError('MFA_REQUIRED_BY_COMPANY', 'Your company requires two-step sign-in for your role, so it stays on.');
    }
    await assertCurrentFactor(tx, user, code, now);
    await updateUserTotp(tx, user.id, { secret: null, pendingSecret: null, enabledAt: null, lastStep: null });
    await replaceRecoveryCodes(tx, user.id, [], now);
    await recordAudit(tx, { actorId: user.id, action: 'user.mfa-disable', entity: 'user', entityId: user.id, fields: ['totpSecret', 'recoveryCodes'], at: now });
  });
}

/** New recovery codes (the old ones stop working), with a current code. */
export async function regenerateRecoveryCodes(store: Store, userId: string, code: string, now: Date): Promise<{ recoveryCodes: string[] }> {
  return inTransaction(store.db, async (tx) => {
    const user = await getUser(tx, userId);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'id');
    await assertCurrentFactor(tx, user, code, now);
    const recoveryCodes = await issueRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, { actorId: user.id, action: 'user.mfa-recovery-codes', entity: 'user', entityId: user.id, fields: ['recoveryCodes'], at: now });
    return { recoveryCodes };
  });
}

/**
 * An owner or admin clears another user's second factor (a lost phone): they set it up again at next sign-in.
 * An owner's is cleared by an owner only.
 */
export async function resetUserMfa(store: Store, actor: { id: string | null; role: string }, userId: string, now: Date): Promise<void> {
  await inTransaction(store.db, async (tx) => {
    const user = await getUser(tx, userId);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'id');
    // One's own is turned off under Settings › Security, which asks for a code (and refuses while the company requires
    // it): a borrowed session must not be able to remove its owner's second factor.
    if (actor.id !== null && actor.id === user.id) throw new DomainError('FORBIDDEN', 'Turn off your own two-step sign-in under Settings › Security; it asks for a code.', 'id');
    if (user.role === 'owner' && !can(actor.role, 'users.grant-owner')) throw new DomainError('FORBIDDEN', 'Only an owner can reset an owner’s two-step sign-in.', 'id');
    await updateUserTotp(tx, user.id, { secret: null, pendingSecret: null, enabledAt: null, lastStep: null });
    await replaceRecoveryCodes(tx, user.id, [], now);
    await recordAudit(tx, { actorId: actor.id, action: 'user.mfa-reset', entity: 'user', entityId: user.id, fields: ['totpSecret', 'recoveryCodes'], at: now });
  });
}

/**
 * The company switch. Turning it on needs the caller to have a second factor already, so the person who requires
 * it cannot lock themselves out; from then on owners, admins and approvers without one may only set it up.
 */
export async function setMfaRequired(store: Store, actor: { id: string }, required: boolean, now: Date): Promise<{ mfaRequired: boolean }> {
  return inTransaction(store.db, async (tx) => {
    const user = await getUser(tx, actor.id);
    if (required && !user?.totpSecret) throw new DomainError('MFA_NOT_ENROLLED', 'Set up two-step sign-in for yourself first.', 'mfaRequired');
    if ((await getCompanyMfaRequired(tx)) !== required) {
      await setCompanyMfaRequired(tx, required, now);
      await recordAudit(tx, { actorId: actor.id, action: 'company.security-update', entity: 'company', entityId: user!.companyId, fields: ['mfaRequired'], at: now });
    }
    return { mfaRequired: required };
  });
}

export async function securitySettings(store: Store): Promise<{ mfaRequired: boolean }> {
  return { mfaRequired: await getCompanyMfaRequired(store.db) };
}
