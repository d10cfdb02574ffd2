import { randomUUID } from 'node:crypto';
import { can } from '../../domain/access/policy.js';
import {
  DEFAULT_PREFERENCES,
  DELIVERY_DEFAULTS,
  DeliverySettings,
  clockMessage,
  digestMessage,
  mayReceive,
  riskMessage,
  type NotificationMessage,
  type NotificationPreferences,
} from '../../domain/notifications/index.js';
import { approvalProgress } from '../../domain/offers/index.js';
import { assigneeWhoCanAct, responsibleFor, type TodayItem } from '../../domain/pipeline/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  claimDigestDay,
  countUnreadNotifications,
  enqueueOutbox,
  getApplication,
  getCompany,
  getNotificationOfUserOrThrow,
  getNotificationPreferences,
  getOffer,
  getOfferVersion,
  getRole,
  inTransaction,
  insertNotificationOnce,
  listApprovalDecisions,
  listNotifications,
  listNotificationPreferences,
  listUndigestedNotifications,
  listUsers,
  markNotificationsDigested,
  markNotificationsRead,
  recordAudit,
  updateCompany,
  upsertNotificationPreferences,
  type Company,
  type NotificationPreferencesRecord,
  type NotificationRecord,
  type Store,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { computeToday } from './pipeline-views.js';

/** What background work needs: the store and the (injected) clock. A ServerContext is one. */
export interface JobContext {
  store: Store;
  now: () => Date;
}

/* --------------------------------------------------------------- settings */

/** The stored delivery settings: `companies.settings.notifications`. Invalid or missing settings mean "no channel". */
export function deliverySettingsOf(company: Company | undefined): DeliverySettings & { appUrl?: string } {
  const raw = company?.settings?.notifications;
  const parsed = DeliverySettings.safeParse(raw === undefined ? { email: null, chat: null } : withoutAppUrl(raw));
  const appUrl = typeof (raw as { appUrl?: unknown } | undefined)?.appUrl === 'string' ? (raw as { appUrl: string }).appUrl : undefined;
  const settings: DeliverySettings = parsed.success ? parsed.data : { email: null, chat: null };
  return appUrl ? { ...settings, appUrl } : settings;
}

function withoutAppUrl(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { appUrl: _a, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/**
 * Replaces a key of `companies.settings` in the caller's transaction (optimistic on the company version:
 * a concurrent change of the settings answers 409 CONFLICT rather than losing either write).
 */
export async function setCompanySetting(tx: Tx, actorId: string, key: string, value: unknown, now: Date): Promise<Company> {
  const company = await getCompany(tx);
  if (!company) throw new DomainError('NOT_SET_UP', 'Set up the workspace first.');
  const updated = await updateCompany(tx, company.id, company.version, { settings: { ...company.settings, [key]: value } }, now);
  if (!updated) throw new DomainError('CONFLICT', 'The company settings changed meanwhile. Try again.');
  await recordAudit(tx, { actorId, action: 'company.update', entity: 'company', entityId: company.id, fields: [`settings.${key}`], at: now });
  return updated;
}

/** PUT of the delivery settings. An omitted SMTP password keeps the stored one when the SMTP user is unchanged. */
export async function putDeliverySettings(store: Store, actor: UserRecord, input: DeliverySettings & { appUrl?: string | null }, now: Date): Promise<DeliverySettings & { appUrl?: string }> {
  return inTransaction(store.db, async (tx) => {
    const current = deliverySettingsOf(await getCompany(tx));
    const email = input.email ? { ...input.email } : null;
    if (email && email.password === undefined && current.email?.password !== undefined && (current.email.user ?? null) === (email.user ?? null)) {
      email.password = current.email.password;
    }
    const value: Record<string, unknown> = { email, chat: input.chat };
    if (input.appUrl) value.appUrl = input.appUrl;
    const company = await setCompanySetting(tx, actor.id, 'notifications', value, now);
    return deliverySettingsOf(company);
  });
}

/* ------------------------------------------------------------ preferences */

export async function getPreferences(store: Store, userId: string): Promise<NotificationPreferences> {
  const p = await getNotificationPreferences(store.db, userId);
  return p ? { email: p.email, chat: p.chat, digest: p.digest } : { ...DEFAULT_PREFERENCES };
}

export async function putPreferences(store: Store, userId: string, prefs: NotificationPreferences, now: Date): Promise<NotificationPreferences> {
  return inTransaction(store.db, async (tx) => {
    await upsertNotificationPreferences(tx, userId, prefs, now);
    await recordAudit(tx, { actorId: userId, action: 'notification-preferences.update', entity: 'user', entityId: userId, fields: ['email', 'chat', 'digest'], at: now });
    return prefs;
  });
}

/* -------------------------------------------------------------- read state */

/**
 * Marks the user's notifications read: one (404 NOTIFICATION_NOT_FOUND when it is not theirs), some, or all
 * unread ones; audited with the field name only.
 */
export async function markRead(tx: Tx, userId: string, ids: readonly string[] | undefined, now: Date): Promise<number> {
  if (ids !== undefined) for (const id of ids) await getNotificationOfUserOrThrow(tx, userId, id);
  const marked = await markNotificationsRead(tx, userId, ids, now);
  if (marked > 0) {
    await recordAudit(tx, { actorId: userId, action: 'notification.read', entity: ids?.length === 1 ? 'notification' : 'user', entityId: ids?.length === 1 ? ids[0]! : userId, fields: ['readAt'], at: now });
  }
  return marked;
}

/** One page of a user's notifications (newest first) and how many are unread. */
export async function listMyNotifications(db: Tx, userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }): Promise<{ items: NotificationRecord[]; unread: number }> {
  const [items, unread] = await Promise.all([listNotifications(db, userId, opts), countUnreadNotifications(db, userId)]);
  return { items, unread };
}

/** Marks one of the user's notifications read (404 NOTIFICATION_NOT_FOUND for anyone else's) and reads it back. */
export function readNotification(store: Store, userId: string, id: string, now: Date): Promise<NotificationRecord> {
  return inTransaction(store.db, async (tx) => {
    await markRead(tx, userId, [id], now);
    return getNotificationOfUserOrThrow(tx, userId, id);
  });
}

/** Marks the given notifications (or all of the user's) read; answers how many changed and how many stay unread. */
export function readNotifications(store: Store, userId: string, ids: readonly string[] | undefined, now: Date): Promise<{ marked: number; unread: number }> {
  return inTransaction(store.db, async (tx) => {
    const marked = await markRead(tx, userId, ids, now);
    return { marked, unread: await countUnreadNotifications(tx, userId) };
  });
}

/** The workspace's delivery settings (channels for e-mail and chat). */
export async function readDeliverySettings(db: Tx): Promise<DeliverySettings & { appUrl?: string }> {
  return deliverySettingsOf(await getCompany(db));
}

/* ------------------------------------------------------------------ notify */

export interface NotifyInput {
  userIds: readonly string[];
  message: NotificationMessage;
  /** Same key, same person: notified once. */
  dedupeKey: string;
  applicationId: string | null;
}

function appLink(settings: { appUrl?: string }, link: string): string {
  return settings.appUrl ? `${settings.appUrl.replace(/\/$/, '')}${link}` : link;
}

/**
 * Notifies people who can act: in-app always, plus e-mail and chat per their preferences and the company's
 * channels, queued in the outbox in the same transaction. Disabled users and users whose role may not see the
 * subject (interviewers and anything about offers) are skipped. Returns the ids of the users newly notified.
 */
export async function notifyUsers(tx: Tx, input: NotifyInput, now: Date, cache?: { users?: UserRecord[]; company?: Company }): Promise<string[]> {
  const wanted = new Set(input.userIds);
  if (wanted.size === 0) return [];
  const users = (cache?.users ?? (await listUsers(tx))).filter((u) => wanted.has(u.id) && !u.disabled && mayReceive(input.message.kind, can(u.role, 'compensation.read')));
  if (users.length === 0) return [];
  const company = cache?.company ?? (await getCompany(tx));
  const delivery = deliverySettingsOf(company);
  const prefs = await listNotificationPreferences(tx, users.map((u) => u.id));
  const notified: string[] = [];
  for (const user of users) {
    const id = randomUUID();
    const fresh = await insertNotificationOnce(tx, {
      id,
      userId: user.id,
      kind: input.message.kind,
      dedupeKey: input.dedupeKey,
      title: input.message.title,
      body: input.message.body,
      link: input.message.link,
      applicationId: input.applicationId,
      createdAt: now.toISOString(),
    });
    if (!fresh) continue;
    notified.push(user.id);
    const p: NotificationPreferences = prefs.get(user.id) ?? DEFAULT_PREFERENCES;
    const text = `${input.message.body}\n\n${appLink(delivery, input.message.link)}`;
    if (delivery.email && p.email && p.digest === 'off') {
      await enqueueOutbox(tx, { id: randomUUID(), dedupeKey: `email:${id}`, notificationId: id, channel: 'email', recipient: user.email, subject: input.message.title, body: text }, now);
    }
    if (delivery.chat && p.chat) {
      await enqueueOutbox(tx, { id: randomUUID(), dedupeKey: `chat:${id}`, notificationId: id, channel: 'chat', recipient: user.id, subject: input.message.title, body: `${user.name}: ${input.message.title}\n${text}` }, now);
    }
  }
  return notified;
}

/* -------------------------------------------------------------------- scan */

/** Owners and admins: whose Today a role's work is on when the role names nobody who can act (audience.ts). */
function activeOwnersAndAdmins(users: readonly UserRecord[]): string[] {
  return users.filter((u) => (u.role === 'owner' || u.role === 'admin') && !u.disabled).map((u) => u.id);
}

/** Approvers who have not decided on the offer's current version yet, and who sent it for approval. */
async function approvalPeople(tx: Tx, offerId: string): Promise<{ awaiting: string[]; submittedBy: string | null }> {
  const offer = await getOffer(tx, offerId);
  if (!offer) return { awaiting: [], submittedBy: null };
  const version = await getOfferVersion(tx, offer.id, offer.currentVersion);
  if (!version || version.approvalStatus !== 'pending' || !version.approvalMode) return { awaiting: [], submittedBy: version?.submittedBy ?? null };
  const decisions = await listApprovalDecisions(tx, [version.id]);
  return { awaiting: approvalProgress({ mode: version.approvalMode, approverIds: version.approverIds }, decisions).awaiting, submittedBy: version.submittedBy };
}

export interface ScanResult {
  /** Today items looked at (warning or critical clocks, high or critical risks). */
  items: number;
  /** Notifications created (one per person and breach). */
  notified: number;
}

/**
 * Turns breached clocks and high risks into notifications for the people whose Today they are on (the domain's
 * audience rules, docs/pipeline.md "Who acts on what"). Idempotent: each breach (application, clock, subject,
 * start, level) and each risk level is notified once per person, however often this runs and on however many
 * instances (a unique key per user and breach).
 * - scorecard.due: the interviewer, and once critical the person who chases it (the role's recruiter, else its
 *   hiring manager, else owners and admins);
 * - approval.pending: the approvers still to decide, and once critical the person who chases it and whoever sent it;
 * - other clocks and risks: the person responsible on the role (decisions: hiring manager first; contact:
 *   recruiter first), else owners and admins.
 */
export async function scanForNotifications(ctx: JobContext, now: Date = ctx.now()): Promise<ScanResult> {
  const today = await computeToday(ctx.store.db, now, Number.MAX_SAFE_INTEGER);
  let notified = 0;
  const users = await listUsers(ctx.store.db);
  const company = await getCompany(ctx.store.db);
  const owners = activeOwnersAndAdmins(users);
  const usersById = new Map(users.map((u) => [u.id, { role: u.role, disabled: u.disabled }]));
  // A new applicant is listed on Today, not notified: nothing is late yet (its reply clock is, once past its warning time).
  const late = today.items.filter((i): i is TodayItem & { level: Exclude<TodayItem['level'], 'new'> } => i.level !== 'new');
  for (const item of late) {
    // Let requests in between items: on SQLite every query is synchronous, and a scan of thousands of items would
    // otherwise hold the event loop for seconds (measured by `npm run soak`: p99 of 9.7 s with 1,000 applications).
    await new Promise((ok) => setImmediate(ok));
    await inTransaction(ctx.store.db, async (tx) => {
      const app = await getApplication(tx, item.applicationId);
      if (!app) return;
      const role = await getRole(tx, app.roleId);
      const assignees = { recruiterId: assigneeWhoCanAct(role?.recruiterId, usersById), hiringManagerId: assigneeWhoCanAct(role?.hiringManagerId, usersById) };
      const responsible = responsibleFor(item, assignees);
      const stewards = responsible ? [responsible.userId] : owners;
      let recipients: string[];
      let message: NotificationMessage;
      let dedupeKey: string;
      if (item.kind === 'clock') {
        const clock = item.clock;
        const s = clock.subject;
        if (item.id === 'scorecard.due') {
          recipients = [s?.interviewerId, ...(item.level === 'critical' ? stewards : [])].filter((x): x is string => !!x);
        } else if (item.id === 'approval.pending' && s?.offerId) {
          const people = await approvalPeople(tx, s.offerId);
          recipients = [...people.awaiting, ...(item.level === 'critical' ? [...stewards, ...(people.submittedBy ? [people.submittedBy] : [])] : [])];
          if (recipients.length === 0) recipients = stewards;
        } else {
          recipients = stewards;
        }
        message = clockMessage({ clock, level: item.level, candidateName: item.candidateName, roleTitle: item.roleTitle, action: item.action, applicationId: item.applicationId });
        dedupeKey = `${item.key}|${clock.startedAt}|${item.level}`;
      } else {
        recipients = stewards;
        message = riskMessage({
          level: item.level,
          score: item.risk.score,
          candidateName: item.candidateName,
          roleTitle: item.roleTitle,
          signals: item.risk.signals.map((sig) => sig.type),
          action: item.action,
          applicationId: item.applicationId,
        });
        dedupeKey = `${item.key}|${item.level}`;
      }
      if (recipients.length === 0) recipients = owners;
      notified += (await notifyUsers(tx, { userIds: [...new Set(recipients)], message, dedupeKey, applicationId: item.applicationId }, now, { users, company })).length;
    });
  }
  return { items: late.length, notified };
}

/* ------------------------------------------------------------------ digest */

function localDateAndHour(now: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/**
 * Sends each daily-digest user one e-mail a day (at the digest hour in the company's time zone) with the
 * notifications since their last digest. Once per user and day across instances.
 */
export async function runDigestsOnce(ctx: JobContext, now: Date = ctx.now()): Promise<{ digests: number }> {
  const company = await getCompany(ctx.store.db);
  const delivery = deliverySettingsOf(company);
  if (!company || !delivery.email) return { digests: 0 };
  const { date, hour } = localDateAndHour(now, company.timeZone);
  if (hour < DELIVERY_DEFAULTS.digestHourLocal) return { digests: 0 };
  const users = (await listUsers(ctx.store.db)).filter((u) => !u.disabled);
  const prefs = await listNotificationPreferences(ctx.store.db, users.map((u) => u.id));
  let digests = 0;
  for (const user of users) {
    const p: NotificationPreferencesRecord | undefined = prefs.get(user.id);
    if (!p || p.digest !== 'daily' || !p.email) continue;
    await inTransaction(ctx.store.db, async (tx) => {
      if (!(await claimDigestDay(tx, user.id, date, DEFAULT_PREFERENCES, now))) return;
      const items = await listUndigestedNotifications(tx, user.id, 200);
      if (items.length === 0) return;
      const { subject, text } = digestMessage({ userName: user.name, items: [...items].reverse(), baseUrl: delivery.appUrl?.replace(/\/$/, '') ?? '' });
      await enqueueOutbox(tx, { id: randomUUID(), dedupeKey: `digest:${user.id}:${date}`, notificationId: null, channel: 'email', recipient: user.email, subject, body: text }, now);
      await markNotificationsDigested(tx, items.map((i) => i.id), now);
      digests += 1;
    });
  }
  return { digests };
}
