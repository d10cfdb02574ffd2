import type { Tx } from '../transaction.js';

export interface StoredResponse {
  requestHash: string;
  statusCode: number;
  body: unknown;
}

export async function getIdempotentResponse(tx: Tx, userId: string, key: string): Promise<StoredResponse | undefined> {
  const r = await tx.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
  return r ? { requestHash: r.request_hash, statusCode: r.status_code, body: JSON.parse(r.response) } : undefined;
}

export async function saveIdempotentResponse(tx: Tx, userId: string, key: string, res: StoredResponse, now: Date): Promise<void> {
  await tx
    .insertInto('idempotency_keys')
    .values({ key, user_id: userId, request_hash: res.requestHash, status_code: res.statusCode, response: JSON.stringify(res.body), created_at: now.toISOString() })
    .execute();
}

/** `status_code` of a claimed key whose request is still running (no response yet). */
export const PENDING_STATUS = 0;

/**
 * Claims `key` for one request before its write runs, in one statement, so that of concurrent requests with the same
 * key on any number of server instances exactly one runs: an insert of a pending row that does nothing when the key
 * exists. A pending claim older than `staleBefore` (its server died mid-request) is taken over by one of the waiters
 * (compare-and-set on its time). True when this request now holds the claim.
 */
export async function claimIdempotencyKey(tx: Tx, userId: string, key: string, requestHash: string, now: Date, staleBefore: Date): Promise<boolean> {
  const inserted = await tx
    .insertInto('idempotency_keys')
    .values({ key, user_id: userId, request_hash: requestHash, status_code: PENDING_STATUS, response: 'null', created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const taken = await tx
    .updateTable('idempotency_keys')
    .set({ request_hash: requestHash, created_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('status_code', '=', PENDING_STATUS)
    .where('request_hash', '=', requestHash)
    .where('created_at', '<=', staleBefore.toISOString())
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Stores the response of a claimed key; false when the claim is no longer pending (released or already completed). */
export async function completeIdempotencyClaim(tx: Tx, userId: string, key: string, res: StoredResponse): Promise<boolean> {
  const r = await tx
    .updateTable('idempotency_keys')
    .set({ status_code: res.statusCode, response: JSON.stringify(res.body) })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('status_code', '=', PENDING_STATUS)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a claim up (the request failed or its response is not kept): a retry runs the request again. */
export async function releaseIdempotencyClaim(tx: Tx, userId: string, key: string): Promise<void> {
  await tx.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).where('status_code', '=', PENDING_STATUS).execute();
}
