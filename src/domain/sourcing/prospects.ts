import { z } from 'zod';
import { EVENT_DATA_SCHEMAS } from '../pipeline/events.js';
import type { CandidateSource } from '../pipeline/lists.js';
import { toEpochMs, toIso } from '../pipeline/time.js';
import { toValidationError } from '../pipeline/validation.js';
import { DomainError } from '../shared/errors.js';

/**
 * Prospects: candidate records in a talent pool, before they apply (docs/sourcing.md). Pure: the statuses, how a
 * prospect was found, the outreach history's event types and the rule that moves a prospect's status and counters
 * when an event is appended.
 */

export const PROSPECT_STATUSES = ['new', 'contacted', 'replied', 'interested', 'not-now', 'not-interested', 'converted'] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

/** Statuses a person sets by hand; the history never moves a prospect out of one of these. */
export const MANUAL_PROSPECT_STATUSES: readonly ProspectStatus[] = ['interested', 'not-now', 'not-interested', 'converted'];

/** How a prospect was found: `source` is a sourcing channel (a paper, a repository, a list), `search` a people search. */
export const FOUND_HOW = ['source', 'referrer', 'event', 'community', 'search'] as const;
export type FoundHow = (typeof FOUND_HOW)[number];

/** The candidate record's source (pipeline lists) for each way a prospect can be found. */
export const CANDIDATE_SOURCE_OF_FOUND_HOW: Record<FoundHow, CandidateSource> = {
  source: 'outbound',
  referrer: 'referral',
  event: 'event',
  community: 'community',
  search: 'outbound',
};

const Timestamp = z.iso.datetime({ offset: true });
/** Events may be stamped up to this far ahead of the server's clock (as application events). */
const CLOCK_SKEW_TOLERANCE_MS = 60_000;

/**
 * The `data` schema of each prospect event type. `outreach.sent` and `candidate.replied` are the application
 * events' own schemas, so a conversion copies them into the application's history unchanged. Sequences, sending,
 * opt-outs and bounces add their types here.
 */
export const PROSPECT_EVENT_DATA_SCHEMAS = {
  'outreach.sent': EVENT_DATA_SCHEMAS['outreach.sent'],
  'candidate.replied': EVENT_DATA_SCHEMAS['candidate.replied'],
  note: EVENT_DATA_SCHEMAS.note,
} as const;

export type ProspectEventType = keyof typeof PROSPECT_EVENT_DATA_SCHEMAS;
export const PROSPECT_EVENT_TYPES = Object.keys(PROSPECT_EVENT_DATA_SCHEMAS) as ProspectEventType[];
export type ProspectEventData<T extends ProspectEventType = ProspectEventType> = z.infer<(typeof PROSPECT_EVENT_DATA_SCHEMAS)[T]>;

/** A validated prospect event: `occurredAt` is an ISO string (defaulted to now). */
export type ProspectEventInput = { [T in ProspectEventType]: { type: T; occurredAt: string; data: ProspectEventData<T> } }[ProspectEventType];

/** The request body of a prospect event, for OpenAPI; parseProspectEventInput gives the stable error codes. */
export const ProspectEventBody = z.discriminatedUnion(
  'type',
  PROSPECT_EVENT_TYPES.map((type) => z.strictObject({ type: z.literal(type), occurredAt: Timestamp.optional(), data: PROSPECT_EVENT_DATA_SCHEMAS[type].optional() })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);

export function isProspectEventType(value: unknown): value is ProspectEventType {
  return typeof value === 'string' && Object.hasOwn(PROSPECT_EVENT_DATA_SCHEMAS, value);
}

const INPUT_KEYS = new Set(['type', 'occurredAt', 'data']);

/**
 * Validates a prospect event before it is appended: a known type, `occurredAt` not in the future (60 s skew), data
 * matching the type. Throws DomainError (EVENT_TYPE_INVALID, EVENT_IN_FUTURE, VALIDATION_FAILED, UNKNOWN_FIELD).
 */
export function parseProspectEventInput(input: unknown, now: Date | number): ProspectEventInput {
  const nowMs = toEpochMs(now);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new DomainError('VALIDATION_FAILED', 'An event is an object with type, occurredAt and data.');
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!INPUT_KEYS.has(key)) throw new DomainError('UNKNOWN_FIELD', `Unknown field "${key}".`, key);
  const { type, occurredAt, data } = record;
  if (!isProspectEventType(type)) {
    throw new DomainError('EVENT_TYPE_INVALID', `A prospect's history takes ${PROSPECT_EVENT_TYPES.join(', ')}.`, 'type');
  }
  let occurredMs = nowMs;
  if (occurredAt !== undefined) {
    if (typeof occurredAt !== 'string' || !Timestamp.safeParse(occurredAt).success) {
      throw new DomainError('VALIDATION_FAILED', 'occurredAt must be an ISO 8601 date-time with a time zone.', 'occurredAt');
    }
    occurredMs = toEpochMs(occurredAt, 'occurredAt');
    if (occurredMs > nowMs + CLOCK_SKEW_TOLERANCE_MS) throw new DomainError('EVENT_IN_FUTURE', 'An event cannot happen in the future.', 'occurredAt');
  }
  const parsed = PROSPECT_EVENT_DATA_SCHEMAS[type].safeParse(data === undefined ? {} : data);
  if (!parsed.success) throw toValidationError(parsed.error, 'data', 'VALIDATION_FAILED');
  return { type, occurredAt: toIso(occurredMs), data: parsed.data } as ProspectEventInput;
}

/** What the history moves on a prospect. */
export interface ProspectCounters {
  status: ProspectStatus;
  touches: number;
  lastTouchAt: string | null;
  lastReplyAt: string | null;
}

function later(a: string | null, b: string): string {
  return a === null || Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * The prospect after one more event of its history: an outreach counts a touch (new -> contacted), a reply moves
 * new or contacted to replied; a status set by hand (interested, not-now, not-interested, converted) never moves
 * back, and a back-dated event does not move the last touch or reply earlier.
 * @example applyProspectEvent({ status: 'new', touches: 0, lastTouchAt: null, lastReplyAt: null }, { type: 'outreach.sent', occurredAt: '2026-12-01T09:00:00.000Z' })
 */
export function applyProspectEvent(current: ProspectCounters, event: { type: string; occurredAt: string }): ProspectCounters {
  const next = { ...current };
  if (event.type === 'outreach.sent') {
    next.touches = current.touches + 1;
    next.lastTouchAt = later(current.lastTouchAt, event.occurredAt);
    if (current.status === 'new') next.status = 'contacted';
  } else if (event.type === 'candidate.replied') {
    next.lastReplyAt = later(current.lastReplyAt, event.occurredAt);
    if (current.status === 'new' || current.status === 'contacted') next.status = 'replied';
  }
  return next;
}
