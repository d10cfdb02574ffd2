import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client.js';
import { changeInterview, interviewKindLabel } from '../../api/interviews.js';
import type { Interview, InterviewChange, InterviewDetail } from '../../api/interviews.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import { formatZonedSlot, toZonedInput, zoneLabel, zonedInputToIso } from '../../lib/zoned-time.js';
import { DURATION_LIMITS } from './interview-form.js';
import type { FormErrors } from './interview-form.js';

const FIELDS = ['date', 'scheduledAt', 'durationMinutes', 'location'] as const;

interface RescheduleDialogProps {
  interview: Interview;
  timeZone: string;
  onClose: () => void;
  onSaved: (interview: InterviewDetail) => void;
  /** Reads the interview again after someone else changed it (412). */
  reload: (id: string) => Promise<Interview>;
}

/** Move an interview: new day, time, length or place. Saved under If-Match, so a change made meanwhile is not overwritten. */
export function RescheduleDialog({ interview, timeZone, onClose, onSaved, reload }: RescheduleDialogProps) {
  const start = toZonedInput(interview.scheduledAt, timeZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [duration, setDuration] = useState(String(interview.durationMinutes));
  const [location, setLocation] = useState(interview.location ?? '');
  const [current, setCurrent] = useState(interview);
  const [errors, setErrors] = useState<FormErrors>({});
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; text: string }>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const kind = interviewKindLabel(interview.kind);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const local: FormErrors = {};
    const scheduledAt = zonedInputToIso(date, time, timeZone);
    if (!scheduledAt) local[date ? 'scheduledAt' : 'date'] = date ? 'Give a start time.' : 'Pick a day.';
    const minutes = Number(duration);
    if (!Number.isInteger(minutes) || minutes < DURATION_LIMITS.min || minutes > DURATION_LIMITS.max) {
      local.durationMinutes = `An interview lasts ${DURATION_LIMITS.min} to ${DURATION_LIMITS.max} minutes.`;
    }
    setErrors(local);
    if (Object.keys(local).length > 0 || !scheduledAt) {
      window.requestAnimationFrame(() => focusFirstError(form.current, FIELDS, local));
      return;
    }
    const body: InterviewChange = {};
    if (scheduledAt !== current.scheduledAt) body.scheduledAt = scheduledAt;
    if (minutes !== current.durationMinutes) body.durationMinutes = minutes;
    if ((location.trim() || null) !== current.location) body.location = location.trim() || null;
    if (Object.keys(body).length === 0) {
      setNotice({ tone: 'info', text: 'Nothing changed: pick another time, length or place.' });
      return;
    }
    setBusy(true);
    try {
      onSaved(await changeInterview(current.id, current.version, body));
    } catch (error) {
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
        // Someone else saved first: show what they saved, keep what was typed, and let the next save go on top.
        try {
          const latest = await reload(current.id);
          setCurrent(latest);
          setNotice({
            tone: 'info',
            text: `Someone changed this interview while you had it open, so your change was not saved. It is now ${formatZonedSlot(latest.scheduledAt, latest.durationMinutes, timeZone)}${latest.status === 'scheduled' ? '. Check your new time and save again.' : ` and ${latest.status}.`}`,
          });
        } catch {
          setNotice({ tone: 'error', text: 'Someone changed this interview while you had it open, so your change was not saved. Close this and open it again.' });
        }
      } else {
        const failure = formFailure(error, FIELDS);
        setErrors(failure.fields as FormErrors);
        if (failure.form) setNotice({ tone: 'error', text: failure.form });
        window.requestAnimationFrame(() => focusFirstError(form.current, FIELDS, failure.fields));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={() => !busy && onClose()} title={`Reschedule ${kind}`}>
      <form ref={form} className="interview-form" onSubmit={submit} noValidate>
        <p className="field-hint">
          Now: {formatZonedSlot(current.scheduledAt, current.durationMinutes, timeZone)}. Everyone&rsquo;s invite updates: download it again after saving.
        </p>
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        <div className="field-row">
          <TextField label="Day" name="date" type="date" value={date} onChange={setDate} error={errors.date} required />
          <TextField label={`Starts (${zoneLabel(timeZone)})`} name="scheduledAt" type="time" value={time} onChange={setTime} error={errors.scheduledAt} required />
          <TextField
            label="Length (minutes)"
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={DURATION_LIMITS.min}
            max={DURATION_LIMITS.max}
            step={5}
            value={duration}
            onChange={setDuration}
            error={errors.durationMinutes}
          />
        </div>
        <TextField label="Where" name="location" value={location} onChange={setLocation} error={errors.location} optional maxLength={500} />
        <div className="dialog-actions">
          <Button onClick={onClose} disabled={busy}>
            Close
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…" disabled={current.status !== 'scheduled'}>
            Save new time
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
