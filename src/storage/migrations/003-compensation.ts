import type { Kysely } from 'kysely';
import { bigInt, type Migration } from './helpers.js';

/** Market datasets, bands and saved offer evaluations (owned by the compensation work). */
export const compensation: Migration = {
  name: '003-compensation',
  async up(db: Kysely<any>, ctx) {
    // Imported salary surveys (the bundled aijobs.net file stays in data/market and is not copied here).
    // The CSV text is kept as imported so a dataset can be re-parsed after an upgrade of the parser.
    await db.schema
      .createTable('market_datasets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text')
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('licence', 'text', (c) => c.notNull())
      .addColumn('row_count', bigInt(ctx), (c) => c.notNull())
      .addColumn('record_count', bigInt(ctx), (c) => c.notNull())
      .addColumn('byte_size', bigInt(ctx), (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('csv', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('market_datasets_created').on('market_datasets').column('created_at').execute();

    // The dataset a company's benchmarks come from: one row per company; no row means the bundled default.
    // dataset_id is either a market_datasets id or a bundled dataset id, so it carries no foreign key.
    await db.schema
      .createTable('market_selection')
      .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
      .addColumn('dataset_id', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
