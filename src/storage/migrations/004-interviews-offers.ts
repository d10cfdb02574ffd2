import type { Migration } from './helpers.js';

/** Interviews, scorecards, offers, approvals, notifications outbox (owned by the interviews and offers work). */
export const interviewsOffers: Migration = {
  name: '004-interviews-offers',
  async up() {},
};
