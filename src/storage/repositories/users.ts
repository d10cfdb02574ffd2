import { normaliseEmail } from '../../domain/access/email.js';
import type { Tx } from '../transaction.js';
import type { UserTable } from '../schema.js';

export interface UserRecord {
  id: string;
  companyId: string;
  email: string;
  name: string;
  role: string;
  passwordHash: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A users row as a record (exported for the joined sign-in lookups in sessions.ts and api-tokens.ts). */
export function toUser(r: UserTable): UserRecord {
  return {
    id: r.id,
    companyId: r.company_id,
    email: r.email,
    name: r.name,
    role: r.role,
    passwordHash: r.password_hash,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export { normaliseEmail };

export async function getUser(tx: Tx, id: string): Promise<UserRecord | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function getUserByEmail(tx: Tx, email: string): Promise<UserRecord | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function listUsers(tx: Tx): Promise<UserRecord[]> {
  const rows = await tx.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
  return rows.map(toUser);
}

export async function countActiveOwners(tx: Tx): Promise<number> {
  const r = await tx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'owner').where('disabled', '=', 0).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(tx: Tx, u: Omit<UserRecord, 'createdAt' | 'updatedAt'>, now: Date): Promise<UserRecord> {
  const at = now.toISOString();
  await tx
    .insertInto('users')
    .values({
      id: u.id,
      company_id: u.companyId,
      email: normaliseEmail(u.email),
      name: u.name,
      role: u.role,
      password_hash: u.passwordHash,
      disabled: u.disabled ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { ...u, email: normaliseEmail(u.email), createdAt: at, updatedAt: at };
}

export async function updateUser(
  tx: Tx,
  id: string,
  patch: { role?: string; disabled?: boolean; passwordHash?: string; name?: string },
  now: Date,
): Promise<UserRecord | undefined> {
  const values: Partial<UserTable> = { updated_at: now.toISOString() };
  if (patch.role !== undefined) values.role = patch.role;
  if (patch.disabled !== undefined) values.disabled = patch.disabled ? 1 : 0;
  if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
  if (patch.name !== undefined) values.name = patch.name;
  await tx.updateTable('users').set(values).where('id', '=', id).execute();
  return getUser(tx, id);
}
