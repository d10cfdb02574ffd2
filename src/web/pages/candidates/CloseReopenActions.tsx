import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client.js';
import { closeApplication, reopenApplication } from '../../api/candidate-record.js';
import { LOSS_REASONS } from '../../api/pipeline.js';
import type { ApplicationDetail, LossReason, Role } from '../../api/pipeline.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { SelectField, TextField } from '../../components/Field.js';
import { formFailure } from '../../components/form-errors.js';
import { LOSS_REASON_LABELS, OUTCOME_LABELS } from '../../lib/record-labels.js';
import './candidate-record.css';

type Outcome = 'lost' | 'withdrawn' | 'hired';
const FIELDS = ['status', 'lossReason', 'note', 'stage'] as const;
type Field = (typeof FIELDS)[number];
const STALE = 'Someone else changed this application meanwhile, so nothing was saved. It has been reloaded: check it and try again.';

/**
 * "Close application" on an open one (outcome, reason in plain words, optional note) and "Reopen" on a closed
 * one (at its stage or another, optional note). Both go through PATCH with If-Match; `onDone` reloads.
 */
export function CloseReopenActions({
  detail,
  stages,
  onDone,
}: {
  detail: ApplicationDetail;
  stages: Role['processPlan']['stages'];
  onDone: (message: string, tone?: 'success' | 'info') => void;
}) {
  const [open, setOpen] = useState(false);
  const active = detail.status === 'active';
  return (
    <>
      <Button variant={active ? 'secondary' : 'primary'} onClick={() => setOpen(true)}>
        {active ? 'Close application' : 'Reopen'}
      </Button>
      {open && active ? <CloseDialog detail={detail} onClose={() => setOpen(false)} onDone={onDone} /> : null}
      {open && !active ? <ReopenDialog detail={detail} stages={stages} onClose={() => setOpen(false)} onDone={onDone} /> : null}
    </>
  );
}

interface DialogProps {
  detail: ApplicationDetail;
  onClose: () => void;
  onDone: (message: string, tone?: 'success' | 'info') => void;
}

function useSave(onClose: () => void, onDone: DialogProps['onDone']) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string>();
  const run = async (write: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setErrors({});
    setFormError(undefined);
    try {
      await write();
      onClose();
      onDone(done);
    } catch (error) {
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
        onClose();
        onDone(STALE, 'info');
        return;
      }
      const { fields, form } = formFailure(error, FIELDS);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, formError, run };
}

function CloseDialog({ detail, onClose, onDone }: DialogProps) {
  const [outcome, setOutcome] = useState<Outcome>('lost');
  const [reason, setReason] = useState<LossReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string>();
  const { busy, errors, formError, run } = useSave(onClose, onDone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(undefined);
    if (outcome === 'lost' && !reason) return setMissing('Choose why they were lost.');
    const body = {
      status: outcome,
      ...(outcome !== 'hired' && reason ? { lossReason: reason } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    void run(() => closeApplication(detail.id, detail.version, body), `Closed: ${OUTCOME_LABELS[outcome].toLowerCase()}.`);
  };

  return (
    <Dialog open onClose={onClose} title={`Close ${detail.candidateName}'s application`}>
      {formError ? <Alert>{formError}</Alert> : null}
      <form onSubmit={submit} noValidate aria-label="Close application" className="stack">
        <SelectField
          label="Outcome"
          name="status"
          value={outcome}
          onChange={(v) => setOutcome(v as Outcome)}
          options={(['lost', 'withdrawn', 'hired'] as const).map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
          error={errors.status}
        />
        {outcome !== 'hired' ? (
          <SelectField
            label={outcome === 'lost' ? 'Why' : 'Why (if they said)'}
            name="lossReason"
            value={reason}
            onChange={(v) => setReason(v as LossReason | '')}
            options={[{ value: '', label: outcome === 'lost' ? 'Choose a reason' : 'No reason given' }, ...LOSS_REASONS.map((r) => ({ value: r, label: LOSS_REASON_LABELS[r] }))]}
            error={errors.lossReason ?? missing}
          />
        ) : null}
        <TextField label="Note" name="note" value={note} onChange={setNote} error={errors.note} hint="What happened, in a sentence. People who cannot see pay do not see this note." optional />
        <p className="small muted">Closing stops the clocks. You can reopen it later.</p>
        <div className="dialog-actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel="Closing…">
            Close application
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ReopenDialog({ detail, stages, onClose, onDone }: DialogProps & { stages: Role['processPlan']['stages'] }) {
  const [stage, setStage] = useState(stages.some((s) => s.id === detail.stage) ? detail.stage : (stages[0]?.id ?? detail.stage));
  const [note, setNote] = useState('');
  const { busy, errors, formError, run } = useSave(onClose, onDone);
  const name = stages.find((s) => s.id === stage)?.name ?? stage;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { ...(stage !== detail.stage ? { stage } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    void run(() => reopenApplication(detail.id, detail.version, body), `Reopened at ${name}.`);
  };

  return (
    <Dialog open onClose={onClose} title={`Reopen ${detail.candidateName}'s application`}>
      {formError ? <Alert>{formError}</Alert> : null}
      <form onSubmit={submit} noValidate aria-label="Reopen application" className="stack">
        <SelectField label="Stage" name="stage" value={stage} onChange={setStage} options={stages.map((s) => ({ value: s.id, label: s.name }))} error={errors.stage} />
        <TextField label="Note" name="note" value={note} onChange={setNote} error={errors.note} hint="Why it is open again, in a sentence." optional />
        <p className="small muted">The days since first contact keep counting from the first contact, including the days it was closed.</p>
        <div className="dialog-actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel="Reopening…">
            Reopen application
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
