import type { ComponentPropsWithRef } from 'react';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  /** `primary` for the one main action of a view, `danger` for destructive confirmations. */
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** Shows that the action is running and blocks a second click. */
  busy?: boolean;
  /** Text shown while busy ("Saving…"); the normal label otherwise. */
  busyLabel?: string;
}

export function Button({ variant = 'secondary', busy = false, busyLabel, className, disabled, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={`button button-${variant}${className ? ` ${className}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
