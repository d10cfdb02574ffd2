import { sql } from 'kysely';
import type { Store } from '../database.js';

/** First key of every Closer job lock ('Clos' in ASCII), so that other applications' advisory locks never collide. */
const LOCK_CLASS = 0x436c6f73;

/** A stable 31-bit number for a job name (FNV-1a), the second key of its advisory lock. */
export function jobLockKey(job: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < job.length; i++) {
    h ^= job.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x7fffffff;
}

export type JobLockOutcome<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `work` unless another server instance on the same database is running the job named `job` right now.
 *
 * PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) held on one connection taken from the pool for the
 * length of the work; the work itself uses the pool as usual. The lock goes with the connection, so an instance that
 * is killed (or loses its connection) releases it at once, and the next tick of another instance takes over. The
 * lock only saves the other instances the duplicate work: every effect of a job is its own transaction and is
 * idempotent, so two runs that overlap anyway (a connection lost mid-run) still change each item once.
 * SQLite: one server instance per database file, whose job loops never overlap, so the work simply runs.
 * @example await withJobLock(store, 'scan', () => scanForNotifications(ctx)) // { ran: false } on the other instances
 */
export async function withJobLock<T>(store: Store, job: string, work: () => Promise<T>): Promise<JobLockOutcome<T>> {
  if (store.dialect !== 'postgres') return { ran: true, value: await work() };
  const key = jobLockKey(job);
  return store.db.connection().execute(async (conn) => {
    const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${LOCK_CLASS}::int, ${key}::int) as locked`.execute(conn);
    if (!got.rows[0]?.locked) return { ran: false } as const;
    try {
      return { ran: true, value: await work() } as const;
    } finally {
      // A failed unlock (the connection died) needs nothing: the server released the lock with the session.
      await sql`select pg_advisory_unlock(${LOCK_CLASS}::int, ${key}::int)`.execute(conn).catch(() => undefined);
    }
  });
}
