import type { Kysely } from 'kysely';
import type { Migration } from './helpers.js';

/**
 * More than one server on one database (issue 15 item 4), sign-in side:
 *
 * - `sign_in_counters`: the sign-in and set-up limits, shared by every server instance (one row per counter key, a
 *   fixed window from its first hit). The key is a SHA-256 of what it counts (account and/or address), so the table
 *   holds neither e-mail addresses nor IP addresses. `expires_at` is when the row stops mattering; the housekeeping job
 *   deletes older rows.
 */
export const sharedSignInLimits: Migration = {
  name: '018-shared-sign-in-limits',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sign_in_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_counters_expires').on('sign_in_counters').column('expires_at').execute();
  },
};
