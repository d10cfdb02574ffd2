import type { Migration } from './helpers.js';

/**
 * Interview loops: the role stage an interview belongs to, its length, where it happens, which scorecard
 * attributes it covers (JSON array; null = all), internal notes for the interviewers, and the onsite it was
 * scheduled with (interviews of one one-day onsite share an onsite id).
 */
export const interviewLoops: Migration = {
  name: '008-interview-loops',
  async up(db) {
    await db.schema.alterTable('interviews').addColumn('stage_id', 'text').execute();
    await db.schema.alterTable('interviews').addColumn('duration_minutes', 'integer').execute();
    await db.schema.alterTable('interviews').addColumn('location', 'text').execute();
    await db.schema.alterTable('interviews').addColumn('focus_attribute_ids', 'text').execute();
    await db.schema.alterTable('interviews').addColumn('notes', 'text').execute();
    await db.schema.alterTable('interviews').addColumn('onsite_id', 'text').execute();
    await db.schema.createIndex('interviews_onsite').on('interviews').columns(['onsite_id', 'scheduled_at']).execute();
  },
};
