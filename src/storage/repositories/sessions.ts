import type { Tx } from '../transaction.js';

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
