import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/shared/errors.js';

/** C0 and C1 control characters (NUL, tab, CR, LF, ESC, DEL, ...): no query or path parameter of the API takes one. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function badText(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL.test(value) || !value.isWellFormed();
  if (Array.isArray(value)) return value.some(badText);
  return false;
}

/** The first query or path parameter (name or value) holding a control character or a lone surrogate, as `querystring.x`. */
export function findBadParameter(query: unknown, params: unknown): string | undefined {
  for (const [context, values] of [['querystring', query], ['params', params]] as const) {
    if (!values || typeof values !== 'object') continue;
    for (const [name, value] of Object.entries(values)) {
      if (badText(name) || badText(value)) return `${context}.${name.replace(/[^\x21-\x7e]/g, '?')}`;
    }
  }
  return undefined;
}

/**
 * One check for every route, before any schema or handler sees the request: a NUL or other control character, or a
 * lone surrogate, in a query or path parameter is a 400 INVALID_STRING (reliability.md #4). Bodies are checked by the
 * JSON parser (json-body.ts).
 */
export function registerRequestInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = findBadParameter(request.query, request.params);
    if (field) throw new DomainError('INVALID_STRING', 'Parameters may not contain control characters (such as NUL) or lone surrogates.', field);
  });
}
