import { z } from 'zod';
import deliveryData from '../../../data/offers/notification-delivery.json' with { type: 'json' };
import { cleanText, Email } from '../company/company.js';

/** What a notification is about. Ids are part of the API. */
export const NOTIFICATION_KINDS = [
  'clock.warning',
  'clock.critical',
  'risk.high',
  'risk.critical',
  'scorecard.overdue',
  'approval.requested',
  'offer.approved',
  'offer.rejected',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds a person without access to compensation may receive: only their own interview duties. */
const SAFE_WITHOUT_COMPENSATION: ReadonlySet<NotificationKind> = new Set(['scorecard.overdue']);

/**
 * Whether a notification kind may go to a user: offers, approvals and pipeline risks concern pay, so people whose
 * role cannot read compensation (interviewers) get only scorecard reminders.
 */
export function mayReceive(kind: NotificationKind, canReadCompensation: boolean): boolean {
  return canReadCompensation || SAFE_WITHOUT_COMPENSATION.has(kind);
}

export const CHANNELS = ['email', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DIGEST_MODES = ['off', 'daily'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

/** A user's choice of channels: in-app is always on; e-mail and chat are on by default (they only reach anyone once the company configures them); e-mail can be one daily digest. */
export const NotificationPreferences = z.strictObject({
  email: z.boolean(),
  chat: z.boolean(),
  digest: z.enum(DIGEST_MODES),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const DEFAULT_PREFERENCES: NotificationPreferences = { email: true, chat: true, digest: 'off' };

const Host = cleanText(253).refine((h) => /^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(h), { message: 'A host name or IP address' });

/** SMTP relay of the company. No password needed for a local relay; when given it is stored and never shown. */
export const EmailSettings = z.strictObject({
  host: Host,
  port: z.number().int().min(1).max(65_535),
  secure: z.boolean(),
  from: Email,
  /** Do not upgrade with STARTTLS (local relays and tests only). */
  ignoreTls: z.boolean().optional(),
  user: cleanText(254).optional(),
  password: cleanText(1_024).optional(),
});
export type EmailSettings = z.infer<typeof EmailSettings>;

export const ChatSettings = z.strictObject({
  webhookUrl: cleanText(2_048).refine(
    (u) => {
      try {
        const url = new URL(u);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    },
    { message: 'An http(s) URL without credentials' },
  ),
});
export type ChatSettings = z.infer<typeof ChatSettings>;

/** The company's delivery settings; null turns a channel off. */
export const DeliverySettings = z.strictObject({
  email: EmailSettings.nullable(),
  chat: ChatSettings.nullable(),
});
export type DeliverySettings = z.infer<typeof DeliverySettings>;

export interface RetryPolicy {
  baseSeconds: number;
  factor: number;
  maxSeconds: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseSeconds: deliveryData.retryBaseSeconds.value,
  factor: deliveryData.retryFactor.value,
  maxSeconds: deliveryData.retryMaxSeconds.value,
  maxAttempts: deliveryData.maxAttempts.value,
};

export const DELIVERY_DEFAULTS = {
  leaseSeconds: deliveryData.leaseSeconds.value,
  sendTimeoutSeconds: deliveryData.sendTimeoutSeconds.value,
  batchSize: deliveryData.batchSize.value,
  dispatchIntervalSeconds: deliveryData.dispatchIntervalSeconds.value,
  scanIntervalSeconds: deliveryData.scanIntervalSeconds.value,
  digestHourLocal: deliveryData.digestHourLocal.value,
} as const;

/**
 * After a failed attempt: when to try again (exponential backoff, capped), or undefined to give up.
 * `attempts` counts the attempts made so far, including the one that just failed.
 * @example retryDelaySeconds(1) // 30, then 60, 120, ... up to 3600
 */
export function retryDelaySeconds(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  return Math.min(policy.maxSeconds, policy.baseSeconds * policy.factor ** Math.max(0, attempts - 1));
}
