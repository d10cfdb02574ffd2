import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { UserRecord } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { resolveApiToken, resolveSession } from '../services/accounts.js';
import { safeEqual } from '../services/secrets.js';

export interface RequestAuth {
  user: UserRecord;
  via: 'session' | 'token';
  csrfToken?: string;
  sessionId?: string;
  /** The company requires two-step sign-in of this role and the user has none yet: only enrolment is open. */
  mfaEnrolmentRequired?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: RequestAuth;
  }
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-closer_session' : 'closer_session';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the Bearer token or the session cookie; sets request.auth when either is valid. */
export function authenticate(ctx: ServerContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const user = m ? await resolveApiToken(ctx.store, m[1]!, ctx.now()) : undefined;
      if (!user) throw new DomainError('UNAUTHENTICATED', 'The API token is invalid or revoked.');
      request.auth = { user, via: 'token' };
      return;
    }
    const sessionId = request.cookies[sessionCookieName(ctx.config.secureCookies)];
    if (!sessionId) return;
    const session = await resolveSession(ctx.store, sessionId, ctx.now(), ctx.config.sessionIdleMinutes);
    if (session) request.auth = { user: session.user, via: 'session', csrfToken: session.csrfToken, sessionId, mfaEnrolmentRequired: session.mfaEnrolmentRequired };
  };
}

/** preHandler for a route: signed in, allowed by the policy table, and CSRF-checked on cookie writes. */
export function requireAction(action: Action) {
  const check = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const auth = requireAuth(request);
    if (auth.mfaEnrolmentRequired) throw new DomainError('MFA_ENROLMENT_REQUIRED', 'Your company requires two-step sign-in. Set it up under Settings, Security.');
    if (!can(auth.user.role, action)) throw new DomainError('FORBIDDEN', 'Your role does not allow this.');
  };
  // Named on the function so the route table (plugins/route-table.ts) knows each route's action for the access matrix.
  return Object.assign(check, { action });
}

/** Signed in (any role) and CSRF-checked on cookie writes. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  const auth = request.auth;
  if (!auth) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) throw new DomainError('CSRF_FAILED', 'Missing or wrong CSRF token.');
  }
  return auth;
}

export const signedIn = async (request: FastifyRequest): Promise<void> => {
  requireAuth(request);
};
