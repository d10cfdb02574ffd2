import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { lintOutreachTemplate, MERGE_FIELDS } from '../../../domain/outreach/template.js';
import type { Audience } from '../../../domain/outreach/template.js';
import { listRoles } from '../../api/pipeline.js';
import { createTemplate, getTemplate, previewTemplate, updateTemplate } from '../../api/sequences.js';
import { listPools, listProspects } from '../../api/sourcing.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FindingsList } from '../../components/FindingsList.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import '../../components/panel.css';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { AUDIENCE_OPTIONS, lintSummary, MERGE_FIELD_WORDS } from './outreach-words.js';
import { SourcingNav } from './SourcingNav.js';
import './sourcing.css';

type Field = 'name' | 'subject' | 'body';
const FIELDS: readonly Field[] = ['name', 'subject', 'body'];

/** Writes an outreach template: the lint runs as you type (the domain's, in the browser), a preview per prospect once saved. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = can(user.role, 'sourcing.write');
  const saved = useResource((signal) => (id ? getTemplate(id, signal) : Promise.resolve(undefined)), [id]);
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<Audience>('passive');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const loadedVersion = useRef<string | undefined>(undefined);

  const template = saved.state.data;
  useEffect(() => {
    if (!template) return;
    const key = `${template.id}:${template.version}`;
    if (loadedVersion.current === key) return;
    loadedVersion.current = key;
    setName(template.name);
    setSubject(template.subject);
    setBody(template.body);
  }, [template]);

  const text = useDeferredValue({ subject, body, audience });
  const lint = useMemo(() => lintOutreachTemplate({ subject: text.subject, body: text.body }, text.audience), [text]);
  const unsaved = template ? template.name !== name || template.subject !== subject || template.body !== body : name !== '' || subject !== '' || body !== '';

  const insertField = (field: string) => {
    const which = lastField.current;
    const element = formRef.current?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${which}"]`);
    const token = `{{${field}}}`;
    const current = which === 'subject' ? subject : body;
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    const next = current.slice(0, start) + token + current.slice(end);
    (which === 'subject' ? setSubject : setBody)(next);
    requestAnimationFrame(() => {
      if (!element) return;
      element.focus();
      element.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    setNotice(undefined);
    const missing: Partial<Record<Field, string>> = {};
    if (name.trim() === '') missing.name = 'Give the template a name, for example "First touch, cash first".';
    if (subject.trim() === '') missing.subject = 'Write a subject line.';
    if (body.trim() === '') missing.body = 'Write the e-mail.';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return focusFirstError(formRef.current, FIELDS, missing);
    setBusy(true);
    try {
      const input = { name: name.trim(), subject: subject.trim(), body };
      if (template) {
        const next = await updateTemplate(template, input);
        saved.setData(() => next);
        setNotice('Saved.');
      } else {
        const created = await createTemplate(input);
        navigate(`/sourcing/templates/${encodeURIComponent(created.id)}`, { replace: true });
      }
    } catch (e) {
      const failure = formFailure(e, FIELDS);
      setErrors(failure.fields);
      setFormError(failure.form);
      focusFirstError(formRef.current, FIELDS, failure.fields);
    } finally {
      setBusy(false);
    }
  };

  if (id && saved.state.status === 'error') return <><PageHeader title="Outreach template" /><SourcingNav /><Alert>{saved.state.error}</Alert></>;
  if (id && !template) return <><PageHeader title="Outreach template" /><SourcingNav /><p className="muted">Loading…</p></>;

  return (
    <>
      <PageHeader title={template ? template.name : 'New outreach template'} description="Name the base salary first; then what an ML engineer gets: compute, data, the senior AI people already here." />
      <SourcingNav />
      <div className="outreach-editor">
        <form ref={formRef} className="panel sourcing-form" onSubmit={submit} aria-labelledby="template-form-title" noValidate>
          <h2 id="template-form-title">The e-mail</h2>
          <TextField label="Template name" name="name" value={name} onChange={setName} error={errors.name} maxLength={120} readOnly={!canWrite} hint="Only your team sees it." />
          <TextField label="Subject" name="subject" value={subject} onChange={setSubject} error={errors.subject} maxLength={300} readOnly={!canWrite} onFocus={() => (lastField.current = 'subject')} />
          <TextAreaField label="Body" name="body" value={body} onChange={setBody} error={errors.body} rows={12} readOnly={!canWrite} onFocus={() => (lastField.current = 'body')} />
          {canWrite && (
            <fieldset className="outreach-fields">
              <legend>Insert a merge field where the cursor is</legend>
              {MERGE_FIELDS.map((f) => (
                <Button key={f} onClick={() => insertField(f)} aria-label={`Insert ${MERGE_FIELD_WORDS[f]}`} title={`{{${f}}}`}>
                  {MERGE_FIELD_WORDS[f]}
                </Button>
              ))}
            </fieldset>
          )}
          {formError && <Alert>{formError}</Alert>}
          {notice && !unsaved && <Alert tone="success">{notice}</Alert>}
          {canWrite && (
            <div className="sourcing-actions">
              <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">{template ? 'Save changes' : 'Save template'}</Button>
              {unsaved && template && <span className="muted small">Unsaved changes</span>}
            </div>
          )}
        </form>
        <div>
          <section className="panel" aria-labelledby="lint-title">
            <h2 id="lint-title">Checks</h2>
            <SelectField label="Check it for" name="audience" value={audience} onChange={(v) => setAudience(v as Audience)} options={[...AUDIENCE_OPTIONS]} hint="A sequence for passive people cannot start while an error remains." />
            {text.subject.trim() === '' && text.body.trim() === '' ? (
              <p className="muted">Write the subject and the e-mail: the checks appear here as you type.</p>
            ) : (
              <>
                <p role="status" aria-live="polite" data-testid="lint-summary"><strong>{lintSummary(lint)}</strong></p>
                <FindingsList findings={lint.findings.map((f) => ({ ...f, evidence: [] }))} empty="The e-mail names the base first and gives an ML engineer a reason to care." />
              </>
            )}
          </section>
          {template && <PreviewPanel templateId={template.id} version={template.version} audience={audience} unsaved={unsaved} />}
        </div>
      </div>
    </>
  );
}

/** The saved template rendered by the server for one prospect (and a role for its title and band). */
function PreviewPanel({ templateId, version, audience, unsaved }: { templateId: string; version: number; audience: Audience; unsaved: boolean }) {
  const pools = useResource((signal) => listPools(signal), []);
  const roles = useResource((signal) => listRoles(signal, 'open'), []);
  const [poolId, setPoolId] = useState('');
  const [prospectId, setProspectId] = useState('');
  const [roleId, setRoleId] = useState('');
  const prospects = useResource((signal) => (poolId ? listProspects(poolId, { limit: 200 }, signal) : Promise.resolve(undefined)), [poolId]);
  const preview = useResource(
    (signal) => (prospectId ? previewTemplate(templateId, { prospectId, roleId: roleId || null, audience }, signal) : Promise.resolve(undefined)),
    [templateId, version, prospectId, roleId, audience],
  );
  const poolItems = pools.state.data?.items ?? [];
  const p = preview.state.data;
  return (
    <section className="panel sourcing-page-section" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview for a person</h2>
      {pools.state.status === 'error' && <Alert>{pools.state.error}</Alert>}
      {pools.state.data && poolItems.length === 0 ? (
        <p className="muted">Add people to a talent pool (Sourcing → Pools) to see this e-mail as one of them would.</p>
      ) : (
        <div className="sourcing-form">
          <SelectField label="Pool" name="preview-pool" value={poolId} onChange={(v) => { setPoolId(v); setProspectId(''); }} options={[{ value: '', label: 'Choose a pool' }, ...poolItems.map((x) => ({ value: x.id, label: x.name }))]} />
          <SelectField label="Person" name="preview-person" value={prospectId} onChange={setProspectId} disabled={!prospects.state.data} options={[{ value: '', label: prospects.state.data && prospects.state.data.items.length === 0 ? 'No one in this pool yet' : 'Choose a person' }, ...(prospects.state.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))]} />
          <SelectField label="Role (fills in its title and base range)" name="preview-role" value={roleId} onChange={setRoleId} options={[{ value: '', label: 'No role' }, ...(roles.state.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))]} />
        </div>
      )}
      {unsaved && prospectId && <p className="muted small">The preview shows the saved text; save to see your changes.</p>}
      {preview.state.status === 'error' && <Alert>{preview.state.error}</Alert>}
      {p && (
        <div data-testid="template-preview">
          <p><strong>Subject:</strong> {p.subject}</p>
          <div className="outreach-preview">{p.body}</div>
          {p.missing.length > 0 && <Alert tone="info">{`No value yet for ${p.missing.map((f) => MERGE_FIELD_WORDS[f] ?? f).join(', ')}: a sequence that sends this cannot start until there is one (the role’s band for the current funding stage in the role’s settings; compute and the AI team in Team → Company).`}</Alert>}
          {p.hidden.length > 0 && <p className="muted small">{`${p.hidden.map((f) => MERGE_FIELD_WORDS[f] ?? f).join(', ')}: hidden, because your role does not see pay.`}</p>}
        </div>
      )}
    </section>
  );
}
