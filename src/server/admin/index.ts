import { USER_ROLES, isUserRole, type UserRole } from '../../domain/access/policy.js';
import { COMPANY_STAGES, CompanyProfile, Email } from '../../domain/company/company.js';
import { DomainError } from '../../domain/shared/errors.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { getUserByEmail, migrateToLatest, openDatabase, type ErasureLedgerEntry, type Store } from '../../storage/index.js';
import { backupStore, exportErasureLedger, restoreBackup, type BackupReport, type RestoreReport } from '../services/backup.js';

export { resolveDatabaseUrl } from '../../storage/index.js';
import { resetUserMfa } from '../services/mfa.js';
import { createApiToken, createUser, logout, setUpWorkspace } from '../services/accounts.js';
import { rebuildProjections, type RebuildReport } from '../services/projections.js';
import { Password } from '../../api/users.js';

/**
 * Operations the CLI runs against the database directly (no server running): the CLI reaches
 * storage only through here, so the layering check holds (docs/decisions/002-cli-admin-through-server.md).
 */
async function withStore<T>(databaseUrl: string, work: (store: Store) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const store = await openDatabase({ url: databaseUrl, migrate: opts.migrate ?? true });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function migrateDatabase(databaseUrl: string): Promise<{ applied: string[]; dialect: string; location: string }> {
  return withStore(
    databaseUrl,
    async (store) => {
      const applied = await migrateToLatest(store.db, store.dialect);
      // The read model starts empty (013), or without its read states (016): fill it from the events now rather than on the first slow reads.
      if (applied.includes('013-application-projections') || applied.includes('016-projection-read-state') || applied.includes('017-today-items') || applied.includes('023-report-facts') || applied.includes('026-report-clock-tallies')) await rebuildProjections(store, new Date());
      return { applied, dialect: store.dialect, location: store.location };
    },
    { migrate: false },
  );
}

/**
 * `closer db rebuild-projections`: recomputes the pipeline read model (one row per application) from the events and
 * reports what it found (docs/decisions/008-read-model.md). Safe while the server runs.
 */
export async function rebuildProjectionsFromCli(databaseUrl: string, now = new Date()): Promise<RebuildReport & { dialect: string; location: string }> {
  return withStore(databaseUrl, async (store) => ({ ...(await rebuildProjections(store, now)), dialect: store.dialect, location: store.location }));
}

/**
 * `closer db backup FILE`: an online backup, safe while the server runs (services/backup.ts): an SQLite file, or a
 * portable logical dump of PostgreSQL; with every table's row count and content hash at the instant it holds.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupReport & { tables: number; rows: number }> {
  return withStore(databaseUrl, async (store) => {
    const r = await backupStore(store, file);
    return { ...r, tables: Object.keys(r.digest).length, rows: Object.values(r.digest).reduce((n, t) => n + t.rows, 0) };
  });
}

/**
 * `closer db restore FILE`: loads a backup into the database (stop the server first), migrates it to this version and
 * re-applies the erasure ledger of the database it replaces and of the ledger files given, so erased people stay gone.
 */
export async function restoreDatabase(databaseUrl: string, file: string, opts: { replace: boolean; ledgerFiles: readonly string[] }): Promise<RestoreReport & { matches: boolean }> {
  const ledgers = opts.ledgerFiles.flatMap((f) => {
    const parsed = JSON.parse(readFileSync(f, 'utf8')) as { format?: string; entries?: ErasureLedgerEntry[] };
    if (parsed.format !== 'closer-erasure-ledger' || !Array.isArray(parsed.entries)) throw new DomainError('VALIDATION_FAILED', `${f} is not an erasure ledger (closer db ledger FILE writes one).`, 'ledger');
    return parsed.entries;
  });
  const r = await restoreBackup({ file, targetUrl: databaseUrl, replace: opts.replace, ledgers });
  return { ...r, matches: JSON.stringify(r.restoredDigest) === JSON.stringify(r.backupDigest) };
}

/** `closer db ledger FILE`: the erasure ledger (hashes of erased ids, no personal data), to keep beside the backups. */
export async function writeErasureLedger(databaseUrl: string, file: string): Promise<{ file: string; entries: number }> {
  const ledger = await exportErasureLedger(databaseUrl);
  writeFileSync(file, `${JSON.stringify(ledger, null, 1)}\n`, { mode: 0o600 });
  return { file, entries: ledger.entries.length };
}

export async function createUserFromCli(
  databaseUrl: string,
  input: { email: string; role: string; name?: string; password?: string },
): Promise<{ user: { id: string; email: string; role: string }; invitePassword?: string }> {
  if (!isUserRole(input.role)) throw new DomainError('VALIDATION_FAILED', `--role must be one of: ${USER_ROLES.join(', ')}`, 'role');
  const email = Email.safeParse(input.email);
  if (!email.success) throw new DomainError('VALIDATION_FAILED', '--email is not a valid e-mail address', 'email');
  if (input.password !== undefined && input.password.length < 10) throw new DomainError('VALIDATION_FAILED', 'The password needs at least 10 characters', 'password');
  return withStore(databaseUrl, async (store) => {
    const { user, invitePassword } = await createUser(store, null, { email: email.data, role: input.role as UserRole, name: input.name ?? email.data.split('@')[0]!, password: input.password }, new Date());
    return { user: { id: user.id, email: user.email, role: user.role }, ...(invitePassword ? { invitePassword } : {}) };
  });
}

/**
 * The operator's way back in when someone (even the last owner) lost both their phone and their recovery codes:
 * clears the user's two-step sign-in, audited with no actor (the server's operator).
 */
export async function resetMfaFromCli(databaseUrl: string, userEmail: string): Promise<{ user: string }> {
  return withStore(databaseUrl, async (store) => {
    const user = await getUserByEmail(store.db, userEmail);
    if (!user) throw new DomainError('USER_NOT_FOUND', `No user with e-mail ${userEmail}`, 'user');
    await resetUserMfa(store, { id: null, role: 'owner' }, user.id, new Date());
    return { user: user.email };
  });
}

export async function createTokenFromCli(databaseUrl: string, userEmail: string, name: string): Promise<{ id: string; secret: string; user: string }> {
  return withStore(databaseUrl, async (store) => {
    const user = await getUserByEmail(store.db, userEmail);
    if (!user) throw new DomainError('USER_NOT_FOUND', `No user with e-mail ${userEmail}`, 'user');
    const { token, secret } = await createApiToken(store, null, user.id, name, new Date());
    return { id: token.id, secret, user: user.email };
  });
}

/** The CLI option that carries each field of the setup input, so an error names what the user typed. */
const SETUP_OPTIONS: Record<string, string> = {
  'company.name': '--company',
  'company.stage': '--stage',
  'company.raisedUsd': '--raised',
  'company.headcount': '--headcount',
  'company.aiTeamSize': '--ai-team-size',
  'company.currency': '--currency',
  'company.timeZone': '--time-zone',
  'owner.name': '--owner-name',
  'owner.email': '--owner-email',
  'owner.password': 'the password',
};

/**
 * First run from the terminal: the company and its owner, validated by the same schemas as `POST /api/v1/setup`
 * and written by the same service (one transaction, audited). The web sign-in session that service opens is
 * closed again: the CLI signs nobody in. A second run fails with ALREADY_SET_UP and changes nothing.
 */
export async function setUpWorkspaceFromCli(
  databaseUrl: string,
  input: { company: Record<string, unknown>; owner: { name: unknown; email: unknown; password: unknown } },
): Promise<{ company: { id: string; name: string; stage: string; currency: string; timeZone: string }; owner: { id: string; email: string; role: string } }> {
  const company = CompanyProfile.safeParse(input.company);
  if (!company.success) throw setupError('company', company.error.issues[0]);
  const ownerName = ownerNameOrThrow(input.owner.name);
  const email = Email.safeParse(input.owner.email);
  if (!email.success) throw setupError('owner.email', email.error.issues[0], 'is not a valid e-mail address');
  const password = Password.safeParse(input.owner.password);
  if (!password.success) throw new DomainError('VALIDATION_FAILED', 'The password needs at least 10 characters (and at most 256).', 'owner.password');
  return withStore(databaseUrl, async (store) => {
    try {
      const { user, company: created, session } = await setUpWorkspace(store, { company: company.data, owner: { name: ownerName, email: email.data, password: password.data } }, new Date(), 1);
      await logout(store, session.sessionId);
      return {
        company: { id: created.id, name: created.name, stage: created.stage, currency: created.currency, timeZone: created.timeZone },
        owner: { id: user.id, email: user.email, role: user.role },
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ALREADY_SET_UP') {
        throw new DomainError('ALREADY_SET_UP', `This workspace (${store.location}) is already set up; nothing was changed. Add people with \`closer user create\`, or sign in to the web app.`);
      }
      throw error;
    }
  });
}

function ownerNameOrThrow(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw new DomainError('VALIDATION_FAILED', '--owner-name is required', 'owner.name');
  if (name.length > 200) throw new DomainError('VALIDATION_FAILED', '--owner-name: at most 200 characters', 'owner.name');
  return name;
}

function setupError(prefix: string, issue: { path: PropertyKey[]; message: string } | undefined, message?: string): DomainError {
  const field = [prefix, ...(issue?.path ?? []).map(String)].join('.');
  const option = SETUP_OPTIONS[field] ?? field;
  if (field === 'company.stage') return new DomainError('VALIDATION_FAILED', `--stage must be one of: ${COMPANY_STAGES.join(', ')}`, field);
  if (field === 'company.currency') return new DomainError('VALIDATION_FAILED', '--currency is not valid: give a three-letter code such as USD or EUR', field);
  return new DomainError('VALIDATION_FAILED', `${option} ${message ?? `is not valid: ${issue?.message ?? 'check it'}`}`, field);
}
