import type { ErrorCode } from './error-codes.js';

/**
 * The one error type: every rule violation (bad input, a missing record, a conflict) carries a stable code from the
 * catalogue (error-codes.ts, which also gives its HTTP status), a message for people, and the input field at fault.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

/** The one precondition error (412 PRECONDITION_FAILED on If-Match): the record moved on since the caller read it. */
export function preconditionFailed(message = 'The record changed since you read it. Reload and try again.'): DomainError {
  return new DomainError('PRECONDITION_FAILED', message, 'If-Match');
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** Runs a throwing parser and returns a result instead: the safeParseX half of each parseX pair. */
export function toResult<T>(run: () => T): Result<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}
