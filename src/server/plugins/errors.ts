import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/shared/errors.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../domain/shared/error-codes.js';
import { isDatabaseUnavailable } from '../../storage/index.js';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Data a client acts on, for the few errors that carry it (declared per route in src/api). */
  details?: Record<string, unknown>;
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

function catalogued(code: ErrorCode): { status: number; body: ErrorBody } {
  return { status: ERROR_CATALOGUE[code].status, body: { code, message: ERROR_CATALOGUE[code].message } };
}

/** Maps every error to `{ code, message, field? }` with the status from the catalogue: the one place codes become HTTP. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.field) body.field = error.field;
    const details = (error as { details?: unknown }).details;
    if (details && typeof details === 'object') body.details = details as Record<string, unknown>;
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
    case 'FST_ERR_BAD_URL':
      return catalogued('URL_INVALID');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return catalogued('URL_TOO_LONG');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { code: 'BODY_TOO_LARGE', message: ERROR_CATALOGUE.BODY_TOO_LARGE.message } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: ERROR_CATALOGUE.UNSUPPORTED_MEDIA_TYPE.message } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { code: 'MALFORMED_JSON', message: ERROR_CATALOGUE.MALFORMED_JSON.message } };
  }
  if (isDatabaseUnavailable(error)) return catalogued('DATABASE_UNAVAILABLE');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { code: 'VALIDATION_FAILED', message: fe.message } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: ERROR_CATALOGUE.INTERNAL.message } };
}

/**
 * Errors of the HTTP layer itself, in the same shape: Fastify's bad URL encoding (400) and over-long path
 * parameter (414) go through `frameworkErrors` (an option of the Fastify constructor), and errors Node's HTTP
 * parser raises before there is a request at all (header overflow 431, timeouts 408, malformed requests 400) through
 * `clientErrorHandler`, which writes the response on the socket.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorResponse(error);
  void reply.status(status).send(body);
}

export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'MALFORMED_REQUEST';
  const { status } = ERROR_CATALOGUE[code];
  const body = JSON.stringify({ code, message: ERROR_CATALOGUE[code].message });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/** A PostgreSQL restart takes seconds (the soak's T5 measured the first write 0.2-0.3 s after it was back). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status === 503) {
      request.log.warn(`database unavailable: ${error instanceof Error ? error.message : String(error)}`);
      reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send(body);
  });
}
