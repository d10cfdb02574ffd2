import { sql } from 'kysely';
import type { Tx } from '../transaction.js';

/** One counter's state after a hit or a read: its count in the current window and when that window started. */
export interface CounterState {
  count: number;
  windowStart: string;
}

/**
 * Counts one hit on `key` in one statement (an upsert), so that two server instances hitting the same key at once
 * both count: a key whose window started at or before `staleBefore` starts a new window at `now` with count 1.
 * Returns the count and window start after this hit. `expiresAt` is when the row may be purged.
 */
export async function hitSignInCounter(tx: Tx, key: string, now: Date, staleBefore: Date, expiresAt: Date): Promise<CounterState> {
  const at = now.toISOString();
  const stale = staleBefore.toISOString();
  const row = await tx
    .insertInto('sign_in_counters')
    .values({ key, window_start: at, count: 1, expires_at: expiresAt.toISOString() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when sign_in_counters.window_start <= ${stale} then 1 else sign_in_counters.count + 1 end`,
        window_start: sql<string>`case when sign_in_counters.window_start <= ${stale} then ${at} else sign_in_counters.window_start end`,
        expires_at: sql<string>`case when sign_in_counters.window_start <= ${stale} then ${expiresAt.toISOString()} else sign_in_counters.expires_at end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: row.window_start };
}

/** The counters of `keys` that exist, by key (a missing key has no hits). */
export async function getSignInCounters(tx: Tx, keys: string[]): Promise<Map<string, CounterState>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.selectFrom('sign_in_counters').select(['key', 'count', 'window_start']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, { count: Number(r.count), windowStart: r.window_start }]));
}

/** Marks `key` as seen until `expiresAt` (a known address of an account): the row exists, its count is 0. */
export async function touchSignInMarker(tx: Tx, key: string, now: Date, expiresAt: Date): Promise<void> {
  await tx
    .insertInto('sign_in_counters')
    .values({ key, window_start: now.toISOString(), count: 0, expires_at: expiresAt.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: now.toISOString(), expires_at: expiresAt.toISOString() }))
    .execute();
}

export async function deleteSignInCounter(tx: Tx, key: string): Promise<void> {
  await tx.deleteFrom('sign_in_counters').where('key', '=', key).execute();
}

/** Deletes every counter whose expiry has passed at `now`; returns how many went. */
export async function deleteExpiredSignInCounters(tx: Tx, now: Date): Promise<number> {
  const r = await tx.deleteFrom('sign_in_counters').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
