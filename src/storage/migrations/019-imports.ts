import type { Migration } from './helpers.js';

/**
 * Imports from other systems (issue 12). One mapping table, `import_links`, instead of external columns on each
 * imported table: its primary key (system, entity, external id) is what makes a second import of the same files a
 * no-op, one table covers every entity (and the ones the vendor parsers add later) without altering six tables, and
 * erasure removes a person's links by their Closer ids. Imported scorecards live in `imported_feedback`, never in
 * `scorecards`, so Closer's structured scores only ever hold Closer's own. `import_jobs` keeps each import's state,
 * the stage mapping the user reviewed, and the dry-run and final reports.
 */
export const imports: Migration = {
  name: '019-imports',
  async up(db) {
    await db.schema
      .createTable('import_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('system', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('files', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('stage_mapping', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('dry_run', 'text')
      .addColumn('report', 'text')
      .addColumn('error', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('import_jobs_created').on('import_jobs').column('created_at').execute();

    await db.schema
      .createTable('import_links')
      .addColumn('system', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('closer_id', 'text', (c) => c.notNull())
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_links_pk', ['system', 'entity', 'external_id'])
      .execute();
    await db.schema.createIndex('import_links_closer').on('import_links').columns(['entity', 'closer_id']).execute();

    await db.schema
      .createTable('imported_feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      .addColumn('system', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('interview_name', 'text')
      .addColumn('author_name', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('recommendation', 'text')
      .addColumn('ratings', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('answers', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text')
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('imported_feedback_application').on('imported_feedback').column('application_id').execute();
  },
};
