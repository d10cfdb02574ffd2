import { wallTimeOf, zonedTimeToUtc } from '../../domain/pipeline/business-hours.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The instant a date and a time typed in a form mean in the company's time zone, as an ISO string; undefined when
 * either is missing or not a real date ('2026-02-30').
 * @example zonedInputToIso('2026-11-05', '09:30', 'Europe/Berlin') // '2026-11-05T08:30:00.000Z'
 */
export function zonedInputToIso(date: string, time: string, timeZone: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  return new Date(zonedTimeToUtc(year, month, day, hour * 60 + minute, timeZone)).toISOString();
}

/** The date and time inputs ('2026-11-05', '09:30') that show an instant in the company's time zone. */
export function toZonedInput(iso: string, timeZone: string): { date: string; time: string } {
  const w = wallTimeOf(Date.parse(iso), timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** "Berlin time", "New York time", "UTC": how a time zone reads beside a time. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return `${(timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ')} time`;
}

/**
 * When an interview happens, exactly, in the company's time zone: "Thu, Nov 5, 09:00–10:00 Berlin time".
 * @example formatZonedSlot('2026-11-05T08:00:00Z', 60, 'Europe/Berlin', 'en-US') // 'Thu, Nov 5, 09:00–10:00 Berlin time'
 */
export function formatZonedSlot(startIso: string, durationMinutes: number, timeZone: string, locale?: string): string {
  const start = Date.parse(startIso);
  if (!Number.isFinite(start)) return '—';
  const day = formatZonedDay(startIso, timeZone, locale);
  const clock = (ms: number) => {
    const w = wallTimeOf(ms, timeZone);
    return `${pad(w.hour)}:${pad(w.minute)}`;
  };
  return `${day}, ${clock(start)}–${clock(start + durationMinutes * 60_000)} ${zoneLabel(timeZone)}`;
}

/** The day of an instant in the company's time zone: "Thu, Nov 5". */
export function formatZonedDay(iso: string, timeZone: string, locale?: string): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return '—';
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(at);
}
