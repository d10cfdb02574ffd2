import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { deliverySettingsOf, getPreferences, markRead, presentDeliverySettings, putDeliverySettings, putPreferences } from '../../services/notifications.js';
import {
  countUnreadNotifications,
  getCompany,
  getNotificationOfUserOrThrow,
  inTransaction,
  listNotifications,
} from '../../../storage/index.js';
import { errorResponses, IdParams, NoBody, pageWindow } from '../../../api/shared.js';
import { presentNotification } from './presenter.js';
import { DeliverySettingsBody, DeliverySettingsView, NotificationListQuery, NotificationListView, NotificationView, PreferencesBody, PreferencesView, ReadManyBody, ReadManyView } from '../../../api/notifications.js';

export function registerNotificationRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/notifications', {
    preValidation: requireAction('notifications.manage-own'),
    schema: { tags: ['notifications'], querystring: NotificationListQuery, response: { 200: NotificationListView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    const q = request.query;
    const [items, unread] = await Promise.all([
      listNotifications(ctx.store.db, user.id, { unreadOnly: q.unread === 'true', ...pageWindow(q) }),
      countUnreadNotifications(ctx.store.db, user.id),
    ]);
    return { items: items.map(presentNotification), unread };
  });

  app.post('/api/v1/notifications/:id/read', {
    preValidation: requireAction('notifications.manage-own'),
    schema: { tags: ['notifications'], params: IdParams, body: NoBody, response: { 200: NotificationView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    return inTransaction(ctx.store.db, async (tx) => {
      await markRead(tx, user.id, [request.params.id], ctx.now());
      return presentNotification(await getNotificationOfUserOrThrow(tx, user.id, request.params.id));
    });
  });

  app.post('/api/v1/notifications/read', {
    preValidation: requireAction('notifications.manage-own'),
    schema: { tags: ['notifications'], body: ReadManyBody, response: { 200: ReadManyView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    return inTransaction(ctx.store.db, async (tx) => {
      const marked = await markRead(tx, user.id, request.body?.ids ?? undefined, ctx.now());
      return { marked, unread: await countUnreadNotifications(tx, user.id) };
    });
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
  }, async () => presentDeliverySettings(deliverySettingsOf(await getCompany(ctx.store.db))));

  app.put('/api/v1/notifications/settings', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['notifications'], body: DeliverySettingsBody, response: { 200: DeliverySettingsView, ...errorResponses } },
  }, async (request) => putDeliverySettings(ctx.store, request.auth!.user, { email: request.body.email, chat: request.body.chat, appUrl: request.body.appUrl ?? null }, ctx.now()));
}
