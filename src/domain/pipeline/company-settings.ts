import { DEFAULT_CLOCK_SETTINGS, resolveClockSettings, type ClockSettings } from './clock-settings.js';

/** The pipeline part of a company's settings (`{ pipeline: { clocks?, risk? } }`); anything else reads as none. */
export function companyPipelineSettings(settings: Record<string, unknown> | undefined): { clocks?: unknown; risk?: unknown } {
  const p = settings?.pipeline;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return {};
  return p as { clocks?: unknown; risk?: unknown };
}

/** Business hours count in the company's time zone unless the settings name another. */
export function withZone(overrides: unknown, timeZone: string | undefined): unknown {
  if (!timeZone || !overrides || typeof overrides !== 'object' || Array.isArray(overrides)) return overrides;
  const o = overrides as { hours?: unknown };
  const hours = o.hours as { mode?: unknown; timeZone?: unknown } | undefined;
  if (!hours || typeof hours !== 'object' || hours.mode !== 'business' || hours.timeZone !== undefined) return overrides;
  return { ...o, hours: { ...hours, timeZone } };
}

/**
 * A role's clock settings: the defaults, under the company's clocks (`companyClocks`, already in its zone: withZone),
 * under the role's own overrides (business hours in the company's time zone). Throws on settings that do not resolve.
 */
export function roleClockSettings(companyClocks: unknown, timeZone: string | undefined, roleOverrides: Record<string, unknown>): ClockSettings {
  const overrides = Object.keys(roleOverrides).length > 0 ? withZone(roleOverrides, timeZone) : undefined;
  return resolveClockSettings(DEFAULT_CLOCK_SETTINGS, companyClocks, overrides);
}
