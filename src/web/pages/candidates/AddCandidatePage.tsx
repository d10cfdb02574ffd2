import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage, isApiError } from '../../api/client.js';
import { getCompany } from '../../api/endpoints.js';
import {
  DuplicateCandidateError,
  createApplication,
  createCandidate,
  listRoles,
  newIdempotencyKey,
  recordEvent,
} from '../../api/pipeline.js';
import type { Candidate, CandidateCreateBody, DuplicateMatch, Role } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useDraft } from '../../components/use-draft.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { CurrentPayFields, SourceFields, SpecializationChecks } from './CandidateFormFields.js';
import { DuplicateMatches } from './DuplicateMatches.js';
import { RoleAndFirstContactFields } from './RoleAndFirstContactFields.js';
import './pipeline.css';
import { buildCandidateBody, firstContactEvent } from './candidate-form.js';
import type { CandidateDraft } from './candidate-form.js';

const FIELDS = [
  'name',
  'email',
  'currentEmployer',
  'phone',
  'location',
  'links.0',
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
  phone: '',
  location: '',
  link: '',
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
        <DuplicateMatches matches={duplicates} role={role} busy={busy} onUseExisting={(existing) => void useExisting(existing)} onCreateAnyway={() => void submit(true)} />
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
          <TextField label="Phone" name="phone" type="tel" value={draft.phone ?? ''} onChange={set('phone')} error={errors.phone} autoComplete="off" optional />
          <TextField label="Location" name="location" value={draft.location ?? ''} onChange={set('location')} error={errors.location} hint="City and country, for time zones and travel." optional />
          <TextField
            label="Link"
            name="links.0"
            type="url"
            value={draft.link ?? ''}
            onChange={set('link')}
            error={errors['links.0']}
            placeholder="https://"
            hint="GitHub, LinkedIn or a personal site. Add more on their page."
            optional
          />
          <SourceFields value={draft} errors={errors} onChange={(key, value) => setDraft((d) => ({ ...d, [key]: value }))} />
        </div>
        <SpecializationChecks options={specializationOptions} value={draft.specializations} onChange={set('specializations')} />
        {seesPay ? (
          <CurrentPayFields legend={`Current compensation (${currency}, per year, optional)`} value={pay} errors={errors} onChange={(key, value) => setPayField(key)(value)} />
        ) : null}
        <RoleAndFirstContactFields
          draft={draft}
          roles={openRoles}
          rolesLoaded={roles.state.status === 'ready'}
          errors={errors}
          onRole={(roleId) => setDraft((d) => ({ ...d, roleId, stage: '' }))}
          onChange={(key, value) => setDraft((d) => ({ ...d, [key]: value }))}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy} busyLabel="Adding…">
            Add candidate
          </Button>
        </div>
      </form>
    </>
  );
}
