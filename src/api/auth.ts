import { z } from 'zod';
import { cleanText, Email } from '../domain/company/company.js';
import { UserView } from './users.js';

/** Request and response schemas of sign-in, sign-out and the current session (docs/api-foundation.md). */

/** `code`: the authenticator app's 6 digits, or a recovery code, for a user with two-step sign-in. */
export const LoginBody = z.strictObject({ email: Email, password: cleanText(256), code: cleanText(32).optional() });
export type LoginBody = z.infer<typeof LoginBody>;

/** A signed-in session: the user and the CSRF token to send as `X-CSRF-Token` on writes. */
export const SessionView = z.object({ user: UserView, csrfToken: z.string(), mfaEnrolmentRequired: z.boolean() });
export type SessionView = z.infer<typeof SessionView>;

/** GET /session: a caller signed in with an API token has no CSRF token (null). */
export const CurrentSessionView = z.object({ user: UserView, csrfToken: z.string().nullable(), mfaEnrolmentRequired: z.boolean() });
export type CurrentSessionView = z.infer<typeof CurrentSessionView>;

/** Two-step sign-in (TOTP, RFC 6238) of the signed-in user. */
export const MfaStatusView = z.object({
  enabled: z.boolean(),
  enrolling: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  required: z.boolean(),
  companyRequires: z.boolean(),
});
export type MfaStatusView = z.infer<typeof MfaStatusView>;
/** The new secret, once: as text to type in and as the otpauth:// link an authenticator app reads. */
export const MfaEnrolmentView = z.object({ secret: z.string(), uri: z.string() });
export type MfaEnrolmentView = z.infer<typeof MfaEnrolmentView>;
export const MfaCodeBody = z.strictObject({ code: cleanText(32, 1) });
export type MfaCodeBody = z.infer<typeof MfaCodeBody>;
/** Single-use recovery codes, shown this once (stored hashed). */
export const RecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesView = z.infer<typeof RecoveryCodesView>;
export const SecuritySettingsView = z.object({ mfaRequired: z.boolean() });
export type SecuritySettingsView = z.infer<typeof SecuritySettingsView>;
export const SecuritySettingsBody = z.strictObject({ mfaRequired: z.boolean() });
export type SecuritySettingsBody = z.infer<typeof SecuritySettingsBody>;
