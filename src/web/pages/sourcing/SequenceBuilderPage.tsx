import { useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { lintOutreachTemplate } from '../../../domain/outreach/template.js';
import type { Audience } from '../../../domain/outreach/template.js';
import { listRoles } from '../../api/pipeline.js';
import { createSequence, listTemplates } from '../../api/sequences.js';
import type { OutreachTemplate, StepDraft } from '../../api/sequences.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField, TextField } from '../../components/Field.js';
import { formFailure } from '../../components/form-errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import '../../components/panel.css';
import { AUDIENCE_OPTIONS, moveItem, stepWords, TASK_WORDS } from './outreach-words.js';
import { SourcingNav } from './SourcingNav.js';
import './sourcing.css';

interface DraftStep {
  key: number;
  step: StepDraft;
}

/** Builds a sequence: its steps in order (add, move, remove by keyboard or buttons), checked as they are added. */
export function SequenceBuilderPage() {
  const navigate = useNavigate();
  const templates = useResource((signal) => listTemplates(signal), []);
  const roles = useResource((signal) => listRoles(signal, 'open'), []);
  const [name, setName] = useState('');
  const [audience, setAudience] = useState<Audience>('passive');
  const [roleId, setRoleId] = useState('');
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const [kind, setKind] = useState<'email' | 'wait' | 'task'>('email');
  const [templateId, setTemplateId] = useState('');
  const [waitDays, setWaitDays] = useState('3');
  const [task, setTask] = useState<'call' | 'message'>('call');
  const [note, setNote] = useState('');
  const [addError, setAddError] = useState<string>();
  const [errors, setErrors] = useState<{ name?: string; steps?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);
  const listRef = useRef<HTMLOListElement>(null);
  const [announce, setAnnounce] = useState('');

  const byId = useMemo(() => new Map((templates.state.data?.items ?? []).map((t) => [t.id, t] as const)), [templates.state.data]);
  const words = (s: StepDraft) => stepWords(s.kind === 'email' ? { kind: 'email', templateName: byId.get(s.templateId)?.name ?? null } : s);

  const focusStep = (index: number) =>
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>('[data-step]')[index]?.focus());

  const move = (index: number, by: number) => {
    const to = Math.max(0, Math.min(steps.length - 1, index + by));
    if (to === index) return;
    setSteps(moveItem(steps, index, by));
    setAnnounce(`Step moved to position ${to + 1} of ${steps.length}.`);
    focusStep(to);
  };
  const remove = (index: number) => {
    const removed = steps[index];
    setSteps(steps.filter((_, i) => i !== index));
    setAnnounce(removed ? `Removed: ${words(removed.step)}.` : '');
    if (steps.length > 1) focusStep(Math.min(index, steps.length - 2));
    else requestAnimationFrame(() => document.querySelector<HTMLSelectElement>('select[name="step-kind"]')?.focus());
  };
  const onStepKey = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget) return;
    if (event.altKey && event.key === 'ArrowUp') move(index, -1);
    else if (event.altKey && event.key === 'ArrowDown') move(index, 1);
    else if (event.key === 'Delete' || event.key === 'Backspace') remove(index);
    else if (event.key === 'ArrowUp') focusStep(Math.max(0, index - 1));
    else if (event.key === 'ArrowDown') focusStep(Math.min(steps.length - 1, index + 1));
    else return;
    event.preventDefault();
  };

  const add = () => {
    setAddError(undefined);
    let step: StepDraft;
    if (kind === 'email') {
      if (!templateId) return setAddError('Choose the template to send.');
      step = { kind: 'email', templateId };
    } else if (kind === 'wait') {
      const n = Number(waitDays);
      if (!Number.isInteger(n) || n < 1 || n > 60) return setAddError('A wait is a whole number of business days from 1 to 60.');
      step = { kind: 'wait', businessDays: n };
    } else {
      step = { kind: 'task', task, ...(note.trim() ? { note: note.trim() } : {}) };
    }
    setSteps([...steps, { key: nextKey.current++, step }]);
    setAnnounce(`Added step ${steps.length + 1}: ${words(step)}.`);
    setNote('');
    setErrors((e) => ({ ...e, steps: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const missing: { name?: string; steps?: string } = {};
    if (name.trim() === '') missing.name = 'Give the sequence a name, for example "Passive MLOps, cash first".';
    if (steps.length === 0) missing.steps = 'Add at least one step.';
    setErrors(missing);
    if (missing.name) return document.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    if (missing.steps) return document.querySelector<HTMLSelectElement>('select[name="step-kind"]')?.focus();
    setBusy(true);
    try {
      const created = await createSequence({ name: name.trim(), audience, roleId: roleId || null, steps: steps.map((s) => s.step) });
      navigate(`/sourcing/sequences/${encodeURIComponent(created.id)}`);
    } catch (e) {
      const failure = formFailure(e, ['name', 'audience', 'roleId', 'steps'] as const);
      setErrors({ name: failure.fields.name, steps: failure.fields.steps });
      setFormError(failure.form ?? failure.fields.audience ?? failure.fields.roleId);
    } finally {
      setBusy(false);
    }
  };

  const templateItems = templates.state.data?.items ?? [];
  return (
    <>
      <PageHeader title="New outreach sequence" description="The e-mails go out from your address, on business days, inside the person’s working hours." />
      <SourcingNav />
      {templates.state.status === 'error' && <Alert>{templates.state.error}</Alert>}
      {templates.state.data && templateItems.length === 0 && (
        <EmptyState title="Write a template first" action={<Link className="button button-primary" to="/sourcing/templates/new">Write a template</Link>}>
          A sequence sends your templates. Write the first e-mail, then come back to build the sequence around it.
        </EmptyState>
      )}
      <form className="panel sourcing-form" onSubmit={submit} aria-labelledby="sequence-form-title" noValidate>
        <h2 id="sequence-form-title">The sequence</h2>
        <TextField label="Name" name="name" value={name} onChange={setName} error={errors.name} maxLength={120} />
        <SelectField label="Aimed at" name="audience" value={audience} onChange={(v) => setAudience(v as Audience)} options={[...AUDIENCE_OPTIONS]} hint="For passive people, every e-mail must name the base salary before the sequence can start." />
        <SelectField label="Role (fills in its title and base range)" name="roleId" value={roleId} onChange={setRoleId} optional options={[{ value: '', label: 'No role' }, ...(roles.state.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))]} />

        <h3 id="steps-title">Steps</h3>
        <p className="muted small" id="steps-help">
          <span className="hint-keyboard">On a step: Alt+↑ or Alt+↓ moves it, Delete removes it.</span>
          <span className="hint-touch">Use the buttons beside a step to move or remove it.</span>
        </p>
        <div role="status" className="visually-hidden">{announce}</div>
        {steps.length === 0 ? (
          <p className="muted">No steps yet. Add the first e-mail below, then a wait and a follow-up.</p>
        ) : (
          <ol className="outreach-steps" ref={listRef} aria-labelledby="steps-title" aria-describedby="steps-help">
            {steps.map((s, i) => (
              <li key={s.key} className="outreach-step" data-step tabIndex={0} aria-label={`Step ${i + 1} of ${steps.length}: ${words(s.step)}`} onKeyDown={(e) => onStepKey(e, i)}>
                <span>
                  {i + 1}. {words(s.step)}
                  {s.step.kind === 'email' && <StepLint template={byId.get(s.step.templateId)} audience={audience} />}
                </span>
                <span className="sourcing-actions">
                  <Button onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move step ${i + 1} up`}>Up</Button>
                  <Button onClick={() => move(i, 1)} disabled={i === steps.length - 1} aria-label={`Move step ${i + 1} down`}>Down</Button>
                  <Button onClick={() => remove(i)} aria-label={`Remove step ${i + 1}`}>Remove</Button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {errors.steps && <Alert>{errors.steps}</Alert>}

        <fieldset className="outreach-add-step sourcing-mapping">
          <legend>Add a step</legend>
          <SelectField label="Kind of step" name="step-kind" value={kind} onChange={(v) => { setKind(v as 'email'); setAddError(undefined); }} options={[{ value: 'email', label: 'Send an e-mail' }, { value: 'wait', label: 'Wait' }, { value: 'task', label: 'A task by hand' }]} />
          {kind === 'email' && <SelectField label="Template" name="step-template" value={templateId} onChange={setTemplateId} options={[{ value: '', label: templateItems.length === 0 ? 'No templates yet' : 'Choose a template' }, ...templateItems.map((t) => ({ value: t.id, label: t.name }))]} />}
          {kind === 'wait' && <TextField label="Business days" name="step-days" inputMode="numeric" value={waitDays} onChange={setWaitDays} />}
          {kind === 'task' && <SelectField label="Task" name="step-task" value={task} onChange={(v) => setTask(v as 'call')} options={Object.entries(TASK_WORDS).map(([value, label]) => ({ value, label }))} />}
          {kind === 'task' && <TextField label="Note for whoever does it" name="step-note" value={note} onChange={setNote} optional maxLength={1000} />}
          <Button onClick={add}>Add step</Button>
        </fieldset>
        {addError && <Alert>{addError}</Alert>}
        {formError && <Alert>{formError}</Alert>}
        <div className="sourcing-actions">
          <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">Save sequence</Button>
        </div>
        <p className="muted small">A saved sequence is a draft: start it from its page, then enroll people from a pool.</p>
      </form>
    </>
  );
}

/** The template's worst findings for the chosen audience, next to its step. */
function StepLint({ template, audience }: { template: OutreachTemplate | undefined; audience: Audience }) {
  const lint = useMemo(() => (template ? lintOutreachTemplate(template, audience) : undefined), [template, audience]);
  if (!lint) return null;
  const shown = lint.findings.filter((f) => f.severity !== 'info');
  if (shown.length === 0) return null;
  return (
    <ul className="outreach-results">
      {shown.map((f) => (
        <li key={`${f.rule}:${f.message}`}>
          <SeverityBadge severity={f.severity} rule={f.rule} /> {f.message}
        </li>
      ))}
    </ul>
  );
}
