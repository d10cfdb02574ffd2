import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { BOTTLENECKS, BOTTLENECK_LABELS, getTeamPlanInputs, putTeamPlanInputs } from './api.js';
import type { Bottleneck } from './api.js';
import { BudgetFields } from './BudgetFields.js';
import { TeamMembersFields } from './TeamMembersFields.js';
import { fieldNames, toBody, toForm } from './team-plan-form.js';
import type { FormState } from './team-plan-form.js';

/** The team-plan inputs (PUT /team/plan-inputs): bottleneck, current AI team, budget, hires to plan. */
export function TeamPlanInputsForm({ onSaved }: { onSaved: () => void }) {
  const stored = useResource((signal) => getTeamPlanInputs(signal), []);
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<FieldErrors<string>>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (stored.state.status === 'ready' && form === null) setForm(toForm(stored.state.data.inputs, stored.state.data.profile));
  }, [stored.state, form]);

  if (!form || !stored.state.data) {
    return stored.state.status === 'error' ? <Alert>{stored.state.error}</Alert> : null;
  }
  const profile = stored.state.data.profile;
  const set = (patch: Partial<FormState>) => {
    setSaved(false);
    setForm((current) => (current ? { ...current, ...patch } : current));
  };
  const names = fieldNames(form);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    const read = toBody(form);
    if ('field' in read) {
      const next = { [read.field]: read.message };
      setErrors(next);
      focusFirstError(formRef.current, names, next);
      return;
    }
    setSaving(true);
    try {
      await putTeamPlanInputs(read.body);
      setSaved(true);
      onSaved();
    } catch (error) {
      const failure = formFailure(error, names);
      setErrors(failure.fields);
      setFormError(failure.form);
      focusFirstError(formRef.current, names, failure.fields);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section id="team-inputs" aria-labelledby="team-inputs-heading" className="team-inputs">
      <h2 id="team-inputs-heading">Your AI team, bottleneck and budget</h2>
      <p className="muted">The plan is recomputed from these when you save. Stage, headcount and currency come from the company profile.</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="stack" aria-label="Team plan inputs">
        {formError ? <Alert>{formError}</Alert> : null}
        {saved ? <Alert tone="success">Saved. The plan above is updated.</Alert> : null}
        <div className="field-row">
          <SelectField
            label="Current bottleneck"
            name="bottleneck"
            value={form.bottleneck}
            options={BOTTLENECKS.map((b) => ({ value: b, label: BOTTLENECK_LABELS[b] }))}
            onChange={(value) => set({ bottleneck: value as Bottleneck })}
            error={errors.bottleneck}
          />
          <TextField label="Hires to plan" name="hires" inputMode="numeric" value={form.hires} onChange={(hires) => set({ hires })} error={errors.hires} hint="1 to 10" />
        </div>
        <label className="team-check">
          <input type="checkbox" checked={form.coreIsSafetyOrResearch} onChange={(e) => set({ coreIsSafetyOrResearch: e.target.checked })} />
          Our core differentiation is AI safety or novel research
        </label>
        {form.coreIsSafetyOrResearch ? (
          <SelectField
            label="Core focus"
            name="coreFocus"
            value={form.coreFocus}
            options={[
              { value: '', label: 'Decide from the bottleneck' },
              { value: 'ai-safety', label: 'AI safety' },
              { value: 'applied-research', label: 'Applied research' },
            ]}
            onChange={(value) => set({ coreFocus: value as FormState['coreFocus'] })}
            error={errors.coreFocus}
          />
        ) : null}

        <BudgetFields form={form} profile={profile} errors={errors} set={set} />
        <TeamMembersFields form={form} profile={profile} stored={stored.state.data.stored} errors={errors} set={set} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving} busyLabel="Saving…">
            Save and re-plan
          </Button>
        </div>
      </form>
    </section>
  );
}
