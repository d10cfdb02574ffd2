import type { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import type { ErrorCode } from '../shared/error-codes.js';

/** `data.interviewerIds[0]`: the field notation the API's error handler uses. */
function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** The first Zod issue as a DomainError: unknown keys become UNKNOWN_FIELD, everything else `code`. */
export function toValidationError(error: z.ZodError, prefix: string, code: ErrorCode): DomainError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    const field = fieldPath(prefix, [...issue.path, issue.keys[0]!]);
    return new DomainError('UNKNOWN_FIELD', `Unknown field "${field}".`, field);
  }
  const field = fieldPath(prefix, issue.path);
  return new DomainError(code, field ? `${field}: ${issue.message}` : issue.message, field || undefined);
}
