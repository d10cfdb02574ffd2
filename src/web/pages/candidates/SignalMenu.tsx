import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { LoggedSignal } from '../../api/pipeline.js';
import { Button } from '../../components/Button.js';
import { LOGGED_SIGNAL_MENU } from '../../lib/pipeline-labels.js';
import './pipeline.css';

/** "Log a signal": one click opens the short menu, the second records the chosen signal. */
export function SignalMenu({ onPick, disabled }: { onPick: (signal: LoggedSignal, label: string) => void; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(event.currentTarget.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
  };

  return (
    <div className="menu" ref={root}>
      <Button variant="primary" aria-haspopup="menu" aria-expanded={open} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        Log a signal
      </Button>
      {open ? (
        <ul className="menu-list" role="menu" aria-label="Signals" onKeyDown={onKeyDown}>
          {LOGGED_SIGNAL_MENU.map((item, i) => (
            <li key={item.signal} role="none">
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => {
                  setOpen(false);
                  onPick(item.signal, item.label);
                }}
              >
                {item.label}
                <span className="menu-item-hint">{item.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
