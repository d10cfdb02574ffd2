import { useState } from 'react';
import type { FormEvent } from 'react';
import { CLOCK_IDS } from '../../api/pipeline.js';
import type { ClockId } from '../../api/pipeline.js';
import type { ClockOverrides, CompanyClockSettings } from '../../api/role-setup.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { FieldError } from '../../components/FieldError.js';
import { SelectField } from '../../components/Field.js';
import { CLOCK_WORDS, describeTarget, fromHours, toHours, unitFor } from './clock-words.js';
import type { HoursUnit } from './clock-words.js';
import type { SectionProps } from './RoleSettingsPage.js';
import { ReloadButton, sectionSaveFailure } from './save-error.js';

interface ClockDraft {
  override: boolean;
  warning: string;
  critical: string;
  unit: HoursUnit;
}

type HoursChoice = 'company' | 'calendar' | 'business';

interface Draft {
  clocks: Record<ClockId, ClockDraft>;
  hours: HoursChoice;
}

function draftOf(overrides: ClockOverrides, company: CompanyClockSettings): Draft {
  const clocks = Object.fromEntries(
    CLOCK_IDS.map((id) => {
      const own = overrides.targets?.[id];
      const warning = own?.warningHours ?? company.targets[id].warningHours;
      const critical = own?.criticalHours ?? company.targets[id].criticalHours;
      const unit = unitFor(warning, critical);
      return [id, { override: own !== undefined, warning: fromHours(warning, unit), critical: fromHours(critical, unit), unit }];
    }),
  ) as Record<ClockId, ClockDraft>;
  return { clocks, hours: overrides.hours?.mode ?? 'company' };
}

const field = (id: ClockId, which: 'warningHours' | 'criticalHours') => `clockOverrides.targets.${id}.${which}`;

/** Per-role clock times shown against the company's, in plain words; a role overrides only what it needs. */
export function ClockOverridesSection({ role, canEdit, save, reload, clocks, clocksError }: SectionProps & { clocks: CompanyClockSettings | undefined; clocksError: string | undefined }) {
  if (!clocks) {
    return (
      <section className="settings-section card role-settings-card" aria-labelledby="clocks-heading">
        <h2 id="clocks-heading">Clocks</h2>
        {clocksError ? <Alert>{clocksError}</Alert> : <p className="muted">Loading the company's clock settings…</p>}
      </section>
    );
  }
  return <ClockForm role={role} canEdit={canEdit} save={save} reload={reload} company={clocks} />;
}

function ClockForm({ role, canEdit, save, reload, company }: SectionProps & { company: CompanyClockSettings }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(role.clockOverrides, company));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const companyBusiness = company.hours.mode === 'business';
  const roleBusiness = draft.hours === 'company' ? companyBusiness : draft.hours === 'business';
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(role.clockOverrides, company));

  const setClock = (id: ClockId, patch: Partial<ClockDraft>) => {
    setDraft((d) => ({ ...d, clocks: { ...d.clocks, [id]: { ...d.clocks[id], ...patch } } }));
    setNotice(undefined);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    setStale(false);
    setNotice(undefined);
    const local: Record<string, string> = {};
    const targets: NonNullable<ClockOverrides['targets']> = {};
    for (const id of CLOCK_IDS) {
      const c = draft.clocks[id];
      if (!c.override) continue;
      const warningHours = toHours(c.warning, c.unit);
      const criticalHours = toHours(c.critical, c.unit);
      if (warningHours === undefined) local[field(id, 'warningHours')] = 'Enter a time above 0.';
      if (criticalHours === undefined) local[field(id, 'criticalHours')] = 'Enter a time above 0.';
      if (warningHours !== undefined && criticalHours !== undefined) targets[id] = { warningHours, criticalHours };
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    // Business hours keep the company's own working days and time zone, which the server fills in.
    const overrides: ClockOverrides = {
      ...(Object.keys(targets).length > 0 ? { targets } : {}),
      ...(draft.hours !== 'company' ? { hours: draft.hours === role.clockOverrides.hours?.mode ? role.clockOverrides.hours : { mode: draft.hours } } : {}),
    };
    setBusy(true);
    try {
      const saved = await save({ clockOverrides: overrides });
      setDraft(draftOf(saved.clockOverrides, company));
      setNotice('Clocks saved.');
    } catch (error) {
      const names = CLOCK_IDS.flatMap((id) => [field(id, 'warningHours'), field(id, 'criticalHours')]);
      const failure = sectionSaveFailure(error, names);
      setErrors(failure.fields as Record<string, string>);
      setStale(failure.stale);
      setFormError(failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section card role-settings-card" aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">Clocks</h2>
      <p className="muted">
        Each clock warns when something has waited too long, then turns critical. This role uses the company's times unless you change them here.
      </p>
      <form onSubmit={onSubmit} noValidate aria-label="Clocks">
        {formError ? (
          <Alert>
            {formError}
            {stale ? <ReloadButton onReload={reload} /> : null}
          </Alert>
        ) : null}
        <ul className="clock-list">
          {CLOCK_IDS.map((id) => {
            const c = draft.clocks[id];
            const words = CLOCK_WORDS[id];
            const checkId = `clock-${id}-override`;
            const warningError = errors[field(id, 'warningHours')];
            const criticalError = errors[field(id, 'criticalHours')];
            return (
              <li key={id} className="clock-item" data-clock={id}>
                <div className="clock-head">
                  <h3 className="clock-title" title={id}>
                    {words.label}
                  </h3>
                  <p className="small muted">Measures {words.measures}.</p>
                  <p className="small">
                    Company: {describeTarget(company.targets[id], companyBusiness)}.{' '}
                    {c.override ? <Badge tone="accent">Changed for this role</Badge> : <Badge>Company times</Badge>}
                  </p>
                </div>
                <div className="check-row">
                  <input id={checkId} type="checkbox" checked={c.override} disabled={!canEdit} onChange={(e) => setClock(id, { override: e.target.checked })} />
                  <label htmlFor={checkId} className="check-label">
                    Use different times for this role
                  </label>
                </div>
                {c.override ? (
                  <div className="clock-inputs">
                    <div className={`field${warningError ? ' field-invalid' : ''}`}>
                      <label className="field-label" htmlFor={`clock-${id}-warning`}>
                        <span className="visually-hidden">{words.label}: </span>Warning after
                      </label>
                      <input
                        id={`clock-${id}-warning`}
                        className="input num"
                        name={field(id, 'warningHours')}
                        inputMode="decimal"
                        value={c.warning}
                        disabled={!canEdit}
                        onChange={(e) => setClock(id, { warning: e.target.value })}
                        aria-invalid={warningError ? true : undefined}
                        aria-describedby={warningError ? `clock-${id}-warning-error` : undefined}
                      />
                      <FieldError id={`clock-${id}-warning-error`} message={warningError} />
                    </div>
                    <div className={`field${criticalError ? ' field-invalid' : ''}`}>
                      <label className="field-label" htmlFor={`clock-${id}-critical`}>
                        <span className="visually-hidden">{words.label}: </span>Critical after
                      </label>
                      <input
                        id={`clock-${id}-critical`}
                        className="input num"
                        name={field(id, 'criticalHours')}
                        inputMode="decimal"
                        value={c.critical}
                        disabled={!canEdit}
                        onChange={(e) => setClock(id, { critical: e.target.value })}
                        aria-invalid={criticalError ? true : undefined}
                        aria-describedby={criticalError ? `clock-${id}-critical-error` : undefined}
                      />
                      <FieldError id={`clock-${id}-critical-error`} message={criticalError} />
                    </div>
                    <SelectField
                      label={
                        <>
                          <span className="visually-hidden">{words.label}: </span>Unit
                        </>
                      }
                      name={`clock-${id}-unit`}
                      value={c.unit}
                      disabled={!canEdit}
                      options={[
                        { value: 'days', label: roleBusiness ? 'Working days' : 'Days' },
                        { value: 'hours', label: roleBusiness ? 'Working hours' : 'Hours' },
                      ]}
                      onChange={(unit) => {
                        const u = unit as HoursUnit;
                        const w = toHours(c.warning, c.unit);
                        const k = toHours(c.critical, c.unit);
                        setClock(id, { unit: u, warning: w === undefined ? c.warning : fromHours(w, u), critical: k === undefined ? c.critical : fromHours(k, u) });
                      }}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        <SelectField
          label="How this role's clocks count time"
          name="hours"
          value={draft.hours}
          disabled={!canEdit}
          hint={
            companyBusiness
              ? "The company counts business hours: only its working days and hours count, so a weekend does not make a clock late."
              : 'The company counts calendar hours: every hour counts, weekends included. Business hours count only working days and hours in the company’s time zone.'
          }
          options={[
            { value: 'company', label: `Same as the company (${companyBusiness ? 'business hours' : 'calendar hours'})` },
            { value: 'calendar', label: 'Calendar hours: every hour counts' },
            { value: 'business', label: "Business hours: only the company's working hours count" },
          ]}
          onChange={(hours) => {
            setDraft((d) => ({ ...d, hours: hours as HoursChoice }));
            setNotice(undefined);
          }}
        />
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {canEdit ? (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…" disabled={!dirty}>
              Save clocks
            </Button>
            {dirty ? <span className="small muted">Unsaved changes</span> : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}
