// Every row of the company's records for the full export (issue 12): the tables a re-import needs and the audit log,
// without secrets (password and TOTP hashes, sessions, tokens) or file bytes.
import { sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Tx } from '../transaction.js';

type Row = Record<string, unknown>;

/** The tables of a full export, parents before children. */
export const COMPANY_EXPORT_TABLES = [
  'companies', 'users', 'roles', 'role_bands', 'candidates', 'applications', 'application_events', 'interviews', 'interview_interviewers',
  'scorecards', 'offers', 'offer_versions', 'offer_approvals', 'candidate_files', 'company_scoping', 'retention_settings', 'audit_log',
] as const satisfies readonly (keyof Database)[];

const SECRET_COLUMNS: Partial<Record<string, readonly string[]>> = {
  users: ['password_hash', 'totp_secret', 'totp_pending_secret'],
  candidate_files: ['content'],
};

/** Every row of each export table, oldest key first, with secret columns left out. */
export async function collectCompanyRows(tx: Tx): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const table of COMPANY_EXPORT_TABLES) {
    const rows = (await sql<Row>`select * from ${sql.table(table)} order by 1`.execute(tx)).rows;
    const drop = SECRET_COLUMNS[table] ?? [];
    out[table] = drop.length ? rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k)))) : rows;
  }
  return out;
}
