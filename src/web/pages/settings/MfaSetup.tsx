import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { confirmMfa, startMfaEnrolment } from '../../api/sign-in-security.js';
import type { MfaEnrolment } from '../../api/sign-in-security.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextField } from '../../components/Field.js';
import { OneTimeSecret } from '../../components/OneTimeSecret.js';
import { formFailure } from '../../components/form-errors.js';
import { useSession } from '../../session/SessionProvider.js';

/** A form with one code field: the authenticator app's 6 digits (or a recovery code where `recovery` says so). */
export function CodeForm({
  label,
  submitLabel,
  busyLabel,
  onSubmit,
  recovery = false,
  tone = 'primary',
  children,
}: {
  label: string;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (code: string) => Promise<void>;
  recovery?: boolean;
  tone?: 'primary' | 'danger';
  children?: ReactNode;
}) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    if (!code.trim()) {
      flushSync(() => setError('Enter the code from your authenticator app.'));
      input.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(code.trim());
      setCode('');
    } catch (failure) {
      const { fields, form } = formFailure(failure, ['code'] as const);
      flushSync(() => {
        setError(fields.code);
        setFormError(form);
      });
      input.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={input} className="stack" onSubmit={submit} noValidate>
      {children}
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        label={label}
        name="code"
        value={code}
        onChange={(value) => {
          setCode(value);
          setError(undefined);
        }}
        error={error}
        hint={recovery ? 'The 6 digits your app shows now, or one of your recovery codes.' : 'The 6 digits your app shows now.'}
        autoComplete="one-time-code"
      />
      <div className="form-actions">
        <Button type="submit" variant={tone === 'danger' ? 'danger' : 'primary'} busy={busy} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** Single-use recovery codes, shown once, with the one thing to do about them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="card stack" role="region" aria-label="Recovery codes">
      <h3>Save your recovery codes</h3>
      <p>
        Each code signs you in once if you lose your phone. Keep them somewhere safe, such as a password manager. They are shown only now.
      </p>
      <ul className="recovery-codes" aria-label="Recovery code list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div>
        <Button variant="primary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}

/** Enrolment: a new key shown as text and as an otpauth:// link, then a code from the app to turn it on, then recovery codes. */
export function MfaSetupFlow({ onEnabled }: { onEnabled: () => void }) {
  const [enrolment, setEnrolment] = useState<MfaEnrolment>();
  const [codes, setCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (codes) return <RecoveryCodes codes={codes} onDone={onEnabled} />;

  if (!enrolment) {
    return (
      <div className="stack">
        {error ? <Alert>{error}</Alert> : null}
        <div>
          <Button
            variant="primary"
            busy={busy}
            busyLabel="Creating a key…"
            onClick={async () => {
              setBusy(true);
              setError(undefined);
              try {
                setEnrolment(await startMfaEnrolment());
              } catch (failure) {
                setError(formFailure(failure, [] as const).form);
              } finally {
                setBusy(false);
              }
            }}
          >
            Set up two-step sign-in
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="card stack" role="region" aria-label="Set up two-step sign-in">
      <ol className="stack">
        <li>
          Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password or Aegis) and add an
          account. On this device you can <a href={enrolment.uri}>open the link in your app</a>.
        </li>
        <li>
          <OneTimeSecret label="Key to type into the app" secret={enrolment.secret}>
            Choose “time-based”; the account name is your e-mail.
          </OneTimeSecret>
          <OneTimeSecret label="Or paste this link into the app" secret={enrolment.uri} />
        </li>
        <li>
          <CodeForm
            label="Code the app shows"
            submitLabel="Turn on two-step sign-in"
            busyLabel="Checking…"
            onSubmit={async (code) => {
              setCodes((await confirmMfa(code)).recoveryCodes);
            }}
          />
        </li>
      </ol>
    </div>
  );
}

/** Shown instead of the app when the company requires two-step sign-in of this user's role and it is not set up. */
export function MfaEnrolmentRequiredPage() {
  const { refresh, signOut } = useSession();
  useEffect(() => {
    document.title = 'Set up two-step sign-in · Closer';
  }, []);
  return (
    <main id="main" className="welcome">
      <div className="welcome-inner welcome-narrow">
        <h1>Set up two-step sign-in</h1>
        <p className="welcome-lead">
          Your company asks owners, admins and approvers to sign in with a code from their phone as well as their password. Set it up once to
          continue.
        </p>
        <MfaSetupFlow onEnabled={refresh} />
        <div>
          <Button variant="ghost" onClick={() => void signOut()}>
            Sign out
          </Button>
        </div>
      </div>
    </main>
  );
}
