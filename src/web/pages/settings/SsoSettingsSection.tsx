import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { deleteSsoSettings, getSsoSettings, putSsoSettings } from '../../api/sign-in-security.js';
import { useResource } from '../../api/use-resource.js';
import type { SsoSettingsView } from '../../../api/sso.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { CheckRow } from '../../components/CheckRow.js';
import { TextField } from '../../components/Field.js';
import { focusFirstError, formFailure, type FieldErrors } from '../../components/form-errors.js';

const FIELDS = ['providerName', 'issuer', 'clientId', 'clientSecret', 'allowedDomain'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  providerName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomain: string;
  createUsers: boolean;
}

function draftOf(s: SsoSettingsView): Draft {
  return { providerName: s.providerName ?? '', issuer: s.issuer ?? '', clientId: s.clientId ?? '', clientSecret: '', allowedDomain: s.allowedDomain ?? '', createUsers: s.createUsers };
}

/** Settings › Security, owners only: the company's single sign-on provider (OpenID Connect). */
export function SsoSettingsSection() {
  const settings = useResource((signal) => getSsoSettings(signal), []);
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<'save' | 'off'>();
  const form = useRef<HTMLFormElement>(null);
  const current = settings.state.data;
  const value = draft ?? (current ? draftOf(current) : undefined);

  const set = (field: keyof Draft, v: string | boolean) => {
    setDraft({ ...value!, [field]: v });
    setErrors((e) => ({ ...e, [field]: undefined }));
    setNotice(undefined);
  };

  const fail = (failure: unknown) => {
    const { fields, form: message } = formFailure(failure, FIELDS);
    flushSync(() => {
      setErrors(fields);
      setFormError(message);
    });
    focusFirstError(form.current, FIELDS, fields);
  };

  return (
    <section aria-labelledby="sso-heading" className="settings-section">
      <h2 id="sso-heading">Single sign-on</h2>
      <p className="muted">
        Let people sign in with your company’s identity provider (Google Workspace, Microsoft Entra, Okta and others that speak OpenID Connect). Closer signs
        in the person whose verified e-mail address the provider confirms. Passwords keep working.
      </p>
      {settings.state.status === 'error' ? <Alert>{settings.state.error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {current === undefined || value === undefined ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : (
        <form
          ref={form}
          className="stack"
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            setFormError(undefined);
            setBusy('save');
            try {
              const saved = await putSsoSettings(
                {
                  providerName: value.providerName.trim(),
                  issuer: value.issuer.trim(),
                  clientId: value.clientId.trim(),
                  ...(value.clientSecret ? { clientSecret: value.clientSecret } : {}),
                  allowedDomain: value.allowedDomain.trim() === '' ? null : value.allowedDomain.trim().toLowerCase(),
                  createUsers: value.createUsers,
                },
                current.version,
              );
              settings.setData(() => saved);
              setDraft(undefined);
              setNotice(`Saved. The sign-in page now offers “Sign in with ${saved.providerName ?? ''}”.`);
            } catch (failure) {
              fail(failure);
            } finally {
              setBusy(undefined);
            }
          }}
        >
          <p>{current.configured ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}</p>
          {formError ? <Alert>{formError}</Alert> : null}
          <div className="field">
            <span className="field-label">Redirect address to give your provider</span>
            <code style={{ overflowWrap: "anywhere" }}>{current.redirectUri}</code>
          </div>
          <TextField label="Provider name on the sign-in button" name="providerName" value={value.providerName} onChange={(v) => set('providerName', v)} error={errors.providerName} hint="For example: Google or Okta." />
          <TextField label="Issuer address" name="issuer" type="url" value={value.issuer} onChange={(v) => set('issuer', v)} error={errors.issuer} hint="The provider’s https:// address, as in its OpenID Connect settings." />
          <TextField label="Client ID" name="clientId" value={value.clientId} onChange={(v) => set('clientId', v)} error={errors.clientId} autoComplete="off" />
          <TextField
            label="Client secret"
            name="clientSecret"
            type="password"
            value={value.clientSecret}
            onChange={(v) => set('clientSecret', v)}
            error={errors.clientSecret}
            autoComplete="new-password"
            hint={current.clientSecretSet ? 'A secret is stored. Leave this empty to keep it.' : 'The secret your provider shows once when you register Closer.'}
            optional={current.clientSecretSet}
          />
          <TextField label="Allowed e-mail domain" name="allowedDomain" value={value.allowedDomain} onChange={(v) => set('allowedDomain', v)} error={errors.allowedDomain} hint="For example: yourcompany.com. Empty lets any address the provider verifies." optional />
          <CheckRow
            name="createUsers"
            label="Give an account to people who are not in Closer yet"
            hint="They start as interviewers; an owner or admin can change their role. Off: only people already in Closer can sign in this way."
            checked={value.createUsers}
            onChange={(v) => set('createUsers', v)}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy === 'save'} busyLabel="Saving…">
              Save single sign-on
            </Button>
            {current.configured ? (
              <Button
                variant="danger"
                busy={busy === 'off'}
                busyLabel="Turning off…"
                onClick={async () => {
                  setFormError(undefined);
                  setBusy('off');
                  try {
                    await deleteSsoSettings(current.version);
                    setDraft(undefined);
                    settings.reload();
                    setNotice('Single sign-on is off. People sign in with their passwords.');
                  } catch (failure) {
                    fail(failure);
                  } finally {
                    setBusy(undefined);
                  }
                }}
              >
                Turn off single sign-on
              </Button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
