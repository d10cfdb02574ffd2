import type { Migration } from './helpers.js';

/** Market datasets, bands and saved offer evaluations (owned by the compensation work). */
export const compensation: Migration = {
  name: '003-compensation',
  async up() {},
};
