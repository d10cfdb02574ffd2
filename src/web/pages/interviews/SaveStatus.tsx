import type { ReactNode } from 'react';
import { RelativeTime } from '../../components/RelativeTime.js';

/** Where the autosaved draft stands. */
export type SaveState = { status: 'idle' } | { status: 'pending' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'error'; message: string };

/** One polite status line for the draft: saves as you type, unsaved, saving, saved (when), or not saved and why. */
export function SaveStatus({ state }: { state: SaveState }) {
  let text: ReactNode;
  switch (state.status) {
    case 'idle':
      text = 'Draft saves as you type.';
      break;
    case 'pending':
      text = 'Unsaved changes…';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = (
        <>
          <span aria-hidden="true">✓ </span>Draft saved <RelativeTime at={state.at} />
        </>
      );
      break;
    case 'error':
      text = `Not saved: ${state.message} Your changes are kept on this device and will be sent with the next change.`;
      break;
  }
  return (
    <p className={`save-status save-status-${state.status}`} role="status" aria-live="polite" data-save-status={state.status}>
      {text}
    </p>
  );
}

