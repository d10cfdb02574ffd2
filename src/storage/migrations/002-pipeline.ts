import { sql, type Kysely } from 'kysely';
import { bigInt, makeAppendOnly, type Migration } from './helpers.js';

/** Roles, candidates, applications and their events (owned by the pipeline work). */
export const pipeline: Migration = {
  name: '002-pipeline',
  async up(db: Kysely<any>, ctx) {
    await db.schema
      .createTable('roles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('specializations', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('seniority', 'text', (c) => c.notNull())
      .addColumn('hiring_manager_id', 'text', (c) => c.references('users.id'))
      .addColumn('process_plan', 'text', (c) => c.notNull())
      .addColumn('clock_overrides', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('band_base_min', bigInt(ctx))
      .addColumn('band_base_max', bigInt(ctx))
      // 'double precision' is a float8 on PostgreSQL and has REAL affinity on SQLite: no branch needed.
      .addColumn('band_equity_pct_min', 'double precision')
      .addColumn('band_equity_pct_max', 'double precision')
      .addColumn('band_currency', 'text')
      .addColumn('pedigree_blind', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('roles_status').on('roles').columns(['status', 'created_at']).execute();

    await db.schema
      .createTable('candidates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('location', 'text')
      .addColumn('current_employer', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('passive', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('specializations', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('production_ml_years', 'double precision')
      .addColumn('comp_base', bigInt(ctx))
      .addColumn('comp_bonus', bigInt(ctx))
      .addColumn('comp_equity_annual', bigInt(ctx))
      .addColumn('comp_currency', 'text')
      .addColumn('merged_into_id', 'text', (c) => c.references('candidates.id'))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('candidates_email').on('candidates').column('email').execute();
    await db.schema.createIndex('candidates_created').on('candidates').column('created_at').execute();

    await db.schema
      .createTable('applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
      .addColumn('role_id', 'text', (c) => c.notNull().references('roles.id'))
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('loss_reason', 'text')
      .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('closed_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('applications_role').on('applications').columns(['role_id', 'status']).execute();
    await db.schema.createIndex('applications_status').on('applications').columns(['status', 'id']).execute();
    await db.schema.createIndex('applications_candidate').on('applications').column('candidate_id').execute();
    // One active application per candidate and role; closed ones stay as history (a candidate may come back).
    await db.schema
      .createIndex('applications_one_active')
      .on('applications')
      .columns(['candidate_id', 'role_id'])
      .unique()
      .where(sql.ref('status'), '=', sql.lit('active'))
      .execute();

    await db.schema
      .createTable('application_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      // Position in the application's history: breaks ties between events of the same instant (recording order).
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('application_events_timeline').on('application_events').columns(['application_id', 'occurred_at', 'seq']).execute();
    await db.schema.createIndex('application_events_seq').on('application_events').columns(['application_id', 'seq']).unique().execute();
    await makeAppendOnly(db, ctx, 'application_events');
  },
};
