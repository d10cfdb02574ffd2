import { sql } from 'kysely';
import { bigInt, type Migration } from './helpers.js';

/**
 * Board-approved bands per role and company funding stage (compensation.md: the board approves a band per
 * role; bands change when the company raises), with who approved it, when, and who recorded it. The band a
 * role's offers are checked against is the one of the company's current stage, and each offer version keeps
 * a copy of the band it was checked against. Bands stored on roles before this migration move to the
 * company's stage of now, without approval facts (they were never recorded).
 */
export const roleBands: Migration = {
  name: '010-role-bands',
  async up(db, ctx) {
    await db.schema
      .createTable('role_bands')
      .addColumn('role_id', 'text', (c) => c.notNull().references('roles.id'))
      .addColumn('company_stage', 'text', (c) => c.notNull())
      .addColumn('base_min', bigInt(ctx), (c) => c.notNull())
      .addColumn('base_max', bigInt(ctx), (c) => c.notNull())
      .addColumn('equity_pct_min', 'double precision', (c) => c.notNull())
      .addColumn('equity_pct_max', 'double precision', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_on', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('role_bands_pk', ['role_id', 'company_stage'])
      .execute();

    const company = await db.selectFrom('companies').select('stage').orderBy('created_at').limit(1).executeTakeFirst();
    const stage = (company?.stage as string | undefined) ?? 'seed';
    await sql`
      INSERT INTO role_bands (role_id, company_stage, base_min, base_max, equity_pct_min, equity_pct_max, currency, approved_by, approved_on, recorded_by, recorded_at)
      SELECT id, ${stage}, band_base_min, band_base_max, band_equity_pct_min, band_equity_pct_max, band_currency, NULL, NULL, created_by, updated_at
      FROM roles
      WHERE band_base_min IS NOT NULL AND band_base_max IS NOT NULL AND band_equity_pct_min IS NOT NULL AND band_equity_pct_max IS NOT NULL AND band_currency IS NOT NULL
    `.execute(db);
    // One place for a band from now on: the old columns stay (dropping columns differs by dialect) but are empty.
    await db
      .updateTable('roles')
      .set({ band_base_min: null, band_base_max: null, band_equity_pct_min: null, band_equity_pct_max: null, band_currency: null })
      .execute();

    await db.schema.alterTable('offer_versions').addColumn('checked_band', 'text').execute();
  },
};
