import { useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { isApiError } from '../../api/client.js';
import { listPeople } from '../../api/endpoints.js';
import { getApprovalSettings, putApprovalSettings } from '../../api/role-setup.js';
import type { ApprovalMode, ApprovalSettings } from '../../api/role-setup.js';
import { USER_ROLE_LABELS, can } from '../../api/types.js';
import type { Person } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { FieldError } from '../../components/FieldError.js';
import { MessageText } from '../../components/MessageText.js';
import { SelectField } from '../../components/Field.js';
import { formFailure } from '../../components/form-errors.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import './approvals.css';

const MODE_WORDS: Record<ApprovalMode, { label: string; explain: string }> = {
  sequential: {
    label: 'One after another',
    explain: 'The first approver is asked; when they approve, the next one is asked, in the order below.',
  },
  parallel: {
    label: 'All at once',
    explain: 'Everyone is asked at the same time; the offer is approved when all of them have approved.',
  },
};

/** Settings → Approvals: who decides on offers outside a role's board-approved band, and in which order. */
export function ApprovalsSettings() {
  useDocumentTitle(['Approvals', 'Settings']);
  const user = useCurrentUser();
  const settings = useResource((signal) => getApprovalSettings(signal), []);
  const people = useResource((signal) => listPeople(signal).then((r) => r.items), []);
  const canEdit = can(user.role, 'company.update');
  const data = settings.state.data;
  return (
    <section aria-labelledby="approvals-heading" className="settings-section approvals-settings">
      <h2 id="approvals-heading">Approvals</h2>
      <p className="muted">
        An offer inside its role's board-approved band is approved at once. An offer outside it goes to the approvers you choose here. One rejection sends the
        offer back to its author either way. Waiting more than 48 hours on an approval loses candidates, so choose people who answer quickly.
      </p>
      {settings.state.status === 'error' ? (
        <Alert>
          {settings.state.error} <Button onClick={settings.reload}>Try again</Button>
        </Alert>
      ) : null}
      {!data ? (
        settings.state.status === 'loading' ? (
          <p className="muted" role="status">
            Loading the approval settings…
          </p>
        ) : null
      ) : (
        <ApprovalsForm settings={data} people={people.state.data} canEdit={canEdit} onSaved={(next) => settings.setData(() => next)} onReload={settings.reload} />
      )}
    </section>
  );
}

interface FormProps {
  settings: ApprovalSettings;
  people: readonly Person[] | undefined;
  canEdit: boolean;
  onSaved: (next: ApprovalSettings) => void;
  onReload: () => void;
}

function ApprovalsForm({ settings, people, canEdit, onSaved, onReload }: FormProps) {
  const [ids, setIds] = useState<string[]>(settings.approverIds);
  const [mode, setMode] = useState<ApprovalMode>(settings.mode);
  const [toAdd, setToAdd] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLOListElement>(null);

  const byId = new Map((people ?? []).map((p) => [p.id, p]));
  for (const a of settings.approvers) if (!byId.has(a.id)) byId.set(a.id, { id: a.id, name: a.name, role: a.role as Person['role'], disabled: !a.active });
  const mayApprove = (p: Person) => !p.disabled && can(p.role, 'offers.approve');
  const candidates = (people ?? []).filter((p) => mayApprove(p) && !ids.includes(p.id)).sort((a, b) => a.name.localeCompare(b.name));
  const owners = (people ?? []).filter((p) => p.role === 'owner' && !p.disabled).map((p) => p.name);
  const dirty = mode !== settings.mode || JSON.stringify(ids) !== JSON.stringify(settings.approverIds);
  const nameOf = (id: string) => byId.get(id)?.name ?? 'Someone no longer in the workspace';

  const touch = () => {
    setNotice(undefined);
    setErrors({});
  };
  const move = (index: number, direction: -1 | 1) => {
    const to = index + direction;
    if (to < 0 || to >= ids.length) return;
    const next = [...ids];
    [next[index], next[to]] = [next[to]!, next[index]!];
    setIds(next);
    touch();
    setAnnouncement(`${nameOf(ids[index]!)} is now number ${to + 1}.`);
    requestAnimationFrame(() => list.current?.children[to]?.querySelector<HTMLElement>(`[data-move="${direction < 0 ? 'up' : 'down'}"]:not(:disabled)`)?.focus());
  };
  const onRowKey = (index: number) => (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    setStale(false);
    setErrors({});
    setBusy(true);
    try {
      const next = await putApprovalSettings(settings.version, { approverIds: ids, mode });
      onSaved(next);
      setNotice('Approval settings saved.');
    } catch (error) {
      const names = ids.map((_, i) => `approverIds.${i}`);
      const failure = formFailure(error, names);
      setErrors(failure.fields as Record<string, string>);
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
        setStale(true);
        setFormError('Someone else changed the approval settings since you opened them. Reload to see their choice, then make yours again.');
      } else setFormError(failure.form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-label="Approval settings">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {formError ? (
        <Alert>
          {formError}
          {stale ? (
            <>
              {' '}
              <Button className="button-compact" onClick={onReload}>
                Reload
              </Button>
            </>
          ) : null}
        </Alert>
      ) : null}
      <fieldset className="fieldset">
        <legend>How approvers are asked</legend>
        {(['sequential', 'parallel'] as const).map((m) => (
          <div className="choice-row" key={m}>
            <input id={`mode-${m}`} type="radio" name="mode" value={m} checked={mode === m} disabled={!canEdit} onChange={() => { setMode(m); touch(); }} aria-describedby={`mode-${m}-hint`} />
            <div>
              <label htmlFor={`mode-${m}`} className="choice-label">
                {MODE_WORDS[m].label}
              </label>
              <span id={`mode-${m}-hint`} className="field-hint choice-hint">
                {MODE_WORDS[m].explain}
              </span>
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Approvers{mode === 'sequential' ? ', in the order they are asked' : ''}</legend>
        {ids.length === 0 ? (
          <p className="approvers-empty">
            No approvers chosen: {owners.length > 0 ? `the workspace's owners (${owners.join(', ')}) decide` : "the workspace's owners decide"} on every offer outside
            the band.
          </p>
        ) : (
          <>
            {canEdit && ids.length > 1 ? (
              <p className="small muted" id="approvers-help">
                Move an approver with the arrow buttons, or press Alt+↑ / Alt+↓ on a row.
              </p>
            ) : null}
            <ol className="approver-list" ref={list}>
              {ids.map((id, i) => {
                const p = byId.get(id);
                const error = errors[`approverIds.${i}`];
                return (
                  <li key={id} className="approver-row" onKeyDown={onRowKey(i)}>
                    <span className="approver-position num" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="approver-name">
                      <strong>{nameOf(id)}</strong>{' '}
                      <span className="small muted">
                        {p ? USER_ROLE_LABELS[p.role] : ''}
                        {p && !mayApprove(p) ? ' · can no longer approve' : ''}
                      </span>
                      <FieldError id={`approver-${i}-error`} message={error} />
                    </span>
                    {canEdit ? (
                      <span className="approver-actions">
                        <Button className="button-compact" variant="ghost" data-move="up" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${nameOf(id)} up`}>
                          ↑
                        </Button>
                        <Button className="button-compact" variant="ghost" data-move="down" disabled={i === ids.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${nameOf(id)} down`}>
                          ↓
                        </Button>
                        <Button
                          className="button-compact"
                          variant="ghost"
                          onClick={() => {
                            setIds(ids.filter((x) => x !== id));
                            touch();
                            setAnnouncement(`${nameOf(id)} removed.`);
                          }}
                          aria-label={`Remove ${nameOf(id)}`}
                        >
                          Remove
                        </Button>
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </>
        )}
        {canEdit ? (
          candidates.length > 0 ? (
            <div className="approver-add">
              <SelectField
                label="Add an approver"
                name="addApprover"
                value={toAdd}
                hint="Owners, admins and approvers can approve offers."
                options={[{ value: '', label: 'Choose a person' }, ...candidates.map((p) => ({ value: p.id, label: `${p.name} (${USER_ROLE_LABELS[p.role]})` }))]}
                onChange={setToAdd}
              />
              <Button
                disabled={!toAdd}
                onClick={() => {
                  setIds([...ids, toAdd]);
                  setAnnouncement(`${nameOf(toAdd)} added as number ${ids.length + 1}.`);
                  setToAdd('');
                  touch();
                }}
              >
                Add
              </Button>
            </div>
          ) : (
            <p className="small muted">
              <MessageText text="Everyone who may approve offers is chosen. To add someone else, give them the Approver role in Settings → Users." />
            </p>
          )
        ) : null}
      </fieldset>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {canEdit ? (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…" disabled={!dirty}>
            Save approval settings
          </Button>
          {dirty ? <span className="small muted">Unsaved changes</span> : null}
        </div>
      ) : (
        <p className="small muted">Only owners and admins can change who approves offers.</p>
      )}
    </form>
  );
}
