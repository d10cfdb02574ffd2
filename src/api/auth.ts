import { z } from 'zod';
import { cleanText, Email } from '../domain/company/company.js';
import { UserView } from './users.js';

/** Request and response schemas of sign-in, sign-out and the current session (docs/api-foundation.md). */

export const LoginBody = z.strictObject({ email: Email, password: cleanText(256) });
export type LoginBody = z.infer<typeof LoginBody>;

/** A signed-in session: the user and the CSRF token to send as `X-CSRF-Token` on writes. */
export const SessionView = z.object({ user: UserView, csrfToken: z.string() });
export type SessionView = z.infer<typeof SessionView>;

/** GET /session: a caller signed in with an API token has no CSRF token (null). */
export const CurrentSessionView = z.object({ user: UserView, csrfToken: z.string().nullable() });
export type CurrentSessionView = z.infer<typeof CurrentSessionView>;
