import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { AREAS } from '../layout/areas.js';
import { GO_SEQUENCES, SequenceTracker, isTypingTarget } from './shortcuts.js';

export interface KeyboardShortcutsProps {
  onOpenPalette: () => void;
  onOpenHelp: () => void;
}

/** Focuses the current row of the page's main list, for `j`/`k` pressed outside any list. */
function focusMainList(): boolean {
  const list = document.querySelector<HTMLElement>('main [data-keyboard-list]');
  const row = list?.querySelector<HTMLElement>('tbody > tr[tabindex="0"]');
  if (!row) return false;
  row.focus();
  return true;
}

/**
 * The app-wide key handler: `g <key>` to go to an area, `?` for help, `/` to search, Ctrl/Cmd-K for the palette,
 * `j`/`k` to enter the main list. Single keys never fire while the user types in a field or a dialog is open.
 */
export function KeyboardShortcuts({ onOpenPalette, onOpenHelp }: KeyboardShortcutsProps) {
  const navigate = useNavigate();
  const tracker = useRef(new SequenceTracker(GO_SEQUENCES));
  const [pending, setPending] = useState<string>();
  const handlers = useRef({ onOpenPalette, onOpenHelp, navigate });
  handlers.current = { onOpenPalette, onOpenHelp, navigate };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const { onOpenPalette, onOpenHelp, navigate } = handlers.current;
      const dialogOpen = document.querySelector('dialog[open]') !== null;

      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (!dialogOpen) onOpenPalette();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || dialogOpen || isTypingTarget(event.target)) {
        tracker.current.reset();
        setPending(undefined);
        return;
      }

      const result = tracker.current.push(event.key, event.timeStamp);
      setPending(result === 'pending' ? event.key : undefined);
      if (result === 'pending') {
        event.preventDefault();
        return;
      }
      if (result) {
        const area = AREAS.find((candidate) => `g ${candidate.goKey}` === result);
        if (area) {
          event.preventDefault();
          navigate(area.path);
        }
        return;
      }

      if (event.key === '?') {
        event.preventDefault();
        onOpenHelp();
      } else if (event.key === '/') {
        event.preventDefault();
        const search = document.querySelector<HTMLElement>('main [data-page-search]');
        if (search) search.focus();
        else onOpenPalette();
      } else if ((event.key === 'j' || event.key === 'k') && !(event.target as Element | null)?.closest?.('[data-keyboard-list]')) {
        if (focusMainList()) event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setPending(undefined), 1500);
    return () => clearTimeout(timer);
  }, [pending]);

  return pending ? (
    <div className="key-pending" aria-hidden="true">
      <kbd>{pending}</kbd> then {AREAS.map((area) => area.goKey).join(' ')}…
    </div>
  ) : null;
}
