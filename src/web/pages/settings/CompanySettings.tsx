import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { can } from '../../../domain/access/policy.js';
import { isApiError } from '../../api/client.js';
import { getCompany, updateCompany } from '../../api/endpoints.js';
import { COMPANY_STAGE_LABELS } from '../../api/types.js';
import type { Company, CompanyPatchBody, CompanyStage } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Money } from '../../components/Money.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatCount } from '../../lib/format-money.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { STAGE_OPTIONS, currencyOptions, timeZoneOptions } from '../../lib/company-options.js';
import { CompanyFiguresSection } from './CompanyFiguresSection.js';

const FIELDS = ['name', 'stage', 'raisedUsd', 'headcount', 'aiTeamSize', 'currency', 'timeZone'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

function draftOf(c: Company): Draft {
  return { name: c.name, stage: c.stage, raisedUsd: String(c.raisedUsd), headcount: String(c.headcount), aiTeamSize: String(c.aiTeamSize), currency: c.currency, timeZone: c.timeZone };
}

export function CompanySettings() {
  useDocumentTitle(['Company', 'Settings']);
  const user = useCurrentUser();
  const company = useResource((signal) => getCompany(signal), []);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const data = company.state.data;
  return (
    <section aria-labelledby="company-heading" className="settings-section">
      <h2 id="company-heading">Company profile</h2>
      {company.state.status === 'error' ? <Alert>{company.state.error}</Alert> : null}
      {saved ? <p role="status" className="muted">Company profile saved.</p> : null}
      {data && editing ? (
        <CompanyForm
          company={data}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            company.setData(() => next);
            setEditing(false);
            setSaved(true);
          }}
          onStale={() => company.reload()}
        />
      ) : data ? (
        <>
          <CompanyFacts company={data} />
          {can(user.role, 'company.update') ? (
            <Button
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              Edit profile
            </Button>
          ) : (
            <p className="muted">Only owners and admins can change the company profile.</p>
          )}
        </>
      ) : company.state.status === 'loading' ? (
        <p className="muted" role="status">
          Loading the company profile…
        </p>
      ) : null}
      {data && !editing ? <CompanyFiguresSection company={data} onChanged={(next) => company.setData(() => next)} onStale={company.reload} /> : null}
    </section>
  );
}

function CompanyFacts({ company }: { company: Company }) {
  return (
    <dl className="facts">
      <div>
        <dt>Name</dt>
        <dd>{company.name}</dd>
      </div>
      <div>
        <dt>Stage</dt>
        <dd>{COMPANY_STAGE_LABELS[company.stage] ?? company.stage}</dd>
      </div>
      <div>
        <dt>Raised to date</dt>
        <dd>
          <Money amount={company.raisedUsd} currency="USD" />
        </dd>
      </div>
      <div>
        <dt>Headcount</dt>
        <dd className="num">{formatCount(company.headcount)}</dd>
      </div>
      <div>
        <dt>AI team size</dt>
        <dd className="num">{formatCount(company.aiTeamSize)}</dd>
      </div>
      <div>
        <dt>Pay currency</dt>
        <dd>{company.currency}</dd>
      </div>
      <div>
        <dt>Time zone</dt>
        <dd>{company.timeZone}</dd>
      </div>
    </dl>
  );
}

function CompanyForm({ company, onCancel, onSaved, onStale }: { company: Company; onCancel: () => void; onSaved: (c: Company) => void; onStale: () => void }) {
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(company));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors<Field> = {};
    const numbers: Partial<Record<'raisedUsd' | 'headcount' | 'aiTeamSize', number>> = {};
    for (const field of ['raisedUsd', 'headcount', 'aiTeamSize'] as const) {
      const parsed = parseWholeNumber(draft[field], { allowSuffix: field === 'raisedUsd' });
      if (parsed.ok) numbers[field] = parsed.value;
      else local[field] = parsed.message;
    }
    if (!draft.name.trim()) local.name = 'Enter the company name.';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      focusFirstError(form.current, FIELDS, local);
      return;
    }
    const next = { name: draft.name.trim(), stage: draft.stage as CompanyStage, ...numbers, currency: draft.currency, timeZone: draft.timeZone };
    // Only what changed, so the audit log names exactly the fields a person edited.
    const patch: CompanyPatchBody = Object.fromEntries(Object.entries(next).filter(([k, v]) => company[k as keyof Company] !== v));
    if (Object.keys(patch).length === 0) return onCancel();
    setBusy(true);
    try {
      onSaved(await updateCompany(company.version, patch));
    } catch (error) {
      const failure = formFailure(error, FIELDS);
      setErrors(failure.fields);
      setFormError(failure.form);
      focusFirstError(form.current, FIELDS, failure.fields);
      // Someone saved first: fetch their version so the next save sends the current If-Match.
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="stack" aria-label="Edit company profile">
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField label="Company name" name="name" value={draft.name} onChange={set('name')} error={errors.name} autoComplete="organization" />
      <SelectField label="Stage" name="stage" value={draft.stage} options={STAGE_OPTIONS} onChange={set('stage')} error={errors.stage} />
      <TextField label="Raised to date (USD)" name="raisedUsd" value={draft.raisedUsd} onChange={set('raisedUsd')} error={errors.raisedUsd} inputMode="numeric" hint="Whole dollars; 4.5M works too." />
      <TextField label="Headcount" name="headcount" value={draft.headcount} onChange={set('headcount')} error={errors.headcount} inputMode="numeric" />
      <TextField label="AI team size" name="aiTeamSize" value={draft.aiTeamSize} onChange={set('aiTeamSize')} error={errors.aiTeamSize} inputMode="numeric" />
      <SelectField label="Pay currency" name="currency" value={draft.currency} options={currencyOptions()} onChange={set('currency')} error={errors.currency} />
      <SelectField label="Time zone" name="timeZone" value={draft.timeZone} options={timeZoneOptions()} onChange={set('timeZone')} error={errors.timeZone} />
      <div className="row">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save profile'}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
