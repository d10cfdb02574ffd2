import { bigInt, type Migration } from './helpers.js';

/**
 * The pipeline read model (docs/decisions/008-read-model.md): one row per application with the fold of its history
 * (`state`, JSON) and the columns the indexed reads select by, all written in the transaction of the event that
 * changes them. Times are epoch milliseconds. Rows are derived data: `closer db rebuild-projections` recomputes
 * every one from the events, and reads derive an application without a row from its events.
 */
export const applicationProjections: Migration = {
  name: '013-application-projections',
  async up(db, ctx) {
    await db.schema
      .createTable('application_projections')
      .addColumn('application_id', 'text', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
      .addColumn('role_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('first_contact_at', bigInt(ctx))
      .addColumn('last_event_at', bigInt(ctx))
      .addColumn('attention_at', bigInt(ctx))
      .addColumn('next_change_at', bigInt(ctx))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Today: "what is due or decays before now".
    await db.schema.createIndex('application_projections_attention').on('application_projections').columns(['attention_at', 'application_id']).execute();
    await db.schema.createIndex('application_projections_next_change').on('application_projections').column('next_change_at').execute();
    // Board and settings changes: the applications of a role.
    await db.schema.createIndex('application_projections_role').on('application_projections').columns(['role_id', 'status']).execute();
  },
};
