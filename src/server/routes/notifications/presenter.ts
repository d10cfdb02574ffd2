import type { NotificationRecord } from '../../services/records.js';
import { NotificationView } from '../../../api/notifications.js';

export function presentNotification(n: NotificationRecord): NotificationView {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, applicationId: n.applicationId, createdAt: n.createdAt, readAt: n.readAt };
}
