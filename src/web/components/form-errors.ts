import { isApiError } from '../api/client.js';
import { matchField } from '../lib/field-path.js';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormFailure<F extends string> {
  fields: FieldErrors<F>;
  /** The message for the whole form when the error names no field of this form. */
  form?: string;
}

/**
 * Splits an API error between the form's fields (by the error's `field`) and the form as a whole.
 * @example const { fields, form } = formFailure(error, ['email', 'password'] as const);
 */
export function formFailure<F extends string>(error: unknown, fields: readonly F[]): FormFailure<F> {
  if (isApiError(error)) {
    const field = matchField(error.field, fields) as F | undefined;
    if (field) return { fields: { [field]: error.message } as FieldErrors<F> };
    return { fields: {}, form: error.message };
  }
  return { fields: {}, form: error instanceof Error ? error.message : 'Something went wrong.' };
}

/** Moves focus to the first field with an error, in the form's field order. */
export function focusFirstError<F extends string>(form: HTMLFormElement | null, order: readonly F[], errors: FieldErrors<F>): void {
  const first = order.find((name) => errors[name]);
  if (!form || !first) return;
  const element = form.elements.namedItem(first);
  if (element instanceof HTMLElement) element.focus();
}
