import { MessageText } from './MessageText.js';

export interface FieldErrorProps {
  /** Referenced by the control's `aria-describedby`. */
  id: string;
  /** The API's message (or a local check's); nothing renders without one. */
  message?: string;
}

/** The error beside a field, in the words of the API. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="field-error-mark" aria-hidden="true">
        !
      </span>
      <MessageText text={message} />
    </p>
  );
}
