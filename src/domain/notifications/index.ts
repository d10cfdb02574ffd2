// Notifications: who is told what, through which channel, and how delivery retries. Pure and browser-safe.
export {
  CHANNELS,
  ChatSettings,
  DEFAULT_PREFERENCES,
  DEFAULT_RETRY_POLICY,
  DELIVERY_DEFAULTS,
  DIGEST_MODES,
  DeliverySettings,
  EmailSettings,
  NOTIFICATION_KINDS,
  NotificationPreferences,
  mayReceive,
  retryDelaySeconds,
} from './notifications.js';
export type { Channel, DigestMode, NotificationKind, RetryPolicy } from './notifications.js';
export { approvalRequestMessage, clockMessage, digestMessage, offerDecidedMessage, riskMessage } from './messages.js';
export type { NotificationMessage } from './messages.js';
