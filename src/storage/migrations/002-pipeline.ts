import type { Migration } from './helpers.js';

/** Roles, candidates, applications and their events (owned by the pipeline work). */
export const pipeline: Migration = {
  name: '002-pipeline',
  async up() {},
};
