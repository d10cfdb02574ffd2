import type { Migration } from './helpers.js';

/** The recruiter who runs a role's search, so Today can put that role's work in front of them first. */
export const roleRecruiter: Migration = {
  name: '007-role-recruiter',
  async up(db) {
    await db.schema.alterTable('roles').addColumn('recruiter_id', 'text').execute();
  },
};
