import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { FieldError } from './FieldError.js';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  hintId: string;
  errorId: string;
  optional?: boolean;
  /** Extra classes on the field's frame. */
  frameClassName?: string;
  children: ReactNode;
}

function FieldFrame({ id, label, hint, error, hintId, errorId, optional, frameClassName, children }: FieldFrameProps) {
  return (
    <div className={`field${frameClassName ? ` ${frameClassName}` : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

function describedBy(hint: unknown, error: unknown, hintId: string, errorId: string): string | undefined {
  const ids = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  label: ReactNode;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown beside the field and linked with aria-describedby; usually the API's message. */
  error?: string;
  hint?: ReactNode;
  /** Marks the label "(optional)". */
  optional?: boolean;
}

/**
 * A labelled text input with hint and error wired for screen readers.
 * @example <TextField label="Work e-mail" name="email" type="email" value={email} onChange={setEmail} error={errors.email} />
 */
export function TextField({ label, name, value, onChange, error, hint, optional, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={hintId} errorId={errorId} optional={optional}>
      <input
        {...input}
        id={id}
        name={name}
        className={`input${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, error, hintId, errorId)}
      />
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> {
  label: ReactNode;
  name: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
}

/** A labelled native select (native for keyboard and phone behaviour). */
export function SelectField({ label, name, value, options, onChange, error, hint, optional, className, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={hintId} errorId={errorId} optional={optional}>
      <select
        {...select}
        id={id}
        name={name}
        className={`input select${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, error, hintId, errorId)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'id'> {
  label: ReactNode;
  /** The API's field name, so its error lands here; optional for a comment that is not a form field. */
  name?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
  /** Extra classes on the field's frame (the textarea takes `className`). */
  frameClassName?: string;
}

/** A labelled textarea (comments, reasons, evidence, notes) with hint and error wired like the other fields. */
export function TextAreaField({ label, name, value, onChange, error, hint, optional, className, frameClassName, rows = 2, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={hintId} errorId={errorId} optional={optional} frameClassName={frameClassName}>
      <textarea
        {...textarea}
        id={id}
        name={name}
        rows={rows}
        className={`input${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, error, hintId, errorId)}
      />
    </FieldFrame>
  );
}
