import { z } from 'zod';
import { CompanyProfile, cleanText, Email } from '../domain/company/company.js';
import { SessionView } from './auth.js';
import { Password, UserView } from './users.js';

/** Request and response schemas of the first-run setup (docs/api-foundation.md). */

export const SetupStatusView = z.object({ setUp: z.boolean() });
export type SetupStatusView = z.infer<typeof SetupStatusView>;

export const SetupBody = z.strictObject({
  company: CompanyProfile,
  owner: z.strictObject({ name: cleanText(200), email: Email, password: Password }),
});
export type SetupBody = z.infer<typeof SetupBody>;

/** POST /setup answers with the owner's new session. */
export const SetupView = SessionView;
export type SetupView = SessionView;

/** POST /setup/demo: the session and the demo owner's sign-in details. */
export const DemoSetupView = z.object({ user: UserView, csrfToken: z.string(), mfaEnrolmentRequired: z.boolean(), credentials: z.object({ email: z.string(), password: z.string() }) });
export type DemoSetupView = z.infer<typeof DemoSetupView>;
/** The body as a client sends it (currency and time zone may be left out: they have defaults). */
export type SetupInput = z.input<typeof SetupBody>;
