import { SelectField, TextField } from '../../components/Field.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { formatMoney } from '../../lib/format-money.js';
import type { TeamPlanInputsView } from './api.js';
import type { BudgetKind, FormState } from './team-plan-form.js';

export interface BudgetFieldsProps {
  form: FormState;
  profile: TeamPlanInputsView['profile'];
  errors: FieldErrors<string>;
  set: (patch: Partial<FormState>) => void;
}

/** How the budget is stated: a yearly budget, the amount raised and runway (from setup's figure when it is in dollars), or a yearly burn. */
export function BudgetFields({ form, profile, errors, set }: BudgetFieldsProps) {
  // The amount raised setup recorded, when it is in the company's currency (setup records it in US dollars).
  const raisedFromSetup = profile.raisedUsd && profile.currency === 'USD' ? profile.raisedUsd : undefined;
  return (
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
  );
}
