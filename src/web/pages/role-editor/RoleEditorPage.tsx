import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { defaultTaxonomy } from '../../../domain/taxonomy/taxonomy.js';
import type { Finding } from '../../../domain/scoping/findings.js';
import type { Taxonomy } from '../../../domain/taxonomy/taxonomy.js';
import { isApiError } from '../../api/client.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useDraft } from '../../components/use-draft.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { AnalysisPanel } from './AnalysisPanel.js';
import { contextNote, loadCompanyContext } from './company-context.js';
import type { CompanyContext } from './company-context.js';
import { DescriptionField } from './DescriptionField.js';
import { EvidenceText } from './EvidenceText.js';
import { createRole, getRole, getTaxonomy, updateRole } from './api.js';
import type { Role, RoleSeniority } from './api.js';
import { roleFindings } from './role-findings.js';
import { useLiveAnalysis } from './use-live-analysis.js';
import { EMPTY_DRAFT, FIELD_ORDER, analysisStatus, specializationChoices } from './role-draft.js';
import type { Draft, FormField } from './role-draft.js';
import { SpecializationFields } from './SpecializationFields.js';
import './role-editor.css';


/** The role editor at /roles/new and /roles/:id/edit: paste a description, see the analysis live, save the role. */
export function RoleEditorPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const existing = useResource<Role | null>((signal) => (id ? getRole(id, signal) : Promise.resolve(null)), [id]);
  const role = existing.state.data ?? null;
  if (id && !role) {
    return (
      <>
        <PageHeader title="Edit role" />
        {existing.state.status === 'error' ? (
          <Alert>{existing.state.error}</Alert>
        ) : (
          <p className="muted" role="status">
            Loading the role…
          </p>
        )}
      </>
    );
  }
  return (
    <RoleEditor
      key={role?.id ?? 'new'}
      role={role}
      canSave={can(user.role, 'roles.write')}
      canReadTaxonomy={can(user.role, 'scope.analyze')}
      canReadTeam={can(user.role, 'team.read')}
    />
  );
}

interface RoleEditorProps {
  role: Role | null;
  canSave: boolean;
  canReadTaxonomy: boolean;
  canReadTeam: boolean;
}

function RoleEditor({ role, canSave, canReadTaxonomy, canReadTeam }: RoleEditorProps) {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<Draft>(
    role ? `role-editor.${role.id}` : 'role-editor.new',
    role ? { title: role.title, description: role.description ?? '', specializations: role.specializations, seniority: role.seniority } : EMPTY_DRAFT,
  );
  const [errors, setErrors] = useState<FieldErrors<FormField>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);

  // The company's taxonomy extension, when it has one: the browser analyser then reads the same phrases as the server.
  const taxonomyView = useResource((signal) => (canReadTaxonomy ? getTaxonomy(signal) : Promise.resolve(null)), [canReadTaxonomy]);
  const taxonomy: Taxonomy | undefined = taxonomyView.state.data?.extension ? taxonomyView.state.data.taxonomy : undefined;
  const live = useLiveAnalysis(draft.title, draft.description, taxonomy);
  const analysis = live.analysis;

  // The company's AI team, for the role-scoping rules (founding generalist, specialist too early, ...), which then
  // run here on every change, exactly as POST /roles/analyze runs them on the server.
  const companyContext = useResource<CompanyContext | null>((signal) => (canReadTeam ? loadCompanyContext(signal) : Promise.resolve(null)), [canReadTeam]);
  const company = companyContext.state.data?.scope ?? null;
  const note = contextNote(companyContext.state.status, companyContext.state.data);

  const suggestedSpecializations = analysis?.core ?? [];
  const suggestedSeniority: RoleSeniority = analysis?.seniority ?? 'unknown';
  const specializations = draft.specializations ?? suggestedSpecializations;
  const seniority = draft.seniority ?? suggestedSeniority;
  const following = draft.specializations === null && draft.seniority === null;
  const findings: Finding[] = analysis ? roleFindings(analysis, { title: draft.title, specializations, seniority }, company, taxonomy) : [];

  const choices = useMemo(() => specializationChoices(taxonomy ?? defaultTaxonomy(), specializations), [taxonomy, specializations]);

  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSave) return;
    setErrors({});
    setFormError(undefined);
    if (!draft.title.trim()) {
      const next = { title: 'Give the role a title, for example “Senior MLOps Engineer”.' };
      setErrors(next);
      focusFirstError(formRef.current, FIELD_ORDER, next);
      return;
    }
    setSaving(true);
    try {
      const description = draft.description.trim() === '' ? null : draft.description;
      const body = { title: draft.title.trim(), description, specializations, seniority };
      const saved = role ? await updateRole(role.id, role.version, body) : await createRole(body);
      clearDraft();
      // A new role goes on to its settings (stages, people, band); an edited one back to its board.
      navigate(role ? `/roles/${encodeURIComponent(saved.id)}` : `/roles/${encodeURIComponent(saved.id)}/settings?created=1`);
    } catch (error) {
      const failure = formFailure(error, FIELD_ORDER);
      setErrors(failure.fields);
      setFormError(
        isApiError(error) && error.code === 'PRECONDITION_FAILED'
          ? 'Someone else changed this role since you opened it. Reload the page to get their version: your edits are kept as a draft, then save again.'
          : failure.form,
      );
      focusFirstError(formRef.current, FIELD_ORDER, failure.fields);
      setSaving(false);
    }
  };

  const status = analysisStatus(analysis ?? null, findings);

  return (
    <>
      <PageHeader
        title={role ? `Edit ${role.title}` : 'New role'}
        description="Paste the job description. Closer reads which AI specializations it asks for, highlights the phrases that say so, and flags scoping mistakes before the first candidate sees it."
        actions={
          <Link to={role ? `/roles/${encodeURIComponent(role.id)}` : '/roles'} className="button button-ghost">
            Cancel
          </Link>
        }
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <div className="role-editor">
        <form ref={formRef} className="role-editor-form stack" onSubmit={onSubmit} noValidate aria-label="Role">
          {formError ? <Alert>{formError}</Alert> : null}
          {!canSave ? <Alert tone="info">Your role can analyse descriptions but not save roles.</Alert> : null}
          <TextField
            label="Title"
            name="title"
            value={draft.title}
            onChange={(title) => update({ title })}
            error={errors.title}
            maxLength={200}
            autoComplete="off"
          />
          <DescriptionField value={draft.description} onChange={(description) => update({ description })} error={errors.description} problem={live.problem} />
          <SpecializationFields
            choices={choices}
            specializations={specializations}
            seniority={seniority}
            following={following}
            errors={errors}
            update={update}
          />

          <div className="form-actions">
            <Button type="submit" variant="primary" busy={saving} busyLabel="Saving…" disabled={!canSave}>
              {role ? 'Save changes' : 'Save role'}
            </Button>
            {findings.some((f) => f.rule === 'scope.too-broad') ? <span className="muted small">You can save a broad role, but fix the scope first if you can.</span> : null}
          </div>
        </form>

        <section className="role-editor-analysis" aria-labelledby="analysis-heading">
          <h2 id="analysis-heading" className="visually-hidden">
            Analysis
          </h2>
          {analysis ? (
            <>
              <AnalysisPanel analysis={analysis} findings={findings} findingsNote={note}>
              <EvidenceText
                analysis={analysis}
                title={live.analysedTitle}
                text={live.analysedText}
                active={active ?? pinned}
                onActivate={setActive}
                pinned={pinned}
                onPin={(key) => {
                  setPinned(key);
                  setActive(key);
                }}
              />
              </AnalysisPanel>
            </>
          ) : (
            <div className="empty-state">
              <h3 className="empty-state-title">No analysis yet</h3>
              <div className="empty-state-body">
                <p>
                  {live.problem
                    ? 'The description cannot be analysed yet: see the note under the field.'
                    : 'Paste a job description or list the duties. The specializations it asks for, their evidence and any scoping problems appear here.'}
                </p>
              </div>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
