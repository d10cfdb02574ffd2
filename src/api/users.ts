import { z } from 'zod';
import { USER_ROLES } from '../domain/access/policy.js';
import { cleanText, Email } from '../domain/company/company.js';
import { listOf } from './shared.js';

export const Password = cleanText(256, 10);
export const UserCreateBody = z.strictObject({ email: Email, name: cleanText(200), role: z.enum(USER_ROLES), password: Password.optional() });
export type UserCreateBody = z.infer<typeof UserCreateBody>;
export const UserPatchBody = z.strictObject({ role: z.enum(USER_ROLES).optional(), disabled: z.boolean().optional() });
export type UserPatchBody = z.infer<typeof UserPatchBody>;

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  disabled: z.boolean(),
  createdAt: z.string(),
  /** The version to send back as If-Match on PATCH /users/{id}. */
  version: z.number().int(),
  /** Two-step sign-in is set up. */
  mfaEnabled: z.boolean(),
});

export type UserView = z.infer<typeof UserView>;

/** A colleague as pickers and names on screen need them: no e-mail. */
export const PersonView = z.object({ id: z.string(), name: z.string(), role: z.enum(USER_ROLES), disabled: z.boolean() });

export type PersonView = z.infer<typeof PersonView>;

export const UserListView = listOf(UserView);
export type UserListView = z.infer<typeof UserListView>;
/** GET /people: colleagues for pickers and names on screen (no e-mail). */
export const PersonListView = listOf(PersonView);
export type PersonListView = z.infer<typeof PersonListView>;
/** POST /users: the new user and, when no password was given, the one-time invite password. */
export const UserCreatedView = z.object({ user: UserView, invitePassword: z.string().optional() });
export type UserCreatedView = z.infer<typeof UserCreatedView>;
export const UserChangedView = z.object({ user: UserView });
export type UserChangedView = z.infer<typeof UserChangedView>;
