import { sql, type Kysely, type ColumnDataType } from 'kysely';
import type { DialectName } from '../dialect.js';

export interface MigrationContext {
  dialect: DialectName;
}

export interface Migration {
  name: string;
  up(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
}

/** Integer wide enough for money and counts on both dialects (pg int8 is parsed back to number). */
export function bigInt(ctx: MigrationContext): ColumnDataType {
  return ctx.dialect === 'postgres' ? 'bigint' : 'integer';
}

/** Makes a table refuse UPDATE and DELETE at the database, whoever connects. */
export async function makeAppendOnly(db: Kysely<any>, ctx: MigrationContext, table: string): Promise<void> {
  if (ctx.dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION closer_refuse_change() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION closer_refuse_change()`)
    .execute(db);
  await sql.raw(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`).execute(db);
}
