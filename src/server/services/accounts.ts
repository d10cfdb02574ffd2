import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/shared/errors.js';
import type { UserRole } from '../../domain/access/policy.js';
import type { CompanyProfile } from '../../domain/company/company.js';
import {
  countActiveOwners,
  deleteSession,
  deleteSessionsOfUser,
  getApiToken,
  getCompany,
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
  revokeApiToken,
  updateUser,
  type ApiTokenRecord,
  type Company,
  type Store,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { API_TOKEN_PREFIX, randomSecret, sha256 } from './secrets.js';

export interface Actor {
  user: UserRecord;
}

export interface NewSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

async function startSession(tx: Tx, userId: string, now: Date, ttlHours: number): Promise<NewSession> {
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

/** Checks credentials and opens a fresh session (a new id at every login: no fixation). */
export async function login(store: Store, email: string, password: string, now: Date, ttlHours: number): Promise<{ user: UserRecord; session: NewSession }> {
  const user = await getUserByEmail(store.db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) throw new DomainError('INVALID_CREDENTIALS', 'E-mail or password is wrong.');
  if (user.disabled) throw new DomainError('USER_DISABLED', 'This account is disabled. Ask an owner or admin.');
  const newHash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  return inTransaction(store.db, async (tx) => {
    if (newHash) {
      await updateUser(tx, user.id, { passwordHash: newHash }, now);
      await recordAudit(tx, { actorId: user.id, action: 'user.rehash-password', entity: 'user', entityId: user.id, fields: ['password'], at: now });
    }
    const session = await startSession(tx, user.id, now, ttlHours);
    return { user, session };
  });
}

export async function logout(store: Store, sessionId: string): Promise<void> {
  await deleteSession(store.db, sha256(sessionId));
}

/** The signed-in user behind a session cookie, or undefined when it is unknown, expired or the user is disabled. */
export async function resolveSession(store: Store, sessionId: string, now: Date): Promise<{ user: UserRecord; csrfToken: string; idHash: string } | undefined> {
  const idHash = sha256(sessionId);
  // One query: the session joined to its user (sessions of a deleted user go with it: ON DELETE CASCADE).
  const session = await getSessionWithUser(store.db, idHash);
  if (!session) return undefined;
  if (session.expiresAt <= now.toISOString()) {
    await deleteSession(store.db, idHash);
    return undefined;
  }
  if (session.user.disabled) return undefined;
  return { user: session.user, csrfToken: session.csrfToken, idHash };
}

export async function resolveApiToken(store: Store, secret: string): Promise<UserRecord | undefined> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return undefined;
  // One query: the token joined to its user, revoked tokens and disabled users left out.
  return getUserOfApiToken(store.db, sha256(secret));
}

export async function createUser(
  store: Store,
  actorId: string | null,
  input: { email: string; name: string; role: UserRole; password?: string },
  now: Date,
): Promise<{ user: UserRecord; invitePassword?: string }> {
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

/** Changes a user's role or access; ends their sessions when access shrinks so it takes effect at once. */
export async function changeUser(store: Store, actorId: string, id: string, patch: { role?: UserRole; disabled?: boolean }, now: Date): Promise<UserRecord> {
  return inTransaction(store.db, async (tx) => {
    const before = await getUser(tx, id);
    if (!before) throw new DomainError('USER_NOT_FOUND', 'No such user.', 'id');
    const changed: string[] = [];
    if (patch.role !== undefined && patch.role !== before.role) changed.push('role');
    if (patch.disabled !== undefined && patch.disabled !== before.disabled) changed.push('disabled');
    if (changed.length === 0) return before;
    const after = await updateUser(tx, id, patch, now);
    if (before.role === 'owner' && !before.disabled && (after!.role !== 'owner' || after!.disabled) && (await countActiveOwners(tx)) === 0) {
      throw new DomainError('LAST_OWNER', 'A workspace needs at least one active owner.', changed.includes('role') ? 'role' : 'disabled');
    }
    // A privilege change rotates: the user signs in again and gets a new session id.
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, { actorId, action: 'user.update', entity: 'user', entityId: id, fields: changed, at: now });
    return after!;
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
