import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

export interface OneTimeSecretProps {
  /** Names the value: "One-time password for Ann Lee", "API token secret". */
  label: string;
  secret: string;
  /** Extra guidance under the value. */
  children?: ReactNode;
}

/** Shows a secret the server returns only once, with a copy button and a plain warning. */
export function OneTimeSecret({ label, secret, children }: OneTimeSecretProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'select'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      // No clipboard permission: select the text so Ctrl/Cmd-C works.
      input.current?.select();
      setCopied('select');
    }
  };

  return (
    <div className="secret">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="secret-row">
        <input
          ref={input}
          id={id}
          className="input secret-value"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="button" className="button button-secondary" onClick={copy}>
          Copy
        </button>
      </div>
      <p className="secret-note">
        <strong>Shown only once.</strong> Store it now; it cannot be displayed again.{' '}
        <span role="status">{copied === 'copied' ? 'Copied.' : copied === 'select' ? 'Selected: press Ctrl/Cmd-C to copy.' : ''}</span>
      </p>
      {children}
    </div>
  );
}
