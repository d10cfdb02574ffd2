import { describe, expect, it } from 'vitest';
import type { DeliverySettings } from '../../api/notifications.js';
import { deliveryBody, deliveryForm, maskUrl } from './delivery-form.js';

const stored: DeliverySettings = {
  email: { host: 'smtp.example.com', port: 587, secure: false, from: 'closer@example.com', ignoreTls: false, user: 'mailer', hasPassword: true },
  chat: { webhookUrl: 'https://hooks.slack.com/services/T0/B0/XyZ9' },
  appUrl: 'https://closer.example.com',
};

describe('the delivery settings form', () => {
  it('starts from what is stored, with the secrets blank', () => {
    expect(deliveryForm(stored)).toMatchObject({ emailOn: true, host: 'smtp.example.com', port: '587', user: 'mailer', password: '', chatOn: true, webhookUrl: '' });
    expect(deliveryForm({ email: null, chat: null, appUrl: null })).toMatchObject({ emailOn: false, port: '587', chatOn: false, appUrl: '' });
  });

  it('keeps the stored password and webhook when left blank, and drops what is switched off', () => {
    const form = { ...deliveryForm(stored), host: ' smtp.example.com ', appUrl: '' };
    expect(deliveryBody(form, stored).body).toEqual({
      email: { host: 'smtp.example.com', port: 587, secure: false, from: 'closer@example.com', user: 'mailer' },
      chat: { webhookUrl: 'https://hooks.slack.com/services/T0/B0/XyZ9' },
      appUrl: null,
    });
    expect(deliveryBody({ ...form, emailOn: false, chatOn: false }, stored).body).toEqual({ email: null, chat: null, appUrl: null });
    expect(deliveryBody({ ...form, password: 's3cret' }, stored).body?.email).toMatchObject({ password: 's3cret' });
  });

  it('asks for a port in range and a webhook when chat is on and none is stored', () => {
    const form = { ...deliveryForm({ email: null, chat: null, appUrl: null }), emailOn: true, port: '70000', chatOn: true };
    expect(deliveryBody(form, { email: null, chat: null, appUrl: null }).errors).toEqual({
      'email.port': 'A port from 1 to 65535, usually 587 or 465.',
      'chat.webhookUrl': 'Paste the incoming-webhook URL from your chat tool.',
    });
  });

  it('masks a stored webhook down to its host and last four characters', () => {
    expect(maskUrl('https://hooks.slack.com/services/T0/B0/XyZ9')).toBe('https://hooks.slack.com/…XyZ9');
    expect(maskUrl('not a url')).toBe('a stored URL');
  });
});
