import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { scheduleOnsite } from '../../api/interviews.js';
import type { InterviewDetail } from '../../api/interviews.js';
import { newIdempotencyKey } from '../../api/pipeline.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { FieldError } from '../../components/FieldError.js';
import { SelectField, TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import { zoneLabel } from '../../lib/zoned-time.js';
import { ONSITE_LIMITS, defaultOnsite, nextSlot, onsiteBody, onsiteFields, tomorrow } from './interview-form.js';
import type { FormErrors, OnsiteDraft } from './interview-form.js';
import type { ScheduleContext } from './ScheduleInterviewDialog.js';
import { SlotFields } from './SlotFields.js';

interface OnsiteDialogProps extends ScheduleContext {
  open: boolean;
  onClose: () => void;
  onScheduled: (onsite: { onsiteId: string; interviews: InterviewDetail[] }) => void;
}

/** Plan a one-day onsite: several interviews on one day, each with its people and focus, sent in one request. */
export function OnsiteDialog({ open, onClose, onScheduled, applicationId, timeZone, stageOptions, currentStage, interviewerOptions, focusOptions }: OnsiteDialogProps) {
  const defaultStage = stageOptions.find((s) => s.value === 'final')?.value ?? currentStage;
  const [draft, setDraft] = useState<OnsiteDraft>(() => defaultOnsite(tomorrow(Date.now(), timeZone), defaultStage));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const form = useRef<HTMLFormElement>(null);
  const names = new Map(interviewerOptions.map((o) => [o.value, o.label]));
  const zone = zoneLabel(timeZone);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const fields = onsiteFields(draft.slots.length);
    const { body, errors: local } = onsiteBody(draft, timeZone, (id) => names.get(id) ?? 'An interviewer');
    setErrors(local);
    if (!body) {
      if (local.slots) setFormError(local.slots);
      window.requestAnimationFrame(() => focusFirstError(form.current, fields, local));
      return;
    }
    setBusy(true);
    try {
      onScheduled(await scheduleOnsite(applicationId, body, key));
    } catch (error) {
      const failure = formFailure(error, fields);
      setErrors(failure.fields as FormErrors);
      setFormError(failure.form);
      window.requestAnimationFrame(() => focusFirstError(form.current, fields, failure.fields));
    } finally {
      setBusy(false);
    }
  };

  const setSlots = (slots: OnsiteDraft['slots']) => setDraft((d) => ({ ...d, slots }));

  return (
    <Dialog open={open} onClose={() => !busy && onClose()} title="Plan a one-day onsite" className="dialog-wide">
      <form ref={form} className="interview-form" onSubmit={submit} noValidate aria-describedby="onsite-help">
        <p id="onsite-help" className="field-hint">
          All interviews happen on one day and are scheduled together: if one cannot be, none is. Times are {zone}.
        </p>
        {formError ? <Alert>{formError}</Alert> : null}
        <div className="field-row">
          <TextField label="Day" name="date" type="date" value={draft.date} onChange={(date) => setDraft((d) => ({ ...d, date }))} error={errors.date} required />
          <SelectField label="Stage" name="stageId" value={draft.stageId} options={stageOptions} onChange={(stageId) => setDraft((d) => ({ ...d, stageId }))} error={errors.stageId} />
        </div>
        <TextField
          label="Where"
          name="location"
          value={draft.location}
          onChange={(location) => setDraft((d) => ({ ...d, location }))}
          error={errors.location}
          optional
          maxLength={500}
          hint="The office address or a video link for the whole day."
        />
        <FieldError id="onsite-slots-error" message={formError ? undefined : errors.slots} />
        {draft.slots.map((slot, i) => (
          <fieldset key={i} className="fieldset onsite-slot">
            <legend className="field-label">Interview {i + 1}</legend>
            <SlotFields
              slot={slot}
              onChange={(next) => setSlots(draft.slots.map((s, j) => (j === i ? next : s)))}
              prefix={`slots.${i}.`}
              errors={errors}
              interviewerOptions={interviewerOptions}
              focusOptions={focusOptions}
              zone={zone}
            />
            {draft.slots.length > ONSITE_LIMITS.min ? (
              <div className="onsite-slot-actions">
                <Button className="button-compact" variant="ghost" onClick={() => setSlots(draft.slots.filter((_, j) => j !== i))}>
                  Remove interview {i + 1}
                </Button>
              </div>
            ) : null}
          </fieldset>
        ))}
        {draft.slots.length < ONSITE_LIMITS.max ? (
          <Button onClick={() => setSlots([...draft.slots, nextSlot(draft.slots)])}>Add an interview</Button>
        ) : null}
        <div className="dialog-actions">
          <Button onClick={onClose} disabled={busy}>
            Close
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel="Scheduling the day…">
            Schedule {draft.slots.length} interviews
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
