/** In-app notifications of the signed-in person (docs/interviews-offers.md): the bell's list and read state. */
import type { DeliverySettingsBody, DeliverySettingsView, NotificationListView, NotificationView, PreferencesBody, PreferencesView, ReadManyView } from '../../api/notifications.js';
import { api } from './client.js';

export type AppNotification = NotificationView;
/** A person's channels and digest (in the app is always on). */
export type NotificationPreferences = PreferencesView;
/** The company's SMTP relay and chat webhook; secrets come back masked (`hasPassword`) or not at all. */
export type DeliverySettings = DeliverySettingsView;

export function listNotifications(signal?: AbortSignal, limit = 20): Promise<NotificationListView> {
  return api.get('/notifications', { query: { limit }, signal });
}

export function markNotificationRead(id: string): Promise<AppNotification> {
  return api.post(`/notifications/${encodeURIComponent(id)}/read`, {});
}

export function markAllNotificationsRead(): Promise<ReadManyView> {
  return api.post('/notifications/read', {});
}

export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return api.get('/notifications/preferences', { signal });
}

export function putNotificationPreferences(body: PreferencesBody): Promise<NotificationPreferences> {
  return api.put('/notifications/preferences', body);
}

/** The company's delivery settings (company.update). */
export function getDeliverySettings(signal?: AbortSignal): Promise<DeliverySettings> {
  return api.get('/notifications/settings', { signal });
}

export function putDeliverySettings(body: DeliverySettingsBody): Promise<DeliverySettings> {
  return api.put('/notifications/settings', body);
}
