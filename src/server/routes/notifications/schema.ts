import { z } from 'zod';
import { DeliverySettings, NotificationPreferences } from '../../../domain/notifications/index.js';
import { cleanText } from '../../../domain/company/company.js';

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.string().regex(/^\d{1,4}$/).optional(),
  offset: z.string().regex(/^\d{1,9}$/).optional(),
});
export const PreferencesBody = NotificationPreferences;
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
export const ReadManyBody = z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(500).optional() }).nullish();
