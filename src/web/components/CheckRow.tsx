import { useId } from 'react';
import type { ReactNode } from 'react';
import './check-row.css';

/** A checkbox with its label and an optional hint under it. */
export function CheckRow({ label, hint, checked, disabled, onChange, name }: { label: ReactNode; hint?: ReactNode; checked: boolean; disabled?: boolean; onChange?: (v: boolean) => void; name: string }) {
  const id = useId();
  return (
    <div className="check-row">
      <input id={id} type="checkbox" name={name} checked={checked} disabled={disabled} onChange={(e) => onChange?.(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id} className="check-label">
          {label}
        </label>
        {hint ? (
          <span id={`${id}-hint`} className="field-hint check-hint">
            {hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}
