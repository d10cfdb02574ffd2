import type { Kysely } from 'kysely';
import { Migrator, type MigrationProvider, type Migration as KyselyMigration } from 'kysely/migration';
import type { DialectName } from '../dialect.js';
import { foundation } from './001-foundation.js';
import { pipeline } from './002-pipeline.js';
import { compensation } from './003-compensation.js';
import { interviewsOffers } from './004-interviews-offers.js';
import { scoping } from './005-scoping.js';
import { roleDescription } from './006-role-description.js';
import { roleRecruiter } from './007-role-recruiter.js';
import { interviewLoops } from './008-interview-loops.js';
import { candidateRecord } from './009-candidate-record.js';
import { roleBands } from './010-role-bands.js';
import { companyEquity } from './011-company-equity.js';
import { todayMarks } from './012-today-marks.js';
import { applicationProjections } from './013-application-projections.js';
import { signInSecurity } from './014-sign-in-security.js';
import { privacy } from './015-privacy.js';
import { projectionReadState } from './016-projection-read-state.js';
import { todayItems } from './017-today-items.js';
import { sharedSignInLimits } from './018-shared-sign-in-limits.js';
import { imports } from './019-imports.js';
import { sourcing } from './020-sourcing.js';
import { sequences } from './021-sequences.js';
import { postings } from './022-postings.js';
import { reportFacts } from './023-report-facts.js';
import { importedOffers } from './024-imported-offers.js';
import { reportFactsState } from './025-report-facts-state.js';
import { reportClockTallies } from './026-report-clock-tallies.js';
import { reportFactColumns } from './027-report-fact-columns.js';
import type { Migration } from './helpers.js';

/** The static registry: one ordered list for both dialects. Append only; never edit a landed migration. */
export const MIGRATIONS: readonly Migration[] = [foundation, pipeline, compensation, interviewsOffers, scoping, roleDescription, roleRecruiter, interviewLoops, candidateRecord, roleBands, companyEquity, todayMarks, applicationProjections, signInSecurity, privacy, projectionReadState, todayItems, sharedSignInLimits, imports, sourcing, sequences, postings, reportFacts, importedOffers, reportFactsState, reportClockTallies, reportFactColumns];

class RegistryProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, KyselyMigration>> {
    const out: Record<string, KyselyMigration> = {};
    for (const m of MIGRATIONS) out[m.name] = { up: (db) => m.up(db, { dialect: this.dialect }) };
    return out;
  }
}

/** Brings the schema to the latest migration; returns the names applied now. */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new RegistryProvider(dialect), migrationTableName: 'closer_migrations', migrationLockTableName: 'closer_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Brings the schema to exactly `name` (a restore builds the schema of the dump before loading its rows). */
export async function migrateTo(db: Kysely<any>, dialect: DialectName, name: string): Promise<void> {
  if (!MIGRATIONS.some((m) => m.name === name)) throw new Error(`The dump was made by a newer Closer (migration ${name} is unknown here); upgrade first.`);
  const migrator = new Migrator({ db, provider: new RegistryProvider(dialect), migrationTableName: 'closer_migrations', migrationLockTableName: 'closer_migrations_lock' });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
