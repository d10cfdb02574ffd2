import { sql, type Kysely } from 'kysely';
import { bigInt, makeAppendOnly, type Migration } from './helpers.js';

/**
 * The candidate record (docs/decisions/006-candidate-files.md, 007-candidate-erasure.md): archiving, CV files
 * (bytes in the database or in a configured directory), and erasure. `application_events` stays append-only,
 * except that the rows of an application listed in `erased_applications` (a ledger of ids, itself append-only)
 * may be deleted: the one narrow exception, used only by the candidate deletion path.
 */
export const candidateRecord: Migration = {
  name: '009-candidate-record',
  async up(db: Kysely<any>, ctx) {
    await db.schema.alterTable('candidates').addColumn('archived_at', 'text').execute();

    await db.schema
      .createTable('candidate_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('byte_size', bigInt(ctx), (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      // 'database': the bytes are in `content`; 'directory': in a file named after the id under CLOSER_FILES_DIR.
      .addColumn('storage', 'text', (c) => c.notNull())
      .addColumn('content', ctx.dialect === 'postgres' ? 'bytea' : 'blob')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('candidate_files_candidate').on('candidate_files').columns(['candidate_id', 'created_at']).execute();

    await db.schema
      .createTable('erased_applications')
      .addColumn('application_id', 'text', (c) => c.primaryKey())
      .addColumn('erased_at', 'text', (c) => c.notNull())
      .execute();
    await makeAppendOnly(db, ctx, 'erased_applications');

    if (ctx.dialect === 'sqlite') {
      await sql`DROP TRIGGER application_events_no_delete`.execute(db);
      await sql
        .raw(
          `CREATE TRIGGER application_events_no_delete BEFORE DELETE ON application_events
           WHEN NOT EXISTS (SELECT 1 FROM erased_applications e WHERE e.application_id = OLD.application_id)
           BEGIN SELECT RAISE(ABORT, 'application_events is append-only'); END`,
        )
        .execute(db);
      return;
    }
    await sql`DROP TRIGGER application_events_append_only ON application_events`.execute(db);
    await sql
      .raw(`CREATE TRIGGER application_events_append_only BEFORE UPDATE OR TRUNCATE ON application_events FOR EACH STATEMENT EXECUTE FUNCTION closer_refuse_change()`)
      .execute(db);
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION closer_refuse_event_delete() RETURNS trigger AS $$
         BEGIN
           IF EXISTS (SELECT 1 FROM erased_applications e WHERE e.application_id = OLD.application_id) THEN RETURN OLD; END IF;
           RAISE EXCEPTION 'application_events is append-only';
         END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER application_events_no_delete BEFORE DELETE ON application_events FOR EACH ROW EXECUTE FUNCTION closer_refuse_event_delete()`).execute(db);
  },
};
