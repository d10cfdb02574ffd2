import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/shared/errors.js';

/**
 * The server's log settings (docs/privacy.md "Logs"): a log line never carries a person's data. Requests are logged
 * by method and path without the query string (a file name or a search term can name someone), and an error the
 * product raised on purpose (DomainError: "Rahul Mehta is still a candidate for ...") by its code, without its
 * message. Other errors keep message and stack (they are faults to fix), but not a driver's `detail`, which repeats
 * the row's values (PostgreSQL: "Key (email)=(...) already exists").
 */
export function serverLogger(level: string, stream?: { write(line: string): void }): Record<string, unknown> {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: request.url.split('?')[0], id: request.id };
      },
      err(error: Error & { code?: unknown; statusCode?: unknown }) {
        if (error instanceof DomainError) return { type: 'DomainError', code: error.code };
        return { type: error.name, message: error.message, code: error.code, statusCode: error.statusCode, stack: error.stack };
      },
    },
  };
}
