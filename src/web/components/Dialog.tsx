import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  /** Called on Esc, on the close button and on a click outside the panel. */
  onClose: () => void;
  title: string;
  /** Visually hide the title (it still names the dialog). */
  hideTitle?: boolean;
  children: ReactNode;
  className?: string;
  /** Leave out the × button (the palette closes with Esc or a click outside, and says so). */
  hideCloseButton?: boolean;
  /** Which element gets focus on open; the first focusable one by default. */
  initialFocus?: () => HTMLElement | null;
}

/** A modal on the native <dialog>: focus is trapped, Esc closes, focus returns to where it was. */
export function Dialog({ open, onClose, title, hideTitle, hideCloseButton, children, className, initialFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const initialFocusRef = useRef(initialFocus);
  initialFocusRef.current = initialFocus;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    initialFocusRef.current?.()?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (previous && previous.isConnected) previous.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (event.target === event.currentTarget) onCloseRef.current();
      }}
    >
      <div className="dialog-panel">
        {hideTitle && hideCloseButton ? (
          <h2 id={titleId} className="visually-hidden">
            {title}
          </h2>
        ) : (
          <div className="dialog-header">
            <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'dialog-title'}>
              {title}
            </h2>
            {hideCloseButton ? null : (
              <button type="button" className="button button-ghost dialog-close" onClick={() => onCloseRef.current()} aria-label="Close">
                <span aria-hidden="true">×</span>
              </button>
            )}
          </div>
        )}
        {children}
      </div>
    </dialog>
  );
}
