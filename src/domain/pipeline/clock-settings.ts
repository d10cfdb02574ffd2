import { z } from 'zod';
import clocksData from '../../../data/pipeline/clocks.json' with { type: 'json' };
import { isTimeZone } from '../company/company.js';
import { DomainError } from '../shared/errors.js';
import { businessDayHours, minutesOfDay, type BusinessHours } from './business-hours.js';
import { toValidationError } from './validation.js';

import { CLOCK_IDS, type ClockId } from './lists.js';

export { CLOCK_IDS, type ClockId };

/** Warning and critical times of one clock, in calendar hours. */
export interface ClockTarget {
  warningHours: number;
  criticalHours: number;
}

export type HoursSetting = { mode: 'calendar' } | ({ mode: 'business' } & BusinessHours);

export interface ClockSettings {
  targets: Record<ClockId, ClockTarget>;
  hours: HoursSetting;
}

const BUSINESS_DEFAULTS = clocksData.businessHours.value;

export const DEFAULT_CLOCK_SETTINGS: ClockSettings = {
  targets: Object.fromEntries(
    CLOCK_IDS.map((id) => [
      id,
      { warningHours: clocksData.clocks[id].warningHours.value, criticalHours: clocksData.clocks[id].criticalHours.value },
    ]),
  ) as Record<ClockId, ClockTarget>,
  hours: clocksData.hours.value as HoursSetting,
};

const MAX_HOURS = 24 * 366;
const Hours = z.number().positive().max(MAX_HOURS);
const TargetOverride = z.strictObject({ warningHours: Hours.optional(), criticalHours: Hours.optional() });
const HhMm = z.string().refine((s) => Number.isFinite(minutesOfDay(s)), { message: 'Use HH:MM between 00:00 and 24:00' });
const LocalDate = z.iso.date();

/** A company's or a role's changes to the clock defaults; every field optional. */
export const ClockSettingsOverride = z.strictObject({
  targets: z.strictObject(Object.fromEntries(CLOCK_IDS.map((id) => [id, TargetOverride.optional()])) as Record<ClockId, z.ZodOptional<typeof TargetOverride>>).optional(),
  hours: z
    .strictObject({
      mode: z.enum(['calendar', 'business']),
      timeZone: z.string().max(64).refine(isTimeZone, { message: 'Unknown IANA time zone' }).optional(),
      workdays: z
        .array(z.number().int().min(1).max(7))
        .min(1)
        .max(7)
        .refine((d) => new Set(d).size === d.length, { message: 'Workdays must be unique' })
        .optional(),
      start: HhMm.optional(),
      end: HhMm.optional(),
      holidays: z.array(LocalDate).max(1_000).optional(),
    })
    .optional(),
});
export type ClockSettingsOverride = z.infer<typeof ClockSettingsOverride>;

function invalid(message: string, field: string): DomainError {
  return new DomainError('CLOCK_SETTINGS_INVALID', message, field);
}

function mergeHours(base: HoursSetting, override: NonNullable<ClockSettingsOverride['hours']>): HoursSetting {
  if (override.mode === 'calendar') return { mode: 'calendar' };
  const previous = base.mode === 'business' ? base : { ...BUSINESS_DEFAULTS, timeZone: undefined };
  const merged = {
    mode: 'business' as const,
    timeZone: override.timeZone ?? previous.timeZone,
    workdays: override.workdays ?? previous.workdays,
    start: override.start ?? previous.start,
    end: override.end ?? previous.end,
    holidays: override.holidays ?? previous.holidays ?? [],
  };
  if (!merged.timeZone) throw invalid('Business hours need a time zone.', 'hours.timeZone');
  if (!(minutesOfDay(merged.end) > minutesOfDay(merged.start))) throw invalid('The working day must end after it starts.', 'hours.end');
  return { ...merged, timeZone: merged.timeZone };
}

/**
 * Defaults, then the company's overrides, then the role's: later wins field by field. Overrides are validated
 * (CLOCK_SETTINGS_INVALID / UNKNOWN_FIELD) and the result must keep every warning time at or before its critical time.
 * @example resolveClockSettings(DEFAULT_CLOCK_SETTINGS, { hours: { mode: 'business', timeZone: 'Europe/Berlin' } }, { targets: { 'cycle.total': { warningHours: 168 } } })
 */
export function resolveClockSettings(
  defaults: ClockSettings = DEFAULT_CLOCK_SETTINGS,
  companyOverrides?: unknown,
  roleOverrides?: unknown,
): ClockSettings {
  let result: ClockSettings = { targets: { ...defaults.targets }, hours: defaults.hours };
  for (const raw of [companyOverrides, roleOverrides]) {
    if (raw === undefined || raw === null) continue;
    const parsed = ClockSettingsOverride.safeParse(raw);
    if (!parsed.success) throw toValidationError(parsed.error, '', 'CLOCK_SETTINGS_INVALID');
    const override = parsed.data;
    const targets = { ...result.targets };
    for (const id of CLOCK_IDS) {
      const change = override.targets?.[id];
      if (change) targets[id] = { ...targets[id], ...definedOnly(change) };
    }
    result = { targets, hours: override.hours ? mergeHours(result.hours, override.hours) : result.hours };
  }
  for (const id of CLOCK_IDS) {
    if (result.targets[id].warningHours > result.targets[id].criticalHours) {
      throw invalid(`The warning time of ${id} must not be after its critical time.`, `targets.${id}.criticalHours`);
    }
  }
  return result;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Warning and critical times in the unit the clock counts: calendar hours, or working hours (24 h of target = one working day). */
export interface EffectiveTarget {
  warningHours: number;
  criticalHours: number;
  /** Hours in one day of this basis: 24, or the length of a working day. */
  dayHours: number;
  basis: 'calendar' | 'business';
}

export function effectiveTarget(settings: ClockSettings, id: ClockId): EffectiveTarget {
  const target = settings.targets[id];
  if (settings.hours.mode === 'calendar') return { warningHours: target.warningHours, criticalHours: target.criticalHours, dayHours: 24, basis: 'calendar' };
  const dayHours = businessDayHours(settings.hours);
  const scale = dayHours / 24;
  return { warningHours: target.warningHours * scale, criticalHours: target.criticalHours * scale, dayHours, basis: 'business' };
}
