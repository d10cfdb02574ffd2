import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../context.js';
import signIn from '../../../data/security/sign-in.json' with { type: 'json' };

/**
 * The Content-Security-Policy of every answer (issue 15): only this origin's scripts, styles, images and
 * connections; no plugins, no <base> rewriting, never framed. The web app is a Vite build (module scripts from
 * /assets, no inline script); React sets inline styles through the DOM (CSSOM), which `style-src` does not govern.
 */
export const CONTENT_SECURITY_POLICY = ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"].join('; ');

const HSTS = `max-age=${signIn.hstsMaxAgeSeconds.value}; includeSubDomains`;

/**
 * True when the request reached Closer over HTTPS: a TLS socket, or `X-Forwarded-Proto: https` from a proxy in
 * the trusted list (Fastify's `request.protocol` reads the header only when the peer is a trusted proxy).
 */
export function servedOverHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

const ownPolicy = new WeakSet<object>();

/**
 * Sends `policy` as this reply's Content-Security-Policy instead of the default. Only the public job board uses it
 * (routes/jobs): the default plus `img-src` for the origin of the company's logo.
 */
export function useOwnContentSecurityPolicy(reply: FastifyReply, policy: string): void {
  ownPolicy.add(reply);
  reply.header('Content-Security-Policy', policy);
}

export function registerSecurityHeaders(app: App): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    if (!ownPolicy.has(reply)) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    // Over plain HTTP the header is meaningless and, behind a TLS proxy we do not trust, it could be a lie.
    if (servedOverHttps(request)) reply.header('Strict-Transport-Security', HSTS);
    return payload;
  });
}
