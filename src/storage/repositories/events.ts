import type { ApplicationEvent, TimedEvent } from '../../domain/pipeline/events.js';
import type { Tx } from '../transaction.js';
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
  await tx.insertInto('application_events').values(row).execute();
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
  const r = await tx.selectFrom('application_events').select((eb) => eb.fn.max('seq').as('last')).where('application_id', '=', applicationId).executeTakeFirst();
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

/**
 * The events the pipeline rules read (type, time, data) for many applications in one ordered query,
 * grouped by application. Callers batch the ids (a few hundred at a time) to bound memory.
 */
export async function listTimedEventsOfApplications(tx: Tx, applicationIds: readonly string[]): Promise<Map<string, TimedEvent[]>> {
  const out = new Map<string, TimedEvent[]>();
  if (applicationIds.length === 0) return out;
  for (const id of applicationIds) out.set(id, []);
  const rows = await tx
    .selectFrom('application_events')
    .select(['application_id', 'type', 'occurred_at', 'data'])
    .where('application_id', 'in', [...applicationIds])
    .orderBy('application_id')
    .orderBy('occurred_at')
    .orderBy('seq')
    .execute();
  for (const r of rows) out.get(r.application_id)!.push({ type: r.type, occurredAt: r.occurred_at, data: JSON.parse(r.data) } as TimedEvent);
  return out;
}

/** The latest time an event of one of `types` happened on an application, if any. */
export async function latestEventTime(tx: Tx, applicationId: string, types: readonly string[]): Promise<string | undefined> {
  const r = await tx
    .selectFrom('application_events')
    .select('occurred_at')
    .where('application_id', '=', applicationId)
    .where('type', 'in', [...types])
    .orderBy('occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.occurred_at;
}

export async function countEventsOfApplication(tx: Tx, applicationId: string): Promise<number> {
  const r = await tx.selectFrom('application_events').select((eb) => eb.fn.countAll<number>().as('n')).where('application_id', '=', applicationId).executeTakeFirstOrThrow();
  return Number(r.n);
}
