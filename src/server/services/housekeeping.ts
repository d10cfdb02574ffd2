import { deleteExpiredOidcLogins, deleteExpiredSessions, deleteExpiredSignInCounters, inTransaction } from '../../storage/index.js';
import type { JobContext } from './notifications.js';

/**
 * How often the background jobs purge expired sessions. An expired session is already refused at sign-in
 * (`resolveSession`), so the purge only keeps the table small: once an hour is plenty.
 */
export const SESSION_PURGE_INTERVAL_MS = 60 * 60_000;

/**
 * Deletes every session whose expiry has passed at `now` (the injected clock), and every sign-in limit counter
 * whose window (or known-address mark) has run out, and single sign-on attempts never completed; returns how many of each went. The background jobs run it under
 * the 'session purge' job lock, so one server instance at a time.
 *
 * Not audited, on purpose: the audit trail records changes people make to hiring records (roles,
 * candidates, offers, users, settings). A session is a sign-in credential, not a business record; an
 * expired one can no longer be used, and sign-out and the lazy delete of an expired session on its next
 * use are not audited either. An audit entry per purge would fill the trail with housekeeping that no
 * reader of it needs.
 */
export async function purgeExpiredSessions(ctx: JobContext, now: Date = ctx.now()): Promise<{ sessions: number; signInCounters: number; ssoLogins: number }> {
  return inTransaction(ctx.store.db, async (tx) => ({
    sessions: await deleteExpiredSessions(tx, now),
    signInCounters: await deleteExpiredSignInCounters(tx, now),
    ssoLogins: await deleteExpiredOidcLogins(tx, now),
  }));
}
