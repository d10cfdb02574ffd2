import { z } from 'zod';
import { DIGEST_MODES, NOTIFICATION_KINDS, type DeliverySettings } from '../../../domain/notifications/index.js';
import type { NotificationRecord } from '../../services/records.js';

export const NotificationView = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  applicationId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export function presentNotification(n: NotificationRecord): z.infer<typeof NotificationView> {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, applicationId: n.applicationId, createdAt: n.createdAt, readAt: n.readAt };
}

export const PreferencesView = z.object({ inApp: z.literal(true), email: z.boolean(), chat: z.boolean(), digest: z.enum(DIGEST_MODES) });

export const DeliverySettingsView = z.object({
  email: z
    .object({ host: z.string(), port: z.number().int(), secure: z.boolean(), from: z.string(), ignoreTls: z.boolean(), user: z.string().nullable(), hasPassword: z.boolean() })
    .nullable(),
  chat: z.object({ webhookUrl: z.string() }).nullable(),
  appUrl: z.string().nullable(),
});

/** Settings as shown to admins: the SMTP password never leaves the server. */
export function presentDeliverySettings(s: DeliverySettings & { appUrl?: string }): z.infer<typeof DeliverySettingsView> {
  const email = s.email ? { host: s.email.host, port: s.email.port, secure: s.email.secure, from: s.email.from, ignoreTls: s.email.ignoreTls ?? false, user: s.email.user ?? null, hasPassword: s.email.password !== undefined } : null;
  return { email, chat: s.chat ? { webhookUrl: s.chat.webhookUrl } : null, appUrl: s.appUrl ?? null };
}
