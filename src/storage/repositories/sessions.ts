import type { Tx } from '../transaction.js';
import { toUser, type UserRecord } from './users.js';

export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export async function insertSession(tx: Tx, s: SessionRecord): Promise<void> {
  await tx.insertInto('sessions').values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
}

export async function getSession(tx: Tx, idHash: string): Promise<SessionRecord | undefined> {
  const r = await tx.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  return r ? { idHash: r.id_hash, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at } : undefined;
}

/**
 * A session with its user, in one query (the session joined to its user); undefined when the session is
 * unknown. Expiry and a disabled user are for the caller to judge: an expired session is deleted there.
 */
export async function getSessionWithUser(tx: Tx, idHash: string): Promise<(SessionRecord & { user: UserRecord }) | undefined> {
  const r = await tx
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token as session_csrf_token', 's.created_at as session_created_at', 's.expires_at as session_expires_at'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!r) return undefined;
  return { idHash, userId: r.id, csrfToken: r.session_csrf_token, createdAt: r.session_created_at, expiresAt: r.session_expires_at, user: toUser(r) };
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
