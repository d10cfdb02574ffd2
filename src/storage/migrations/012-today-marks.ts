import type { Migration } from './helpers.js';

/**
 * Today's "done today" marks, per person and UTC day: which item, the event its click recorded, and the words
 * Today shows for it. A mark is removed by Undo (within a minute); the events it points at stay append-only.
 */
export const todayMarks: Migration = {
  name: '012-today-marks',
  async up(db) {
    await db.schema
      .createTable('today_marks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('action_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // One mark per person, item and day: a second click (another tab, a retry) is refused, not doubled.
      .addUniqueConstraint('today_marks_once', ['user_id', 'day', 'item_key'])
      .execute();
  },
};
