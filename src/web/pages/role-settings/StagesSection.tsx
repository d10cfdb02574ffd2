import { useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { formatDays } from '../../../domain/pipeline/day-count.js';
import type { CompanyClockSettings } from '../../api/role-setup.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { FieldError } from '../../components/FieldError.js';
import type { SectionProps } from './RoleSettingsPage.js';
import { ReloadButton, sectionSaveFailure } from './save-error.js';
import { checkDrafts, moveStage, parseDays, stageIdFor, toDrafts, toStages, totalDays } from './stage-list.js';
import type { StageDraft } from './stage-list.js';

const MAX_STAGES = 20;

/** The role's process: stages in order with planned days, against the target cycle. Reorder with the buttons or Alt+↑/↓. */
export function StagesSection({ role, canEdit, save, reload, clocks }: SectionProps & { clocks: CompanyClockSettings | undefined }) {
  const [drafts, setDrafts] = useState<StageDraft[]>(() => toDrafts(role.processPlan.stages));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [newName, setNewName] = useState('');
  const [newDays, setNewDays] = useState('1');
  const [newError, setNewError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLOListElement>(null);

  const saved = JSON.stringify(toDrafts(role.processPlan.stages));
  const dirty = JSON.stringify(drafts) !== saved;
  // The target cycle is the whole-process warning time: the role's own, else the company's.
  const targetHours = role.clockOverrides.targets?.['cycle.total']?.warningHours ?? clocks?.targets['cycle.total'].warningHours;
  const targetDays = targetHours === undefined ? undefined : targetHours / 24;
  const total = totalDays(drafts);

  const change = (index: number, patch: Partial<StageDraft>) => {
    setDrafts((d) => d.map((s, i) => (i === index ? { ...s, ...patch } : s)));
    setNotice(undefined);
  };

  const focusRow = (index: number, field: 'name' | 'up' | 'down') => {
    requestAnimationFrame(() => {
      const row = list.current?.children[index];
      const target = field === 'name' ? row?.querySelector<HTMLElement>('input') : row?.querySelector<HTMLElement>(`[data-move="${field}"]`);
      (target?.hasAttribute('disabled') ? row?.querySelector<HTMLElement>('input') : target)?.focus();
    });
  };

  const move = (index: number, direction: -1 | 1, focus: 'name' | 'up' | 'down') => {
    const to = index + direction;
    if (to < 0 || to >= drafts.length) return;
    setDrafts((d) => moveStage(d, index, direction));
    setErrors({});
    setNotice(undefined);
    setAnnouncement(`${drafts[index]!.name || 'Stage'} moved to position ${to + 1} of ${drafts.length}.`);
    focusRow(to, focus);
  };

  const remove = (index: number) => {
    const name = drafts[index]!.name || 'The stage';
    setDrafts((d) => d.filter((_, i) => i !== index));
    setErrors({});
    setNotice(undefined);
    setAnnouncement(`${name} removed. Save to apply.`);
    focusRow(Math.max(0, Math.min(index, drafts.length - 2)), 'name');
  };

  const onRowKey = (index: number) => (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1, 'name');
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!newName.trim()) return setNewError('Give the new stage a name.');
    if (parseDays(newDays) === undefined) return setNewError('Planned days are a number from 0 to 90.');
    const id = stageIdFor(newName, drafts.map((s) => s.id));
    setDrafts((d) => [...d, { id, name: newName.trim(), plannedDays: newDays.trim() }]);
    setAnnouncement(`${newName.trim()} added at the end. Move it into place, then save.`);
    setNewName('');
    setNewDays('1');
    setNewError(undefined);
    setNotice(undefined);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    setStale(false);
    setNotice(undefined);
    const local = checkDrafts(drafts);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    if (drafts.length === 0) return setFormError('A process needs at least one stage.');
    setBusy(true);
    try {
      const next = await save({ processPlan: { stages: toStages(drafts) } });
      setDrafts(toDrafts(next.processPlan.stages));
      setNotice('Stages saved.');
    } catch (error) {
      const fieldNames = drafts.flatMap((_, i) => [`processPlan.stages.${i}.name`, `processPlan.stages.${i}.plannedDays`]);
      const failure = sectionSaveFailure(error, fieldNames);
      setErrors(failure.fields as Record<string, string>);
      setStale(failure.stale);
      setFormError(failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section card role-settings-card" aria-labelledby="stages-heading">
      <h2 id="stages-heading">Process stages</h2>
      <p className="muted">
        The stages every candidate of this role goes through, in order, with the days you plan for each. Top candidates decide within two to three weeks: keep
        the whole process inside the target.
      </p>
      <p className="stage-total" data-testid="planned-total">
        Planned: <strong className="num">{formatDays(total)}</strong>
        {targetDays !== undefined ? (
          <>
            , target <strong className="num">{formatDays(targetDays)}</strong> from first contact to decision{' '}
            {total > targetDays ? <Badge tone="warning">{`${formatDays(Math.round((total - targetDays) * 100) / 100)} over`}</Badge> : <Badge tone="success">Within the target</Badge>}
          </>
        ) : null}
      </p>
      <form onSubmit={onSubmit} noValidate aria-label="Process stages">
        {formError ? (
          <Alert>
            {formError}
            {stale ? <ReloadButton onReload={reload} /> : null}
          </Alert>
        ) : null}
        <p className="small muted" id="stages-help">
          Move a stage with its arrow buttons, or press Alt+↑ / Alt+↓ while in its row.
        </p>
        <div className="stage-head" aria-hidden="true">
          <span>Stage</span>
          <span>Planned days</span>
        </div>
        <ol className="stage-list" ref={list} aria-describedby="stages-help">
          {drafts.map((stage, i) => {
            const nameError = errors[`processPlan.stages.${i}.name`];
            const daysError = errors[`processPlan.stages.${i}.plannedDays`];
            const label = stage.name.trim() || `Stage ${i + 1}`;
            return (
              <li key={stage.id} className="stage-row" onKeyDown={onRowKey(i)} data-stage={stage.id}>
                <span className="stage-position num" aria-hidden="true">
                  {i + 1}
                </span>
                <div className="stage-fields">
                  <div className={`field${nameError ? ' field-invalid' : ''}`}>
                    <label className="visually-hidden" htmlFor={`stage-${stage.id}-name`}>
                      Name of stage {i + 1}
                    </label>
                    <input
                      id={`stage-${stage.id}-name`}
                      className="input"
                      name={`processPlan.stages.${i}.name`}
                      value={stage.name}
                      maxLength={80}
                      disabled={!canEdit}
                      onChange={(e) => change(i, { name: e.target.value })}
                      aria-invalid={nameError ? true : undefined}
                      aria-describedby={nameError ? `stage-${stage.id}-name-error` : undefined}
                    />
                    <FieldError id={`stage-${stage.id}-name-error`} message={nameError} />
                  </div>
                  <div className={`field stage-days${daysError ? ' field-invalid' : ''}`}>
                    <label className="visually-hidden" htmlFor={`stage-${stage.id}-days`}>
                      Planned days for {label}
                    </label>
                    <input
                      id={`stage-${stage.id}-days`}
                      className="input num"
                      name={`processPlan.stages.${i}.plannedDays`}
                      inputMode="decimal"
                      value={stage.plannedDays}
                      disabled={!canEdit}
                      onChange={(e) => change(i, { plannedDays: e.target.value })}
                      aria-invalid={daysError ? true : undefined}
                      aria-describedby={daysError ? `stage-${stage.id}-days-error` : undefined}
                    />
                    <FieldError id={`stage-${stage.id}-days-error`} message={daysError} />
                  </div>
                </div>
                {canEdit ? (
                  <div className="stage-actions">
                    <Button className="button-compact" variant="ghost" data-move="up" disabled={i === 0} onClick={() => move(i, -1, 'up')} aria-label={`Move ${label} up`}>
                      ↑
                    </Button>
                    <Button className="button-compact" variant="ghost" data-move="down" disabled={i === drafts.length - 1} onClick={() => move(i, 1, 'down')} aria-label={`Move ${label} down`}>
                      ↓
                    </Button>
                    <Button className="button-compact" variant="ghost" disabled={drafts.length === 1} onClick={() => remove(i)} aria-label={`Remove ${label}`}>
                      Remove
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {canEdit ? (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…" disabled={!dirty}>
              Save stages
            </Button>
            {dirty ? (
              <Button
                onClick={() => {
                  setDrafts(toDrafts(role.processPlan.stages));
                  setErrors({});
                  setFormError(undefined);
                }}
              >
                Discard changes
              </Button>
            ) : null}
            {dirty ? <span className="small muted">Unsaved changes</span> : null}
          </div>
        ) : null}
      </form>
      {canEdit && drafts.length < MAX_STAGES ? (
        <form className="stage-add" onSubmit={add} noValidate aria-label="Add a stage">
          <div className={`field${newError ? ' field-invalid' : ''}`}>
            <label className="field-label" htmlFor="new-stage-name">
              New stage
            </label>
            <input id="new-stage-name" className="input" value={newName} maxLength={80} onChange={(e) => setNewName(e.target.value)} aria-describedby={newError ? 'new-stage-error' : undefined} />
          </div>
          <div className="field stage-days">
            <label className="field-label" htmlFor="new-stage-days">
              Planned days
            </label>
            <input id="new-stage-days" className="input num" inputMode="decimal" value={newDays} onChange={(e) => setNewDays(e.target.value)} />
          </div>
          <Button type="submit">Add stage</Button>
          <FieldError id="new-stage-error" message={newError} />
        </form>
      ) : null}
    </section>
  );
}
