import type { Kysely } from 'kysely';
import { bigInt, type Migration } from './helpers.js';

/**
 * Offers imported from another hiring system (issue 12), with their versions and approvals. They are kept apart from
 * Closer's `offers`/`offer_versions`, as imported scorecards are kept apart from `scorecards`: a Closer offer version
 * is a complete set of terms (equity as a share count of the fully diluted total, the last post-money valuation) that
 * its evaluation and band check read, and no source carries those in a form Closer could keep without inventing
 * them. The offer's history reaches the clocks and risks through the application's events, as Closer's own offers'
 * does. Money is an integer of whole units with its currency; an amount that did not fit stays null (the import
 * report said so) and the source's words stay in `other_terms`.
 */
export const importedOffers: Migration = {
  name: '024-imported-offers',
  async up(db: Kysely<any>, ctx) {
    await db.schema
      .createTable('imported_offers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      .addColumn('system', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source_status', 'text', (c) => c.notNull())
      .addColumn('drafted_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('approvals', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('imported_offers_application').on('imported_offers').column('application_id').execute();

    await db.schema
      .createTable('imported_offer_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('offer_id', 'text', (c) => c.notNull().references('imported_offers.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('start_date', 'text')
      .addColumn('currency', 'text')
      .addColumn('base', bigInt(ctx))
      .addColumn('other_terms', 'text', (c) => c.notNull().defaultTo('{}'))
      .addUniqueConstraint('imported_offer_versions_number', ['offer_id', 'version'])
      .execute();
  },
};
