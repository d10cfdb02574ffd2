import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { isApiError } from '../../api/client.js';
import { logIn } from '../../api/endpoints.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useSession } from '../../session/SessionProvider.js';

const FIELDS = ['email', 'password', 'code'] as const;
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
