import type { Kysely } from 'kysely';
import type { Migration } from './helpers.js';

/**
 * Company scoping documents (owned by the scoping work): the taxonomy extension, attractiveness inputs and
 * team-plan inputs, one JSON document per (company, kind), replaced whole by each PUT.
 */
export const scoping: Migration = {
  name: '005-scoping',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('company_scoping')
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addPrimaryKeyConstraint('company_scoping_pk', ['company_id', 'kind'])
      .execute();
  },
};
