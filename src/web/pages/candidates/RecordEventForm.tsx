import { useState } from 'react';
import type { FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/pipeline.js';
import type { ApplicationDetail, EventBody, LossReason, Role } from '../../api/pipeline.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import './pipeline.css';

const RECORDABLE = [
  { value: 'note', label: 'Note' },
  { value: 'outreach.sent', label: 'Outreach sent' },
  { value: 'candidate.replied', label: 'Candidate replied' },
  { value: 'interview.completed', label: 'Interview done' },
  { value: 'stage', label: 'Stage change' },
] as const;
type Recordable = (typeof RECORDABLE)[number]['value'];

/** Other events: a note, a contact, a reply, an interview done or a stage change, optionally back-dated (closing has its own action). */
export function RecordEventForm({
  busy,
  detail,
  stages,
  onRecord,
  onPatch,
}: {
  busy: boolean;
  detail: ApplicationDetail;
  stages: Role['processPlan']['stages'];
  onRecord: (body: EventBody, done: string) => Promise<void>;
  onPatch: (body: { stage?: string; status?: 'lost' | 'withdrawn' | 'hired'; lossReason?: LossReason }, done: string) => Promise<void>;
}) {
  const user = useCurrentUser();
  const [kind, setKind] = useState<Recordable>('note');
  const [text, setText] = useState('');
  const [when, setWhen] = useState('');
  const [final, setFinal] = useState(false);
  const [asks, setAsks] = useState(true);
  const [stage, setStage] = useState(detail.stage);
  const [error, setError] = useState<string>();

  const occurredAt = (): string | undefined | null => {
    if (!when) return undefined;
    const at = new Date(`${when}:00Z`);
    if (Number.isNaN(at.getTime())) return null;
    return at.toISOString();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const at = occurredAt();
    if (at === null) return setError('Enter a date and time, or leave it empty for now.');
    const stamp = at ? { occurredAt: at } : {};
    if (kind === 'stage') {
      if (stage === detail.stage) return setError('Choose another stage.');
      return onPatch({ stage }, `Moved to ${stages.find((s) => s.id === stage)?.name ?? stage}.`);
    }
    if (kind === 'note') {
      if (!text.trim()) return setError('Write the note first.');
      await onRecord({ type: 'note', ...stamp, data: { text: text.trim() } }, 'Note added.');
      setText('');
      return;
    }
    if (kind === 'outreach.sent') return onRecord({ type: 'outreach.sent', ...stamp, data: { channel: 'email' } }, 'Recorded: outreach sent.');
    if (kind === 'candidate.replied') {
      const latencyHours = Math.max(0, (Date.now() - Date.parse(detail.lastEventAt ?? detail.createdAt)) / 3_600_000);
      return onRecord(
        { type: 'candidate.replied', ...stamp, data: { latencyHours: Math.round(latencyHours * 10) / 10, length: text.trim().length, asksQuestion: asks } },
        'Recorded: the candidate replied.',
      );
    }
    return onRecord(
      { type: 'interview.completed', ...stamp, data: { interviewId: newIdempotencyKey(), final, interviewerIds: [user.id] } },
      final ? 'Recorded: final interview done.' : 'Recorded: interview done.',
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Record an event" className="stack">
      <div className="form-grid">
        <SelectField label="Record" name="eventType" value={kind} onChange={(v) => setKind(v as Recordable)} options={RECORDABLE.filter((r) => r.value !== 'stage' || detail.status === 'active').map((r) => ({ value: r.value, label: r.label }))} />
        {kind !== 'stage' ? (
          <TextField label="When" name="occurredAt" type="datetime-local" value={when} onChange={setWhen} hint="UTC; leave empty for now. Never in the future." optional />
        ) : null}
        {kind === 'note' || kind === 'candidate.replied' ? (
          <TextField label={kind === 'note' ? 'Note' : 'Their reply (for its length)'} name="text" value={text} onChange={setText} optional={kind !== 'note'} />
        ) : null}
        {kind === 'candidate.replied' ? (
          <label className="checkbox-field">
            <input type="checkbox" checked={asks} onChange={(e) => setAsks(e.target.checked)} /> They asked a question (starts the reply clock)
          </label>
        ) : null}
        {kind === 'interview.completed' ? (
          <label className="checkbox-field">
            <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} /> It was the final interview
          </label>
        ) : null}
        {kind === 'stage' ? (
          <SelectField label="New stage" name="stage" value={stage} onChange={setStage} options={stages.map((s) => ({ value: s.id, label: s.name }))} />
        ) : null}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel="Saving…">
          Record
        </Button>
      </div>
    </form>
  );
}
