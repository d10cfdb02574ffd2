import type { DeliverySettings } from '../../../domain/notifications/index.js';
import type { NotificationRecord } from '../../services/records.js';
import { DeliverySettingsView, NotificationView } from '../../../api/notifications.js';

export function presentNotification(n: NotificationRecord): NotificationView {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, applicationId: n.applicationId, createdAt: n.createdAt, readAt: n.readAt };
}

/** Settings as shown to admins: the SMTP password never leaves the server. */
export function presentDeliverySettings(s: DeliverySettings & { appUrl?: string }): DeliverySettingsView {
  const email = s.email ? { host: s.email.host, port: s.email.port, secure: s.email.secure, from: s.email.from, ignoreTls: s.email.ignoreTls ?? false, user: s.email.user ?? null, hasPassword: s.email.password !== undefined } : null;
  return { email, chat: s.chat ? { webhookUrl: s.chat.webhookUrl } : null, appUrl: s.appUrl ?? null };
}
