import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client.js';
import { logIn } from '../../api/endpoints.js';
import { getSsoStatus, startSso } from '../../api/sign-in-security.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useSession } from '../../session/SessionProvider.js';

const FIELDS = ['email', 'password', 'code'] as const;

/** What the sign-in page says when the company's provider sent someone back refused (`?sso=<reason>`). */
function ssoRefusal(reason: string, provider: string): string {
  switch (reason) {
    case 'state':
      return 'That sign-in took too long or was started in another browser. Try again.';
    case 'email_verified':
      return `${provider} has not verified the e-mail address of that account, so Closer cannot trust it.`;
    case 'email_domain':
      return 'That account’s e-mail address is not in your company’s domain. Sign in with your work account.';
    case 'unknown_user':
      return 'No one in Closer uses that e-mail address. Ask an owner or admin to add you.';
    case 'disabled':
      return 'This account is disabled. Ask an owner or admin.';
    case 'not_configured':
      return 'Single sign-on is no longer set up. Sign in with your password.';
    case 'rate_limited':
      return 'Too many sign-in attempts from here. Wait a few minutes and try again.';
    default:
      return `${provider} did not confirm the sign-in. Try again, or sign in with your password.`;
  }
}
type Field = (typeof FIELDS)[number];

export function LoginPage() {
  const { state, signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Asked for once the server says this account signs in in two steps (401 MFA_CODE_REQUIRED).
  const [needCode, setNeedCode] = useState(false);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const reason = state.phase === 'signed-out' ? state.reason : undefined;
  const [search] = useSearchParams();
  const sso = useResource((signal) => getSsoStatus(signal), []);
  const provider = sso.state.data?.enabled ? (sso.state.data.providerName ?? 'your company account') : undefined;
  const [ssoBusy, setSsoBusy] = useState(false);
  const [ssoError, setSsoError] = useState<string>();
  const refused = search.get('sso');

  useEffect(() => {
    document.title = 'Sign in · Closer';
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const local: FieldErrors<Field> = {};
    if (!email.trim()) local.email = 'Enter your e-mail.';
    if (!password) local.password = 'Enter your password.';
    if (needCode && !code.trim()) local.code = 'Enter the code from your authenticator app.';
    if (local.email || local.password || local.code) {
      flushSync(() => setErrors(local));
      focusFirstError(form.current, FIELDS, local);
      return;
    }
    setBusy(true);
    try {
      signIn(await logIn(email.trim(), password, needCode ? code.trim() : undefined));
    } catch (error) {
      setBusy(false);
      if (isApiError(error) && error.code === 'MFA_CODE_REQUIRED') {
        flushSync(() => {
          setNeedCode(true);
          setErrors({});
        });
        form.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
        return;
      }
      const failure = formFailure(error, FIELDS);
      flushSync(() => {
        setErrors(failure.fields);
        setFormError(failure.form);
      });
      focusFirstError(form.current, FIELDS, failure.fields);
    }
  };

  return (
    <main id="main" className="welcome">
      <div className="welcome-inner welcome-narrow">
        <p className="brand brand-static">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Closer
        </p>
        <h1>Sign in</h1>
        {reason === 'expired' ? <Alert tone="info">Your session ended. Sign in again to continue.</Alert> : null}
        {reason === 'signed-out' ? <Alert tone="success">You are signed out.</Alert> : null}
        {refused ? <Alert>{ssoRefusal(refused, provider ?? 'The sign-in provider')}</Alert> : null}
        {provider ? (
          <div className="card stack">
            {ssoError ? <Alert>{ssoError}</Alert> : null}
            <Button
              variant="primary"
              busy={ssoBusy}
              busyLabel="Going to sign in…"
              onClick={async () => {
                setSsoBusy(true);
                setSsoError(undefined);
                try {
                  window.location.assign((await startSso()).url);
                } catch (error) {
                  setSsoBusy(false);
                  setSsoError(errorMessage(error));
                }
              }}
            >
              {`Sign in with ${provider}`}
            </Button>
            <p className="muted">Or sign in with your e-mail and password below.</p>
          </div>
        ) : null}
        <form ref={form} className="card stack" onSubmit={submit} noValidate>
          {formError ? <Alert>{formError}</Alert> : null}
          <TextField
            label="E-mail"
            name="email"
            type="email"
            value={email}
            onChange={(value) => {
              setEmail(value);
              setErrors((current) => ({ ...current, email: undefined }));
            }}
            error={errors.email}
            autoComplete="username"
            autoFocus
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            value={password}
            onChange={(value) => {
              setPassword(value);
              setErrors((current) => ({ ...current, password: undefined }));
            }}
            error={errors.password}
            autoComplete="current-password"
          />
          {needCode ? (
            <TextField
              label="Code from your authenticator app"
              name="code"
              value={code}
              onChange={(value) => {
                setCode(value);
                setErrors((current) => ({ ...current, code: undefined }));
              }}
              error={errors.code}
              hint="The 6 digits your app shows now, or one of your recovery codes."
              autoComplete="one-time-code"
              inputMode="text"
            />
          ) : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Signing in…">
              Sign in
            </Button>
          </div>
        </form>
      </div>
    </main>
  );
}
