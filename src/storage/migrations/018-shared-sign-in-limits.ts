import type { Kysely } from 'kysely';
import type { Migration } from './helpers.js';

/**
 * More than one server on one database (issue 15 item 4), sign-in side:
 *
 * - `sign_in_counters`: the sign-in and set-up limits, shared by every server instance (one row per counter key, a
 *   fixed window from its first hit). The key is a SHA-256 of what it counts (account and/or address), so the table
 *   holds neither e-mail addresses nor IP addresses. `expires_at` is when the row stops mattering; the housekeeping job
 *   deletes older rows.
 * - `oidc_settings`: the company's single sign-on provider (OpenID Connect), one row per company, versioned; the
 *   client secret is stored like the other secrets (never sent back by the API).
 * - `oidc_logins`: a sign-in through the provider in flight (state, nonce and PKCE verifier), keyed by a hash of the
 *   state, so the callback may reach any server instance; used once, purged by the housekeeping job when expired.
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

    await db.schema
      .createTable('oidc_settings')
      .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
      .addColumn('provider_name', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('client_secret', 'text', (c) => c.notNull())
      .addColumn('allowed_domain', 'text')
      .addColumn('create_users', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('oidc_logins')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oidc_logins_expires').on('oidc_logins').column('expires_at').execute();
  },
};
