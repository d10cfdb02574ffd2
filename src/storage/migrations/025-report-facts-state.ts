import type { Migration } from './helpers.js';

/**
 * The reports' facts rows also keep `fold_state`: the state of the facts' fold after the application's last event
 * (domain/reports/facts.ts, ReportFactsState, as JSON less its clock runs, which are the row's clock_runs), so an
 * append of an event that sorts last steps it instead of reading the whole history (docs/reports.md, "Speed"). Null
 * on rows written before this migration and on rows whose writer gave no state: the next append of that application
 * then folds its history again and stores the state. No rebuild is needed when it is applied.
 */
export const reportFactsState: Migration = {
  name: '025-report-facts-state',
  async up(db) {
    await db.schema.alterTable('report_facts').addColumn('fold_state', 'text').execute();
  },
};
