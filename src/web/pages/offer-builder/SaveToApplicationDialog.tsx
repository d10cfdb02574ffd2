import { useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client.js';
import { createOfferOnApplication, listOfferTargets } from '../../api/offer-path.js';
import type { OfferTarget } from '../../api/offer-path.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/Field.js';
import { termsFromBuilder } from './draft-form.js';
import type { OfferForm } from './offer-form.js';

export interface SaveToApplicationDialogProps {
  open: boolean;
  onClose: () => void;
  /** The builder's current figures. */
  form: OfferForm;
  /** Called once the offer exists, before going to its page. */
  onSaved: () => void;
}

/** Search text that stops changing for a moment, so each keystroke does not cost a request. */
function useSettled(text: string, ms = 200): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/**
 * The standalone builder's "Save to an application…": pick an active application by candidate and role, and the
 * figures on screen become its offer (a draft, evaluated again by the server), then its page opens.
 */
export function SaveToApplicationDialog({ open, onClose, form, onSaved }: SaveToApplicationDialogProps) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const settled = useSettled(query);
  const [chosen, setChosen] = useState<OfferTarget>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const targets = useResource((signal) => (open ? listOfferTargets(settled, signal) : Promise.resolve({ items: [] as OfferTarget[] })), [open, settled]);
  const items = targets.state.data?.items ?? [];

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    setChosen(undefined);
  }, [open]);

  const save = async () => {
    if (!chosen) {
      setError('Pick the application the offer is for.');
      return;
    }
    const { terms, errors } = termsFromBuilder(form, null);
    if (!terms) {
      setError(`Fix the offer first: ${Object.values(errors)[0] ?? 'a figure cannot be read.'}`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const offer = await createOfferOnApplication(chosen.applicationId, terms);
      onSaved();
      onClose();
      navigate(`/offers/${encodeURIComponent(offer.id)}`);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={() => !busy && onClose()} title="Save to an application">
      <div className="stack">
        <p className="muted">The figures on screen become the offer of the application you pick: a draft you then send for approval.</p>
        {error ? <Alert>{error}</Alert> : null}
        <TextField label="Candidate or role" name="q" type="search" value={query} onChange={setQuery} autoComplete="off" hint="Active applications without an offer" />
        <fieldset className="fieldset">
          <legend className="visually-hidden">Application</legend>
          {items.length === 0 ? (
            <p className="muted small" role="status" id={listId}>
              {targets.state.status === 'loading'
                ? 'Looking…'
                : targets.state.status === 'error'
                  ? targets.state.error
                  : query.trim()
                    ? 'No active application without an offer matches. Check the name, or add the candidate to a role first.'
                    : 'No active application is waiting for an offer. Add a candidate to a role first.'}
            </p>
          ) : (
            <ul className="plain-list save-targets">
              {items.map((t) => (
                <li key={t.applicationId}>
                  <label className="checkbox">
                    <input type="radio" name="application" value={t.applicationId} checked={chosen?.applicationId === t.applicationId} onChange={() => setChosen(t)} /> {t.candidateName}, {t.roleTitle}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="dialog-actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" busy={busy} busyLabel="Saving…" onClick={() => void save()}>
            Save as offer
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
