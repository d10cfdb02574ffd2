import { bigInt, type Migration } from './helpers.js';

/**
 * The company figures an offer needs (compensation.md, offer evaluation inputs): the last post-money valuation
 * (whole units of the company currency), the fully diluted share count, and the current strike / 409A price per
 * share (a price, so it may have cents). All optional: a workspace fills them in when it first drafts an offer.
 */
export const companyEquity: Migration = {
  name: '011-company-equity',
  async up(db, ctx) {
    await db.schema.alterTable('companies').addColumn('last_post_money', bigInt(ctx)).execute();
    await db.schema.alterTable('companies').addColumn('fully_diluted_shares', bigInt(ctx)).execute();
    // 'double precision' is a float8 on PostgreSQL and has REAL affinity on SQLite: no branch needed.
    await db.schema.alterTable('companies').addColumn('strike_price', 'double precision').execute();
  },
};
