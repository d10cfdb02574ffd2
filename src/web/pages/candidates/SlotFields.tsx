import { useId } from 'react';
import { SelectField, TextField } from '../../components/Field.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { DURATION_LIMITS, KIND_OPTIONS } from './interview-form.js';
import type { FormErrors, SlotDraft } from './interview-form.js';

export interface Option {
  value: string;
  label: string;
}

interface SlotFieldsProps {
  slot: SlotDraft;
  onChange: (slot: SlotDraft) => void;
  /** '' for a single interview, 'slots.2.' inside an onsite: the API's field names. */
  prefix: string;
  errors: FormErrors;
  interviewerOptions: readonly Option[];
  focusOptions: readonly Option[];
  /** Words for the time zone the start time is in ("Berlin time"). */
  zone: string;
}

/** What one interview needs: kind, start, length, interviewers by name, the attributes it covers, notes, final. */
export function SlotFields({ slot, onChange, prefix, errors, interviewerOptions, focusOptions, zone }: SlotFieldsProps) {
  const finalId = useId();
  const set = <K extends keyof SlotDraft>(key: K) => (value: SlotDraft[K]) => onChange({ ...slot, [key]: value });
  return (
    <>
      <div className="field-row">
        <SelectField label="Interview" name={`${prefix}kind`} value={slot.kind} options={KIND_OPTIONS} onChange={set('kind')} error={errors[`${prefix}kind`]} />
        <TextField label={`Starts (${zone})`} name={`${prefix}scheduledAt`} type="time" value={slot.time} onChange={set('time')} error={errors[`${prefix}scheduledAt`]} required />
        <TextField
          label="Length (minutes)"
          name={`${prefix}durationMinutes`}
          type="number"
          inputMode="numeric"
          min={DURATION_LIMITS.min}
          max={DURATION_LIMITS.max}
          step={5}
          value={slot.durationMinutes}
          onChange={set('durationMinutes')}
          error={errors[`${prefix}durationMinutes`]}
        />
      </div>
      <CheckboxGroup
        legend="Interviewers"
        name={`${prefix}interviewerIds`}
        options={interviewerOptions}
        value={slot.interviewerIds}
        onChange={set('interviewerIds')}
        error={errors[`${prefix}interviewerIds`]}
        hint={interviewerOptions.length === 0 ? 'Nobody can interview yet: invite colleagues in Settings, Users.' : undefined}
      />
      <CheckboxGroup
        legend="Covers"
        name={`${prefix}focusAttributeIds`}
        options={focusOptions}
        value={slot.focusAttributeIds}
        onChange={set('focusAttributeIds')}
        error={errors[`${prefix}focusAttributeIds`]}
        hint="The scorecard attributes this interview rates. Tick none to cover all of them."
      />
      <TextField label="Notes for the interviewers" name={`${prefix}notes`} value={slot.notes} onChange={set('notes')} error={errors[`${prefix}notes`]} optional maxLength={2000} hint="Not in the candidate's invite." />
      <div className="checkbox-option">
        <input id={finalId} type="checkbox" name={`${prefix}final`} checked={slot.final} onChange={(event) => set('final')(event.target.checked)} />
        <label htmlFor={finalId}>Final interview (the offer clock starts once it is done)</label>
      </div>
    </>
  );
}
