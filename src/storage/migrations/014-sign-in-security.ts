import type { Migration } from './helpers.js';

/**
 * Sign-in security (issue 15 item 2): a version on users so a PATCH takes If-Match, TOTP second factor per user
 * (the secret being enrolled, the confirmed secret, the last accepted time step so a code works once), single-use
 * recovery codes stored hashed, the company switch that requires a second factor of owners, admins and approvers,
 * and the last request of a session for the idle timeout.
 */
export const signInSecurity: Migration = {
  name: '014-sign-in-security',
  async up(db) {
    await db.schema.alterTable('users').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
    await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
    await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
    await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
    await db.schema.alterTable('companies').addColumn('mfa_required', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
    await db.schema
      .createTable('mfa_recovery_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('mfa_recovery_codes_user').on('mfa_recovery_codes').column('user_id').execute();
  },
};
