import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.js';
import { Alert } from './Alert.js';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';

export interface ConfirmDialogProps {
  open: boolean;
  /** A question naming the thing: "Disable Ann Lee?" */
  title: string;
  /** What will happen, in one or two sentences. */
  children?: ReactNode;
  /** The verb on the button: "Disable", "Revoke token". */
  confirmLabel: string;
  /** `danger` for destructive actions. */
  tone?: 'primary' | 'danger';
  /** Runs the action; an error it throws is shown in the dialog and the dialog stays open. */
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}

/** Asks before a consequential change, runs it, and shows the API's error if it fails. */
export function ConfirmDialog({ open, title, children, confirmLabel, tone = 'primary', onConfirm, onCancel }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string>();

  const close = () => {
    if (busy) return;
    setError(undefined);
    onCancel();
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} title={title} className="dialog-confirm" initialFocus={() => confirmButton.current}>
      {children ? <div className="dialog-body">{children}</div> : null}
      {error ? <Alert>{error}</Alert> : null}
      <div className="dialog-actions">
        <Button onClick={close} disabled={busy}>
          Cancel
        </Button>
        <Button variant={tone} onClick={confirm} busy={busy} busyLabel="Working…" ref={confirmButton}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
