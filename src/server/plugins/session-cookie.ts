import type { FastifyReply } from 'fastify';
import type { ServerContext } from '../context.js';
import { sessionCookieName } from './auth.js';
import type { NewSession } from '../services/accounts.js';

export function setSessionCookie(reply: FastifyReply, ctx: ServerContext, session: NewSession): void {
  reply.setCookie(sessionCookieName(ctx.config.secureCookies), session.sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: ServerContext): void {
  reply.clearCookie(sessionCookieName(ctx.config.secureCookies), { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies });
}
