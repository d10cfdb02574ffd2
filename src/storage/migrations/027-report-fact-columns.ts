import { sql } from 'kysely';
import { bigInt, type Migration } from './helpers.js';

/**
 * The facts the sources and losses reports read, as columns (docs/reports.md, "Speed"): per application, first
 * contact, interviewed, offered, hired (the sources report's counts, summed by the database per source and per referrer)
 * and its loss (when, why, at which stage, the signals before it: only the lost ones are read), in a narrow table of
 * their own, so those reports no longer read and parse every facts row. Written by the same upsert as
 * the facts (every append, import and rebuild, in its transaction); filled here from the stored facts. Derived data
 * (no personal fields); the rows go with their facts row (cascade), so with an erasure.
 */
export const reportFactColumns: Migration = {
  name: '027-report-fact-columns',
  async up(db, ctx) {
    await db.schema
      .createTable('report_fact_columns')
      .addColumn('application_id', 'text', (c) => c.primaryKey().references('report_facts.application_id').onDelete('cascade'))
      // the application's role (it never changes): the role filter needs no join
      .addColumn('role_id', 'text', (c) => c.notNull())
      .addColumn('first_contact_at', bigInt(ctx))
      .addColumn('interviewed', 'integer', (c) => c.notNull())
      .addColumn('offered', 'integer', (c) => c.notNull())
      .addColumn('hired', 'integer', (c) => c.notNull())
      .addColumn('loss_at', bigInt(ctx))
      .addColumn('loss_reason', 'text')
      .addColumn('loss_stage', 'text')
      // JSON: LoggedSignal[]
      .addColumn('loss_signals', 'text')
      .execute();
    const pick =
      ctx.dialect === 'postgres'
        ? sql`case when (f.facts::json->>'interviewed')::boolean then 1 else 0 end, case when json_array_length(f.facts::json->'offers') > 0 then 1 else 0 end, case when f.facts::json->>'hiredAt' is not null then 1 else 0 end,
            (f.facts::json->'loss'->>'at')::bigint, f.facts::json->'loss'->>'reason', f.facts::json->'loss'->>'stage', f.facts::json->'loss'->>'signals'`
        : sql`case when json_extract(f.facts, '$.interviewed') then 1 else 0 end, case when json_array_length(f.facts, '$.offers') > 0 then 1 else 0 end, case when json_extract(f.facts, '$.hiredAt') is not null then 1 else 0 end,
            json_extract(f.facts, '$.loss.at'), json_extract(f.facts, '$.loss.reason'), json_extract(f.facts, '$.loss.stage'), json_extract(f.facts, '$.loss.signals')`;
    await sql`insert into report_fact_columns (application_id, role_id, first_contact_at, interviewed, offered, hired, loss_at, loss_reason, loss_stage, loss_signals)
      select f.application_id, a.role_id, f.first_contact_at, ${pick} from report_facts f join applications a on a.id = f.application_id`.execute(db);
  },
};
