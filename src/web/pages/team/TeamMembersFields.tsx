import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { MEMBER_SENIORITIES } from './api.js';
import type { MemberSeniority, TeamPlanInputsView } from './api.js';
import { MAX_ROWS_FROM_SETUP, NOT_CHOSEN, SENIORITY_LABELS, newMember, specializationOptions } from './team-plan-form.js';
import type { FormState, MemberRow } from './team-plan-form.js';

export interface TeamMembersFieldsProps {
  form: FormState;
  profile: TeamPlanInputsView['profile'];
  /** Whether the inputs were stored before (otherwise the rows come from setup's count). */
  stored: boolean;
  errors: FieldErrors<string>;
  set: (patch: Partial<FormState>) => void;
}

/** The current AI team, one row per person: name, what they do, how senior, yearly cash pay; rows from setup's count until described. */
export function TeamMembersFields({ form, profile, stored, errors, set }: TeamMembersFieldsProps) {
  const setMember = (index: number, patch: Partial<MemberRow>) => set({ members: form.members.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  return (
    <fieldset className="fieldset">
      <legend>Current AI team</legend>
      {form.members.length === 0 ? <p className="muted small">No one yet. Add the people who do AI work today, so the plan knows whether you have a senior anchor.</p> : null}
      {!stored && profile.aiTeamSize > 0 ? (
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
      <Button onClick={() => set({ members: [...form.members, newMember()] })}>Add a team member</Button>
    </fieldset>
  );
}
