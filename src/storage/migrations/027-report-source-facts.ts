import { sql } from 'kysely';
import { bigInt, type Migration } from './helpers.js';

/**
 * The sources report's stored counts (docs/reports.md, "Speed"): per application, the few facts that report counts
 * (first contact, interviewed, offered, hired), in a narrow table of their own, so the database counts them per source
 * and per referrer (GROUP BY) instead of the server reading and parsing every facts row. Written by the same upsert as
 * the facts (every append, import and rebuild, in its transaction); filled here from the stored facts. Derived data
 * (no personal fields); the rows go with their facts row (cascade), so with an erasure.
 */
export const reportSourceFacts: Migration = {
  name: '027-report-source-facts',
  async up(db, ctx) {
    await db.schema
      .createTable('report_source_facts')
      .addColumn('application_id', 'text', (c) => c.primaryKey().references('report_facts.application_id').onDelete('cascade'))
      // the application's role (it never changes): the role filter needs no join
      .addColumn('role_id', 'text', (c) => c.notNull())
      .addColumn('first_contact_at', bigInt(ctx))
      .addColumn('interviewed', 'integer', (c) => c.notNull())
      .addColumn('offered', 'integer', (c) => c.notNull())
      .addColumn('hired', 'integer', (c) => c.notNull())
      .execute();
    const pick =
      ctx.dialect === 'postgres'
        ? sql`case when (f.facts::json->>'interviewed')::boolean then 1 else 0 end, case when json_array_length(f.facts::json->'offers') > 0 then 1 else 0 end, case when f.facts::json->>'hiredAt' is not null then 1 else 0 end`
        : sql`case when json_extract(f.facts, '$.interviewed') then 1 else 0 end, case when json_array_length(f.facts, '$.offers') > 0 then 1 else 0 end, case when json_extract(f.facts, '$.hiredAt') is not null then 1 else 0 end`;
    await sql`insert into report_source_facts (application_id, role_id, first_contact_at, interviewed, offered, hired)
      select f.application_id, a.role_id, f.first_contact_at, ${pick} from report_facts f join applications a on a.id = f.application_id`.execute(db);
  },
};
