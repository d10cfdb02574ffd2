import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { FieldError } from '../../components/FieldError.js';

export interface RatingOption<V extends string | number> {
  value: V;
  /** Short visible text: "3", "Yes". */
  label: string;
  /** The anchor under the label: "Owned it in production". */
  detail?: string;
}

export interface RatingGroupProps<V extends string | number> {
  /** The group's name for people and screen readers (the legend). */
  legend: ReactNode;
  description?: ReactNode;
  /** The input name (`rating.<attributeId>`), also what error focus looks for. */
  name: string;
  options: readonly RatingOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
  error?: string;
  disabled?: boolean;
  /** Children below the options (the evidence line). */
  children?: ReactNode;
}

/**
 * A native radio group shown as a row of choices. Arrow keys move as usual; digit keys 1..n pick the n-th option
 * while focus is on one of the radios (not while typing in the evidence line).
 */
export function RatingGroup<V extends string | number>({ legend, description, name, options, value, onChange, error, disabled, children }: RatingGroupProps<V>) {
  const id = useId();
  const row = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || disabled) return;
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'radio') return;
    const index = Number(event.key) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= options.length) return;
    event.preventDefault();
    onChange(options[index].value);
    row.current?.querySelectorAll<HTMLInputElement>('input[type=radio]')[index]?.focus();
  };
  return (
    <fieldset className={`rating-group${error ? ' rating-group-invalid' : ''}`} aria-describedby={[description ? `${id}-d` : '', error ? `${id}-e` : ''].filter(Boolean).join(' ') || undefined}>
      <legend className="rating-legend">{legend}</legend>
      {description ? (
        <p id={`${id}-d`} className="field-hint">
          {description}
        </p>
      ) : null}
      <div className="rating-options" ref={row} onKeyDown={onKeyDown}>
        {options.map((option) => (
          <label key={String(option.value)} className={`rating-option${value === option.value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => onChange(option.value)}
              aria-invalid={error ? true : undefined}
            />
            <span className="rating-label">{option.label}</span>
            {option.detail ? <span className="rating-detail">{option.detail}</span> : null}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-e`} message={error} />
      {children}
    </fieldset>
  );
}
