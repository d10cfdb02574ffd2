import { DomainError } from '../shared/errors.js';
import type { EventData, EventType, TimedEvent } from './events.js';
import { parseIsoMs } from './time.js';

/**
 * An event reduced to what the rules read, with its time as epoch ms. `id` is only needed on events that an
 * event.retracted of the same history names (bulk readers set it on those alone).
 */
export type PreparedEvent = { [T in EventType]: { type: T; t: number; data: EventData<T>; id?: string } }[EventType];

/** The correction event: it takes back the event whose id it carries (docs/pipeline.md, "Retractions"). */
export const RETRACTION: EventType = 'event.retracted';

/**
 * The ids taken back by a history's event.retracted events; undefined when it has none (the common case).
 * A retraction of a retraction takes nothing back: retractions are never rules' input, so there is nothing to restore.
 */
export function retractedIds(events: ReadonlyArray<{ type: string; data: unknown }>): ReadonlySet<string> | undefined {
  let ids: Set<string> | undefined;
  for (const e of events) if (e.type === RETRACTION) (ids ??= new Set()).add((e.data as { eventId: string }).eventId);
  return ids;
}

/**
 * A history as if every retracted event had never been recorded: the retracted events and the retractions
 * themselves are left out, whatever their times. The timeline, clocks, risk and status all read it this way.
 * @example withoutRetracted([{ id: 'e1', type: 'note', ... }, { id: 'e2', type: 'event.retracted', data: { eventId: 'e1' }, ... }]) // []
 */
export function withoutRetracted<E extends { id?: string; type: string; data: unknown }>(events: readonly E[]): E[] {
  const retracted = retractedIds(events);
  if (!retracted) return [...events];
  return events.filter((e) => e.type !== RETRACTION && !(e.id !== undefined && retracted.has(e.id)));
}

/** Events that end the active life of an application; a later reopening event makes it active again. */
export const TERMINAL_EVENTS: ReadonlySet<EventType> = new Set<EventType>(['offer.accepted', 'candidate.withdrew', 'application.closed']);

/** Events that make a closed application active again: `application.reopened`, and (older histories) any `stage.changed`. */
export const REOPENING_EVENTS: ReadonlySet<EventType> = new Set<EventType>(['application.reopened', 'stage.changed']);

/**
 * The events that had happened by `nowMs`, oldest first (stable for equal times, so storage order breaks ties).
 * Sorting is skipped when the input is already in order, the common case for an append-only log.
 */
export function prepareEvents(events: readonly TimedEvent[], nowMs: number): PreparedEvent[] {
  const out: PreparedEvent[] = [];
  const retracted = retractedIds(events);
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const at = e.occurredAt;
    const t = typeof at === 'number' ? at : typeof at === 'string' ? parseIsoMs(at) : at.getTime();
    if (!Number.isFinite(t)) throw new DomainError('VALIDATION_FAILED', 'An event has no valid occurredAt.', `events[${i}].occurredAt`);
    if (t > nowMs) continue;
    if (retracted && (e.type === RETRACTION || (e.id !== undefined && retracted.has(e.id)))) continue;
    if (sorted && out.length > 0 && out[out.length - 1]!.t > t) sorted = false;
    out.push({ type: e.type, t, data: e.data } as PreparedEvent);
  }
  if (!sorted) out.sort((a, b) => a.t - b.t);
  return out;
}

/**
 * The event types whose `data` a summary reads (stage, status, clocks, risk). For the others only type and time
 * matter, so bulk readers may hand them over with empty data and skip decoding it; summary.test.ts checks this
 * list against the rules on generated histories.
 */
export const TYPES_WITH_DATA_READ: readonly EventType[] = [
  'candidate.replied',
  'application.received',
  'stage.changed',
  'interview.completed',
  'scorecard.submitted',
  'offer.approval-requested',
  'offer.approved',
  'offer.rejected',
  'signal.observed',
  'application.closed',
  'application.reopened',
  'event.retracted',
];

/**
 * prepareEvents for events whose time is already epoch ms (`t`), the shape bulk readers build straight from rows:
 * the input itself is returned when it is in order, all in the past and without retractions (the common case), so
 * nothing is copied. Events an event.retracted names must carry their `id`.
 */
export function prepareEpochEvents(events: readonly PreparedEvent[], nowMs: number): readonly PreparedEvent[] {
  let last = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const t = events[i]!.t;
    if (!Number.isFinite(t)) throw new DomainError('VALIDATION_FAILED', 'An event has no valid occurredAt.', `events[${i}].occurredAt`);
    if (t > nowMs || t < last || events[i]!.type === RETRACTION) return copyPrepared(events, nowMs);
    last = t;
  }
  return events;
}

function copyPrepared(events: readonly PreparedEvent[], nowMs: number): PreparedEvent[] {
  const out: PreparedEvent[] = [];
  const retracted = retractedIds(events);
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!Number.isFinite(e.t)) throw new DomainError('VALIDATION_FAILED', 'An event has no valid occurredAt.', `events[${i}].occurredAt`);
    if (e.t > nowMs) continue;
    if (retracted && (e.type === RETRACTION || (e.id !== undefined && retracted.has(e.id)))) continue;
    if (sorted && out.length > 0 && out[out.length - 1]!.t > e.t) sorted = false;
    out.push(e);
  }
  if (!sorted) out.sort((a, b) => a.t - b.t);
  return out;
}

export type ApplicationStatus = 'active' | 'accepted' | 'hired' | 'lost' | 'withdrawn';

export interface HistoryFacts {
  status: ApplicationStatus;
  /** The last stage.changed `to`, else the furthest step the events show (contacted, applied, interviewing, offer). */
  stage: string;
  firstContactAt: number | undefined;
  lastEventAt: number | undefined;
}

const STEP_OF: Partial<Record<EventType, number>> = {
  'outreach.sent': 1,
  'candidate.replied': 1,
  'application.received': 2,
  'interview.scheduled': 3,
  'interview.completed': 3,
  'scorecard.submitted': 3,
  'offer.drafted': 4,
  'offer.approval-requested': 4,
  'offer.approved': 4,
  'offer.rejected': 4,
  'offer.extended': 4,
  'offer.accepted': 4,
  'offer.declined': 4,
};
const STEP_NAMES = ['new', 'contacted', 'applied', 'interviewing', 'offer'];

/** The part of the fold that describeHistory reads: plain data, resumable (projection.ts). */
export interface HistoryStep {
  status: ApplicationStatus;
  explicitStage?: string;
  step: number;
  firstContactAt?: number;
  lastEventAt?: number;
}

export function emptyHistoryStep(): HistoryStep {
  return { status: 'active', step: 0 };
}

/** One step of the fold: an event (oldest first) applied to status, stage and first contact (mutates `h`). */
export function stepHistory(h: HistoryStep, e: PreparedEvent): void {
  h.step = Math.max(h.step, STEP_OF[e.type] ?? 0);
  h.lastEventAt = e.t;
  switch (e.type) {
    case 'outreach.sent':
    case 'application.received':
      h.firstContactAt ??= e.t;
      break;
    case 'stage.changed':
      h.explicitStage = e.data.to;
      if (h.status !== 'active') h.status = 'active';
      break;
    case 'offer.accepted':
      if (h.status === 'active') h.status = 'accepted';
      break;
    case 'candidate.withdrew':
      h.status = 'withdrawn';
      break;
    case 'application.closed':
      h.status = e.data.status;
      break;
    case 'application.reopened':
      h.explicitStage = e.data.stage;
      h.status = 'active';
      break;
  }
}

/** Status, stage and times as the fold state says. */
export function historyFacts(h: HistoryStep): HistoryFacts {
  return { status: h.status, stage: h.explicitStage ?? STEP_NAMES[h.step]!, firstContactAt: h.firstContactAt, lastEventAt: h.lastEventAt };
}

/** Status, stage and the first-contact time of an application, in one pass over its prepared events. */
export function describeHistory(events: readonly PreparedEvent[]): HistoryFacts {
  const h = emptyHistoryStep();
  for (const e of events) stepHistory(h, e);
  return historyFacts(h);
}
