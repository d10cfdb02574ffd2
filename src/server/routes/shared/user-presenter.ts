import { z } from 'zod';
import { USER_ROLES } from '../../../domain/access/policy.js';
import type { UserRecord } from '../../services/records.js';

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

/** The fields of a user that leave the server: never the password hash. */
export function presentUser(u: UserRecord): UserView {
  return { id: u.id, email: u.email, name: u.name, role: u.role as UserView['role'], disabled: u.disabled, createdAt: u.createdAt };
}

/** A colleague as pickers and names on screen need them: no e-mail. */
export const PersonView = z.object({ id: z.string(), name: z.string(), role: z.enum(USER_ROLES), disabled: z.boolean() });
export type PersonView = z.infer<typeof PersonView>;

export function presentPerson(u: UserRecord): PersonView {
  return { id: u.id, name: u.name, role: u.role as PersonView['role'], disabled: u.disabled };
}
