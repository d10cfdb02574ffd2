import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';

/** The strong entity tag of a record version: `"7"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('ETag', etagOf(version));
}

/**
 * The version a PATCH expects, read from `If-Match: "<version>"` (a weak `W/"7"` is accepted too).
 * Missing (or `*`, which would skip the check) -> 428 PRECONDITION_REQUIRED; anything else that is not one
 * version tag -> 412 PRECONDITION_FAILED, since it cannot match the record.
 */
export function requireIfMatch(request: FastifyRequest): number {
  const raw = request.headers['if-match'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (value === undefined || value.trim() === '' || value.trim() === '*') {
    throw new DomainError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag you read (GET the record first).', 'If-Match');
  }
  const m = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(value);
  if (!m) throw preconditionFailed('If-Match does not name a version of this record. Reload and try again.');
  return Number(m[1]);
}
