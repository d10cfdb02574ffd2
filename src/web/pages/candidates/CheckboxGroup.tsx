import { useId } from 'react';
import type { ReactNode } from 'react';
import { FieldError } from '../../components/FieldError.js';

export interface CheckboxGroupProps {
  legend: ReactNode;
  /** The API's field name, so errors land here and focus can find the group. */
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: ReactNode;
  error?: string;
}

/** A labelled group of checkboxes (interviewers, focus attributes): native controls, hint and error wired. */
export function CheckboxGroup({ legend, name, options, value, onChange, hint, error }: CheckboxGroupProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const chosen = new Set(value);
  return (
    <fieldset className={`fieldset checkbox-group${error ? ' field-invalid' : ''}`} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-options">
        {options.map((option, i) => (
          <label key={option.value} className="checkbox-option">
            <input
              type="checkbox"
              // The first box carries the field's name so an error can move focus to the group.
              name={i === 0 ? name : undefined}
              checked={chosen.has(option.value)}
              onChange={(event) =>
                onChange(event.target.checked ? [...options.map((o) => o.value).filter((v) => chosen.has(v) || v === option.value)] : value.filter((v) => v !== option.value))
              }
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
