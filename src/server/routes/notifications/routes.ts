import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import {
  getPreferences,
  listMyNotifications,
  putDeliverySettings,
  putPreferences,
  readDeliverySettings,
  readNotification,
  readNotifications,
} from '../../services/notifications.js';
import { errorResponses, IdParams, NoBody, pageWindow } from '../../../api/shared.js';
import { presentDeliverySettings, presentNotification } from './presenter.js';
import { DeliverySettingsBody, DeliverySettingsView, NotificationListQuery, NotificationListView, NotificationView, PreferencesBody, PreferencesView, ReadManyBody, ReadManyView } from '../../../api/notifications.js';

export function registerNotificationRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/notifications', {
    preValidation: requireAction('notifications.manage-own'),
    schema: { tags: ['notifications'], querystring: NotificationListQuery, response: { 200: NotificationListView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    const q = request.query;
    const { items, unread } = await listMyNotifications(ctx.store.db, user.id, { unreadOnly: q.unread === 'true', ...pageWindow(q) });
    return { items: items.map(presentNotification), unread };
  });

  app.post('/api/v1/notifications/:id/read', {
    preValidation: requireAction('notifications.manage-own'),
    schema: { tags: ['notifications'], params: IdParams, body: NoBody, response: { 200: NotificationView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    return presentNotification(await readNotification(ctx.store, user.id, request.params.id, ctx.now()));
  });

  app.post('/api/v1/notifications/read', {
    preValidation: requireAction('notifications.manage-own'),
    schema: { tags: ['notifications'], body: ReadManyBody, response: { 200: ReadManyView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    return readNotifications(ctx.store, user.id, request.body?.ids ?? undefined, ctx.now());
  });

  app.get('/api/v1/notifications/preferences', {
    preValidation: requireAction('notifications.manage-own'),
    schema: { tags: ['notifications'], response: { 200: PreferencesView, ...errorResponses } },
  }, async (request) => ({ inApp: true as const, ...(await getPreferences(ctx.store, request.auth!.user.id)) }));

  app.put('/api/v1/notifications/preferences', {
    preValidation: requireAction('notifications.manage-own'),
    schema: { tags: ['notifications'], body: PreferencesBody, response: { 200: PreferencesView, ...errorResponses } },
  }, async (request) => ({ inApp: true as const, ...(await putPreferences(ctx.store, request.auth!.user.id, request.body, ctx.now())) }));

  app.get('/api/v1/notifications/settings', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['notifications'], response: { 200: DeliverySettingsView, ...errorResponses } },
  }, async () => presentDeliverySettings(await readDeliverySettings(ctx.store.db)));

  app.put('/api/v1/notifications/settings', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['notifications'], body: DeliverySettingsBody, response: { 200: DeliverySettingsView, ...errorResponses } },
  }, async (request) => presentDeliverySettings(await putDeliverySettings(ctx.store, request.auth!.user, { email: request.body.email, chat: request.body.chat, appUrl: request.body.appUrl ?? null }, ctx.now())));
}
