import { USER_ROLES, isUserRole, type UserRole } from '../../domain/access/policy.js';
import { Email } from '../../domain/company/company.js';
import { DomainError } from '../../domain/shared/errors.js';
import { getUserByEmail, migrateToLatest, openDatabase, type Store } from '../../storage/index.js';

export { resolveDatabaseUrl } from '../../storage/index.js';
import { createApiToken, createUser } from '../services/accounts.js';

/**
 * Operations the CLI runs against the database directly (no server running): the CLI reaches
 * storage only through here, so the layering check holds (docs/decisions/002-cli-admin-through-server.md).
 */
export async function withStore<T>(databaseUrl: string, work: (store: Store) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const store = await openDatabase({ url: databaseUrl, migrate: opts.migrate ?? true });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function migrateDatabase(databaseUrl: string): Promise<{ applied: string[]; dialect: string; location: string }> {
  return withStore(databaseUrl, async (store) => ({ applied: await migrateToLatest(store.db, store.dialect), dialect: store.dialect, location: store.location }), { migrate: false });
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<{ file: string; dialect: string }> {
  return withStore(databaseUrl, async (store) => {
    await store.backup(file);
    return { file, dialect: store.dialect };
  });
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

export async function createTokenFromCli(databaseUrl: string, userEmail: string, name: string): Promise<{ id: string; secret: string; user: string }> {
  return withStore(databaseUrl, async (store) => {
    const user = await getUserByEmail(store.db, userEmail);
    if (!user) throw new DomainError('USER_NOT_FOUND', `No user with e-mail ${userEmail}`, 'user');
    const { token, secret } = await createApiToken(store, null, user.id, name, new Date());
    return { id: token.id, secret, user: user.email };
  });
}
