/** In-app notifications of the signed-in person (docs/interviews-offers.md): the bell's list and read state. */
import { api } from './client.js';

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A path inside the app ("/offers/…"). */
  link: string;
  applicationId: string | null;
  createdAt: string;
  readAt: string | null;
}

export function listNotifications(signal?: AbortSignal, limit = 20): Promise<{ items: AppNotification[]; unread: number }> {
  return api.get('/notifications', { query: { limit }, signal });
}

export function markNotificationRead(id: string): Promise<AppNotification> {
  return api.post(`/notifications/${encodeURIComponent(id)}/read`, {});
}

export function markAllNotificationsRead(): Promise<{ marked: number; unread: number }> {
  return api.post('/notifications/read', {});
}
