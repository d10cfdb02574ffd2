import type { Kysely } from 'kysely';
import { bigInt, makeAppendOnly, type Migration } from './helpers.js';

/**
 * Privacy rights (docs/privacy.md): the erasure ledger, the counts an erasure leaves for analytics, the talent-pool
 * consent, and the per-company retention rule with the reports of its runs.
 *
 * - `erasure_ledger`: one row per erased candidate record, keyed by a hash of its id (never a name or e-mail);
 *   append-only. A restore of an older backup re-applies it (services/backup.ts).
 * - `erased_applications` gains the role, stage, status, source and month of each erased application: counts for
 *   the funnel and source mix, with nothing that names the person.
 * - `candidates.talent_pool_consent_at`: set while the person agreed to stay in the talent pool; retention spares them.
 * - `retention_settings` (one row per company, versioned) and `retention_runs` (what each run did: counts only).
 */
export const privacy: Migration = {
  name: '015-privacy',
  async up(db: Kysely<any>, ctx) {
    await db.schema
      .createTable('erasure_ledger')
      .addColumn('subject_hash', 'text', (c) => c.primaryKey())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('erased_at', 'text', (c) => c.notNull())
      .execute();
    await makeAppendOnly(db, ctx, 'erasure_ledger');

    for (const column of ['role_id', 'stage', 'status', 'source', 'applied_month']) {
      await db.schema.alterTable('erased_applications').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('candidates').addColumn('talent_pool_consent_at', 'text').execute();

    await db.schema
      .createTable('retention_settings')
      .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
      .addColumn('rejected_after_months', 'integer')
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('retention_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull())
      .addColumn('ran_at', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('rejected_after_months', 'integer')
      .addColumn('cutoff', 'text')
      .addColumn('candidates_erased', bigInt(ctx), (c) => c.notNull())
      .addColumn('applications_erased', bigInt(ctx), (c) => c.notNull())
      .addColumn('kept_for_consent', bigInt(ctx), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('retention_runs_company').on('retention_runs').columns(['company_id', 'ran_at']).execute();
  },
};
