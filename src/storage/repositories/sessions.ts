import type { Tx } from '../transaction.js';
import { toUser, type UserRecord } from './users.js';

export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  /** The last request seen (written at most once a minute), null until the first one after sign-in. */
  lastSeenAt?: string | null;
}

export async function insertSession(tx: Tx, s: SessionRecord): Promise<void> {
  await tx.insertInto('sessions').values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt, last_seen_at: s.lastSeenAt ?? s.createdAt }).execute();
}

export async function getSession(tx: Tx, idHash: string): Promise<SessionRecord | undefined> {
  const r = await tx.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  return r ? { idHash: r.id_hash, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at } : undefined;
}

/**
 * A session with its user, in one query (the session joined to its user); undefined when the session is
 * unknown. Expiry and a disabled user are for the caller to judge: an expired session is deleted there.
 */
export async function getSessionWithUser(tx: Tx, idHash: string): Promise<(SessionRecord & { user: UserRecord; mfaRequired: boolean }) | undefined> {
  const r = await tx
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('companies as c', 'c.id', 'u.company_id')
    .selectAll('u')
    .select(['s.csrf_token as session_csrf_token', 's.created_at as session_created_at', 's.expires_at as session_expires_at', 's.last_seen_at as session_last_seen_at', 'c.mfa_required as company_mfa_required'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    idHash,
    userId: r.id,
    csrfToken: r.session_csrf_token,
    createdAt: r.session_created_at,
    expiresAt: r.session_expires_at,
    lastSeenAt: r.session_last_seen_at,
    user: toUser(r),
    mfaRequired: Number(r.company_mfa_required) === 1,
  };
}

/** Records a request on a session for the idle timeout; the caller writes at most once a minute. */
export async function touchSession(tx: Tx, idHash: string, now: Date): Promise<void> {
  await tx.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(tx: Tx, userId: string): Promise<number> {
  const r = await tx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes the sessions that have run out (expiry at or before `now`, as `resolveSession` treats them); returns how many. */
export async function deleteExpiredSessions(tx: Tx, now: Date): Promise<number> {
  const r = await tx.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
