import { runCompiled } from '../compiled-queries.js';
import type { Tx } from '../transaction.js';
import type { ApiTokenTable } from '../schema.js';
import { toUser, type UserRecord } from './users.js';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toToken(r: ApiTokenTable): ApiTokenRecord {
  return { id: r.id, userId: r.user_id, name: r.name, tokenHash: r.token_hash, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

export async function insertApiToken(tx: Tx, t: ApiTokenRecord): Promise<void> {
  await tx
    .insertInto('api_tokens')
    .values({ id: t.id, user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt, last_used_at: t.lastUsedAt, revoked_at: t.revokedAt })
    .execute();
}

export async function getApiTokenByHash(tx: Tx, tokenHash: string): Promise<ApiTokenRecord | undefined> {
  const r = await tx.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return r ? toToken(r) : undefined;
}

/**
 * The user an API token signs in, in one query (the token joined to its user): undefined when the token is
 * unknown or revoked, or the user is disabled. Every Bearer request runs it.
 */
export async function getUserOfApiToken(tx: Tx, tokenHash: string): Promise<(UserRecord & { token: { id: string; lastUsedAt: string | null } }) | undefined> {
  // Every authenticated request runs this: compiled once (runCompiled), bound with the hash each time.
  const [r] = await runCompiled(
    tx,
    'user-of-api-token',
    () =>
      tx
        .selectFrom('api_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .selectAll('u')
        .select(['t.id as token_id', 't.last_used_at as token_last_used_at'])
        .where('t.token_hash', '=', tokenHash)
        .where('t.revoked_at', 'is', null)
        .where('u.disabled', '=', 0),
    [tokenHash, 0],
  );
  return r ? { ...toUser(r), token: { id: r.token_id, lastUsedAt: r.token_last_used_at } } : undefined;
}

/** Writes when a token was last used, unless a request already did so after `notBefore` (one write a minute at most). */
export async function touchApiToken(tx: Tx, id: string, now: Date, notBefore: Date): Promise<void> {
  await tx
    .updateTable('api_tokens')
    .set({ last_used_at: now.toISOString() })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notBefore.toISOString())]))
    .execute();
}

export async function getApiToken(tx: Tx, id: string): Promise<ApiTokenRecord | undefined> {
  const r = await tx.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toToken(r) : undefined;
}

export async function listApiTokens(tx: Tx, userId: string): Promise<ApiTokenRecord[]> {
  const rows = await tx.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map(toToken);
}

export async function revokeApiToken(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
