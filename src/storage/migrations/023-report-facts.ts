import { bigInt, type Migration } from './helpers.js';

/**
 * The hiring reports' facts (docs/reports.md, "Speed"): one row per application with what `historyReportFacts`
 * (src/domain/reports/facts.ts) derives from its history, written in the transaction of each event append (with the
 * pipeline read model, under the application's row lock) and rebuilt by `closer db rebuild-projections` (run by
 * `closer db migrate` when it applies this migration). Reports read these rows instead of every event; an application
 * without a row is read from its events. `clock_runs` is a column of its own: only the clock-breaches report reads it.
 * Derived data with no personal fields; it goes with its application (cascade), so an erasure removes it.
 */
export const reportFacts: Migration = {
  name: '023-report-facts',
  async up(db, ctx) {
    await db.schema
      .createTable('report_facts')
      .addColumn('application_id', 'text', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
      .addColumn('first_contact_at', bigInt(ctx))
      .addColumn('facts', 'text', (c) => c.notNull())
      .addColumn('clock_runs', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
