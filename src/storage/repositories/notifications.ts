import { DomainError } from '../../domain/shared/errors.js';
import type { Channel, DigestMode, NotificationKind, NotificationPreferences } from '../../domain/notifications/index.js';
import type { DialectName } from '../dialect.js';
import type { Tx } from '../transaction.js';
import type { NotificationTable, OutboxTable } from '../schema.js';

/* ---------------------------------------------------------- notifications */

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  dedupeKey: string;
  title: string;
  body: string;
  link: string;
  applicationId: string | null;
  createdAt: string;
  readAt: string | null;
  digestedAt: string | null;
}

function toNotification(r: NotificationTable): NotificationRecord {
  return {
    id: r.id,
    userId: r.user_id,
    kind: r.kind as NotificationKind,
    dedupeKey: r.dedupe_key,
    title: r.title,
    body: r.body,
    link: r.link,
    applicationId: r.application_id,
    createdAt: r.created_at,
    readAt: r.read_at,
    digestedAt: r.digested_at,
  };
}

/**
 * Stores a notification unless this user already has one with the same dedupe key (same breach, same
 * request): true when it is new. Safe under concurrent scans on several instances.
 */
export async function insertNotificationOnce(tx: Tx, n: Omit<NotificationRecord, 'readAt' | 'digestedAt'>): Promise<boolean> {
  const res = await tx
    .insertInto('notifications')
    .values({
      id: n.id,
      user_id: n.userId,
      kind: n.kind,
      dedupe_key: n.dedupeKey,
      title: n.title,
      body: n.body,
      link: n.link,
      application_id: n.applicationId,
      created_at: n.createdAt,
      read_at: null,
      digested_at: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return res.length === 1;
}

async function getNotification(tx: Tx, id: string): Promise<NotificationRecord | undefined> {
  const r = await tx.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toNotification(r) : undefined;
}

/** A user's own notification; another user's is "not found" (never "forbidden"). */
export async function getNotificationOfUserOrThrow(tx: Tx, userId: string, id: string): Promise<NotificationRecord> {
  const n = await getNotification(tx, id);
  if (!n || n.userId !== userId) throw new DomainError('NOTIFICATION_NOT_FOUND', 'No such notification.', 'id');
  return n;
}

/** A user's notifications, newest first. */
export async function listNotifications(tx: Tx, userId: string, opts: { unreadOnly?: boolean; limit: number; offset?: number }): Promise<NotificationRecord[]> {
  let q = tx.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset ?? 0).execute();
  return rows.map(toNotification);
}

export async function countUnreadNotifications(tx: Tx, userId: string): Promise<number> {
  const r = await tx.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks notifications read (all of the user's unread ones when `ids` is undefined); returns how many changed. */
export async function markNotificationsRead(tx: Tx, userId: string, ids: readonly string[] | undefined, now: Date): Promise<number> {
  let q = tx.updateTable('notifications').set({ read_at: now.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== undefined) {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', [...ids]);
  }
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A user's notifications not yet sent in a digest, oldest first. */
export async function listUndigestedNotifications(tx: Tx, userId: string, limit: number): Promise<NotificationRecord[]> {
  const rows = await tx.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('digested_at', 'is', null).orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map(toNotification);
}

export async function markNotificationsDigested(tx: Tx, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('notifications').set({ digested_at: now.toISOString() }).where('id', 'in', [...ids]).where('digested_at', 'is', null).execute();
}

/* ------------------------------------------------------------ preferences */

export interface NotificationPreferencesRecord extends NotificationPreferences {
  userId: string;
  /** Local date (company time zone) of the last digest sent. */
  lastDigestOn: string | null;
  updatedAt: string | null;
}

export async function getNotificationPreferences(tx: Tx, userId: string): Promise<NotificationPreferencesRecord | undefined> {
  const r = await tx.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return r ? { userId: r.user_id, email: r.email === 1, chat: r.chat === 1, digest: r.digest as DigestMode, lastDigestOn: r.last_digest_on, updatedAt: r.updated_at } : undefined;
}

/** Preferences of many users at once (missing users have the defaults). */
export async function listNotificationPreferences(tx: Tx, userIds: readonly string[]): Promise<Map<string, NotificationPreferencesRecord>> {
  const out = new Map<string, NotificationPreferencesRecord>();
  if (userIds.length === 0) return out;
  const rows = await tx.selectFrom('notification_preferences').selectAll().where('user_id', 'in', [...userIds]).execute();
  for (const r of rows) out.set(r.user_id, { userId: r.user_id, email: r.email === 1, chat: r.chat === 1, digest: r.digest as DigestMode, lastDigestOn: r.last_digest_on, updatedAt: r.updated_at });
  return out;
}

export async function upsertNotificationPreferences(tx: Tx, userId: string, p: NotificationPreferences, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx
    .insertInto('notification_preferences')
    .values({ user_id: userId, email: p.email ? 1 : 0, chat: p.chat ? 1 : 0, digest: p.digest, last_digest_on: null, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email: p.email ? 1 : 0, chat: p.chat ? 1 : 0, digest: p.digest, updated_at: at }))
    .execute();
}

/**
 * Claims the day's digest for a user: true for exactly one caller per user and local date, even with several
 * instances (the row update is conditional on the previous date).
 */
export async function claimDigestDay(tx: Tx, userId: string, localDate: string, defaults: NotificationPreferences, now: Date): Promise<boolean> {
  const at = now.toISOString();
  await tx
    .insertInto('notification_preferences')
    .values({ user_id: userId, email: defaults.email ? 1 : 0, chat: defaults.chat ? 1 : 0, digest: defaults.digest, last_digest_on: null, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const res = await tx
    .updateTable('notification_preferences')
    .set({ last_digest_on: localDate })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_digest_on', 'is', null), eb('last_digest_on', '<', localDate)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/* ----------------------------------------------------------------- outbox */

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxRecord {
  id: string;
  dedupeKey: string;
  notificationId: string | null;
  channel: Channel;
  /** E-mail address for e-mail; the user id for chat (the webhook is the company's, read at send time). */
  recipient: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

function toOutbox(r: OutboxTable): OutboxRecord {
  return {
    id: r.id,
    dedupeKey: r.dedupe_key,
    notificationId: r.notification_id,
    channel: r.channel as Channel,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** Queues a message unless one with the same dedupe key exists; true when queued now. */
export async function enqueueOutbox(tx: Tx, m: Pick<OutboxRecord, 'id' | 'dedupeKey' | 'notificationId' | 'channel' | 'recipient' | 'subject' | 'body'>, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const res = await tx
    .insertInto('outbox')
    .values({
      id: m.id,
      dedupe_key: m.dedupeKey,
      notification_id: m.notificationId,
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      lease_owner: null,
      lease_until: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return res.length === 1;
}

/**
 * Leases up to `limit` due messages to `owner` until `leaseUntil`. PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED
 * in the caller's transaction, so instances never wait on or take each other's rows. SQLite: one conditional
 * UPDATE (SQLite has a single writer, so the condition `lease_until < now` decides).
 */
export async function claimOutbox(tx: Tx, dialect: DialectName, owner: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRecord[]> {
  const at = now.toISOString();
  const due = (q: ReturnType<typeof baseDue>) => q;
  function baseDue() {
    return tx
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit);
  }
  if (dialect === 'postgres') {
    const ids = (await due(baseDue()).forUpdate().skipLocked().execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    await tx.updateTable('outbox').set({ lease_owner: owner, lease_until: leaseUntil.toISOString() }).where('id', 'in', ids).execute();
  } else {
    await tx
      .updateTable('outbox')
      .set({ lease_owner: owner, lease_until: leaseUntil.toISOString() })
      .where('id', 'in', baseDue())
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .execute();
  }
  const rows = await tx.selectFrom('outbox').selectAll().where('lease_owner', '=', owner).where('status', '=', 'pending').orderBy('next_attempt_at').orderBy('id').execute();
  return rows.map(toOutbox);
}

/** Marks a leased message sent; false when the lease was lost to another instance meanwhile. */
export async function markOutboxSent(tx: Tx, id: string, owner: string, now: Date): Promise<boolean> {
  const res = await tx
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now.toISOString(), attempts: (eb) => eb('attempts', '+', 1), lease_owner: null, lease_until: null, last_error: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Gives back the messages still leased to `owner` (a dispatcher that stops before its lease would run out while
 * sending), so that any instance may claim them at once. Returns how many were released.
 */
export async function releaseOutboxLeases(tx: Tx, owner: string): Promise<number> {
  const res = await tx.updateTable('outbox').set({ lease_owner: null, lease_until: null }).where('lease_owner', '=', owner).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Records a failed attempt: retry at `retryAt`, or give up (status failed) when it is null. */
export async function markOutboxFailed(tx: Tx, id: string, owner: string, error: string, retryAt: Date | null): Promise<void> {
  await tx
    .updateTable('outbox')
    .set({
      status: retryAt ? 'pending' : 'failed',
      attempts: (eb) => eb('attempts', '+', 1),
      next_attempt_at: retryAt ? retryAt.toISOString() : (eb) => eb.ref('next_attempt_at'),
      lease_owner: null,
      lease_until: null,
      last_error: error.slice(0, 500),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

export async function listOutbox(tx: Tx, filter: { status?: OutboxStatus; channel?: Channel; limit?: number } = {}): Promise<OutboxRecord[]> {
  let q = tx.selectFrom('outbox').selectAll();
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
  const rows = await q.orderBy('created_at').orderBy('id').limit(filter.limit ?? 1_000).execute();
  return rows.map(toOutbox);
}
