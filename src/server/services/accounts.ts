import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { ServerContext } from '../context.js';
import { DomainError } from '../../domain/shared/errors.js';
import { can, mfaRequiredFor, type UserRole } from '../../domain/access/policy.js';
import type { CompanyProfile } from '../../domain/company/company.js';
import {
  countActiveOwners,
  deleteSession,
  deleteSessionsOfUser,
  getApiToken,
  getCompany,
  getCompanyMfaRequired,
  getSessionWithUser,
  getUser,
  getUserOfApiToken,
  getUserByEmail,
  inTransaction,
  insertApiToken,
  insertCompany,
  insertSession,
  insertUser,
  listApiTokens,
  listUsers,
  recordAudit,
  touchApiToken,
  touchSession,
  revokeApiToken,
  updateUser,
  type ApiTokenRecord,
  type Company,
  type Store,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { assertPasswordNotCommon, decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { verifySecondFactor } from './mfa.js';
import signInData from '../../../data/security/sign-in.json' with { type: 'json' };

/** Last request of a session and last use of a token are written at most this often (data/security/sign-in.json). */
const TOUCH_MS = signInData.sessionTouchSeconds.value * 1000;
import { API_TOKEN_PREFIX, randomSecret, sha256 } from './secrets.js';

export interface Actor {
  user: UserRecord;
}

export interface NewSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A new session of `userId` (a fresh random id, stored hashed) in `tx`. */
export async function startSession(tx: Tx, userId: string, now: Date, ttlHours: number): Promise<NewSession> {
  const sessionId = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await insertSession(tx, { idHash: sha256(sessionId), userId, csrfToken, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { sessionId, csrfToken, expiresAt };
}

export async function isSetUp(store: Store): Promise<boolean> {
  return (await getCompany(store.db)) !== undefined;
}

/** First run: the company and its owner, in one transaction, refused once a workspace exists. */
export async function setUpWorkspace(
  store: Store,
  input: { company: CompanyProfile; owner: { name: string; email: string; password: string }; isDemo?: boolean },
  now: Date,
  ttlHours: number,
): Promise<{ user: UserRecord; company: Company; session: NewSession }> {
  // Refused before the (deliberately slow) password hash: an anonymous caller must not make the server work.
  if (await isSetUp(store)) throw new DomainError('ALREADY_SET_UP', 'This workspace is already set up. Sign in instead.');
  assertPasswordNotCommon(input.owner.password, 'owner.password');
  const passwordHash = await hashPassword(input.owner.password);
  return inTransaction(store.db, async (tx) => {
    if (await getCompany(tx)) throw new DomainError('ALREADY_SET_UP', 'This workspace is already set up. Sign in instead.');
    const company = await insertCompany(tx, { id: randomUUID(), ...input.company, settings: {}, isDemo: input.isDemo ?? false }, now);
    const user = await insertUser(tx, { id: randomUUID(), companyId: company.id, email: input.owner.email, name: input.owner.name, role: 'owner', passwordHash, disabled: false }, now);
    await recordAudit(tx, { actorId: user.id, action: 'company.create', entity: 'company', entityId: company.id, fields: Object.keys(input.company), at: now });
    await recordAudit(tx, { actorId: user.id, action: 'user.create', entity: 'user', entityId: user.id, fields: ['email', 'name', 'role', 'password'], at: now });
    const session = await startSession(tx, user.id, now, ttlHours);
    return { user, company, session };
  });
}

/**
 * Checks credentials (and the second factor when the user has one) and opens a fresh session (a new id at every
 * login: no fixation). Without a code for a user with two-step sign-in: 401 MFA_CODE_REQUIRED, nothing opened.
 */
export async function login(
  store: Store,
  email: string,
  password: string,
  code: string | undefined,
  now: Date,
  ttlHours: number,
): Promise<{ user: UserRecord; session: NewSession }> {
  const user = await getUserByEmail(store.db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) throw new DomainError('INVALID_CREDENTIALS', 'E-mail or password is wrong.');
  if (user.disabled) throw new DomainError('USER_DISABLED', 'This account is disabled. Ask an owner or admin.');
  if (user.totpSecret && (code === undefined || code.trim() === '')) {
    throw new DomainError('MFA_CODE_REQUIRED', 'Enter the code from your authenticator app.', 'code');
  }
  const newHash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  return inTransaction(store.db, async (tx) => {
    if (user.totpSecret && !(await verifySecondFactor(tx, user, code!, now))) {
      throw new DomainError('MFA_CODE_INVALID', 'The code is wrong or was already used.', 'code');
    }
    if (newHash) {
      await updateUser(tx, user.id, { passwordHash: newHash }, now);
      await recordAudit(tx, { actorId: user.id, action: 'user.rehash-password', entity: 'user', entityId: user.id, fields: ['password'], at: now });
    }
    const session = await startSession(tx, user.id, now, ttlHours);
    return { user, session };
  });
}

/**
 * Sign-in behind the limits of `ctx.loginLimiter` (shared by every server on the database): a blocked attempt answers 429 with `Retry-After` before any
 * hash is computed; wrong passwords and wrong codes count as failures; a success clears its (account, address) count.
 */
export async function loginThrottled(
  ctx: ServerContext,
  reply: FastifyReply,
  email: string,
  ip: string,
  password: string,
  code: string | undefined,
): Promise<{ user: UserRecord; session: NewSession; mfaEnrolmentRequired: boolean }> {
  const wait = await ctx.loginLimiter.retryAfter(email, ip);
  if (wait > 0) {
    reply.header('Retry-After', String(wait));
    throw new DomainError('RATE_LIMITED', `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`);
  }
  try {
    const { user, session } = await login(ctx.store, email, password, code, ctx.now(), ctx.config.sessionTtlHours);
    await ctx.loginLimiter.succeeded(email, ip);
    const mfaEnrolmentRequired = !user.totpSecret && mfaRequiredFor(user.role) && (await getCompanyMfaRequired(ctx.store.db));
    return { user, session, mfaEnrolmentRequired };
  } catch (err) {
    if (err instanceof DomainError && (err.code === 'INVALID_CREDENTIALS' || err.code === 'MFA_CODE_INVALID')) await ctx.loginLimiter.failed(email, ip);
    throw err;
  }
}

/** Anonymous setup is limited per address (across every server on the database) before anything else happens. */
export async function assertSetupAllowed(ctx: ServerContext, reply: FastifyReply, ip: string): Promise<void> {
  const wait = await ctx.setupLimiter.take(ip);
  if (wait > 0) {
    reply.header('Retry-After', String(wait));
    throw new DomainError('RATE_LIMITED', 'Too many set-up attempts from this address. Wait and try again.');
  }
}

export async function logout(store: Store, sessionId: string): Promise<void> {
  await deleteSession(store.db, sha256(sessionId));
}

export interface ResolvedSession {
  user: UserRecord;
  csrfToken: string;
  idHash: string;
  /** The company requires two-step sign-in of this user's role and they have not set it up: only enrolment is open. */
  mfaEnrolmentRequired: boolean;
}

/**
 * The signed-in user behind a session cookie, or undefined when it is unknown, past its absolute expiry, idle for
 * `idleMinutes` or more, or the user is disabled. A session that has run out is deleted. The last request is
 * written at most once a minute, so most requests stay one read.
 */
export async function resolveSession(store: Store, sessionId: string, now: Date, idleMinutes: number): Promise<ResolvedSession | undefined> {
  const idHash = sha256(sessionId);
  // One query: the session joined to its user (sessions of a deleted user go with it: ON DELETE CASCADE).
  const session = await getSessionWithUser(store.db, idHash);
  if (!session) return undefined;
  const lastSeen = new Date(session.lastSeenAt ?? session.createdAt).getTime();
  if (session.expiresAt <= now.toISOString() || now.getTime() - lastSeen >= idleMinutes * 60_000) {
    await deleteSession(store.db, idHash);
    return undefined;
  }
  if (session.user.disabled) return undefined;
  if (now.getTime() - lastSeen >= TOUCH_MS) await touchSession(store.db, idHash, now);
  const mfaEnrolmentRequired = session.mfaRequired && mfaRequiredFor(session.user.role) && !session.user.totpSecret;
  return { user: session.user, csrfToken: session.csrfToken, idHash, mfaEnrolmentRequired };
}

/** The user of an API token; records the use (at most one write a minute per token, so list reads stay cheap). */
export async function resolveApiToken(store: Store, secret: string, now: Date): Promise<UserRecord | undefined> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return undefined;
  // One query: the token joined to its user, revoked tokens and disabled users left out.
  const found = await getUserOfApiToken(store.db, sha256(secret));
  if (!found) return undefined;
  const { token, ...user } = found;
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() >= TOUCH_MS) {
    await touchApiToken(store.db, token.id, now, new Date(now.getTime() - TOUCH_MS));
  }
  return user;
}

/** Owners only may give the owner role or change an owner (the policy's `users.grant-owner`). */
function assertMayTouchOwnership(actorRole: string | null, field: string): void {
  if (actorRole !== null && !can(actorRole, 'users.grant-owner')) {
    throw new DomainError('FORBIDDEN', 'Only an owner can make someone an owner or change an owner.', field);
  }
}

export async function createUser(
  store: Store,
  actorId: string | null,
  input: { email: string; name: string; role: UserRole; password?: string },
  now: Date,
  /** The role of the caller; null for the operator's CLI on the server itself. */
  actorRole: string | null = null,
): Promise<{ user: UserRecord; invitePassword?: string }> {
  if (input.role === 'owner') assertMayTouchOwnership(actorRole, 'role');
  if (input.password !== undefined) assertPasswordNotCommon(input.password, 'password');
  const invitePassword = input.password ? undefined : randomSecret(12);
  const passwordHash = await hashPassword(input.password ?? invitePassword!);
  return inTransaction(store.db, async (tx) => {
    const company = await getCompany(tx);
    if (!company) throw new DomainError('NOT_SET_UP', 'Set up the workspace first: run `closer setup`, or open the web app.');
    if (await getUserByEmail(tx, input.email)) throw new DomainError('EMAIL_TAKEN', 'A user with this e-mail already exists.', 'email');
    const user = await insertUser(tx, { id: randomUUID(), companyId: company.id, email: input.email, name: input.name, role: input.role, passwordHash, disabled: false }, now);
    await recordAudit(tx, { actorId, action: 'user.create', entity: 'user', entityId: user.id, fields: ['email', 'name', 'role', 'password'], at: now });
    return invitePassword ? { user, invitePassword } : { user };
  });
}

/**
 * Changes a user's role or access at the version the caller read (412 when it moved); ends their sessions when
 * access changes so it takes effect at once. Only an owner may grant the owner role or change an owner.
 */
export async function changeUser(
  store: Store,
  actor: { id: string; role: string },
  id: string,
  expectedVersion: number,
  patch: { role?: UserRole; disabled?: boolean },
  now: Date,
): Promise<UserRecord> {
  return inTransaction(store.db, async (tx) => {
    const before = await getUser(tx, id);
    if (!before) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'id');
    if (before.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'This user changed since you read it. Reload and try again.', 'If-Match');
    const changed: string[] = [];
    if (patch.role !== undefined && patch.role !== before.role) changed.push('role');
    if (patch.disabled !== undefined && patch.disabled !== before.disabled) changed.push('disabled');
    if (changed.length === 0) return before;
    if (patch.role === 'owner' || before.role === 'owner') assertMayTouchOwnership(actor.role, changed[0]!);
    const after = await updateUser(tx, id, patch, now, expectedVersion);
    if (!after) throw new DomainError('PRECONDITION_FAILED', 'This user changed since you read it. Reload and try again.', 'If-Match');
    if (before.role === 'owner' && !before.disabled && (after.role !== 'owner' || after.disabled) && (await countActiveOwners(tx)) === 0) {
      throw new DomainError('LAST_OWNER', 'A workspace needs at least one active owner.', changed.includes('role') ? 'role' : 'disabled');
    }
    // A privilege change rotates: the user signs in again and gets a new session id.
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, { actorId: actor.id, action: 'user.update', entity: 'user', entityId: id, fields: changed, at: now });
    return after;
  });
}

export async function createApiToken(store: Store, actorId: string | null, userId: string, name: string, now: Date): Promise<{ token: ApiTokenRecord; secret: string }> {
  const secret = `${API_TOKEN_PREFIX}${randomSecret()}`;
  return inTransaction(store.db, async (tx) => {
    const user = await getUser(tx, userId);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'user');
    const token: ApiTokenRecord = { id: randomUUID(), userId, name, tokenHash: sha256(secret), createdAt: now.toISOString(), lastUsedAt: null, revokedAt: null };
    await insertApiToken(tx, token);
    await recordAudit(tx, { actorId, action: 'token.create', entity: 'api_token', entityId: token.id, fields: ['name', 'user'], at: now });
    return { token, secret };
  });
}

export function listTokensOf(store: Store, userId: string): Promise<ApiTokenRecord[]> {
  return listApiTokens(store.db, userId);
}

export async function revokeToken(store: Store, actor: UserRecord, id: string, now: Date): Promise<void> {
  await inTransaction(store.db, async (tx) => {
    const token = await getApiToken(tx, id);
    const mayManageOthers = actor.role === 'owner' || actor.role === 'admin';
    if (!token || (token.userId !== actor.id && !mayManageOthers)) throw new DomainError('TOKEN_NOT_FOUND', 'No such API token.', 'id');
    if (token.revokedAt) return;
    await revokeApiToken(tx, id, now);
    await recordAudit(tx, { actorId: actor.id, action: 'token.revoke', entity: 'api_token', entityId: id, fields: ['revokedAt'], at: now });
  });
}

/** Every user of the workspace, for the users list and the people pickers (presenters choose the fields). */
export function listAccounts(store: Store): Promise<UserRecord[]> {
  return listUsers(store.db);
}
