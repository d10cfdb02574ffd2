import { parseWholeNumber } from '../../lib/parse-number.js';
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
export const GENERALIST = 'ml-engineering,mlops,data-engineering';
export const SENIORITY_LABELS: Record<MemberSeniority, string> = { junior: 'Junior', mid: 'Mid-level', senior: 'Senior', 'staff+': 'Staff+', lead: 'Lead' };

export type BudgetKind = 'none' | 'annualBudget' | 'raise' | 'annualBurn';

/** A row setup counted but nobody has described yet: its specialization and seniority must be chosen. */
export const NOT_CHOSEN = '';
const SPECIALIZATION_NOT_CHOSEN = '?';
/** Rows made from setup's AI team size at most; a bigger team describes its seniors first and adds the rest. */
export const MAX_ROWS_FROM_SETUP = 12;

export interface MemberRow {
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

/** A new row: a senior generalist until told otherwise. */
export const newMember = (): MemberRow => ({ name: '', specializations: GENERALIST, seniority: 'senior', pay: '' });

/** The fields of the form in page order, for focusing the first error. */
export function fieldNames(form: FormState): string[] {
  return [
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
}

/** The choices for a member's specialization: a stored key outside the list is kept and shown as it is. */
export function specializationOptions(current: string) {
  const options = [
    ...(current === SPECIALIZATION_NOT_CHOSEN ? [{ value: SPECIALIZATION_NOT_CHOSEN, label: 'Choose…' }] : []),
    { value: GENERALIST, label: 'Generalist (ML, MLOps, data)' },
    ...SPECIALIZATIONS.map((s) => ({ value: s.key, label: s.name })),
    { value: '', label: 'Not an AI specialist' },
  ];
  if (!options.some((o) => o.value === current)) options.unshift({ value: current, label: current.split(',').join(', ') });
  return options;
}
