import { bigInt, type Migration } from './helpers.js';

/** The count columns of report_facts, per clock: runs, warnings, criticals of its stopped runs (CLOCK_TALLY_COLUMNS). */
const PREFIXES = ['cycle', 'after_final', 'approval', 'reply', 'scorecard', 'idle'] as const;

/**
 * The clock-breaches report's stored tallies (docs/reports.md, "Speed"): each application's stopped clock runs judged
 * once under its role's clock settings (`clock_key` names those settings), counted per clock in report_clock_tallies and per
 * approver and interviewer in report_clock_people, with the range of their starts and their latest instant; the runs
 * still going (`open_runs`, JSON) are judged at each request. Written by the same upsert as the facts (every append,
 * import and rebuild, in its transaction, under the application's row lock), so one application's rows are never
 * shared with another's and concurrent writes stay exact. A row whose settings changed since (another `clock_key`)
 * is judged from its runs until it is written again. `closer db migrate` rebuilds the facts when it applies this.
 * Derived data (person ids, no personal fields); the rows go with their facts row (cascade), so with an erasure.
 */
export const reportClockTallies: Migration = {
  name: '026-report-clock-tallies',
  async up(db, ctx) {
    // A table of its own, narrow: summing it never reads the facts' JSON (SQLite reads a row's columns in order).
    let t = db.schema
      .createTable('report_clock_tallies')
      .addColumn('application_id', 'text', (c) => c.primaryKey().references('report_facts.application_id').onDelete('cascade'))
      // the application's role (it never changes): the sums need no join
      .addColumn('role_id', 'text', (c) => c.notNull())
      .addColumn('clock_key', 'text')
      .addColumn('clock_min_start', bigInt(ctx))
      .addColumn('clock_max_start', bigInt(ctx))
      .addColumn('clock_max_at', bigInt(ctx));
    for (const p of PREFIXES) for (const k of ['runs', 'warning', 'critical']) t = t.addColumn(`${p}_${k}`, 'integer', (c) => c.notNull().defaultTo(0));
    await t.addColumn('open_runs', 'text').execute();
    await db.schema
      .createTable('report_clock_people')
      .addColumn('application_id', 'text', (c) => c.notNull().references('report_facts.application_id').onDelete('cascade'))
      .addColumn('clock', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('runs', 'integer', (c) => c.notNull())
      .addColumn('warning', 'integer', (c) => c.notNull())
      .addColumn('critical', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_clock_people_pk', ['application_id', 'clock', 'person_id'])
      .execute();
  },
};
