import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage, isApiError } from '../../api/client.js';
import { getCompany } from '../../api/endpoints.js';
import {
  CANDIDATE_SOURCES,
  DuplicateCandidateError,
  createApplication,
  createCandidate,
  listRoles,
  newIdempotencyKey,
  recordEvent,
} from '../../api/pipeline.js';
import type { Candidate, CandidateCreateBody, CandidateSource, DuplicateMatch, Role } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useDraft } from '../../components/use-draft.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { SOURCE_LABELS } from '../../lib/pipeline-labels.js';
import './pipeline.css';
import { buildCandidateBody, firstContactEvent } from './candidate-form.js';
import type { CandidateDraft } from './candidate-form.js';

const FIELDS = [
  'name',
  'email',
  'currentEmployer',
  'source',
  'productionMlYears',
  'currentCompensation.base',
  'currentCompensation.bonus',
  'currentCompensation.equityAnnual',
  'roleId',
  'stage',
  'firstContactOn',
] as const;
type Field = (typeof FIELDS)[number];

const EMPTY: CandidateDraft = {
  name: '',
  email: '',
  currentEmployer: '',
  source: 'outbound',
  passive: true,
  specializations: [],
  productionMlYears: '',
  base: '',
  bonus: '',
  equityAnnual: '',
  roleId: '',
  stage: '',
  firstContact: 'outreach.sent',
  firstContactOn: '',
};

interface TaxonomyView {
  taxonomy?: { specializations?: Array<{ key: string; name: string }> };
}

/** Adds a person and puts them in a role in one go; a likely duplicate is shown with the existing record to use instead. */
export function AddCandidatePage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const seesPay = can(user.role, 'compensation.read');
  const [draft, setDraft, clearDraft] = useDraft<CandidateDraft>('closer.add-candidate', { ...EMPTY, roleId: params.get('role') ?? '' });
  // Pay is kept out of the session draft: it is personal data and should not outlive the page.
  const [pay, setPay] = useState({ base: '', bonus: '', equityAnnual: '' });
  const setPayField = (key: keyof typeof pay) => (value: string) => setPay((p) => ({ ...p, [key]: value }));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>();
  const [created, setCreated] = useState<Candidate>();
  const form = useRef<HTMLFormElement>(null);
  const keys = useRef(new Map<string, string>());

  const roles = useResource((signal) => listRoles(signal, 'open'), []);
  const company = useResource((signal) => getCompany(signal), []);
  const taxonomy = useResource((signal) => api.get<TaxonomyView>('/taxonomy', { signal }).catch(() => ({}) as TaxonomyView), []);
  const openRoles = roles.state.data?.items ?? [];
  const role: Role | undefined = openRoles.find((r) => r.id === draft.roleId);
  const currency = company.state.data?.currency ?? 'USD';

  useEffect(() => {
    const roleParam = params.get('role');
    if (roleParam && draft.roleId !== roleParam) setDraft((d) => ({ ...d, roleId: roleParam }));
    // Only when the link names a role.
  }, [params]);

  const specializationOptions = useMemo(() => {
    const fromTaxonomy = taxonomy.state.data?.taxonomy?.specializations?.map((s) => ({ key: s.key, name: s.name })) ?? [];
    if (fromTaxonomy.length > 0) return fromTaxonomy;
    return (role?.specializations ?? []).map((key) => ({ key, name: key }));
  }, [taxonomy.state.data, role]);

  const set = <K extends keyof CandidateDraft>(key: K) => (value: CandidateDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  /** One idempotency key per distinct request body: a retry of the same body is recorded once. */
  const keyFor = (scope: string, body: unknown) => {
    const id = `${scope}:${JSON.stringify(body)}`;
    let key = keys.current.get(id);
    if (!key) keys.current.set(id, (key = newIdempotencyKey()));
    return key;
  };

  const addToRole = async (candidate: Candidate) => {
    if (!role) {
      clearDraft();
      navigate(`/candidates/${encodeURIComponent(candidate.id)}`);
      return;
    }
    const body = { candidateId: candidate.id, roleId: role.id, stage: draft.stage || role.processPlan.stages[0]?.id };
    const application = await createApplication(body, keyFor('application', body));
    const first = firstContactEvent(draft, candidate, new Date());
    if (first) await recordEvent(application.id, first, keyFor('first-contact', { application: application.id, first }));
    clearDraft();
    navigate(`/candidates/${encodeURIComponent(candidate.id)}?application=${encodeURIComponent(application.id)}`);
  };

  const submit = async (allowDuplicate: boolean) => {
    setFormError(undefined);
    setErrors({});
    const built = buildCandidateBody({ ...draft, ...pay }, { seesPay, currency, parseWhole: parseWholeNumber });
    if (!built.ok) {
      setErrors(built.errors);
      focusFirstError<Field>(form.current, FIELDS, built.errors);
      return;
    }
    if (!role && openRoles.length > 0) {
      const next = { roleId: 'Choose the role this person is a candidate for.' };
      setErrors(next);
      focusFirstError(form.current, FIELDS, next);
      return;
    }
    setBusy(true);
    try {
      let candidate = created;
      if (!candidate) {
        const body: CandidateCreateBody = allowDuplicate ? { ...built.body, allowDuplicate: true } : built.body;
        candidate = await createCandidate(body, keyFor('candidate', body));
        setCreated(candidate);
      }
      setDuplicates(undefined);
      await addToRole(candidate);
    } catch (error) {
      if (error instanceof DuplicateCandidateError) {
        setDuplicates(error.matches);
      } else {
        const { fields, form: message } = formFailure(error, FIELDS);
        setErrors(fields);
        setFormError(message ?? (isApiError(error) && error.field ? `${error.field}: ${error.message}` : undefined));
        focusFirstError(form.current, FIELDS, fields);
      }
    } finally {
      setBusy(false);
    }
  };

  const useExisting = async (existing: Candidate) => {
    setBusy(true);
    setFormError(undefined);
    try {
      await addToRole(existing);
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };

  const roleOptions = [{ value: '', label: openRoles.length === 0 ? 'No open roles yet' : 'Choose a role' }, ...openRoles.map((r) => ({ value: r.id, label: r.title }))];
  const stageOptions = (role?.processPlan.stages ?? []).map((s) => ({ value: s.id, label: s.name }));

  return (
    <>
      <PageHeader
        title="Add candidate"
        description="Add the person and put them in a role; record the first contact so the clocks start."
        actions={
          <Link to="/candidates" className="button button-ghost">
            All candidates
          </Link>
        }
      />
      {formError ? <Alert>{formError}</Alert> : null}
      {created && !duplicates ? (
        <Alert tone="info">
          {created.name} is saved. <Link to={`/candidates/${encodeURIComponent(created.id)}`}>Open their page</Link> or fix the role below and try again.
        </Alert>
      ) : null}
      {duplicates ? (
        <Alert tone="info" title="This person may already be in Closer">
          <ul className="duplicate-list">
            {duplicates.map((m) => (
              <li key={m.candidate.id}>
                <span>
                  <strong>{m.candidate.name}</strong> · {m.candidate.email}
                  {m.candidate.currentEmployer ? ` · ${m.candidate.currentEmployer}` : ''}{' '}
                  <span className="muted small">(same {m.reasons.map((r) => (r === 'email' ? 'e-mail' : 'name and employer')).join(', ')})</span>
                </span>
                <Button variant="primary" busy={busy} onClick={() => void useExisting(m.candidate)}>
                  {role ? `Use this record for ${role.title}` : 'Open this record'}
                </Button>
              </li>
            ))}
          </ul>
          <p className="small">Using the existing record keeps one history per person. Create a new record only for a different person.</p>
          <Button variant="ghost" busy={busy} onClick={() => void submit(true)}>
            Create a separate record anyway
          </Button>
        </Alert>
      ) : null}
      <form ref={form} onSubmit={onSubmit} noValidate className="stack">
        <div className="form-grid">
          <TextField label="Name" name="name" value={draft.name} onChange={set('name')} error={errors.name} autoComplete="off" required />
          <TextField label="E-mail" name="email" type="email" value={draft.email} onChange={set('email')} error={errors.email} autoComplete="off" required />
          <TextField
            label="Current employer"
            name="currentEmployer"
            value={draft.currentEmployer}
            onChange={set('currentEmployer')}
            error={errors.currentEmployer}
            optional
          />
          <SelectField
            label="Source"
            name="source"
            value={draft.source}
            onChange={(v) => set('source')(v as CandidateSource)}
            options={CANDIDATE_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
            error={errors.source}
          />
          <SelectField
            label="Looking?"
            name="passive"
            value={draft.passive ? 'passive' : 'active'}
            onChange={(v) => set('passive')(v === 'passive')}
            options={[
              { value: 'passive', label: 'Passive (not looking)' },
              { value: 'active', label: 'Active (looking)' },
            ]}
          />
          <TextField
            label="Years of production ML"
            name="productionMlYears"
            inputMode="decimal"
            value={draft.productionMlYears}
            onChange={set('productionMlYears')}
            error={errors.productionMlYears}
            optional
          />
        </div>
        {specializationOptions.length > 0 ? (
          <fieldset className="chip-group">
            <legend>Specializations</legend>
            <div className="chip-options">
              {specializationOptions.map((s) => (
                <label key={s.key} className="checkbox-field" style={{ marginBottom: 0 }}>
                  <input
                    type="checkbox"
                    name="specializations"
                    value={s.key}
                    checked={draft.specializations.includes(s.key)}
                    onChange={(e) =>
                      set('specializations')(e.target.checked ? [...draft.specializations, s.key] : draft.specializations.filter((k) => k !== s.key))
                    }
                  />
                  {s.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {seesPay ? (
          <fieldset className="chip-group">
            <legend>Current compensation ({currency}, per year, optional)</legend>
            <div className="form-grid">
              <TextField label="Base salary" name="currentCompensation.base" inputMode="numeric" value={pay.base} onChange={setPayField('base')} error={errors['currentCompensation.base']} optional />
              <TextField label="Bonus" name="currentCompensation.bonus" inputMode="numeric" value={pay.bonus} onChange={setPayField('bonus')} error={errors['currentCompensation.bonus']} optional />
              <TextField
                label="Equity per year"
                name="currentCompensation.equityAnnual"
                inputMode="numeric"
                value={pay.equityAnnual}
                onChange={setPayField('equityAnnual')}
                error={errors['currentCompensation.equityAnnual']}
                optional
              />
            </div>
          </fieldset>
        ) : null}
        <fieldset className="chip-group">
          <legend>Role and first contact</legend>
          <div className="form-grid">
            <SelectField
              label="Role"
              name="roleId"
              value={draft.roleId}
              onChange={(v) => setDraft((d) => ({ ...d, roleId: v, stage: '' }))}
              options={roleOptions}
              error={errors.roleId}
              hint={openRoles.length === 0 && roles.state.status === 'ready' ? 'There is no open role: the person is saved without one.' : undefined}
            />
            {stageOptions.length > 0 ? (
              <SelectField label="Stage" name="stage" value={draft.stage || stageOptions[0]!.value} onChange={set('stage')} options={stageOptions} error={errors.stage} />
            ) : null}
            <SelectField
              label="First contact"
              name="firstContact"
              value={draft.firstContact}
              onChange={(v) => set('firstContact')(v as CandidateDraft['firstContact'])}
              options={[
                { value: 'outreach.sent', label: 'We reached out' },
                { value: 'application.received', label: 'They applied' },
                { value: 'none', label: 'Not yet' },
              ]}
            />
            {draft.firstContact !== 'none' ? (
              <TextField
                label="First contact on"
                name="firstContactOn"
                type="date"
                value={draft.firstContactOn}
                onChange={set('firstContactOn')}
                error={errors.firstContactOn}
                hint="Leave empty for today. The 10-day clock starts here."
                optional
              />
            ) : null}
          </div>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy} busyLabel="Adding…">
            Add candidate
          </Button>
        </div>
      </form>
    </>
  );
}
