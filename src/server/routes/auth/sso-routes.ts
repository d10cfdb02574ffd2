import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { setSessionCookie } from '../../plugins/session-cookie.js';
import { changeSsoSettings, completeSsoLogin, readSsoSettings, removeSsoSettings, SSO_CALLBACK_PATH, SSO_STATE_COOKIE, startSsoLogin, type SsoSettings } from '../../services/sso.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { errorResponses, ErrorResponse, NoBody, NoContent, WriteErrors } from '../../../api/shared.js';
import { SsoCallbackQuery, SsoSettingsBody, SsoSettingsView, SsoStartView, SsoStatusView } from '../../../api/sso.js';

/** The callback address to register at the provider: CLOSER_PUBLIC_URL, or the origin the request came to. */
function redirectUriOf(ctx: ServerContext, request: FastifyRequest): string {
  // Normalised (a default port dropped), since the provider compares it byte for byte with what the token request sends.
  return new URL(SSO_CALLBACK_PATH, ctx.config.publicUrl ?? `${request.protocol}://${request.host}`).href;
}

function stateCookieName(ctx: ServerContext): string {
  return ctx.config.secureCookies ? `__Host-${SSO_STATE_COOKIE}` : SSO_STATE_COOKIE;
}

function clearStateCookie(reply: FastifyReply, ctx: ServerContext): void {
  reply.clearCookie(stateCookieName(ctx), { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies });
}

function present(s: SsoSettings | undefined, redirectUri: string): SsoSettingsView {
  return {
    configured: s !== undefined,
    providerName: s?.providerName ?? null,
    issuer: s?.issuer ?? null,
    clientId: s?.clientId ?? null,
    clientSecretSet: s !== undefined,
    allowedDomain: s?.allowedDomain ?? null,
    createUsers: s?.createUsers ?? false,
    redirectUri,
    updatedAt: s?.updatedAt ?? null,
    version: s?.version ?? 0,
  };
}

/** Single sign-on: the owner's settings, the sign-in page's button, and the provider's way back (services/sso.ts). */
export function registerSsoRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/security/sso', {
    preValidation: requireAction('security.sso-manage'),
    schema: { tags: ['auth'], response: { 200: SsoSettingsView, ...errorResponses } },
  }, async (request, reply) => {
    const settings = await readSsoSettings(ctx.store);
    setEtag(reply, settings?.version ?? 0);
    return present(settings, redirectUriOf(ctx, request));
  });

  app.put('/api/v1/security/sso', {
    preValidation: requireAction('security.sso-manage'),
    schema: { tags: ['auth'], body: SsoSettingsBody, response: { 200: SsoSettingsView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const saved = await changeSsoSettings(tx, request.auth!.user.id, expected, request.body, ctx.now());
      return { status: 200, body: present(saved, redirectUriOf(ctx, request)), version: saved.version };
    });
  });

  app.delete('/api/v1/security/sso', {
    preValidation: requireAction('security.sso-manage'),
    schema: { tags: ['auth'], response: { 204: NoContent, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      await removeSsoSettings(tx, request.auth!.user.id, expected, ctx.now());
      return { status: 204, body: null };
    });
  });

  app.get('/api/v1/auth/sso', {
    schema: { tags: ['auth'], response: { 200: SsoStatusView, ...errorResponses } },
  }, async () => {
    const settings = await readSsoSettings(ctx.store);
    return { enabled: settings !== undefined, providerName: settings?.providerName ?? null };
  });

  app.post('/api/v1/auth/sso/start', {
    schema: { tags: ['auth'], body: NoBody, response: { 200: SsoStartView, 429: ErrorResponse, 502: ErrorResponse, ...errorResponses } },
  }, async (request, reply) => {
    const wait = await ctx.loginLimiter.addressRetryAfter(request.ip);
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new DomainError('RATE_LIMITED', `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`);
    }
    const { url, state } = await startSsoLogin(ctx, redirectUriOf(ctx, request));
    reply.setCookie(stateCookieName(ctx), state, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, maxAge: 600 });
    return { url };
  });

  // The provider sends the browser back here (a GET, as OpenID Connect requires): a session and the start page, or
  // the sign-in page with the reason it was refused. A refusal writes one audit entry and counts as a failed sign-in
  // of the address (the login limits), so a flood of bad callbacks is cut off like a password guesser.
  app.get(SSO_CALLBACK_PATH, {
    schema: { tags: ['auth'], querystring: SsoCallbackQuery, response: { 302: NoContent, ...errorResponses } },
  }, async (request, reply) => {
    const back = (reason: string) => reply.redirect(`/login?sso=${encodeURIComponent(reason)}`, 302);
    clearStateCookie(reply, ctx);
    if ((await ctx.loginLimiter.addressRetryAfter(request.ip)) > 0) return back('rate_limited');
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const outcome = await completeSsoLogin(ctx, query, request.cookies[stateCookieName(ctx)]);
    if (!outcome.ok) {
      await ctx.loginLimiter.addressFailed(request.ip);
      return back(outcome.reason);
    }
    setSessionCookie(reply, ctx, outcome.session);
    return reply.redirect('/', 302);
  });
}
