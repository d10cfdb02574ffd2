import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/shared/errors.js';

/** Path of the first string (or key) with a NUL or a lone surrogate, if any. */
export function findInvalidString(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? path || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findInvalidString(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (k.includes('\u0000') || !k.isWellFormed()) return here;
      const bad = findInvalidString(v, here);
      if (bad) return bad;
    }
  }
  return undefined;
}

/**
 * One JSON parser for every route: malformed JSON, NUL characters and lone surrogates are refused
 * before any schema sees the body (reliability.md #4), and `__proto__` keys cannot pollute objects.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    // JSON is UTF-8 (RFC 8259); a body declared in another charset would be read as something else than was sent.
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(req.headers['content-type'] ?? ''))?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) return done(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON in UTF-8 (Content-Type: application/json; charset=utf-8).'), undefined);
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text, (key, v) => (key === '__proto__' ? undefined : v));
    } catch {
      return done(new DomainError('MALFORMED_JSON', 'The body is not valid JSON.'), undefined);
    }
    const bad = findInvalidString(parsed);
    if (bad) return done(new DomainError('INVALID_STRING', 'Text may not contain NUL characters or lone surrogates.', bad), undefined);
    done(null, parsed);
  });
  // Everything else is refused with 415 rather than guessed at.
  app.addContentTypeParser('*', (_req, _payload, done) => {
    done(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON with Content-Type: application/json.'), undefined);
  });
}
