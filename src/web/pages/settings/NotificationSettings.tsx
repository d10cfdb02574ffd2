import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api } from '../../api/client.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import './check-rows.css';

// Endpoints of docs/interviews-offers.md: GET/PUT /notifications/preferences (everyone), /notifications/settings (company.update).

interface Preferences {
  inApp: true;
  email: boolean;
  chat: boolean;
  digest: 'off' | 'daily';
}

interface DeliverySettings {
  email: { host: string; port: number; secure: boolean; from: string; ignoreTls: boolean; user: string | null; hasPassword: boolean } | null;
  chat: { webhookUrl: string } | null;
  appUrl: string | null;
}

const getPreferences = (signal?: AbortSignal) => api.get<Preferences>('/notifications/preferences', { signal });
const putPreferences = (body: Omit<Preferences, 'inApp'>) => api.put<Preferences>('/notifications/preferences', body);
const getDelivery = (signal?: AbortSignal) => api.get<DeliverySettings>('/notifications/settings', { signal });
const putDelivery = (body: unknown) => api.put<DeliverySettings>('/notifications/settings', body);

function Check({ label, hint, checked, disabled, onChange, name }: { label: ReactNode; hint?: ReactNode; checked: boolean; disabled?: boolean; onChange?: (v: boolean) => void; name: string }) {
  const id = useId();
  return (
    <div className="check-row">
      <input id={id} type="checkbox" name={name} checked={checked} disabled={disabled} onChange={(e) => onChange?.(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id} className="check-label">
          {label}
        </label>
        {hint ? (
          <span id={`${id}-hint`} className="field-hint check-hint">
            {hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Settings › Notifications: each person's channels and digest; for admins, the company's SMTP relay and chat webhook. */
export function NotificationSettings() {
  useDocumentTitle(['Notifications', 'Settings']);
  const user = useCurrentUser();
  return (
    <>
      <PreferencesSection />
      {can(user.role, 'company.update') ? <DeliverySection /> : null}
    </>
  );
}

function PreferencesSection() {
  const prefs = useResource((signal) => getPreferences(signal), []);
  const [form, setForm] = useState<Omit<Preferences, 'inApp'>>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string }>();
  useEffect(() => {
    const d = prefs.state.data;
    if (d && !form) setForm({ email: d.email, chat: d.chat, digest: d.digest });
  }, [prefs.state.data, form]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const saved = await putPreferences(form);
      setForm({ email: saved.email, chat: saved.chat, digest: saved.digest });
      setMessage({ tone: 'success', text: 'Your notification choices are saved.' });
    } catch (error) {
      setMessage({ tone: 'error', text: formFailure(error, []).form ?? 'Could not save.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="prefs-heading" className="settings-section">
      <h2 id="prefs-heading">Your notifications</h2>
      <p className="muted">
        Late clocks, high risks, approval requests and overdue scorecards reach the people who can act on them: the same work your Today page shows
        you. They always appear under the bell at the top of every page; choose whether they also reach you by e-mail or chat.
      </p>
      {prefs.state.status === 'error' ? <Alert>{prefs.state.error}</Alert> : null}
      {!form ? (
        prefs.state.status === 'loading' ? (
          <p className="muted" role="status">
            Loading your choices…
          </p>
        ) : null
      ) : (
        <form className="card stack notification-form" onSubmit={onSubmit} noValidate>
          <fieldset className="fieldset">
            <legend>Channels</legend>
            <Check name="inApp" label="In the app" hint="Always on: the bell at the top of every page shows the count and the list." checked disabled />
            <Check name="email" label="E-mail" hint="Sent once the company has set up e-mail." checked={form.email} onChange={(email) => setForm({ ...form, email })} />
            <Check name="chat" label="Chat" hint="Posted to the company's chat webhook (Slack-compatible)." checked={form.chat} onChange={(chat) => setForm({ ...form, chat })} />
          </fieldset>
          <SelectField
            label="E-mail timing"
            name="digest"
            value={form.digest}
            disabled={!form.email}
            hint="A daily digest replaces immediate e-mails with one e-mail at 08:00 in the company's time zone."
            options={[
              { value: 'off', label: 'Immediately' },
              { value: 'daily', label: 'Daily digest' },
            ]}
            onChange={(digest) => setForm({ ...form, digest: digest as 'off' | 'daily' })}
          />
          {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
              Save my choices
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

const DELIVERY_FIELDS = ['email.host', 'email.port', 'email.from', 'email.user', 'email.password', 'chat.webhookUrl', 'appUrl'] as const;
type DeliveryField = (typeof DELIVERY_FIELDS)[number];

interface DeliveryForm {
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

function deliveryForm(d: DeliverySettings): DeliveryForm {
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

function DeliverySection() {
  const delivery = useResource((signal) => getDelivery(signal), []);
  const [form, setForm] = useState<DeliveryForm>();
  const [errors, setErrors] = useState<FieldErrors<DeliveryField>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string }>();
  const formRef = useRef<HTMLFormElement>(null);
  const stored = delivery.state.data;
  useEffect(() => {
    if (stored && !form) setForm(deliveryForm(stored));
  }, [stored, form]);

  const set = <K extends keyof DeliveryForm>(key: K, field?: DeliveryField) => (value: DeliveryForm[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    if (field && errors[field]) setErrors(({ [field]: _r, ...rest }) => rest as FieldErrors<DeliveryField>);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form || !stored) return;
    setMessage(undefined);
    const local: FieldErrors<DeliveryField> = {};
    const port = Number(form.port);
    if (form.emailOn && (!/^\d{1,5}$/.test(form.port.trim()) || port < 1 || port > 65535)) local['email.port'] = 'A port from 1 to 65535, usually 587 or 465.';
    const webhookUrl = form.webhookUrl.trim() || stored.chat?.webhookUrl || '';
    if (form.chatOn && !webhookUrl) local['chat.webhookUrl'] = 'Paste the incoming-webhook URL from your chat tool.';
    setErrors(local);
    if (Object.keys(local).length) {
      focusFirstError(formRef.current, DELIVERY_FIELDS, local);
      return;
    }
    const body = {
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
    };
    setBusy(true);
    try {
      const saved = await putDelivery(body);
      delivery.setData(() => saved);
      setForm(deliveryForm(saved));
      setMessage({ tone: 'success', text: 'Delivery settings saved.' });
    } catch (error) {
      const failure = formFailure(error, DELIVERY_FIELDS);
      setErrors(failure.fields);
      if (failure.form) setMessage({ tone: 'error', text: failure.form });
      focusFirstError(formRef.current, DELIVERY_FIELDS, failure.fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delivery-heading" className="settings-section">
      <h2 id="delivery-heading">Delivery for the company</h2>
      <p className="muted">How Closer sends e-mail and chat messages. Notifications never carry pay figures.</p>
      {delivery.state.status === 'error' ? <Alert>{delivery.state.error}</Alert> : null}
      {form && stored ? (
        <form ref={formRef} className="card stack notification-form" onSubmit={onSubmit} noValidate>
          <fieldset className="fieldset">
            <legend>E-mail (SMTP)</legend>
            <Check name="emailOn" label="Send e-mail through an SMTP relay" checked={form.emailOn} onChange={set('emailOn')} />
            {form.emailOn ? (
              <>
                <div className="field-row">
                  <TextField label="SMTP host" name="email.host" value={form.host} onChange={set('host', 'email.host')} error={errors['email.host']} autoComplete="off" />
                  <TextField label="SMTP port" name="email.port" inputMode="numeric" value={form.port} onChange={set('port', 'email.port')} error={errors['email.port']} />
                </div>
                <Check name="secure" label="Use TLS from the start (port 465)" checked={form.secure} onChange={set('secure')} />
                <Check name="ignoreTls" label="Do not upgrade to TLS (local relay only)" checked={form.ignoreTls} onChange={set('ignoreTls')} />
                <TextField label="From address" name="email.from" type="email" value={form.from} onChange={set('from', 'email.from')} error={errors['email.from']} />
                <div className="field-row">
                  <TextField label="SMTP user" name="email.user" optional value={form.user} onChange={set('user', 'email.user')} error={errors['email.user']} autoComplete="off" />
                  <TextField
                    label="SMTP password"
                    name="email.password"
                    type="password"
                    optional
                    autoComplete="new-password"
                    value={form.password}
                    onChange={set('password', 'email.password')}
                    error={errors['email.password']}
                    hint={stored.email?.hasPassword ? 'A password is stored. Leave blank to keep it.' : 'Never shown again after saving.'}
                  />
                </div>
              </>
            ) : null}
          </fieldset>
          <fieldset className="fieldset">
            <legend>Chat</legend>
            <Check name="chatOn" label="Post to a chat webhook (Slack-compatible)" checked={form.chatOn} onChange={set('chatOn')} />
            {form.chatOn ? (
              <TextField
                label="Webhook URL"
                name="chat.webhookUrl"
                type="password"
                autoComplete="off"
                value={form.webhookUrl}
                onChange={set('webhookUrl', 'chat.webhookUrl')}
                error={errors['chat.webhookUrl']}
                hint={stored.chat ? `Stored: ${maskUrl(stored.chat.webhookUrl)}. Leave blank to keep it.` : 'The URL holds a secret; it is not shown again.'}
              />
            ) : null}
          </fieldset>
          <TextField
            label="Closer address for links"
            name="appUrl"
            optional
            value={form.appUrl}
            onChange={set('appUrl', 'appUrl')}
            error={errors.appUrl}
            hint="For example https://closer.example.com; links in messages point here."
          />
          {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
              Save delivery settings
            </Button>
          </div>
        </form>
      ) : delivery.state.status === 'loading' ? (
        <p className="muted" role="status">
          Loading delivery settings…
        </p>
      ) : null}
    </section>
  );
}

