import { COMPANY_STAGES, COMPANY_STAGE_LABELS } from '../api/types.js';
import type { SelectOption } from '../components/Field.js';

export const STAGE_OPTIONS: SelectOption[] = [
  { value: '', label: 'Choose a stage' },
  ...COMPANY_STAGES.map((stage) => ({ value: stage, label: COMPANY_STAGE_LABELS[stage] })),
];

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'ILS', 'INR', 'SGD', 'AUD', 'JPY'];

/** A short list of the currencies AI startups pay in, named in the user's language. */
export function currencyOptions(): SelectOption[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(undefined, { type: 'currency' });
  } catch {
    names = undefined;
  }
  return CURRENCIES.map((code) => ({ value: code, label: names ? `${code} · ${names.of(code) ?? code}` : code }));
}

/** The IANA time zones the browser knows, UTC first. */
export function timeZoneOptions(): SelectOption[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')].map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));
}

/** The browser's time zone when it is a known IANA name, else UTC. */
export function browserTimeZone(options: readonly SelectOption[]): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return options.some((option) => option.value === zone) ? zone : 'UTC';
}
