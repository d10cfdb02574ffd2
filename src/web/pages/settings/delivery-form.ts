import type { DeliverySettingsBody } from '../../../api/notifications.js';
import type { DeliverySettings } from '../../api/notifications.js';
import type { FieldErrors } from '../../components/form-errors.js';

/** The company's delivery settings as the form edits them: text as typed, secrets blank unless being replaced. */

export const DELIVERY_FIELDS = ['email.host', 'email.port', 'email.from', 'email.user', 'email.password', 'chat.webhookUrl', 'appUrl'] as const;
export type DeliveryField = (typeof DELIVERY_FIELDS)[number];

export interface DeliveryForm {
  emailOn: boolean;
  host: string;
  port: string;
  secure: boolean;
  ignoreTls: boolean;
  from: string;
  user: string;
  password: string;
  chatOn: boolean;
  webhookUrl: string;
  appUrl: string;
}

export function deliveryForm(d: DeliverySettings): DeliveryForm {
  return {
    emailOn: d.email !== null,
    host: d.email?.host ?? '',
    port: d.email ? String(d.email.port) : '587',
    secure: d.email?.secure ?? false,
    ignoreTls: d.email?.ignoreTls ?? false,
    from: d.email?.from ?? '',
    user: d.email?.user ?? '',
    // Secrets are never shown: a blank password keeps the stored one, a blank webhook keeps the stored URL.
    password: '',
    chatOn: d.chat !== null,
    webhookUrl: '',
    appUrl: d.appUrl ?? '',
  };
}

/** "https://hooks.slack.com/…/XyZ9": enough to recognise a stored webhook without showing its secret path. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…${url.slice(-4)}`;
  } catch {
    return 'a stored URL';
  }
}

/**
 * What to send, or the fields to fix first: a port from 1 to 65535 when e-mail is on, a webhook URL when chat is on
 * (a blank one keeps the stored URL), a blank password keeps the stored one.
 */
export function deliveryBody(form: DeliveryForm, stored: DeliverySettings): { body: DeliverySettingsBody; errors?: undefined } | { body?: undefined; errors: FieldErrors<DeliveryField> } {
  const errors: FieldErrors<DeliveryField> = {};
  const port = Number(form.port);
  if (form.emailOn && (!/^\d{1,5}$/.test(form.port.trim()) || port < 1 || port > 65535)) errors['email.port'] = 'A port from 1 to 65535, usually 587 or 465.';
  const webhookUrl = form.webhookUrl.trim() || stored.chat?.webhookUrl || '';
  if (form.chatOn && !webhookUrl) errors['chat.webhookUrl'] = 'Paste the incoming-webhook URL from your chat tool.';
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      email: form.emailOn
        ? {
            host: form.host.trim(),
            port,
            secure: form.secure,
            from: form.from.trim(),
            ...(form.ignoreTls ? { ignoreTls: true } : {}),
            ...(form.user.trim() ? { user: form.user.trim() } : {}),
            ...(form.password ? { password: form.password } : {}),
          }
        : null,
      chat: form.chatOn ? { webhookUrl } : null,
      appUrl: form.appUrl.trim() || null,
    },
  };
}
