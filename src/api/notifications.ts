import { z } from 'zod';
import { PageQuery } from './shared.js';
import { DIGEST_MODES, DeliverySettings, NOTIFICATION_KINDS, NotificationPreferences } from '../domain/notifications/index.js';
import { cleanText } from '../domain/company/company.js';

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  ...PageQuery.shape,
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;
export const PreferencesBody = NotificationPreferences;
export type PreferencesBody = z.infer<typeof PreferencesBody>;
const AppUrl = cleanText(2_048).refine(
  (u) => {
    try {
      const url = new URL(u);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  },
  { message: 'An http(s) URL' },
);
export const DeliverySettingsBody = DeliverySettings.extend({ appUrl: AppUrl.nullable().optional() });
export type DeliverySettingsBody = z.infer<typeof DeliverySettingsBody>;
export const ReadManyBody = z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(500).optional() }).nullish();
export type ReadManyBody = z.infer<typeof ReadManyBody>;

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

export const PreferencesView = z.object({ inApp: z.literal(true), email: z.boolean(), chat: z.boolean(), digest: z.enum(DIGEST_MODES) });

export const DeliverySettingsView = z.object({
  email: z
    .object({ host: z.string(), port: z.number().int(), secure: z.boolean(), from: z.string(), ignoreTls: z.boolean(), user: z.string().nullable(), hasPassword: z.boolean() })
    .nullable(),
  chat: z.object({ webhookUrl: z.string() }).nullable(),
  appUrl: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;
export type PreferencesView = z.infer<typeof PreferencesView>;
export type DeliverySettingsView = z.infer<typeof DeliverySettingsView>;

/** GET /notifications: a page of the viewer's notifications and how many are unread in all. */
export const NotificationListView = z.object({ items: z.array(NotificationView), unread: z.number().int() });
export type NotificationListView = z.infer<typeof NotificationListView>;
/** POST /notifications/read: how many were marked read, and how many stay unread. */
export const ReadManyView = z.object({ marked: z.number().int(), unread: z.number().int() });
export type ReadManyView = z.infer<typeof ReadManyView>;
