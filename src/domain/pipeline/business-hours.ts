import { DAY_MS, HOUR_MS } from './time.js';

/** Working time in one IANA time zone: ISO weekdays (1 = Monday ... 7 = Sunday), local HH:MM window, local holidays. */
export interface BusinessHours {
  timeZone: string;
  workdays: readonly number[];
  start: string;
  end: string;
  holidays?: readonly string[];
}

const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const windows = new Map<string, readonly [number, number] | null>();
const MAX_CACHED_WINDOWS = 50_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The local wall-clock reading of an instant in `timeZone`. */
export function wallTimeOf(ms: number, timeZone: string): WallTime {
  const out: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in out) out[part.type as keyof WallTime] = Number(part.value);
  }
  if (out.hour === 24) out.hour = 0; // some engines print midnight as 24 even with h23
  return out;
}

/** Local time minus UTC at an instant, in milliseconds (New York in winter: -5 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallTimeOf(ms, timeZone);
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a local wall time happens in `timeZone`. Like Temporal's 'compatible': a time that happens twice
 * (clocks go back) gives the earlier instant; a time skipped (clocks go forward) moves forward by the gap.
 */
export function zonedTimeToUtc(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day) + minuteOfDay * MINUTE_MS;
  const before = zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS, timeZone);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = zoneOffsetMs(early, timeZone) === before;
  const lateValid = zoneOffsetMs(late, timeZone) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return wall - before;
}

/** Minutes after local midnight of an 'HH:MM' string (24:00 allowed as the end of the day). */
export function minutesOfDay(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return Number.NaN;
  return h * 60 + min;
}

/** Nominal length of one working day in hours (17:00 - 09:00 = 8). */
export function businessDayHours(hours: BusinessHours): number {
  return (minutesOfDay(hours.end) - minutesOfDay(hours.start)) / 60;
}

function dayKey(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}

/** The UTC instants a local working day opens and closes, or null on a day off. Memoised: days repeat across clocks. */
function workWindow(dayMs: number, hours: BusinessHours, startMin: number, endMin: number): readonly [number, number] | null {
  const key = `${hours.timeZone}|${startMin}|${endMin}|${dayMs}`;
  const cached = windows.get(key);
  if (cached !== undefined) return cached;
  const date = new Date(dayMs);
  const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
  let window: readonly [number, number] | null = null;
  if (hours.workdays.includes(isoWeekday)) {
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    window = [zonedTimeToUtc(y, m, d, startMin, hours.timeZone), zonedTimeToUtc(y, m, d, endMin, hours.timeZone)];
  }
  if (windows.size >= MAX_CACHED_WINDOWS) windows.clear();
  windows.set(key, window);
  return window;
}

function localDayMs(ms: number, timeZone: string): number {
  const w = wallTimeOf(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day);
}

/**
 * Working hours between two instants in the company's zone: only time inside a working day's local window counts,
 * so weekends, nights, holidays and DST changes (a 09:00-17:00 day is 8 h whatever the offset) are handled.
 * @example businessHoursBetween(fridayAt16, mondayAt10, { timeZone: 'Europe/Berlin', workdays: [1,2,3,4,5], start: '09:00', end: '17:00' }) // 2
 */
export function businessHoursBetween(fromMs: number, toMs: number, hours: BusinessHours): number {
  if (!(toMs > fromMs)) return 0;
  const startMin = minutesOfDay(hours.start);
  const endMin = minutesOfDay(hours.end);
  const holidays = hours.holidays && hours.holidays.length > 0 ? new Set(hours.holidays) : undefined;
  const lastDay = localDayMs(toMs, hours.timeZone);
  let total = 0;
  for (let day = localDayMs(fromMs, hours.timeZone); day <= lastDay; day += DAY_MS) {
    if (holidays?.has(dayKey(day))) continue;
    const window = workWindow(day, hours, startMin, endMin);
    if (!window) continue;
    const overlap = Math.min(window[1], toMs) - Math.max(window[0], fromMs);
    if (overlap > 0) total += overlap;
  }
  return total / HOUR_MS;
}
