import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/shared/errors.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../domain/shared/error-codes.js';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
}

function toField(instancePath: string, context: string | undefined): string | undefined {
  const path = instancePath
    .split('/')
    .filter(Boolean)
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
  if (context && context !== 'body') return path ? `${context}.${path}` : context;
  return path || undefined;
}

/** Maps every error to `{ code, message, field? }` with the status from the catalogue: the one place codes become HTTP. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.field) body.field = error.field;
    return { status: ERROR_CATALOGUE[error.code].status, body };
  }
  const fe = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const first = fe.validation![0]!;
    const params = first.params as { keys?: string[] };
    if (first.keyword === 'unrecognized_keys' && params.keys?.length) {
      const base = toField(first.instancePath, fe.validationContext);
      const field = base ? `${base}.${params.keys[0]}` : params.keys[0];
      return { status: 400, body: { code: 'UNKNOWN_FIELD', message: `Unknown field "${params.keys[0]}".`, field } };
    }
    const field = toField(first.instancePath, fe.validationContext);
    const body: ErrorBody = { code: 'VALIDATION_FAILED', message: first.message ?? 'Invalid input.' };
    if (field) body.field = field;
    return { status: 400, body };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { code: 'BODY_TOO_LARGE', message: ERROR_CATALOGUE.BODY_TOO_LARGE.message } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: ERROR_CATALOGUE.UNSUPPORTED_MEDIA_TYPE.message } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { code: 'MALFORMED_JSON', message: ERROR_CATALOGUE.MALFORMED_JSON.message } };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { code: 'VALIDATION_FAILED', message: fe.message } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: ERROR_CATALOGUE.INTERNAL.message } };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send(body);
  });
}
