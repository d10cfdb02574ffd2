import type { Tx } from '../transaction.js';
import type { TodayMarkTable } from '../schema.js';

/** A person's "done today" mark: the item, the UTC day, and the event its click recorded. */
export interface TodayMarkRecord {
  id: string;
  userId: string;
  day: string;
  itemKey: string;
  applicationId: string;
  actionId: string;
  eventId: string;
  /** What Today shows for it ("You logged that you contacted Rahul"). */
  text: string;
  createdAt: string;
}

function toMark(r: TodayMarkTable): TodayMarkRecord {
  return {
    id: r.id,
    userId: r.user_id,
    day: r.day,
    itemKey: r.item_key,
    applicationId: r.application_id,
    actionId: r.action_id,
    eventId: r.event_id,
    text: r.text,
    createdAt: r.created_at,
  };
}

/** Stores a mark; a second mark of the same person, day and item violates `today_marks_once` (isUniqueViolation). */
export async function insertTodayMark(tx: Tx, m: TodayMarkRecord): Promise<TodayMarkRecord> {
  const row: TodayMarkTable = {
    id: m.id,
    user_id: m.userId,
    day: m.day,
    item_key: m.itemKey,
    application_id: m.applicationId,
    action_id: m.actionId,
    event_id: m.eventId,
    text: m.text,
    created_at: m.createdAt,
  };
  await tx.insertInto('today_marks').values(row).execute();
  return toMark(row);
}

export async function getTodayMark(tx: Tx, id: string): Promise<TodayMarkRecord | undefined> {
  const r = await tx.selectFrom('today_marks').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toMark(r) : undefined;
}

/** A person's marks of one UTC day, oldest first. */
export async function listTodayMarks(tx: Tx, userId: string, day: string): Promise<TodayMarkRecord[]> {
  const rows = await tx.selectFrom('today_marks').selectAll().where('user_id', '=', userId).where('day', '=', day).orderBy('created_at').orderBy('id').execute();
  return rows.map(toMark);
}

/** Removes a mark (Undo); true when it was there. */
export async function deleteTodayMark(tx: Tx, id: string): Promise<boolean> {
  const res = await tx.deleteFrom('today_marks').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
