/** In-app notifications of the signed-in person (docs/interviews-offers.md): the bell's list and read state. */
import type { NotificationListView, NotificationView, ReadManyView } from '../../api/notifications.js';
import { api } from './client.js';

export type AppNotification = NotificationView;

export function listNotifications(signal?: AbortSignal, limit = 20): Promise<NotificationListView> {
  return api.get('/notifications', { query: { limit }, signal });
}

export function markNotificationRead(id: string): Promise<AppNotification> {
  return api.post(`/notifications/${encodeURIComponent(id)}/read`, {});
}

export function markAllNotificationsRead(): Promise<ReadManyView> {
  return api.post('/notifications/read', {});
}
