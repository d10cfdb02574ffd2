import type { Migration } from './helpers.js';

/** Company attractiveness inputs, taxonomy extensions and saved role analyses (owned by the scoping work). */
export const scoping: Migration = {
  name: '005-scoping',
  async up() {},
};
