import { isApiError } from '../../api/client.js';
import { Button } from '../../components/Button.js';
import { formFailure, type FieldErrors } from '../../components/form-errors.js';

/** The words for a save refused because the role changed meanwhile (412); undefined for other errors. */
export function staleMessage(error: unknown): string | undefined {
  return isApiError(error) && error.code === 'PRECONDITION_FAILED'
    ? 'Someone else changed this role since you opened it. Your edits here are kept: reload to get their version, then save again.'
    : undefined;
}

/** What a refused section save shows: the errors beside `fields`, whether the role changed meanwhile, and the form's message. */
export function sectionSaveFailure<F extends string>(error: unknown, fields: readonly F[]): { fields: FieldErrors<F>; stale: boolean; message: string | undefined } {
  const failure = formFailure(error, fields);
  const stale = staleMessage(error);
  return { fields: failure.fields, stale: stale !== undefined, message: stale ?? failure.form };
}

/** Loads the role again after a 412, keeping what was typed. */
export function ReloadButton({ onReload }: { onReload: () => void }) {
  return (
    <>
      {' '}
      <Button className="button-compact" onClick={onReload}>
        Reload
      </Button>
    </>
  );
}
