import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { DomainError } from '../../domain/shared/errors.js';
import {
  claimIdempotencyKey,
  completeIdempotencyClaim,
  getIdempotentResponse,
  inTransaction,
  isUniqueViolation,
  PENDING_STATUS,
  releaseIdempotencyClaim,
  saveIdempotentResponse,
  type Database,
} from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { setEtag } from './etag.js';

/** What a write produces: the status and presented body to send, and the record version for the ETag. */
export interface WriteOutcome {
  status: number;
  body: unknown;
  version?: number;
}

/**
 * How a response is kept for replays (the `response` column of idempotency_keys). A body that carried a
 * one-time secret (a new API token) is never stored: `secretShown` marks it, and a retry is told the write was done.
 */
interface StoredEnvelope {
  body: unknown;
  version?: number;
  secretShown?: true;
}

/** The key of one write in flight: set by the plugin's preHandler, used by runWrite and by the onSend fallback. */
interface IdempotencyState {
  key: string;
  userId: string;
  hash: string;
  /** True once the response is stored (by runWrite in the write's own transaction). */
  stored: boolean;
  /** The plugin holds the key's pending row (claimIdempotencyKey): the response completes it, a failure releases it. */
  claimed?: boolean;
  /** The claim was completed or released. */
  settled?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: IdempotencyState;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** A pending claim this old is taken to belong to a server that died mid-request; a waiter takes it over. */
const CLAIM_STALE_MS = 60_000;
/** How long a request waits for another server's request with the same key before answering 409. */
const CLAIM_WAIT_MS = 10_000;
const CLAIM_POLL_MS = 25;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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
  const hash = createHash('sha256').update(`${method.toUpperCase()} ${url}\n`);
  // An uploaded file is hashed as its bytes (a Buffer would otherwise be walked key by key).
  return (Buffer.isBuffer(body) ? hash.update(body) : hash.update(canonicalJson(body))).digest('hex');
}

/** The request's `Idempotency-Key`, or undefined without one; an invalid key is a 400 on every write. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? (raw.length === 1 ? raw[0] : undefined) : raw;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be one value of 1-255 printable characters without spaces.', 'Idempotency-Key');
  }
  return key;
}

function stateOf(request: FastifyRequest): IdempotencyState | undefined {
  if (request.idempotency) return request.idempotency;
  const key = idempotencyKeyOf(request);
  const user = request.auth?.user;
  if (key === undefined || !user) return undefined;
  request.idempotency = { key, userId: user.id, hash: requestHash(request.method, request.url, request.body), stored: false };
  return request.idempotency;
}

function send(reply: FastifyReply, outcome: WriteOutcome): FastifyReply {
  if (outcome.version !== undefined) setEtag(reply, outcome.version);
  return reply.status(outcome.status).send(outcome.body ?? undefined);
}

/**
 * Sends the stored response of this key, if there is one, and says whether it did. It returns a boolean, not the
 * reply: a FastifyReply is thenable, so awaiting it (as an async function's result) waits for the response to finish
 * and yields undefined, which once made a retry run its write a second time after the replay was sent.
 */
async function replayIfStored(ctx: ServerContext, reply: FastifyReply, state: IdempotencyState): Promise<boolean> {
  const stored = await getIdempotentResponse(ctx.store.db, state.userId, state.key);
  if (!stored) return false;
  if (stored.requestHash !== state.hash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request.', 'Idempotency-Key');
  }
  // Claimed by a request still running (on this or another server): nothing to replay yet.
  if (stored.statusCode === PENDING_STATUS) return false;
  const envelope = stored.body as StoredEnvelope;
  if (envelope.secretShown) {
    throw new DomainError('CONFLICT', 'This request was already done, and its secret was shown once only. Revoke it and create a new one if the secret was lost.', 'Idempotency-Key');
  }
  reply.header('Idempotent-Replayed', 'true');
  send(reply, { status: stored.statusCode, body: envelope.body, version: envelope.version });
  return true;
}

/** Top-level keys of a response that hold something shown once: such a response is never stored in idempotency_keys. */
const ONE_TIME_KEYS = ['secret', 'csrfToken', 'password', 'recoveryCodes', 'otpauthUrl'];

function envelopeOf(body: unknown, version: number | undefined): StoredEnvelope {
  if (body && typeof body === 'object' && !Array.isArray(body) && ONE_TIME_KEYS.some((k) => k in body)) return { body: null, secretShown: true };
  return version !== undefined ? { body, version } : { body };
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
  const checkedByPlugin = request.idempotency !== undefined;
  const state = stateOf(request);
  if (state === undefined) return send(reply, await inTransaction(ctx.store.db, work));
  // The plugin's preHandler has already replayed a stored response; this covers runWrite used without the plugin.
  if (!checkedByPlugin && (await replayIfStored(ctx, reply, state))) return reply;
  try {
    const outcome = await inTransaction(ctx.store.db, async (tx) => {
      const result = await work(tx);
      const response = { requestHash: state.hash, statusCode: result.status, body: envelopeOf(result.body, result.version) };
      if (!state.claimed) await saveIdempotentResponse(tx, state.userId, state.key, response, ctx.now());
      else if (!(await completeIdempotencyClaim(tx, state.userId, state.key, response))) {
        // Our claim was taken over (we were too slow): roll our write back and answer with what the other one did.
        throw new DomainError('CONFLICT', 'Another request with this Idempotency-Key is running. Try again in a moment.', 'Idempotency-Key');
      }
      return result;
    });
    state.stored = true;
    state.settled = true;
    return send(reply, outcome);
  } catch (error) {
    // A concurrent retry (on another server) committed first: our transaction is rolled back, so answer with what it
    // stored. Also on other errors (a unique index of the write itself may be what the race tripped over).
    if (await replayIfStored(ctx, reply, state)) return reply;
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'A concurrent request changed this record. Try again.');
    throw error;
  }
}

function parseStoredPayload(payload: unknown): { ok: true; body: unknown } | { ok: false } {
  if (payload === undefined || payload === null || payload === '') return { ok: true, body: null };
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
  if (text === undefined) return { ok: false };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * `Idempotency-Key` on every write, by default, so that a new route cannot forget it (issue 15):
 * - every POST, PUT, PATCH and DELETE with an invalid key gets 400 `{ code, message, field: 'Idempotency-Key' }`;
 * - a signed-in request whose key was stored gets the stored response (`Idempotent-Replayed: true`) without running
 *   the write again; the same key with another request gets 422 IDEMPOTENCY_KEY_REUSED;
 * - retries with one key are run one after the other on this server, so a retry sent while the first is running
 *   waits for it and gets its response;
 * - across servers the key is claimed in the database before the write runs (a pending row, one INSERT ... ON
 *   CONFLICT DO NOTHING), so exactly one request runs; the others wait for its response and replay it (409 after
 *   CLAIM_WAIT_MS). A failed request releases its claim; a claim left by a server that died is taken over after
 *   CLAIM_STALE_MS (a write outside runWrite that committed just before its server died may then run once more);
 * - routes that use runWrite complete the claim in the write's own transaction (exactly once, also across servers);
 *   any other write's 2xx response completes it when it is sent.
 * Anonymous writes (setup, sign-in) have no user to scope a key to: the key is checked but not stored.
 */
export function registerIdempotency(app: FastifyInstance, ctx: ServerContext): void {
  const inFlight = new Map<string, Promise<void>>();

  // The key's syntax first, before body validation and access checks, so every write refuses an invalid key alike.
  app.addHook('preValidation', async (request) => {
    if (WRITE_METHODS.has(request.method)) idempotencyKeyOf(request);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method)) return;
    const key = idempotencyKeyOf(request);
    const user = request.auth?.user;
    if (key === undefined || !user) return;
    const lockKey = `${user.id}\n${key}`;
    for (let waiting = inFlight.get(lockKey); waiting; waiting = inFlight.get(lockKey)) await waiting;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    inFlight.set(lockKey, mine);
    const done = () => {
      if (inFlight.get(lockKey) === mine) inFlight.delete(lockKey);
      release();
    };
    reply.raw.once('close', done);
    reply.raw.once('finish', done);
    try {
      const state: IdempotencyState = { key, userId: user.id, hash: requestHash(request.method, request.url, request.body), stored: false };
      if (await replayIfStored(ctx, reply, state)) return reply;
      // Claim the key in the database before the write runs, so that of concurrent requests on several servers one
      // runs; the others wait for its response and replay it (or get 409 if it takes too long).
      const deadline = Date.now() + CLAIM_WAIT_MS;
      for (;;) {
        const now = ctx.now();
        if (await claimIdempotencyKey(ctx.store.db, state.userId, state.key, state.hash, now, new Date(now.getTime() - CLAIM_STALE_MS))) break;
        if (await replayIfStored(ctx, reply, state)) return reply;
        if (Date.now() > deadline) throw new DomainError('CONFLICT', 'A request with this Idempotency-Key is still running. Try again in a moment.', 'Idempotency-Key');
        await new Promise((r) => setTimeout(r, CLAIM_POLL_MS));
      }
      state.claimed = true;
      request.idempotency = state;
      // A request that ends without a response to keep (the client went away) gives the key up.
      reply.raw.once('close', () => {
        if (!state.settled) {
          state.settled = true;
          releaseIdempotencyClaim(ctx.store.db, state.userId, state.key).catch((error: unknown) => request.log.error({ err: error }, 'could not release an Idempotency-Key'));
        }
      });
    } catch (error) {
      done();
      throw error;
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.idempotency;
    if (!state || state.stored || state.settled) return payload;
    const release = async () => {
      state.settled = true;
      if (state.claimed) await releaseIdempotencyClaim(ctx.store.db, state.userId, state.key);
    };
    // Errors are not kept (a retry runs again), nor a response that sets a cookie (it starts or ends a session, which
    // a replay could not repeat), nor one that is not JSON.
    if (reply.statusCode < 200 || reply.statusCode >= 300 || reply.getHeader('set-cookie') !== undefined) {
      await release();
      return payload;
    }
    const parsed = parseStoredPayload(payload);
    if (!parsed.ok) {
      await release();
      return payload;
    }
    const etag = /^"(\d+)"$/.exec(String(reply.getHeader('etag') ?? ''));
    const response = { requestHash: state.hash, statusCode: reply.statusCode, body: envelopeOf(parsed.body, etag ? Number(etag[1]) : undefined) };
    try {
      if (state.claimed) await completeIdempotencyClaim(ctx.store.db, state.userId, state.key, response);
      else await saveIdempotentResponse(ctx.store.db, state.userId, state.key, response, ctx.now());
      state.stored = true;
      state.settled = true;
    } catch (error) {
      if (!isUniqueViolation(error)) request.log.error({ err: error }, 'could not store the Idempotency-Key response');
    }
    return payload;
  });
}
