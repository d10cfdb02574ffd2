import { useId } from 'react';
import { FieldError } from '../../components/FieldError.js';

/** The job description: a large text box, with the server's or the analyser's problem under it. */
export function DescriptionField({ value, onChange, error, problem }: { value: string; onChange: (value: string) => void; error?: string; problem?: string | null }) {
  const descriptionId = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={descriptionId} className="field-label">
        Job description
      </label>
      <p id={`${descriptionId}-hint`} className="field-hint">
        Paste a posting or list the duties. The analysis updates as you type.
      </p>
      <textarea
        id={descriptionId}
        name="description"
        className="input role-description"
        rows={14}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error || problem ? true : undefined}
        aria-describedby={`${descriptionId}-hint${problem ? ` ${descriptionId}-problem` : ''}`}
      />
      <FieldError id={`${descriptionId}-problem`} message={error ?? problem ?? undefined} />
    </div>
  );
}
