import { z } from 'zod';
import { cleanText } from '../company/company.js';
import { DomainError, toResult, type Result } from '../shared/errors.js';
import { CANDIDATE_SOURCES, LOSS_REASONS, OUTREACH_CHANNELS } from './lists.js';
import { toEpochMs, toIso, type Instant } from './time.js';
import { toValidationError } from './validation.js';

/** Events may be stamped up to this far ahead of the server's clock: devices disagree by seconds, not minutes. */
export const CLOCK_SKEW_TOLERANCE_MS = 60_000;

export { LOGGED_SIGNALS, LOSS_REASONS, OUTREACH_CHANNELS, type LoggedSignal, type LossReason } from './lists.js';
export const CLOSE_STATUSES = ['hired', 'lost', 'withdrawn'] as const;

export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];
export type CloseStatus = (typeof CLOSE_STATUSES)[number];

/** Opaque ids from other records (users, interviews, offers): printable ASCII, no spaces. */
const Id = z.string().min(1).max(128).regex(/^[\x21-\x7e]+$/, { message: 'Ids are 1-128 printable characters without spaces' });
const Ids = z
  .array(Id)
  .min(1)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Ids must be unique' });
const StageId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'A stage is a lowercase slug of up to 64 characters' });
const Timestamp = z.iso.datetime({ offset: true });
const Deadline = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const Note = cleanText(2_000);

const Offer = z.strictObject({ offerId: Id });

/** The `data` schema of each event type: strict (unknown keys are rejected), bounded, never reshaped. */
export const EVENT_DATA_SCHEMAS = {
  'outreach.sent': z.strictObject({ channel: z.enum(OUTREACH_CHANNELS) }),
  'candidate.replied': z.strictObject({
    latencyHours: z.number().min(0).max(24 * 366),
    length: z.number().int().min(0).max(1_000_000),
    asksQuestion: z.boolean(),
  }),
  'team.replied': z.strictObject({}),
  'application.received': z.strictObject({ source: z.enum(CANDIDATE_SOURCES) }),
  'stage.changed': z.strictObject({ from: StageId, to: StageId }),
  'interview.scheduled': z.strictObject({ interviewId: Id, at: Timestamp }),
  'interview.completed': z.strictObject({ interviewId: Id, final: z.boolean(), interviewerIds: Ids }),
  'scorecard.submitted': z.strictObject({ interviewId: Id, interviewerId: Id }),
  'offer.drafted': Offer,
  'offer.approval-requested': z.strictObject({ offerId: Id, approverIds: Ids.optional() }),
  'offer.approved': z.strictObject({ offerId: Id, approverId: Id.optional() }),
  'offer.rejected': z.strictObject({ offerId: Id, approverId: Id.optional(), reason: Note.optional() }),
  'offer.extended': Offer,
  'offer.accepted': Offer,
  'offer.declined': z.strictObject({ offerId: Id, reason: Note.optional() }),
  'candidate.withdrew': z.strictObject({ reason: Note }),
  'signal.observed': z.discriminatedUnion('signal', [
    z.strictObject({ signal: z.literal('competing-offer'), note: Note.optional(), deadline: Deadline.optional() }),
    z.strictObject({
      signal: z.enum(['accelerate-request', 'equity-questions', 'ceo-call-request', 'logistics-focus']),
      note: Note.optional(),
    }),
  ]),
  note: z.strictObject({ text: cleanText(10_000) }),
  'application.closed': z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('hired'), note: Note.optional() }),
    z.strictObject({ status: z.literal('lost'), lossReason: z.enum(LOSS_REASONS), note: Note.optional() }),
    z.strictObject({ status: z.literal('withdrawn'), lossReason: z.enum(LOSS_REASONS).optional(), note: Note.optional() }),
  ]),
  /** A closed application made active again, at `stage` (see docs/pipeline.md, "Reopening"). */
  'application.reopened': z.strictObject({ stage: StageId, note: Note.optional() }),
  // A correction: the event with this id is folded out of the history, as if it had never been recorded (history.ts).
  'event.retracted': z.strictObject({ eventId: Id }),
} as const;

export type EventType = keyof typeof EVENT_DATA_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_DATA_SCHEMAS) as EventType[];
export type EventData<T extends EventType = EventType> = z.infer<(typeof EVENT_DATA_SCHEMAS)[T]>;

/** One stored event of an application's append-only history. */
export type ApplicationEvent = {
  [T in EventType]: {
    id: string;
    applicationId: string;
    type: T;
    occurredAt: Date | string;
    actorId: string | null;
    data: EventData<T>;
    recordedAt: Date | string;
  };
}[EventType];

/**
 * What the pipeline rules read from an event; every ApplicationEvent is one. `id` is needed only where a history
 * has retractions (event.retracted names the event it takes back by id).
 */
export type TimedEvent = { [T in EventType]: { type: T; occurredAt: Instant; data: EventData<T>; id?: string } }[EventType];

/** A validated event input: `occurredAt` is an ISO string (defaulted to `now`). */
export type EventInput = { [T in EventType]: { type: T; occurredAt: string; data: EventData<T> } }[EventType];

/** The request body for appending an event, for OpenAPI; use parseEventInput for the stable error codes. */
export const EventInputBody = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map((type) =>
    z.strictObject({ type: z.literal(type), occurredAt: Timestamp.optional(), data: EVENT_DATA_SCHEMAS[type].optional() }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_DATA_SCHEMAS, value);
}

const INPUT_KEYS = new Set(['type', 'occurredAt', 'data']);

/**
 * Validates an event before it is appended: known type, `occurredAt` not in the future (60 s skew allowed),
 * `data` matching the type. Throws DomainError (EVENT_TYPE_INVALID, EVENT_IN_FUTURE, VALIDATION_FAILED, UNKNOWN_FIELD).
 * @example parseEventInput({ type: 'offer.extended', data: { offerId: 'of_1' } }, new Date())
 */
export function parseEventInput(input: unknown, now: Date | number): EventInput {
  const nowMs = toEpochMs(now);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new DomainError('VALIDATION_FAILED', 'An event is an object with type, occurredAt and data.');
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!INPUT_KEYS.has(key)) throw new DomainError('UNKNOWN_FIELD', `Unknown field "${key}".`, key);
  }
  const { type, occurredAt, data } = record;
  if (!isEventType(type)) {
    throw new DomainError('EVENT_TYPE_INVALID', `Unknown event type${typeof type === 'string' ? ` "${type.slice(0, 64)}"` : ''}.`, 'type');
  }
  let occurredMs = nowMs;
  if (occurredAt !== undefined) {
    const valid =
      (occurredAt instanceof Date && Number.isFinite(occurredAt.getTime())) ||
      (typeof occurredAt === 'string' && Timestamp.safeParse(occurredAt).success);
    if (!valid) {
      throw new DomainError('VALIDATION_FAILED', 'occurredAt must be an ISO 8601 date-time with a time zone.', 'occurredAt');
    }
    occurredMs = toEpochMs(occurredAt as Date | string, 'occurredAt');
    if (occurredMs > nowMs + CLOCK_SKEW_TOLERANCE_MS) {
      throw new DomainError('EVENT_IN_FUTURE', 'An event cannot happen in the future.', 'occurredAt');
    }
  }
  const parsed = EVENT_DATA_SCHEMAS[type].safeParse(data === undefined ? {} : data);
  if (!parsed.success) throw toValidationError(parsed.error, 'data', 'VALIDATION_FAILED');
  return { type, occurredAt: toIso(occurredMs), data: parsed.data } as EventInput;
}

/** parseEventInput without throwing. */
export function safeParseEventInput(input: unknown, now: Date | number): Result<EventInput> {
  return toResult(() => parseEventInput(input, now));
}
