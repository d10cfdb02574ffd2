import type { TaxonomyView } from '../../../api/scoping.js';
import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api, isApiError } from '../../api/client.js';
import { updateCandidate } from '../../api/candidate-record.js';
import { getCompany } from '../../api/endpoints.js';
import { getCandidate } from '../../api/pipeline.js';
import type { Candidate } from '../../api/pipeline.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/Field.js';
import { FieldError } from '../../components/FieldError.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { buildDetailsPatch, draftFromCandidate, rebaseDraft } from './edit-details.js';
import type { DetailsDraft, DetailsField } from './edit-details.js';
import { CurrentPayFields, SourceFields, SpecializationChecks } from './CandidateFormFields.js';
import './candidate-record.css';

/** "Edit details": every field of the person in one form, saved under If-Match; current pay only for those who may see it. */
export function EditDetailsButton({ candidate, seesPay, onSaved }: { candidate: Candidate; seesPay: boolean; onSaved: (updated: Candidate) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="button-compact" onClick={() => setOpen(true)}>
        Edit details
      </Button>
      {open ? (
        <EditDetailsDialog
          candidate={candidate}
          seesPay={seesPay}
          onClose={() => setOpen(false)}
          onSaved={(updated) => {
            setOpen(false);
            onSaved(updated);
          }}
        />
      ) : null}
    </>
  );
}

function EditDetailsDialog({ candidate, seesPay, onClose, onSaved }: { candidate: Candidate; seesPay: boolean; onClose: () => void; onSaved: (c: Candidate) => void }) {
  const [base, setBase] = useState(candidate);
  const [draft, setDraft] = useState<DetailsDraft>(() => draftFromCandidate(candidate));
  const [errors, setErrors] = useState<Partial<Record<DetailsField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const company = useResource((signal) => getCompany(signal), []);
  const taxonomy = useResource((signal) => api.get<TaxonomyView>('/taxonomy', { signal }).catch(() => ({}) as TaxonomyView), []);
  const currency = base.currentCompensation?.currency ?? company.state.data?.currency ?? 'USD';

  const fields = useMemo<DetailsField[]>(
    () => [
      'name',
      'email',
      'phone',
      'location',
      'currentEmployer',
      'source',
      'passive',
      'productionMlYears',
      ...draft.links.map((_, i) => `links.${i}` as const),
      'links',
      'specializations',
      'currentCompensation.base',
      'currentCompensation.bonus',
      'currentCompensation.equityAnnual',
    ],
    [draft.links],
  );

  const specializationOptions = useMemo(() => {
    const known = taxonomy.state.data?.taxonomy?.specializations ?? [];
    const names = new Map(known.map((s) => [s.key, s.name]));
    for (const key of draft.specializations) if (!names.has(key)) names.set(key, key);
    return [...names].map(([key, name]) => ({ key, name }));
  }, [taxonomy.state.data, draft.specializations]);

  const set = <K extends keyof DetailsDraft>(key: K) => (value: DetailsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setLink = (index: number, value: string) => setDraft((d) => ({ ...d, links: d.links.map((l, i) => (i === index ? value : l)) }));
  const removeLink = (index: number) => setDraft((d) => ({ ...d, links: d.links.length > 1 ? d.links.filter((_, i) => i !== index) : [''] }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    const built = buildDetailsPatch(draft, base, { seesPay, currency, parseWhole: (t) => parseWholeNumber(t) });
    if (!built.ok) {
      setErrors(built.errors);
      focusFirstError(form.current, fields, built.errors);
      return;
    }
    if (Object.keys(built.patch).length === 0) return onClose();
    setBusy(true);
    try {
      onSaved(await updateCandidate(base.id, base.version, built.patch));
    } catch (error) {
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
        // Someone saved first: move the form onto their version, keeping only what this person changed.
        try {
          const latest = await getCandidate(base.id);
          setDraft((d) => rebaseDraft(d, base, latest));
          setBase(latest);
          setConflict(true);
        } catch (reload) {
          setFormError(isApiError(reload) ? reload.message : 'The latest details could not be loaded. Close this form and open it again.');
        }
      } else {
        const { fields: fieldErrors, form: message } = formFailure(error, fields);
        setErrors(fieldErrors);
        setFormError(message);
        focusFirstError(form.current, fields, fieldErrors);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} title={`Edit ${candidate.name}'s details`} className="dialog-wide">
      {conflict ? (
        <Alert tone="info" title="Someone else changed these details meanwhile">
          <p>
            Nothing was saved, so nothing of theirs was overwritten. The form now shows their version with your changes on top. Save again to
            keep your changes, or start over from their version.
          </p>
          <Button
            className="button-compact"
            onClick={() => {
              setDraft(draftFromCandidate(base));
              setConflict(false);
            }}
          >
            Start over from their version
          </Button>
        </Alert>
      ) : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label="Edit details" className="stack">
        <div className="form-grid">
          <TextField label="Name" name="name" value={draft.name} onChange={set('name')} error={errors.name} autoComplete="off" required />
          <TextField label="E-mail" name="email" type="email" value={draft.email} onChange={set('email')} error={errors.email} autoComplete="off" required />
          <TextField label="Phone" name="phone" type="tel" value={draft.phone} onChange={set('phone')} error={errors.phone} autoComplete="off" optional />
          <TextField label="Location" name="location" value={draft.location} onChange={set('location')} error={errors.location} hint="City and country, or remote" optional />
          {base.pedigreeHidden ? null : (
            <TextField label="Current employer" name="currentEmployer" value={draft.currentEmployer} onChange={set('currentEmployer')} error={errors.currentEmployer} optional />
          )}
          <SourceFields value={draft} errors={errors} onChange={(key, value) => setDraft((d) => ({ ...d, [key]: value }))} />
        </div>

        <fieldset className="chip-group">
          <legend>Links</legend>
          <ul className="link-rows">
            {draft.links.map((link, i) => (
              <li key={i}>
                <TextField label={`Link ${i + 1}`} name={`links.${i}`} type="url" value={link} onChange={(v) => setLink(i, v)} error={errors[`links.${i}`]} placeholder="https://" />
                <Button variant="ghost" className="button-compact" onClick={() => removeLink(i)} aria-label={`Remove link ${i + 1}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <FieldError id="links-error" message={errors.links} />
          <Button className="button-compact" onClick={() => setDraft((d) => ({ ...d, links: [...d.links, ''] }))} disabled={draft.links.length >= 20}>
            Add a link
          </Button>
        </fieldset>

        <SpecializationChecks options={specializationOptions} value={draft.specializations} onChange={set('specializations')} error={errors.specializations} />

        {seesPay ? (
          <CurrentPayFields
            legend={`Current pay (${currency}, per year; leave all three empty to clear)`}
            value={draft}
            errors={errors}
            onChange={(key, value) => set(key)(value)}
          />
        ) : null}

        <div className="dialog-actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
            Save details
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
