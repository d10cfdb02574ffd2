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
