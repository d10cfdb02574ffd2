import { CANDIDATE_SOURCES } from '../../api/pipeline.js';
import type { CandidateSource } from '../../api/pipeline.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FieldError } from '../../components/FieldError.js';
import { SOURCE_LABELS } from '../../lib/pipeline-labels.js';

// The fields "Add candidate" and "Edit details" share, so the two forms ask the same questions in the same words.

const SOURCE_OPTIONS = CANDIDATE_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }));
const LOOKING_OPTIONS = [
  { value: 'passive', label: 'Passive (not looking)' },
  { value: 'active', label: 'Active (looking)' },
];

type SourceKey = 'source' | 'passive' | 'productionMlYears';

export interface SourceFieldsProps {
  value: { source: CandidateSource; passive: boolean; productionMlYears: string };
  errors: Partial<Record<SourceKey, string>>;
  onChange: <K extends SourceKey>(key: K, value: SourceFieldsProps['value'][K]) => void;
}

/** Where the person came from, whether they are looking, and their years of production ML. */
export function SourceFields({ value, errors, onChange }: SourceFieldsProps) {
  return (
    <>
      <SelectField label="Source" name="source" value={value.source} onChange={(v) => onChange('source', v as CandidateSource)} options={SOURCE_OPTIONS} error={errors.source} />
      <SelectField label="Looking?" name="passive" value={value.passive ? 'passive' : 'active'} onChange={(v) => onChange('passive', v === 'passive')} options={LOOKING_OPTIONS} error={errors.passive} />
      <TextField
        label="Years of production ML"
        name="productionMlYears"
        inputMode="decimal"
        value={value.productionMlYears}
        onChange={(v) => onChange('productionMlYears', v)}
        error={errors.productionMlYears}
        optional
      />
    </>
  );
}

export interface SpecializationChecksProps {
  options: readonly { key: string; name: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** The specializations as checkboxes (none shown when there are no options). */
export function SpecializationChecks({ options, value, onChange, error }: SpecializationChecksProps) {
  if (options.length === 0) return null;
  return (
    <fieldset className="chip-group">
      <legend>Specializations</legend>
      <div className="chip-options">
        {options.map((s) => (
          <label key={s.key} className="checkbox-field" style={{ marginBottom: 0 }}>
            <input
              type="checkbox"
              name="specializations"
              value={s.key}
              checked={value.includes(s.key)}
              onChange={(e) => onChange(e.target.checked ? [...value, s.key] : value.filter((k) => k !== s.key))}
            />
            {s.name}
          </label>
        ))}
      </div>
      <FieldError id="specializations-error" message={error} />
    </fieldset>
  );
}

export interface PayDraft {
  base: string;
  bonus: string;
  equityAnnual: string;
}

export interface CurrentPayFieldsProps {
  legend: string;
  value: PayDraft;
  errors: Partial<Record<'currentCompensation.base' | 'currentCompensation.bonus' | 'currentCompensation.equityAnnual', string>>;
  onChange: (key: keyof PayDraft, value: string) => void;
}

/** Current pay per year: base, bonus and equity, each optional. */
export function CurrentPayFields({ legend, value, errors, onChange }: CurrentPayFieldsProps) {
  return (
    <fieldset className="chip-group">
      <legend>{legend}</legend>
      <div className="form-grid">
        <TextField label="Base salary" name="currentCompensation.base" inputMode="numeric" value={value.base} onChange={(v) => onChange('base', v)} error={errors['currentCompensation.base']} optional />
        <TextField label="Bonus" name="currentCompensation.bonus" inputMode="numeric" value={value.bonus} onChange={(v) => onChange('bonus', v)} error={errors['currentCompensation.bonus']} optional />
        <TextField
          label="Equity per year"
          name="currentCompensation.equityAnnual"
          inputMode="numeric"
          value={value.equityAnnual}
          onChange={(v) => onChange('equityAnnual', v)}
          error={errors['currentCompensation.equityAnnual']}
          optional
        />
      </div>
    </fieldset>
  );
}
