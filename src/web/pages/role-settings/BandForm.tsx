import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client.js';
import { putRoleBand } from '../../api/role-setup.js';
import type { RoleBands, RoleSetup } from '../../api/role-setup.js';
import { COMPANY_STAGES } from '../../api/types.js';
import type { Person } from '../../api/types.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { stageWords } from '../../lib/words.js';
import { ReloadButton } from './save-error.js';

const FIELDS = ['stage', 'baseMin', 'baseMax', 'currency', 'equityPctMin', 'equityPctMax', 'approvedBy', 'approvedOn'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

const BOARD_MEETING = 'Board meeting';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function draftFor(data: RoleBands, stage: string): Draft {
  const band = data.bands.find((b) => b.companyStage === stage);
  const ref = data.stageDefaults.find((d) => d.stage === stage);
  const start = band ?? ref;
  return {
    stage,
    baseMin: start ? String(start.baseMin) : '',
    baseMax: start ? String(start.baseMax) : '',
    currency: start?.currency ?? 'USD',
    equityPctMin: start ? String(start.equityPctMin) : '',
    equityPctMax: start ? String(start.equityPctMax) : '',
    approvedBy: band?.approvedBy ?? BOARD_MEETING,
    approvedOn: band?.approvedOn ?? today(),
  };
}

function parsePct(text: string): number | undefined {
  const t = text.trim().replace('%', '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return n <= 100 ? n : undefined;
}

interface Props {
  role: RoleSetup;
  data: RoleBands;
  /** The stage to edit; undefined lets the person pick one. */
  stage: string | undefined;
  people: readonly Person[] | undefined;
  onCancel: () => void;
  onSaved: (next: RoleBands, stage: string) => void;
  onStale: () => void;
}

/** Records a board-approved band for one funding stage: ranges, who approved it and when. Starts from the stage's band, else its default. */
export function BandForm({ role, data, stage, people, onCancel, onSaved, onStale }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftFor(data, stage ?? data.companyStage));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const set = (field: Field) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const isDefault = !data.bands.some((b) => b.companyStage === draft.stage);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(undefined);
    setStale(false);
    const local: FieldErrors<Field> = {};
    const baseMin = parseWholeNumber(draft.baseMin, { allowSuffix: true });
    const baseMax = parseWholeNumber(draft.baseMax, { allowSuffix: true });
    const equityPctMin = parsePct(draft.equityPctMin);
    const equityPctMax = parsePct(draft.equityPctMax);
    if (!baseMin.ok) local.baseMin = baseMin.message;
    if (!baseMax.ok) local.baseMax = baseMax.message;
    if (equityPctMin === undefined) local.equityPctMin = 'Enter a percentage from 0 to 100, for example 0.5.';
    if (equityPctMax === undefined) local.equityPctMax = 'Enter a percentage from 0 to 100, for example 1.';
    if (!draft.approvedBy.trim()) local.approvedBy = `Say who approved it: a name or “${BOARD_MEETING}”.`;
    if (!draft.approvedOn) local.approvedOn = 'Give the day it was approved.';
    setErrors(local);
    if (Object.keys(local).length > 0 || !baseMin.ok || !baseMax.ok) return focusFirstError(form, FIELDS, local);
    setBusy(true);
    try {
      const next = await putRoleBand(role.id, draft.stage, role.version, {
        baseMin: baseMin.value,
        baseMax: baseMax.value,
        currency: draft.currency.trim().toUpperCase(),
        equityPctMin: equityPctMin!,
        equityPctMax: equityPctMax!,
        approvedBy: draft.approvedBy.trim(),
        approvedOn: draft.approvedOn,
      });
      onSaved(next, draft.stage);
    } catch (error) {
      const failure = formFailure(error, FIELDS);
      setErrors(failure.fields);
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
        setStale(true);
        setFormError('Someone else changed this role since you opened it. What you typed is kept: reload the bands, then save again.');
      } else setFormError(failure.form);
      focusFirstError(form, FIELDS, failure.fields);
    } finally {
      setBusy(false);
    }
  };

  const approverNames = [BOARD_MEETING, ...(people ?? []).filter((p) => !p.disabled).map((p) => p.name)];
  return (
    <form className="band-form stack" onSubmit={onSubmit} noValidate aria-label="Board-approved band">
      <h3>{stage ? `The ${stageWords(stage)} band` : 'A band for another stage'}</h3>
      {formError ? (
        <Alert>
          {formError}
          {stale ? <ReloadButton onReload={onStale} /> : null}
        </Alert>
      ) : null}
      {stage === undefined ? (
        <SelectField
          label="Funding stage"
          name="stage"
          value={draft.stage}
          options={COMPANY_STAGES.map((s) => ({ value: s, label: `${stageWords(s)}${s === data.companyStage ? ' (now)' : ''}` }))}
          onChange={(s) => setDraft(draftFor(data, s))}
          error={errors.stage}
        />
      ) : null}
      {isDefault && data.stageDefaults.some((d) => d.stage === draft.stage) ? (
        <p className="small muted">Filled in with the {stageWords(draft.stage)} default for a senior AI engineer. Change it to what the board approved.</p>
      ) : null}
      <div className="field-row band-row">
        <TextField label="Lowest base (per year)" name="baseMin" value={draft.baseMin} onChange={set('baseMin')} error={errors.baseMin} inputMode="numeric" autoComplete="off" />
        <TextField label="Highest base (per year)" name="baseMax" value={draft.baseMax} onChange={set('baseMax')} error={errors.baseMax} inputMode="numeric" autoComplete="off" />
        <TextField label="Currency" name="currency" value={draft.currency} onChange={set('currency')} error={errors.currency} maxLength={3} autoComplete="off" hint="3 letters, e.g. USD" />
      </div>
      <div className="field-row">
        <TextField label="Lowest equity (% of fully diluted)" name="equityPctMin" value={draft.equityPctMin} onChange={set('equityPctMin')} error={errors.equityPctMin} inputMode="decimal" autoComplete="off" />
        <TextField label="Highest equity (% of fully diluted)" name="equityPctMax" value={draft.equityPctMax} onChange={set('equityPctMax')} error={errors.equityPctMax} inputMode="decimal" autoComplete="off" />
      </div>
      <div className="field-row">
        <TextField
          label="Approved by"
          name="approvedBy"
          value={draft.approvedBy}
          onChange={set('approvedBy')}
          error={errors.approvedBy}
          list={listId}
          maxLength={200}
          autoComplete="off"
          hint={`A person's name, or “${BOARD_MEETING}”.`}
        />
        <TextField label="Approved on" name="approvedOn" type="date" value={draft.approvedOn} onChange={set('approvedOn')} error={errors.approvedOn} max={today()} />
      </div>
      <datalist id={listId}>
        {approverNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
          Save band
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
