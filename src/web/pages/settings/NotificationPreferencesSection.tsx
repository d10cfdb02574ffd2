import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { getNotificationPreferences, putNotificationPreferences } from '../../api/notifications.js';
import type { NotificationPreferences } from '../../api/notifications.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { CheckRow } from '../../components/CheckRow.js';
import { SelectField } from '../../components/Field.js';
import { formFailure } from '../../components/form-errors.js';

type Choices = Omit<NotificationPreferences, 'inApp'>;
const choicesOf = (p: NotificationPreferences): Choices => ({ email: p.email, chat: p.chat, digest: p.digest });

/** Each person's channels (the app always, e-mail and chat on request) and whether e-mail comes at once or as a daily digest. */
export function NotificationPreferencesSection() {
  const prefs = useResource((signal) => getNotificationPreferences(signal), []);
  const [form, setForm] = useState<Choices>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string }>();
  useEffect(() => {
    const d = prefs.state.data;
    if (d && !form) setForm(choicesOf(d));
  }, [prefs.state.data, form]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setMessage(undefined);
    try {
      setForm(choicesOf(await putNotificationPreferences(form)));
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
            <CheckRow name="inApp" label="In the app" hint="Always on: the bell at the top of every page shows the count and the list." checked disabled />
            <CheckRow name="email" label="E-mail" hint="Sent once the company has set up e-mail." checked={form.email} onChange={(email) => setForm({ ...form, email })} />
            <CheckRow name="chat" label="Chat" hint="Posted to the company's chat webhook (Slack-compatible)." checked={form.chat} onChange={(chat) => setForm({ ...form, chat })} />
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
            onChange={(digest) => setForm({ ...form, digest: digest as Choices['digest'] })}
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
