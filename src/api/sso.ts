import { z } from 'zod';
import { cleanText } from '../domain/company/company.js';

/** Single sign-on through the company's OpenID Connect provider (docs/decisions/010-sign-in-security.md). */

/** The issuer's URL: https, or http on this machine only (a provider for local tries and tests). */
export const IssuerUrl = cleanText(500, 8).refine(
  (s) => {
    try {
      const u = new URL(s);
      const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
      return (u.protocol === 'https:' || (u.protocol === 'http:' && local)) && u.username === '' && u.password === '' && u.hash === '' && u.search === '';
    } catch {
      return false;
    }
  },
  { message: 'An https:// address (http:// only for localhost), without query or fragment' },
);

/** A mail domain such as `example.com` (lower case, no `@`). */
export const MailDomain = z
  .string()
  .min(3)
  .max(253)
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: 'A domain such as example.com, in lower case' });

/** What an owner sees of the settings: never the client secret, only whether one is stored. */
export const SsoSettingsView = z.object({
  configured: z.boolean(),
  providerName: z.string().nullable(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  clientSecretSet: z.boolean(),
  allowedDomain: z.string().nullable(),
  createUsers: z.boolean(),
  /** The address to register at the provider as the redirect (callback) URI. */
  redirectUri: z.string(),
  updatedAt: z.string().nullable(),
  /** 0 while nothing is configured; send it as If-Match. */
  version: z.number().int(),
});
export type SsoSettingsView = z.infer<typeof SsoSettingsView>;

/** `clientSecret` may be left out to keep the stored one; it is required the first time. */
export const SsoSettingsBody = z.strictObject({
  providerName: cleanText(60),
  issuer: IssuerUrl,
  clientId: cleanText(255),
  clientSecret: cleanText(1000).optional(),
  allowedDomain: MailDomain.nullable(),
  createUsers: z.boolean(),
});
export type SsoSettingsBody = z.infer<typeof SsoSettingsBody>;

/** For the sign-in page, anonymous: whether to show "Sign in with <provider>". */
export const SsoStatusView = z.object({ enabled: z.boolean(), providerName: z.string().nullable() });
export type SsoStatusView = z.infer<typeof SsoStatusView>;

/** Where to send the browser to sign in at the provider. */
export const SsoStartView = z.object({ url: z.string() });
export type SsoStartView = z.infer<typeof SsoStartView>;

/** Why a sign-in through the provider was refused (the `sso` parameter of the sign-in page after the callback). */
export const SSO_REFUSALS = ['state', 'provider', 'nonce', 'email_verified', 'email_domain', 'unknown_user', 'disabled', 'not_configured', 'rate_limited'] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

/** The callback's query: the provider's answer (code and state, or an error); other parameters are passed through. */
export const SsoCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(512).optional(),
});
