import type { UserRecord } from '../../services/records.js';
import { PersonView, UserView } from '../../../api/users.js';

/** The fields of a user that leave the server: never the password hash. */
export function presentUser(u: UserRecord): UserView {
  return { id: u.id, email: u.email, name: u.name, role: u.role as UserView['role'], disabled: u.disabled, createdAt: u.createdAt, version: u.version, mfaEnabled: u.totpSecret !== null };
}

export function presentPerson(u: UserRecord): PersonView {
  return { id: u.id, name: u.name, role: u.role as PersonView['role'], disabled: u.disabled };
}
