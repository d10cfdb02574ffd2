import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { getDeliverySettings, putDeliverySettings } from '../../api/notifications.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { CheckRow } from '../../components/CheckRow.js';
import { TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { DELIVERY_FIELDS, deliveryBody, deliveryForm, maskUrl } from './delivery-form.js';
import type { DeliveryField, DeliveryForm } from './delivery-form.js';

/** The company's SMTP relay and chat webhook (company.update); secrets are never shown again once saved. */
export function NotificationDeliverySection() {
  const delivery = useResource((signal) => getDeliverySettings(signal), []);
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
    const checked = deliveryBody(form, stored);
    setErrors(checked.errors ?? {});
    if (checked.errors) {
      focusFirstError(formRef.current, DELIVERY_FIELDS, checked.errors);
      return;
    }
    const body = checked.body;
    setBusy(true);
    try {
      const saved = await putDeliverySettings(body);
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
            <CheckRow name="emailOn" label="Send e-mail through an SMTP relay" checked={form.emailOn} onChange={set('emailOn')} />
            {form.emailOn ? (
              <>
                <div className="field-row">
                  <TextField label="SMTP host" name="email.host" value={form.host} onChange={set('host', 'email.host')} error={errors['email.host']} autoComplete="off" />
                  <TextField label="SMTP port" name="email.port" inputMode="numeric" value={form.port} onChange={set('port', 'email.port')} error={errors['email.port']} />
                </div>
                <CheckRow name="secure" label="Use TLS from the start (port 465)" checked={form.secure} onChange={set('secure')} />
                <CheckRow name="ignoreTls" label="Do not upgrade to TLS (local relay only)" checked={form.ignoreTls} onChange={set('ignoreTls')} />
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
            <CheckRow name="chatOn" label="Post to a chat webhook (Slack-compatible)" checked={form.chatOn} onChange={set('chatOn')} />
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
