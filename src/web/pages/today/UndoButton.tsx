import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button.js';

export interface UndoButtonProps {
  /** The mark's words, for the button's accessible name ("Undo: You logged that you contacted Rahul"). */
  text: string;
  markId: string;
  /** Local epoch ms until which Undo is possible. */
  deadline: number;
  busy: boolean;
  onUndo: () => void;
}

/** "Undo" for as long as the server allows it (a minute), then gone; focus falls back to the done line. */
export function UndoButton({ text, markId, deadline, busy, onUndo }: UndoButtonProps) {
  const [open, setOpen] = useState(() => deadline > Date.now());
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const left = deadline - Date.now();
    if (left <= 0) {
      setOpen(false);
      return;
    }
    setOpen(true);
    const timer = setTimeout(() => {
      // Keep keyboard users where they were when the button goes away.
      if (button.current && document.activeElement === button.current) button.current.closest<HTMLElement>('[data-mark]')?.focus();
      setOpen(false);
    }, left);
    return () => clearTimeout(timer);
  }, [deadline]);
  if (!open) return null;
  return (
    <Button ref={button} variant="ghost" className="today-undo" data-undo={markId} busy={busy} busyLabel="Undoing…" onClick={onUndo} aria-label={`Undo: ${text}`}>
      Undo
    </Button>
  );
}
