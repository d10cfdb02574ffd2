import { randomUUID } from 'node:crypto';
import { DELIVERY_DEFAULTS, DEFAULT_RETRY_POLICY, retryDelaySeconds, type EmailSettings, type RetryPolicy } from '../../domain/notifications/index.js';
import { claimOutbox, getCompany, inTransaction, markOutboxFailed, markOutboxSent, releaseOutboxLeases, withJobLock, type OutboxRecord } from '../../storage/index.js';
import { deliverySettingsOf, runDigestsOnce, scanForNotifications, type JobContext } from './notifications.js';
import { expireOffers } from './offers.js';
import { purgeExpiredSessions, SESSION_PURGE_INTERVAL_MS } from './housekeeping.js';
import { RETENTION_INTERVAL_MS, runRetention } from './retention.js';
import { runSequencesOnce } from './sequences.js';

export interface DispatchOptions {
  /** Most messages taken in one run. */
  batchSize?: number;
  leaseSeconds?: number;
  retry?: RetryPolicy;
  sendTimeoutMs?: number;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  /** Failed attempts that will be retried later. */
  retrying: number;
  /** Messages given up on after the last attempt. */
  failed: number;
  /** Messages handed back unsent because the lease would have run out during their send (another tick sends them). */
  released: number;
}

export type Mailer = { sendMail(message: Record<string, unknown>): Promise<unknown>; close(): void };

/** The SMTP transport of the company's e-mail settings (also used by sequences, services/sequences.ts). */
export async function mailerFor(settings: EmailSettings, timeoutMs: number): Promise<Mailer> {
  // Loaded at the first e-mail rather than at start-up (docs/performance.md).
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ignoreTLS: settings.ignoreTls ?? false,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  }) as unknown as Mailer;
}

async function postWebhook(url: string, text: string, timeoutMs: number, deliveryId: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    // One key per outbox row, the same on every attempt: a receiver can drop the duplicate of a post retried after a
    // crash between the send and its record (the only case of a second delivery).
    headers: { 'content-type': 'application/json', 'idempotency-key': deliveryId },
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  // Drain the body so the connection is released.
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
}

/**
 * Delivers due messages of the outbox once: leases a batch (each message to one instance only), sends each by
 * e-mail (SMTP via nodemailer) or chat webhook (Slack-compatible `{ text }`), then marks it sent, or schedules a
 * retry with exponential backoff, or gives up after the last attempt. A message whose lease expires (a crashed
 * instance) is picked up again. A message is only sent while the lease still covers its whole send timeout: when
 * a slow receiver eats the lease, the rest of the batch is handed back unsent rather than sent by this instance
 * while another one, seeing the lease expired, claims and sends it too. Callable from tests with an injected clock.
 */
export async function runOutboxOnce(ctx: JobContext, options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = ctx.now();
  const owner = randomUUID();
  const leaseSeconds = options.leaseSeconds ?? DELIVERY_DEFAULTS.leaseSeconds;
  const timeoutMs = options.sendTimeoutMs ?? DELIVERY_DEFAULTS.sendTimeoutSeconds * 1000;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const batch: OutboxRecord[] = await inTransaction(ctx.store.db, (tx) =>
    claimOutbox(tx, ctx.store.dialect, owner, now, leaseUntil, options.batchSize ?? DELIVERY_DEFAULTS.batchSize),
  );
  const result: DispatchResult = { claimed: batch.length, sent: 0, retrying: 0, failed: 0, released: 0 };
  if (batch.length === 0) return result;
  const settings = deliverySettingsOf(await getCompany(ctx.store.db));
  let mailer: Mailer | undefined;
  try {
    for (const message of batch) {
      if (ctx.now().getTime() + timeoutMs >= leaseUntil.getTime()) {
        result.released = await inTransaction(ctx.store.db, (tx) => releaseOutboxLeases(tx, owner));
        break;
      }
      let error: string | undefined;
      try {
        if (message.channel === 'email') {
          if (!settings.email) throw new Error('e-mail is not configured');
          mailer ??= await mailerFor(settings.email, timeoutMs);
          await mailer.sendMail({
            from: settings.email.from,
            to: message.recipient,
            subject: message.subject,
            text: message.body,
            // One id per outbox row: a receiver can drop the duplicate of a send retried after a crash.
            messageId: `<${message.id}@closer.outbox>`,
          });
        } else {
          if (!settings.chat) throw new Error('the chat webhook is not configured');
          await postWebhook(settings.chat.webhookUrl, message.body, timeoutMs, message.id);
        }
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const at = ctx.now();
      if (error === undefined) {
        await inTransaction(ctx.store.db, (tx) => markOutboxSent(tx, message.id, owner, at));
        result.sent += 1;
      } else {
        const delay = retryDelaySeconds(message.attempts + 1, retry);
        await inTransaction(ctx.store.db, (tx) => markOutboxFailed(tx, message.id, owner, error, delay === undefined ? null : new Date(at.getTime() + delay * 1000)));
        if (delay === undefined) result.failed += 1;
        else result.retrying += 1;
      }
    }
  } finally {
    mailer?.close();
  }
  return result;
}

export interface BackgroundJobs {
  stop(): Promise<void>;
}

/**
 * Starts the timers main.ts runs: the outbox dispatcher every few seconds; offer expiry, the clock/risk scan
 * and the daily digests every few minutes; the purge of expired sessions every hour. Runs never overlap; errors are
 * logged and the next tick tries again.
 *
 * Several instances on one PostgreSQL (docs/deploy.md "Several instances"): every instance runs these loops. The
 * outbox spreads its messages over them (row leases, each message claimed by one instance); the scan and the purge
 * run on one instance at a time (an advisory lock per job, `withJobLock`), the others skip that tick. Each item's
 * effect (an offer expired with its audit entry, a notification with its outbox rows, a digest with its claim of
 * the day) is one transaction and idempotent, so a killed instance leaves nothing half done and nothing twice.
 * @example const jobs = startBackgroundJobs(ctx); ...; await jobs.stop();
 */
export function startBackgroundJobs(
  ctx: JobContext,
  opts: { log?: (message: string, error?: unknown) => void; dispatchIntervalMs?: number; scanIntervalMs?: number; purgeIntervalMs?: number; dispatch?: DispatchOptions } = {},
): BackgroundJobs {
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[closer jobs] ${m}`, e ?? ''));
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  const loop = (name: string, intervalMs: number, work: () => Promise<unknown>) => {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = work()
        .catch((error: unknown) => log(`${name} failed`, error))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    tick();
    return timer;
  };
  const timers = [
    loop('outbox', opts.dispatchIntervalMs ?? DELIVERY_DEFAULTS.dispatchIntervalSeconds * 1000, () => runOutboxOnce(ctx, opts.dispatch)),
    loop('scan', opts.scanIntervalMs ?? DELIVERY_DEFAULTS.scanIntervalSeconds * 1000, () =>
      withJobLock(ctx.store, 'scan', async () => {
        const now = ctx.now();
        await expireOffers(ctx.store, now);
        await scanForNotifications(ctx, now);
        await runDigestsOnce(ctx, now);
      }),
    ),
    loop('session purge', opts.purgeIntervalMs ?? SESSION_PURGE_INTERVAL_MS, () => withJobLock(ctx.store, 'session purge', () => purgeExpiredSessions(ctx))),
    // One instance erases per tick; each candidate row is also locked (services/retention.ts).
    loop('retention', RETENTION_INTERVAL_MS, () => withJobLock(ctx.store, 'retention', () => runRetention(ctx))),
    // Outreach sequences (issue 13): one instance sends per tick; each step is claimed before its send (services/sequences.ts).
    loop('sequences', opts.scanIntervalMs ?? DELIVERY_DEFAULTS.scanIntervalSeconds * 1000, () => withJobLock(ctx.store, 'sequences', () => runSequencesOnce(ctx))),
  ];
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}
