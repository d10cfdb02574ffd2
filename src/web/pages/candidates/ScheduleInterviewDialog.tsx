import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { scheduleInterview } from '../../api/interviews.js';
import type { InterviewDetail } from '../../api/interviews.js';
import { newIdempotencyKey } from '../../api/pipeline.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { SelectField, TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import { zoneLabel } from '../../lib/zoned-time.js';
import { INTERVIEW_FIELDS, emptySlot, interviewBody, tomorrow } from './interview-form.js';
import type { FormErrors, InterviewDraft } from './interview-form.js';
import { SlotFields } from './SlotFields.js';
import type { Option } from './SlotFields.js';

export interface ScheduleContext {
  applicationId: string;
  timeZone: string;
  stageOptions: readonly Option[];
  currentStage: string;
  interviewerOptions: readonly Option[];
  focusOptions: readonly Option[];
}

interface ScheduleInterviewDialogProps extends ScheduleContext {
  open: boolean;
  onClose: () => void;
  onScheduled: (interview: InterviewDetail) => void;
}

/** Schedule one interview: day and time in the company time zone, length, interviewers, stage, focus, final. */
export function ScheduleInterviewDialog({ open, onClose, onScheduled, applicationId, timeZone, stageOptions, currentStage, interviewerOptions, focusOptions }: ScheduleInterviewDialogProps) {
  const [draft, setDraft] = useState<InterviewDraft>(() => ({ ...emptySlot({ kind: 'technical-screen' }), date: tomorrow(Date.now(), timeZone), stageId: currentStage, location: '' }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One key per dialog: a double submit or a retry after a lost answer schedules once.
  const [key] = useState(newIdempotencyKey);
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof InterviewDraft>(k: K) => (value: InterviewDraft[K]) => setDraft((d) => ({ ...d, [k]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const { body, errors: local } = interviewBody(draft, timeZone);
    setErrors(local);
    if (!body) {
      window.requestAnimationFrame(() => focusFirstError(form.current, INTERVIEW_FIELDS, local));
      return;
    }
    setBusy(true);
    try {
      onScheduled(await scheduleInterview(applicationId, body, key));
    } catch (error) {
      const failure = formFailure(error, INTERVIEW_FIELDS);
      setErrors(failure.fields as FormErrors);
      setFormError(failure.form);
      window.requestAnimationFrame(() => focusFirstError(form.current, INTERVIEW_FIELDS, failure.fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={() => !busy && onClose()} title="Schedule an interview" className="dialog-wide">
      <form ref={form} className="interview-form" onSubmit={submit} noValidate>
        {formError ? <Alert>{formError}</Alert> : null}
        <div className="field-row">
          <TextField label="Day" name="date" type="date" value={draft.date} onChange={set('date')} error={errors.date} required />
          <SelectField label="Stage" name="stageId" value={draft.stageId} options={stageOptions} onChange={set('stageId')} error={errors.stageId} />
        </div>
        <SlotFields
          slot={draft}
          onChange={(slot) => setDraft((d) => ({ ...d, ...slot }))}
          prefix=""
          errors={errors}
          interviewerOptions={interviewerOptions}
          focusOptions={focusOptions}
          zone={zoneLabel(timeZone)}
        />
        <TextField label="Where" name="location" value={draft.location} onChange={set('location')} error={errors.location} optional maxLength={500} hint="A room, an address or a video link; it goes into every invite." />
        <div className="dialog-actions">
          <Button onClick={onClose} disabled={busy}>
            Close
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel="Scheduling…">
            Schedule
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
