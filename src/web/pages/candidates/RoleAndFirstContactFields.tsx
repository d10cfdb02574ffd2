import type { Role } from '../../api/pipeline.js';
import { SelectField, TextField } from '../../components/Field.js';
import type { CandidateDraft } from './candidate-form.js';

const FIRST_CONTACT_OPTIONS = [
  { value: 'outreach.sent', label: 'We reached out' },
  { value: 'application.received', label: 'They applied' },
  { value: 'none', label: 'Not yet' },
];

export interface RoleAndFirstContactFieldsProps {
  draft: Pick<CandidateDraft, 'roleId' | 'stage' | 'firstContact' | 'firstContactOn'>;
  /** The open roles to choose from. */
  roles: readonly Role[];
  /** Whether the roles have loaded (an empty list then means there is no open role). */
  rolesLoaded: boolean;
  errors: Partial<Record<'roleId' | 'stage' | 'firstContactOn', string>>;
  /** A new role; the stage goes back to the role's first. */
  onRole: (roleId: string) => void;
  onChange: <K extends 'stage' | 'firstContact' | 'firstContactOn'>(key: K, value: CandidateDraft[K]) => void;
}

/** The role, its stage, and the first contact that starts the clocks (a date, or today when empty). */
export function RoleAndFirstContactFields({ draft, roles, rolesLoaded, errors, onRole, onChange }: RoleAndFirstContactFieldsProps) {
  const role = roles.find((r) => r.id === draft.roleId);
  const roleOptions = [{ value: '', label: roles.length === 0 ? 'No open roles yet' : 'Choose a role' }, ...roles.map((r) => ({ value: r.id, label: r.title }))];
  const stageOptions = (role?.processPlan.stages ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <fieldset className="chip-group">
      <legend>Role and first contact</legend>
      <div className="form-grid">
        <SelectField
          label="Role"
          name="roleId"
          value={draft.roleId}
          onChange={onRole}
          options={roleOptions}
          error={errors.roleId}
          hint={roles.length === 0 && rolesLoaded ? 'There is no open role: the person is saved without one.' : undefined}
        />
        {stageOptions.length > 0 ? (
          <SelectField label="Stage" name="stage" value={draft.stage || stageOptions[0]!.value} onChange={(v) => onChange('stage', v)} options={stageOptions} error={errors.stage} />
        ) : null}
        <SelectField
          label="First contact"
          name="firstContact"
          value={draft.firstContact}
          onChange={(v) => onChange('firstContact', v as CandidateDraft['firstContact'])}
          options={FIRST_CONTACT_OPTIONS}
        />
        {draft.firstContact !== 'none' ? (
          <TextField
            label="First contact on"
            name="firstContactOn"
            type="date"
            value={draft.firstContactOn}
            onChange={(v) => onChange('firstContactOn', v)}
            error={errors.firstContactOn}
            hint="Leave empty for today. The 10-day clock starts here."
            optional
          />
        ) : null}
      </div>
    </fieldset>
  );
}
