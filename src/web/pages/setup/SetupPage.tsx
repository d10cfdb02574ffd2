import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { errorMessage, isApiError } from '../../api/client.js';
import { openDemoWorkspace, setUpCompany } from '../../api/endpoints.js';
import type { CompanyStage, DemoSession, Session } from '../../api/types.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Money } from '../../components/Money.js';
import { OneTimeSecret } from '../../components/OneTimeSecret.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useDraft } from '../../components/use-draft.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { useSession } from '../../session/SessionProvider.js';
import { STAGE_OPTIONS, browserTimeZone, currencyOptions, timeZoneOptions } from '../../lib/company-options.js';

const FIELDS = [
  'company.name',
  'company.stage',
  'company.raisedUsd',
  'company.headcount',
  'company.aiTeamSize',
  'company.currency',
  'company.timeZone',
  'owner.name',
  'owner.email',
  'owner.password',
] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  companyName: string;
  stage: string;
  raised: string;
  headcount: string;
  aiTeamSize: string;
  currency: string;
  timeZone: string;
  ownerName: string;
  ownerEmail: string;
}

/** First run: set up the company (and its owner), or open the demo workspace. */
export function SetupPage() {
  const { signIn, refresh } = useSession();
  const [demo, setDemo] = useState<DemoSession>();

  useEffect(() => {
    document.title = 'Welcome · Closer';
  }, []);

  if (demo) {
    return (
      <main id="main" className="welcome">
        <div className="welcome-inner welcome-narrow">
          <p className="brand brand-static">
            <span className="brand-mark" aria-hidden="true">
              C
            </span>
            Closer
          </p>
          <h1>The demo workspace is ready</h1>
          <p>You are signed in as the demo owner. To sign in again later, use these credentials:</p>
          <div className="card stack">
            <OneTimeSecret label="Demo e-mail" secret={demo.credentials.email} />
            <OneTimeSecret label="Demo password" secret={demo.credentials.password} />
          </div>
          <Button variant="primary" onClick={() => signIn(demo)} autoFocus>
            Continue to Today
          </Button>
        </div>
      </main>
    );
  }

  return (
    <main id="main" className="welcome">
      <div className="welcome-inner">
        <p className="brand brand-static">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Closer
        </p>
        <h1>Welcome to Closer</h1>
        <p className="welcome-lead">This workspace is not set up yet. Choose how to start.</p>
        <div className="welcome-options">
          <SetupForm onDone={signIn} onAlreadySetUp={refresh} />
          <DemoCard onOpened={setDemo} />
        </div>
      </div>
    </main>
  );
}

function SetupForm({ onDone, onAlreadySetUp }: { onDone: (session: Session) => void; onAlreadySetUp: () => void }) {
  const currencies = useMemo(currencyOptions, []);
  const zones = useMemo(timeZoneOptions, []);
  const [draft, setDraft, clearDraft] = useDraft<Draft>('setup', {
    companyName: '',
    stage: '',
    raised: '',
    headcount: '',
    aiTeamSize: '',
    currency: 'USD',
    timeZone: browserTimeZone(zones),
    ownerName: '',
    ownerEmail: '',
  });
  // The password is never kept in the draft.
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<{ message: string; alreadySetUp: boolean }>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const set = (key: keyof Draft, field: Field) => (value: string) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const raised = parseWholeNumber(draft.raised, { allowSuffix: true });

  const showErrors = (next: FieldErrors<Field>) => {
    flushSync(() => setErrors(next));
    focusFirstError(form.current, FIELDS, next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const local: FieldErrors<Field> = {};
    if (!draft.companyName.trim()) local['company.name'] = 'Enter the company name.';
    if (!draft.stage) local['company.stage'] = 'Choose the stage the company is at.';
    const headcount = parseWholeNumber(draft.headcount);
    const aiTeam = parseWholeNumber(draft.aiTeamSize);
    if (!raised.ok) local['company.raisedUsd'] = raised.message;
    if (!headcount.ok) local['company.headcount'] = headcount.message;
    if (!aiTeam.ok) local['company.aiTeamSize'] = aiTeam.message;
    if (!draft.ownerName.trim()) local['owner.name'] = 'Enter your name.';
    if (!draft.ownerEmail.trim()) local['owner.email'] = 'Enter your work e-mail.';
    if (!password) local['owner.password'] = 'Choose a password.';
    if (Object.keys(local).length > 0 || !raised.ok || !headcount.ok || !aiTeam.ok) {
      showErrors(local);
      return;
    }

    setBusy(true);
    try {
      const session = await setUpCompany({
        company: {
          name: draft.companyName.trim(),
          stage: draft.stage as CompanyStage,
          raisedUsd: raised.value,
          headcount: headcount.value,
          aiTeamSize: aiTeam.value,
          currency: draft.currency,
          timeZone: draft.timeZone,
        },
        owner: { name: draft.ownerName.trim(), email: draft.ownerEmail.trim(), password },
      });
      clearDraft();
      onDone(session);
    } catch (error) {
      setBusy(false);
      const failure = formFailure(error, FIELDS);
      if (failure.form) {
        setFormError({ message: failure.form, alreadySetUp: isApiError(error) && error.code === 'ALREADY_SET_UP' });
      }
      showErrors(failure.fields);
    }
  };

  return (
    <section className="card welcome-card" aria-labelledby="setup-heading">
      <h2 id="setup-heading">Set up your company</h2>
      <p className="muted">Closer uses these figures to set pay bands and budgets. You can change them later.</p>
      <form ref={form} onSubmit={submit} noValidate className="stack">
        {formError ? (
          <Alert>
            {formError.message}{' '}
            {formError.alreadySetUp ? (
              <button type="button" className="link-button" onClick={onAlreadySetUp}>
                Go to sign in
              </button>
            ) : null}
          </Alert>
        ) : null}
        <fieldset className="fieldset">
          <legend>Company</legend>
          <TextField label="Company name" name="company.name" value={draft.companyName} onChange={set('companyName', 'company.name')} error={errors['company.name']} autoComplete="organization" />
          <SelectField label="Stage" name="company.stage" value={draft.stage} options={STAGE_OPTIONS} onChange={set('stage', 'company.stage')} error={errors['company.stage']} />
          <TextField
            label="Amount raised (USD)"
            name="company.raisedUsd"
            value={draft.raised}
            onChange={set('raised', 'company.raisedUsd')}
            error={errors['company.raisedUsd']}
            inputMode="decimal"
            hint={
              raised.ok && draft.raised.trim() ? (
                <>
                  Total raised to date: <Money amount={raised.value} currency="USD" />
                </>
              ) : (
                'Total raised to date, in US dollars: 4000000, 4,000,000 or 4M.'
              )
            }
          />
          <div className="field-row">
            <TextField label="Headcount" name="company.headcount" value={draft.headcount} onChange={set('headcount', 'company.headcount')} error={errors['company.headcount']} inputMode="numeric" hint="People employed today." />
            <TextField label="AI team size" name="company.aiTeamSize" value={draft.aiTeamSize} onChange={set('aiTeamSize', 'company.aiTeamSize')} error={errors['company.aiTeamSize']} inputMode="numeric" hint="Of those, how many build ML/AI." />
          </div>
          <div className="field-row">
            <SelectField label="Pay currency" name="company.currency" value={draft.currency} options={currencies} onChange={set('currency', 'company.currency')} error={errors['company.currency']} hint="Salaries and offers are shown in it." />
            <SelectField label="Time zone" name="company.timeZone" value={draft.timeZone} options={zones} onChange={set('timeZone', 'company.timeZone')} error={errors['company.timeZone']} hint="Deadlines and clocks use it." />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>You, the owner</legend>
          <TextField label="Your name" name="owner.name" value={draft.ownerName} onChange={set('ownerName', 'owner.name')} error={errors['owner.name']} autoComplete="name" />
          <TextField label="Work e-mail" name="owner.email" type="email" value={draft.ownerEmail} onChange={set('ownerEmail', 'owner.email')} error={errors['owner.email']} autoComplete="email" />
          <TextField
            label="Password"
            name="owner.password"
            type="password"
            value={password}
            onChange={(value) => {
              setPassword(value);
              if (errors['owner.password']) setErrors((current) => ({ ...current, 'owner.password': undefined }));
            }}
            error={errors['owner.password']}
            autoComplete="new-password"
            hint="At least 10 characters; a long passphrase is best. You sign in with your e-mail and this password."
          />
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy} busyLabel="Creating…">
            Create company
          </Button>
        </div>
      </form>
    </section>
  );
}

function DemoCard({ onOpened }: { onOpened: (session: DemoSession) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onOpened(await openDemoWorkspace());
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <section className="card welcome-card welcome-demo" aria-labelledby="demo-heading">
      <h2 id="demo-heading">Open the demo workspace</h2>
      <p>Look around first: the demo fills this workspace with a sample company and signs you in as its owner.</p>
      <p className="muted">Use a separate installation for your real company, so sample records never mix with real ones.</p>
      {error ? <Alert>{error}</Alert> : null}
      <Button onClick={open} busy={busy} busyLabel="Opening…">
        Open the demo workspace
      </Button>
    </section>
  );
}
