import type { App, ServerContext } from '../../context.js';
import { signedIn } from '../../plugins/auth.js';
import { loginThrottled, logout } from '../../services/accounts.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { registerMfaRoutes } from './mfa-routes.js';
import { registerSsoRoutes } from './sso-routes.js';
import { CurrentSessionView, LoginBody, SessionView } from '../../../api/auth.js';
import { EmptyBody, errorResponses, ErrorResponse, NoContent } from '../../../api/shared.js';
import { normaliseEmail } from '../../../domain/access/email.js';
import { presentUser } from '../shared/user-presenter.js';
import { clearSessionCookie, setSessionCookie } from '../../plugins/session-cookie.js';

export function registerAuthRoutes(app: App, ctx: ServerContext): void {
  app.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionView, 429: ErrorResponse, ...errorResponses } },
  }, async (request, reply) => {
    const email = normaliseEmail(request.body.email);
    const { user, session, mfaEnrolmentRequired } = await loginThrottled(ctx, reply, email, request.ip, request.body.password, request.body.code);
    setSessionCookie(reply, ctx, session);
    return { user: presentUser(user), csrfToken: session.csrfToken, mfaEnrolmentRequired };
  });

  app.post('/api/v1/auth/logout', {
    preValidation: signedIn,
    schema: { tags: ['auth'], body: EmptyBody, response: { 204: NoContent, ...errorResponses } },
  }, async (request, reply) => {
    if (request.auth?.sessionId) await logout(ctx.store, request.auth.sessionId);
    clearSessionCookie(reply, ctx);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/session', {
    schema: { tags: ['auth'], response: { 200: CurrentSessionView, ...errorResponses } },
  }, async (request) => {
    if (!request.auth) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
    return { user: presentUser(request.auth.user), csrfToken: request.auth.csrfToken ?? null, mfaEnrolmentRequired: request.auth.mfaEnrolmentRequired ?? false };
  });

  registerMfaRoutes(app, ctx);
  registerSsoRoutes(app, ctx);
}
