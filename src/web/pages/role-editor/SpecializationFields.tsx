import { SelectField } from '../../components/Field.js';
import { FieldError } from '../../components/FieldError.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { SENIORITY_LEVELS } from '../../../domain/taxonomy/lists.js';
import { SENIORITY_LABELS } from './AnalysisPanel.js';
import type { RoleSeniority } from './api.js';
import { specializationColor } from './colors.js';
import { toggled } from './role-draft.js';
import type { Draft, FormField } from './role-draft.js';

const SENIORITIES: readonly RoleSeniority[] = [...SENIORITY_LEVELS, 'unknown'];

export interface SpecializationFieldsProps {
  choices: readonly { key: string; name: string }[];
  specializations: readonly string[];
  seniority: RoleSeniority;
  /** True while nothing was set by hand: the fields show what the analysis found. */
  following: boolean;
  errors: FieldErrors<FormField>;
  update: (patch: Partial<Draft>) => void;
}

/** The role's specializations (one checkbox each, coloured as in the highlighted text) and seniority, following the analysis until set by hand. */
export function SpecializationFields({ choices, specializations, seniority, following, errors, update }: SpecializationFieldsProps) {
  const order = choices.map((s) => s.key);
  return (
    <fieldset className="fieldset">
      <legend>Specializations and seniority</legend>
      <p className="field-hint">
        {following
          ? 'Following the analysis: the core specializations and the seniority it found. Change them to set them yourself.'
          : 'Set by hand.'}
        {!following ? (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => update({ specializations: null, seniority: null })}>
              Use the analysis again
            </button>
          </>
        ) : null}
      </p>
      <div className="specialization-choices" role="group" aria-label="Specializations" aria-describedby={errors.specializations ? 'specializations-error' : undefined}>
        {choices.map((s) => (
          <label key={s.key} className="spec-check">
            <input
              type="checkbox"
              name="specializations"
              value={s.key}
              checked={specializations.includes(s.key)}
              onChange={(event) => update({ specializations: toggled(specializations, s.key, event.target.checked) })}
            />
            <span className="legend-swatch legend-swatch-small" style={{ ['--spec-color' as string]: specializationColor(s.key, order) }} aria-hidden="true" />
            {s.name}
          </label>
        ))}
      </div>
      <FieldError id="specializations-error" message={errors.specializations} />
      <SelectField
        label="Seniority"
        name="seniority"
        value={seniority}
        options={SENIORITIES.map((level) => ({ value: level, label: SENIORITY_LABELS[level] ?? level }))}
        onChange={(value) => update({ seniority: value as RoleSeniority })}
        error={errors.seniority}
      />
    </fieldset>
  );
}
