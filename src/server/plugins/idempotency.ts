import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { DomainError } from '../../domain/shared/errors.js';
import { getIdempotentResponse, inTransaction, isUniqueViolation, saveIdempotentResponse, type Database } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { setEtag } from './etag.js';

/** What a write produces: the status and presented body to send, and the record version for the ETag. */
export interface WriteOutcome {
  status: number;
  body: unknown;
  version?: number;
}

/** How a response is kept for replays (the `response` column of idempotency_keys). */
interface StoredEnvelope {
  body: unknown;
  version?: number;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so the same body hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${url}\n${canonicalJson(body)}`).digest('hex');
}

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1-255 printable characters without spaces.', 'Idempotency-Key');
  }
  return key;
}

function send(reply: FastifyReply, outcome: WriteOutcome): FastifyReply {
  if (outcome.version !== undefined) setEtag(reply, outcome.version);
  return reply.status(outcome.status).send(outcome.body);
}

async function replayIfStored(ctx: ServerContext, reply: FastifyReply, userId: string, key: string, hash: string): Promise<FastifyReply | undefined> {
  const stored = await getIdempotentResponse(ctx.store.db, userId, key);
  if (!stored) return undefined;
  if (stored.requestHash !== hash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request.', 'Idempotency-Key');
  }
  const envelope = stored.body as StoredEnvelope;
  reply.header('Idempotent-Replayed', 'true');
  return send(reply, { status: stored.statusCode, body: envelope.body, version: envelope.version });
}

/**
 * Runs one write in one transaction and sends its outcome. With an `Idempotency-Key` header the key
 * (per user, with a hash of method, URL and body) is inserted in the same transaction as the write:
 * a retry gets the stored response with the same status, the same key with another body gets
 * 422 IDEMPOTENCY_KEY_REUSED, and of concurrent retries exactly one commits; the others hit the key's
 * unique constraint, roll back their own copy of the write, and replay the winner's response.
 * Errors are not stored: a retry after a 4xx runs again.
 */
export async function runWrite(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (tx: Transaction<Database>) => Promise<WriteOutcome>,
): Promise<FastifyReply> {
  const key = idempotencyKeyOf(request);
  if (key === undefined) return send(reply, await inTransaction(ctx.store.db, work));
  const userId = request.auth!.user.id;
  const hash = requestHash(request.method, request.url, request.body);
  const replayed = await replayIfStored(ctx, reply, userId, key, hash);
  if (replayed) return replayed;
  try {
    const outcome = await inTransaction(ctx.store.db, async (tx) => {
      const result = await work(tx);
      const envelope: StoredEnvelope = result.version !== undefined ? { body: result.body, version: result.version } : { body: result.body };
      await saveIdempotentResponse(tx, userId, key, { requestHash: hash, statusCode: result.status, body: envelope }, ctx.now());
      return result;
    });
    return send(reply, outcome);
  } catch (error) {
    // A concurrent retry committed first: our transaction is rolled back, so answer with what it stored.
    // Also on other errors (a unique index of the write itself may be what the race tripped over).
    const winner = await replayIfStored(ctx, reply, userId, key, hash);
    if (winner) return winner;
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'A concurrent request changed this record. Try again.');
    throw error;
  }
}
