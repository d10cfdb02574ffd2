import type { Migration } from './helpers.js';

/**
 * The read model's rows also keep `read_state`: the state without its stopped runs (domain/pipeline/fold.ts,
 * readState), what Today and the board read, a third of the size of `state`. Null on rows written before this
 * migration: reads then use `state` (the same answer, more to parse) until `closer db rebuild-projections` (run by
 * `closer db migrate` when it applies this) or the next event rewrites the row.
 */
export const projectionReadState: Migration = {
  name: '016-projection-read-state',
  async up(db) {
    await db.schema.alterTable('application_projections').addColumn('read_state', 'text').execute();
  },
};
