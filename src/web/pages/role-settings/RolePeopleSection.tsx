import { useState } from 'react';
import type { FormEvent } from 'react';
import { USER_ROLE_LABELS } from '../../api/types.js';
import type { Person } from '../../api/types.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField } from '../../components/Field.js';
import type { FieldErrors } from '../../components/form-errors.js';
import type { SectionProps } from './RoleSettingsPage.js';
import { ReloadButton, sectionSaveFailure } from './save-error.js';

const FIELDS = ['recruiterId', 'hiringManagerId', 'pedigreeBlind', 'status'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  recruiterId: string;
  hiringManagerId: string;
  pedigreeBlind: boolean;
  status: 'open' | 'closed';
}

function draftOf(role: SectionProps['role']): Draft {
  return { recruiterId: role.recruiterId ?? '', hiringManagerId: role.hiringManagerId ?? '', pedigreeBlind: role.pedigreeBlind, status: role.status };
}

/** Options of active people by name (a person already chosen stays listed, marked when disabled). */
function personOptions(people: readonly Person[] | undefined, chosen: string, none: string) {
  const list = (people ?? []).filter((p) => !p.disabled || p.id === chosen);
  const options = list
    .map((p) => ({ value: p.id, label: `${p.name} (${USER_ROLE_LABELS[p.role]}${p.disabled ? ', disabled' : ''})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (chosen && !list.some((p) => p.id === chosen)) options.push({ value: chosen, label: 'Someone no longer in the workspace' });
  return [{ value: '', label: none }, ...options];
}

/** Who runs the search, who decides, blind review, and whether the role is open. */
export function RolePeopleSection({ role, canEdit, save, reload, people }: SectionProps & { people: readonly Person[] | undefined }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(role));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(role));
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setNotice(undefined);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    setStale(false);
    setBusy(true);
    try {
      const saved = await save({ recruiterId: draft.recruiterId || null, hiringManagerId: draft.hiringManagerId || null, pedigreeBlind: draft.pedigreeBlind, status: draft.status });
      setDraft(draftOf(saved));
      setNotice('People and status saved.');
    } catch (error) {
      const failure = sectionSaveFailure(error, FIELDS);
      setErrors(failure.fields);
      setStale(failure.stale);
      setFormError(failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section card role-settings-card" aria-labelledby="people-heading">
      <h2 id="people-heading">People and status</h2>
      <form className="stack" onSubmit={onSubmit} noValidate aria-label="People and status">
        {formError ? (
          <Alert>
            {formError}
            {stale ? <ReloadButton onReload={reload} /> : null}
          </Alert>
        ) : null}
        <div className="field-row">
          <SelectField
            label="Recruiter"
            name="recruiterId"
            value={draft.recruiterId}
            hint="Runs the search; this role's work leads their Today list."
            options={personOptions(people, draft.recruiterId, 'No one yet')}
            onChange={(recruiterId) => update({ recruiterId })}
            error={errors.recruiterId}
            disabled={!canEdit}
          />
          <SelectField
            label="Hiring manager"
            name="hiringManagerId"
            value={draft.hiringManagerId}
            hint="Decides on the hire with the interviewers' scorecards."
            options={personOptions(people, draft.hiringManagerId, 'No one yet')}
            onChange={(hiringManagerId) => update({ hiringManagerId })}
            error={errors.hiringManagerId}
            disabled={!canEdit}
          />
        </div>
        <div className="check-row">
          <input id="role-blind" type="checkbox" name="pedigreeBlind" checked={draft.pedigreeBlind} disabled={!canEdit} onChange={(e) => update({ pedigreeBlind: e.target.checked })} aria-describedby="role-blind-hint" />
          <div>
            <label htmlFor="role-blind" className="check-label">
              Blind review
            </label>
            <span id="role-blind-hint" className="field-hint check-hint">
              Interviewers do not see where a candidate works now, so they judge the skills, not the employer.
            </span>
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>Status</legend>
          <div className="radio-row">
            <label className="check-label">
              <input type="radio" name="status" value="open" checked={draft.status === 'open'} disabled={!canEdit} onChange={() => update({ status: 'open' })} /> Open: candidates can be added
            </label>
            <label className="check-label">
              <input type="radio" name="status" value="closed" checked={draft.status === 'closed'} disabled={!canEdit} onChange={() => update({ status: 'closed' })} /> Closed: no new candidates
            </label>
          </div>
        </fieldset>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {canEdit ? (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…" disabled={!dirty}>
              Save people and status
            </Button>
            {dirty ? <span className="small muted">Unsaved changes</span> : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}
