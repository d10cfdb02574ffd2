import { sql, type Kysely } from 'kysely';
import type { Migration } from './helpers.js';

/**
 * Sourcing (issue 13, docs/sourcing.md): talent pools, the prospects in them, and each prospect's outreach history.
 *
 * - `talent_pools`: a named, owned list with target specializations and a touch cadence in days (versioned).
 * - `prospects`: a candidate record in a pool (one row per pool and candidate) with its sourcing status, who found
 *   them and how, employer and lab, links, the lawful-basis note, an optional IANA time zone, and the counters the
 *   history moves (touches, last touch, last reply); `converted_application_id` once it became an application.
 * - `prospect_events`: the append-only outreach history of a prospect (outreach.sent, candidate.replied, note, ...),
 *   with the same shape as `application_events`. UPDATE is refused at the database; DELETE only once the prospect
 *   row is gone (an erasure deletes the prospect first, then its history), so no live history loses a line.
 */
export const sourcing: Migration = {
  name: '020-sourcing',
  async up(db: Kysely<any>, ctx) {
    await db.schema
      .createTable('talent_pools')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.references('users.id'))
      .addColumn('specializations', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('cadence_days', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('talent_pools_name').on('talent_pools').columns(['company_id', 'name']).unique().execute();

    await db.schema
      .createTable('prospects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pool_id', 'text', (c) => c.notNull().references('talent_pools.id'))
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
      .addColumn('found_by', 'text')
      .addColumn('found_how', 'text', (c) => c.notNull())
      .addColumn('found_detail', 'text')
      .addColumn('current_employer', 'text')
      .addColumn('lab', 'text')
      .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('lawful_basis', 'text')
      .addColumn('time_zone', 'text')
      .addColumn('touches', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_touch_at', 'text')
      .addColumn('last_reply_at', 'text')
      .addColumn('converted_application_id', 'text', (c) => c.references('applications.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('prospects_pool_candidate').on('prospects').columns(['pool_id', 'candidate_id']).unique().execute();
    await db.schema.createIndex('prospects_pool_status').on('prospects').columns(['pool_id', 'status', 'id']).execute();
    await db.schema.createIndex('prospects_candidate').on('prospects').column('candidate_id').execute();
    // Today's nurture items: open prospects by their last touch.
    await db.schema.createIndex('prospects_status_touch').on('prospects').columns(['status', 'last_touch_at']).execute();

    await db.schema
      .createTable('prospect_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // No foreign key: the history outlives its prospect row for the length of an erasure's transaction only.
      .addColumn('prospect_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('prospect_events_seq').on('prospect_events').columns(['prospect_id', 'seq']).unique().execute();
    await db.schema.createIndex('prospect_events_timeline').on('prospect_events').columns(['prospect_id', 'occurred_at', 'seq']).execute();

    if (ctx.dialect === 'sqlite') {
      await sql`CREATE TRIGGER prospect_events_no_update BEFORE UPDATE ON prospect_events BEGIN SELECT RAISE(ABORT, 'prospect_events is append-only'); END`.execute(db);
      await sql
        .raw(
          `CREATE TRIGGER prospect_events_no_delete BEFORE DELETE ON prospect_events
           WHEN EXISTS (SELECT 1 FROM prospects p WHERE p.id = OLD.prospect_id)
           BEGIN SELECT RAISE(ABORT, 'prospect_events is append-only'); END`,
        )
        .execute(db);
      return;
    }
    await sql
      .raw(`CREATE OR REPLACE FUNCTION closer_refuse_change() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql`)
      .execute(db);
    await sql.raw(`CREATE TRIGGER prospect_events_append_only BEFORE UPDATE OR TRUNCATE ON prospect_events FOR EACH STATEMENT EXECUTE FUNCTION closer_refuse_change()`).execute(db);
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION closer_refuse_prospect_event_delete() RETURNS trigger AS $$
         BEGIN
           IF EXISTS (SELECT 1 FROM prospects p WHERE p.id = OLD.prospect_id) THEN RAISE EXCEPTION 'prospect_events is append-only'; END IF;
           RETURN OLD;
         END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER prospect_events_no_delete BEFORE DELETE ON prospect_events FOR EACH ROW EXECUTE FUNCTION closer_refuse_prospect_event_delete()`).execute(db);
  },
};
