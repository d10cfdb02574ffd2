import type { Migration } from './helpers.js';

/** The job description a role was scoped from, so the role editor can show its analysis again. */
export const roleDescription: Migration = {
  name: '006-role-description',
  async up(db) {
    await db.schema.alterTable('roles').addColumn('description', 'text').execute();
  },
};
