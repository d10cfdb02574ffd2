import type { Migration } from './helpers.js';
import { bigInt } from './helpers.js';

/**
 * Public job postings (issue 16): one posting per role, with its public text, location, remote policy, the signals
 * shown, the application questions, and the base range copied from the role's board-approved band when it is
 * published (so the public page says what was published, whatever the band becomes); status draft, published,
 * unpublished or closed; versioned for If-Match. `posting_answers` keeps what an applicant sent beyond the candidate
 * record (answers to the role's questions, links, the months of talent-pool consent): personal data, erased and
 * exported with the candidate.
 */
export const postings: Migration = {
  name: '022-postings',
  async up(db, ctx) {
    await db.schema
      .createTable('postings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('role_id', 'text', (c) => c.notNull().unique().references('roles.id'))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('public_text', 'text', (c) => c.notNull())
      .addColumn('location', 'text', (c) => c.notNull())
      .addColumn('remote_policy', 'text', (c) => c.notNull())
      .addColumn('signals', 'text', (c) => c.notNull())
      .addColumn('questions', 'text', (c) => c.notNull())
      .addColumn('base_min', bigInt(ctx))
      .addColumn('base_max', bigInt(ctx))
      .addColumn('base_currency', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('postings_status').on('postings').columns(['status', 'published_at']).execute();

    await db.schema
      .createTable('posting_answers')
      .addColumn('application_id', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('posting_id', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('links', 'text', (c) => c.notNull())
      .addColumn('talent_pool_months', 'integer')
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('posting_answers_candidate').on('posting_answers').column('candidate_id').execute();
  },
};
