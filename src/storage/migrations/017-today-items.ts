import { bigInt, type Migration } from './helpers.js';

/**
 * Today's item rows (docs/decisions/008-read-model.md, "Today's item rows"): one row per application and running
 * clock that can go late, or risk that can be high, with the instant it can first be listed (`listed_at`) and what
 * its level and overshoot at any later `now` are computed from. Written with the application's projection row, in
 * the transaction of the event; derived data, rebuilt by `closer db rebuild-projections` (run by `closer db migrate`
 * when it applies this migration). Today selects `listed_at <= now` (index) and lets the database order, count
 * and page them.
 */
export const todayItems: Migration = {
  name: '017-today-items',
  async up(db, ctx) {
    await db.schema
      .createTable('today_items')
      .addColumn('application_id', 'text', (c) => c.notNull().references('application_projections.application_id').onDelete('cascade'))
      .addColumn('role_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('start_at', bigInt(ctx))
      .addColumn('listed_at', bigInt(ctx), (c) => c.notNull())
      .addColumn('until_at', bigInt(ctx))
      .addColumn('warning_hours', 'double precision')
      .addColumn('critical_hours', 'double precision')
      .addColumn('basis', 'text')
      .addColumn('offer_id', 'text')
      .addColumn('interview_id', 'text')
      .addColumn('interviewer_id', 'text')
      .addColumn('approver_ids', 'text')
      .addColumn('last_event_at', bigInt(ctx))
      .addColumn('risk_inputs', 'text')
      .execute();
    await db.schema.createIndex('today_items_listed').on('today_items').columns(['listed_at']).execute();
    await db.schema.createIndex('today_items_application').on('today_items').columns(['application_id']).execute();
    // Rows without their items would hide items from Today: empty the read model, so reads derive every application
    // from its events (correct, slower) until the rebuild (`closer db migrate` runs it) or each one's next event.
    await db.deleteFrom('application_projections').execute();
  },
};
