import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { formatMoney } from '../../lib/format-money.js';
import { BOTTLENECKS, BOTTLENECK_LABELS, MEMBER_SENIORITIES, getTeamPlanInputs, putTeamPlanInputs } from './api.js';
import type { Bottleneck, MemberSeniority, TeamPlanInputs, TeamPlanInputsView } from './api.js';

// The seven specializations of the taxonomy (shared/spec/taxonomy.md). Repeated here so the Team page does not
// load the whole taxonomy; a stored key outside this list is kept and shown as it is.
const SPECIALIZATIONS: readonly { key: string; name: string }[] = [
  { key: 'ml-engineering', name: 'ML engineer (classical)' },
  { key: 'mlops', name: 'MLOps / ML platform' },
  { key: 'prompt-engineering', name: 'Prompt engineer' },
  { key: 'ai-safety', name: 'AI safety / alignment' },
  { key: 'applied-research', name: 'Applied research' },
  { key: 'data-engineering', name: 'Data engineer for AI' },
  { key: 'ai-product-engineering', name: 'Full-stack AI engineer' },
];
const GENERALIST = 'ml-engineering,mlops,data-engineering';
const SENIORITY_LABELS: Record<MemberSeniority, string> = { junior: 'Junior', mid: 'Mid-level', senior: 'Senior', 'staff+': 'Staff+', lead: 'Lead' };

type BudgetKind = 'none' | 'annualBudget' | 'raise' | 'annualBurn';

/** A row setup counted but nobody has described yet: its specialization and seniority must be chosen. */
const NOT_CHOSEN = '';
const SPECIALIZATION_NOT_CHOSEN = '?';
/** Rows made from setup's AI team size at most; a bigger team describes its seniors first and adds the rest. */
const MAX_ROWS_FROM_SETUP = 12;

interface MemberRow {
  name: string;
  specializations: string;
  seniority: MemberSeniority | typeof NOT_CHOSEN;
  pay: string;
}

export interface FormState {
  bottleneck: Bottleneck;
  coreIsSafetyOrResearch: boolean;
  coreFocus: '' | 'ai-safety' | 'applied-research';
  budgetKind: BudgetKind;
  annualBudget: string;
  raise: string;
  runwayYears: string;
  annualBurn: string;
  hires: string;
  members: MemberRow[];
}

/** The form's state from the stored inputs, or, before any are stored, from what setup recorded. */
export function toForm(inputs: TeamPlanInputs | null, profile: TeamPlanInputsView['profile']): FormState {
  const budget = (inputs?.budget ?? {}) as Record<string, number | undefined>;
  const budgetKind: BudgetKind = budget.annualBudget ? 'annualBudget' : budget.raise ? 'raise' : budget.annualBurn ? 'annualBurn' : 'none';
  return {
    bottleneck: inputs?.bottleneck ?? 'infrastructure',
    coreIsSafetyOrResearch: inputs?.coreIsSafetyOrResearch ?? false,
    coreFocus: inputs?.coreFocus ?? '',
    budgetKind,
    annualBudget: budget.annualBudget ? String(budget.annualBudget) : '',
    raise: budget.raise ? String(budget.raise) : '',
    runwayYears: budget.runwayYears ? String(budget.runwayYears) : '',
    annualBurn: budget.annualBurn ? String(budget.annualBurn) : '',
    hires: inputs?.hires ? String(inputs.hires) : '3',
    // Setup asked how many people build ML/AI: before anyone describes them, one row each to fill in.
    members: inputs
      ? (inputs.aiTeam ?? []).map((m) => ({
          name: m.name ?? '',
          specializations: m.specializations.join(','),
          seniority: m.seniority,
          pay: m.yearlyCashComp !== undefined ? String(m.yearlyCashComp) : '',
        }))
      : Array.from({ length: Math.min(profile.aiTeamSize, MAX_ROWS_FROM_SETUP) }, () => ({ name: '', specializations: SPECIALIZATION_NOT_CHOSEN, seniority: NOT_CHOSEN, pay: '' })),
  };
}

/** Reads the form into the PUT body, or the first field that is not a number or not chosen yet. */
export function toBody(form: FormState): { body: TeamPlanInputs } | { field: string; message: string } {
  const whole = (text: string, field: string): { value: number } | { field: string; message: string } => {
    const parsed = parseWholeNumber(text, { allowSuffix: true });
    return parsed.ok ? { value: parsed.value } : { field, message: parsed.message };
  };
  const body: TeamPlanInputs = { bottleneck: form.bottleneck, coreIsSafetyOrResearch: form.coreIsSafetyOrResearch, aiTeam: [] };
  if (form.coreIsSafetyOrResearch && form.coreFocus) body.coreFocus = form.coreFocus;
  if (form.budgetKind === 'annualBudget') {
    const r = whole(form.annualBudget, 'budget.annualBudget');
    if ('field' in r) return r;
    body.budget = { annualBudget: r.value };
  } else if (form.budgetKind === 'raise') {
    const r = whole(form.raise, 'budget.raise');
    if ('field' in r) return r;
    const years = Number(form.runwayYears);
    if (!form.runwayYears.trim() || !Number.isFinite(years)) return { field: 'budget.runwayYears', message: 'Enter the runway in years, for example 2.' };
    body.budget = { raise: r.value, runwayYears: years };
  } else if (form.budgetKind === 'annualBurn') {
    const r = whole(form.annualBurn, 'budget.annualBurn');
    if ('field' in r) return r;
    body.budget = { annualBurn: r.value };
  }
  const hires = whole(form.hires, 'hires');
  if ('field' in hires) return hires;
  body.hires = hires.value;
  for (const [i, m] of form.members.entries()) {
    const who = m.name.trim() || `member ${i + 1}`;
    if (m.specializations === SPECIALIZATION_NOT_CHOSEN) return { field: `aiTeam[${i}].specializations`, message: `Choose what ${who} does, or remove the row.` };
    if (m.seniority === NOT_CHOSEN) return { field: `aiTeam[${i}].seniority`, message: `Choose the seniority of ${who}, or remove the row.` };
    const member: NonNullable<TeamPlanInputs['aiTeam']>[number] = {
      specializations: m.specializations ? m.specializations.split(',') : [],
      seniority: m.seniority,
    };
    if (m.name.trim()) member.name = m.name.trim();
    if (m.pay.trim()) {
      const pay = whole(m.pay, `aiTeam[${i}].yearlyCashComp`);
      if ('field' in pay) return pay;
      member.yearlyCashComp = pay.value;
    }
    body.aiTeam!.push(member);
  }
  return { body };
}

function specializationOptions(current: string) {
  const options = [
    ...(current === SPECIALIZATION_NOT_CHOSEN ? [{ value: SPECIALIZATION_NOT_CHOSEN, label: 'Choose…' }] : []),
    { value: GENERALIST, label: 'Generalist (ML, MLOps, data)' },
    ...SPECIALIZATIONS.map((s) => ({ value: s.key, label: s.name })),
    { value: '', label: 'Not an AI specialist' },
  ];
  if (!options.some((o) => o.value === current)) options.unshift({ value: current, label: current.split(',').join(', ') });
  return options;
}

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
  // The amount raised setup recorded, when it is in the company's currency (setup records it in US dollars).
  const raisedFromSetup = profile.raisedUsd && profile.currency === 'USD' ? profile.raisedUsd : undefined;
  const set = (patch: Partial<FormState>) => {
    setSaved(false);
    setForm((current) => (current ? { ...current, ...patch } : current));
  };
  const setMember = (index: number, patch: Partial<MemberRow>) =>
    set({ members: form.members.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  const fieldNames = [
    'bottleneck',
    'coreFocus',
    'budget.annualBudget',
    'budget.raise',
    'budget.runwayYears',
    'budget.annualBurn',
    'budget',
    'hires',
    ...form.members.flatMap((_, i) => [`aiTeam[${i}].name`, `aiTeam[${i}].specializations`, `aiTeam[${i}].seniority`, `aiTeam[${i}].yearlyCashComp`]),
  ];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    const read = toBody(form);
    if ('field' in read) {
      const next = { [read.field]: read.message };
      setErrors(next);
      focusFirstError(formRef.current, fieldNames, next);
      return;
    }
    setSaving(true);
    try {
      await putTeamPlanInputs(read.body);
      setSaved(true);
      onSaved();
    } catch (error) {
      const failure = formFailure(error, fieldNames);
      setErrors(failure.fields);
      setFormError(failure.form);
      focusFirstError(formRef.current, fieldNames, failure.fields);
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

        <fieldset className="fieldset">
          <legend>Budget</legend>
          <SelectField
            label="How to state the budget"
            name="budgetKind"
            value={form.budgetKind}
            options={[
              { value: 'none', label: 'No budget stated' },
              { value: 'annualBudget', label: 'Yearly budget' },
              { value: 'raise', label: 'Amount raised and runway' },
              { value: 'annualBurn', label: 'Yearly burn' },
            ]}
            onChange={(value) => set({ budgetKind: value as BudgetKind, ...(value === 'raise' && !form.raise && raisedFromSetup ? { raise: String(raisedFromSetup) } : {}) })}
            error={errors.budget}
            hint={profile.raisedUsd && form.budgetKind === 'none' ? `Setup recorded ${formatMoney(profile.raisedUsd, 'USD')} raised: choose “Amount raised and runway” to compare the team's cost with it.` : undefined}
          />
          {form.budgetKind === 'annualBudget' ? (
            <TextField label="Yearly budget" name="budget.annualBudget" inputMode="numeric" value={form.annualBudget} onChange={(annualBudget) => set({ annualBudget })} error={errors['budget.annualBudget']} hint="Whole units of the company currency; 2M or 2000000" />
          ) : null}
          {form.budgetKind === 'raise' ? (
            <div className="field-row">
              <TextField
                label="Amount raised"
                name="budget.raise"
                inputMode="numeric"
                value={form.raise}
                onChange={(raise) => set({ raise })}
                error={errors['budget.raise']}
                hint={profile.raisedUsd ? `Setup recorded ${formatMoney(profile.raisedUsd, 'USD')}.` : undefined}
              />
              <TextField label="Runway in years" name="budget.runwayYears" inputMode="decimal" value={form.runwayYears} onChange={(runwayYears) => set({ runwayYears })} error={errors['budget.runwayYears']} />
            </div>
          ) : null}
          {form.budgetKind === 'annualBurn' ? (
            <TextField label="Yearly burn" name="budget.annualBurn" inputMode="numeric" value={form.annualBurn} onChange={(annualBurn) => set({ annualBurn })} error={errors['budget.annualBurn']} />
          ) : null}
        </fieldset>

        <fieldset className="fieldset">
          <legend>Current AI team</legend>
          {form.members.length === 0 ? <p className="muted small">No one yet. Add the people who do AI work today, so the plan knows whether you have a senior anchor.</p> : null}
          {!stored.state.data.stored && profile.aiTeamSize > 0 ? (
            <p className="muted small">
              Setup says {profile.aiTeamSize} {profile.aiTeamSize === 1 ? 'person builds' : 'people build'} ML/AI
              {profile.aiTeamSize > MAX_ROWS_FROM_SETUP ? `; here are the first ${MAX_ROWS_FROM_SETUP}, describe your seniors first` : ''}. Choose what each one does and how senior they are.
            </p>
          ) : null}
          {form.members.map((m, i) => {
            const who = m.name.trim() || `member ${i + 1}`;
            return (
              <div key={i} className="member-row">
                <TextField label={`Name of ${`member ${i + 1}`}`} name={`aiTeam[${i}].name`} value={m.name} optional onChange={(name) => setMember(i, { name })} error={errors[`aiTeam[${i}].name`]} />
                <SelectField label={`Specialization of ${who}`} name={`aiTeam[${i}].specializations`} value={m.specializations} options={specializationOptions(m.specializations)} onChange={(specializations) => setMember(i, { specializations })} error={errors[`aiTeam[${i}].specializations`]} />
                <SelectField
                  label={`Seniority of ${who}`}
                  name={`aiTeam[${i}].seniority`}
                  value={m.seniority}
                  options={[...(m.seniority === NOT_CHOSEN ? [{ value: NOT_CHOSEN, label: 'Choose…' }] : []), ...MEMBER_SENIORITIES.map((s) => ({ value: s, label: SENIORITY_LABELS[s] }))]}
                  onChange={(seniority) => setMember(i, { seniority: seniority as MemberSeniority })}
                  error={errors[`aiTeam[${i}].seniority`]}
                />
                <TextField label={`Yearly cash pay of ${who}`} name={`aiTeam[${i}].yearlyCashComp`} inputMode="numeric" optional value={m.pay} onChange={(pay) => setMember(i, { pay })} error={errors[`aiTeam[${i}].yearlyCashComp`]} />
                <Button variant="ghost" className="member-remove" onClick={() => set({ members: form.members.filter((_, j) => j !== i) })} aria-label={`Remove ${who}`}>
                  Remove
                </Button>
              </div>
            );
          })}
          <Button onClick={() => set({ members: [...form.members, { name: '', specializations: GENERALIST, seniority: 'senior', pay: '' }] })}>Add a team member</Button>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving} busyLabel="Saving…">
            Save and re-plan
          </Button>
        </div>
      </form>
    </section>
  );
}
