import { SqliteAdapter, sql } from 'kysely';
import { EVENT_TYPES, type ApplicationEvent } from '../../domain/pipeline/events.js';
import type { PreparedEvent } from '../../domain/pipeline/history.js';
import { parseIsoMs } from '../../domain/pipeline/time.js';
import type { Tx } from '../transaction.js';
import { runCompiled } from '../compiled-queries.js';
import type { ApplicationEventTable } from '../schema.js';

/** A stored event; its `data` was validated by the pipeline domain before it was appended. */
export type ApplicationEventRecord = ApplicationEvent & { occurredAt: string; recordedAt: string };

export interface EventInsert {
  id: string;
  applicationId: string;
  /** Position in the application's history (1, 2, ...): see nextEventSeq. */
  seq: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actorId: string | null;
  data: unknown;
}

function toEvent(r: ApplicationEventTable): ApplicationEventRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    type: r.type,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    actorId: r.actor_id,
    data: JSON.parse(r.data),
  } as ApplicationEventRecord;
}

function toRow(e: EventInsert): ApplicationEventTable {
  return { id: e.id, application_id: e.applicationId, seq: e.seq, type: e.type, occurred_at: e.occurredAt, recorded_at: e.recordedAt, actor_id: e.actorId, data: JSON.stringify(e.data ?? {}) };
}

/** Appends one event. Events are never updated or deleted (the table refuses it). */
export async function insertEvent(tx: Tx, e: EventInsert): Promise<ApplicationEventRecord> {
  const row = toRow(e);
  const values = Object.values(row);
  // Every append runs it: compiled once, bound with the row's values in its keys' order (a missing value would leave its column out: built as before).
  if (values.every((v) => v !== undefined)) await runCompiled(tx, 'events.insert', () => tx.insertInto('application_events').values(row), values);
  else await tx.insertInto('application_events').values(row).execute();
  return toEvent(row);
}

/** Bulk append for imports, demo data and benchmarks: multi-row inserts of `chunk` rows. */
export async function insertEvents(tx: Tx, events: readonly EventInsert[], chunk = 1_000): Promise<void> {
  for (let i = 0; i < events.length; i += chunk) {
    await tx.insertInto('application_events').values(events.slice(i, i + chunk).map(toRow)).execute();
  }
}

/** The next position in an application's history; call it while holding the application's row lock. */
export async function nextEventSeq(tx: Tx, applicationId: string): Promise<number> {
  const [r] = await runCompiled(tx, 'events.nextSeq', () => tx.selectFrom('application_events').select((eb) => eb.fn.max('seq').as('last')).where('application_id', '=', applicationId), [applicationId]);
  return Number(r?.last ?? 0) + 1;
}

/** An application's timeline, oldest first (ties by recording order). */
export async function listEventsOfApplication(tx: Tx, applicationId: string): Promise<ApplicationEventRecord[]> {
  const rows = await tx
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('occurred_at')
    .orderBy('seq')
    .execute();
  return rows.map(toEvent);
}

/** Shared by every event whose data is not decoded: never mutated (the rules only read data). */
const NO_DATA: Readonly<Record<string, never>> = Object.freeze({});

/** One application's events as they arrive, with what restores timeline order should they come out of it. */
interface Timeline {
  events: PreparedEvent[];
  occurredAt: string[];
  seq: number[];
  inOrder: boolean;
}

/** Timeline order, as listEventsOfApplication sorts: occurred_at (as a time, then as text), then seq. */
function compareAt(t1: number, at1: string, seq1: number, t2: number, at2: string, seq2: number): number {
  return t1 - t2 || (at1 < at2 ? -1 : at1 > at2 ? 1 : 0) || seq1 - seq2;
}

/** The type names as the code spells them: the rules compare and look types up per event, faster on these than on copies read from the database. */
const TYPE_NAMES = new Map<string, string>(EVENT_TYPES.map((type) => [type, type]));

function addEvent(tl: Timeline, seq: number, type: string, occurredAt: string, data: unknown): void {
  const t = parseIsoMs(occurredAt);
  const n = tl.events.length;
  if (tl.inOrder && n > 0 && compareAt(tl.events[n - 1]!.t, tl.occurredAt[n - 1]!, tl.seq[n - 1]!, t, occurredAt, seq) > 0) tl.inOrder = false;
  tl.events.push({ type: TYPE_NAMES.get(type) ?? type, t, data } as PreparedEvent);
  tl.occurredAt.push(occurredAt);
  tl.seq.push(seq);
}

function sortTimeline(tl: Timeline): void {
  const { events, occurredAt, seq } = tl;
  const order = events.map((_, i) => i).sort((i, j) => compareAt(events[i]!.t, occurredAt[i]!, seq[i]!, events[j]!.t, occurredAt[j]!, seq[j]!));
  const sorted = order.map((i) => events[i]!);
  for (let i = 0; i < sorted.length; i++) events[i] = sorted[i]!;
}

/**
 * The events of many applications in one query, grouped by application, oldest first (ties in recording order),
 * as the pipeline rules read them: `{ type, t, data }` with the time as epoch ms. Only events whose type is in
 * `dataOf` have their data sent and decoded; the others carry empty data. Callers batch the ids (a few hundred).
 *
 * The database is not asked to sort: rows come in index or heap order, nearly always the timeline's, and a
 * history that is not is sorted here. That spares PostgreSQL a sort of every batch, which spilled to disk.
 * SQLite hands each history over as one JSON array, cheaper to decode than a row object per event.
 */
export async function listEpochEventsOfApplications(
  tx: Tx,
  applicationIds: readonly string[],
  dataOf: readonly string[],
): Promise<Map<string, PreparedEvent[]>> {
  const out = new Map<string, PreparedEvent[]>();
  if (applicationIds.length === 0) return out;
  const timelines = new Map<string, Timeline>();
  for (const id of applicationIds) {
    const events: PreparedEvent[] = [];
    out.set(id, events);
    timelines.set(id, { events, occurredAt: [], seq: [], inOrder: true });
  }
  const withData = dataOf.length === 0 ? sql<string | null>`null` : sql<string | null>`case when type in (${sql.join([...dataOf])}) then data end`;
  if (tx.getExecutor().adapter instanceof SqliteAdapter) {
    const rows = await tx
      .selectFrom('application_events')
      .select(['application_id', sql<string>`json_group_array(json_array(seq, type, occurred_at, json(${withData})))`.as('events')])
      .where('application_id', 'in', [...applicationIds])
      .groupBy('application_id')
      .execute();
    for (const r of rows) {
      const tl = timelines.get(r.application_id)!;
      for (const [seq, type, occurredAt, data] of JSON.parse(r.events) as Array<[number, string, string, unknown]>) {
        addEvent(tl, seq, type, occurredAt, data === null ? NO_DATA : data);
      }
    }
  } else {
    const rows = await tx
      .selectFrom('application_events')
      .select(['application_id', 'seq', 'type', 'occurred_at', withData.as('data')])
      .where('application_id', 'in', [...applicationIds])
      .execute();
    let currentId: string | undefined;
    let current: Timeline | undefined;
    for (const r of rows) {
      if (r.application_id !== currentId) {
        currentId = r.application_id;
        current = timelines.get(currentId)!;
      }
      addEvent(current!, Number(r.seq), r.type, r.occurred_at, r.data === null || r.data === '{}' ? NO_DATA : JSON.parse(r.data));
    }
  }
  await nameRetractedEvents(tx, timelines);
  for (const tl of timelines.values()) if (!tl.inOrder) sortTimeline(tl);
  return out;
}

/**
 * Gives the events that an event.retracted names their id, so the domain can fold them out of the history.
 * Other events go without one (ids are not sent for the bulk of the rows); retractions are rare, so this is
 * nearly always no query at all. Only events of the same application are taken back.
 */
async function nameRetractedEvents(tx: Tx, timelines: ReadonlyMap<string, Timeline>): Promise<void> {
  const named: string[] = [];
  for (const tl of timelines.values()) {
    for (const e of tl.events) if (e.type === 'event.retracted' && typeof e.data.eventId === 'string') named.push(e.data.eventId);
  }
  for (let i = 0; i < named.length; i += 500) {
    const rows = await tx.selectFrom('application_events').select(['id', 'application_id', 'seq']).where('id', 'in', named.slice(i, i + 500)).execute();
    for (const r of rows) {
      const tl = timelines.get(r.application_id);
      const at = tl ? tl.seq.indexOf(Number(r.seq)) : -1;
      if (at >= 0) tl!.events[at]!.id = r.id;
    }
  }
}
