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
/** Memo caches, bounded: per zone and window, each local day's opening instants; per zone, each UTC day's offset. */
const windows = new Map<string, Map<number, readonly [number, number]>>();
const dayOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS = 100_000;
const parsedTimes = new Map<string, number>();
const holidaySets = new WeakMap<readonly string[], ReadonlySet<string>>();

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
  const known = parsedTimes.get(hhmm);
  if (known !== undefined) return known;
  const minutes = parseMinutes(hhmm);
  if (parsedTimes.size < 1_000) parsedTimes.set(hhmm, minutes);
  return minutes;
}

function parseMinutes(hhmm: string): number {
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

function holidaySet(list: readonly string[]): ReadonlySet<string> {
  let set = holidaySets.get(list);
  if (!set) {
    set = new Set(list);
    holidaySets.set(list, set);
  }
  return set;
}

function dayKey(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}

/** The UTC instants a local day's window opens and closes. Memoised: the same days recur across many clocks. */
function dayWindow(dayMs: number, cache: Map<number, readonly [number, number]>, timeZone: string, startMin: number, endMin: number): readonly [number, number] {
  const cached = cache.get(dayMs);
  if (cached) return cached;
  const date = new Date(dayMs);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const window = [zonedTimeToUtc(y, m, d, startMin, timeZone), zonedTimeToUtc(y, m, d, endMin, timeZone)] as const;
  if (cache.size >= MAX_CACHED_DAYS) cache.clear();
  cache.set(dayMs, window);
  return window;
}

function cacheFor<V>(caches: Map<string, Map<number, V>>, key: string): Map<number, V> {
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map();
    caches.set(key, cache);
  }
  return cache;
}

/**
 * zoneOffsetMs without a formatter call in the common case: when a zone's offset is the same at both ends of a
 * UTC day it holds all day (zones change offset at most once a day), so one lookup per zone and day serves all.
 */
function cachedOffsetMs(ms: number, timeZone: string): number {
  const cache = cacheFor(dayOffsets, timeZone);
  const utcDay = Math.floor(ms / DAY_MS);
  let offset = cache.get(utcDay);
  if (offset === undefined) {
    const atStart = zoneOffsetMs(utcDay * DAY_MS, timeZone);
    offset = atStart === zoneOffsetMs((utcDay + 1) * DAY_MS - 1000, timeZone) ? atStart : null;
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(utcDay, offset);
  }
  return offset ?? zoneOffsetMs(ms, timeZone);
}

/** Midnight UTC of the local calendar date of `ms`: a civil date as a number, for stepping day by day. */
function localDayMs(ms: number, timeZone: string): number {
  return Math.floor((ms + cachedOffsetMs(ms, timeZone)) / DAY_MS) * DAY_MS;
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
  const holidays = hours.holidays && hours.holidays.length > 0 ? holidaySet(hours.holidays) : undefined;
  const cache = cacheFor(windows, `${hours.timeZone}|${startMin}|${endMin}`);
  const lastDay = localDayMs(toMs, hours.timeZone);
  let total = 0;
  for (let day = localDayMs(fromMs, hours.timeZone); day <= lastDay; day += DAY_MS) {
    const isoWeekday = ((((day / DAY_MS + 3) % 7) + 7) % 7) + 1; // day 0 (1970-01-01) was a Thursday
    if (!hours.workdays.includes(isoWeekday) || holidays?.has(dayKey(day))) continue;
    const window = dayWindow(day, cache, hours.timeZone, startMin, endMin);
    const overlap = Math.min(window[1], toMs) - Math.max(window[0], fromMs);
    if (overlap > 0) total += overlap;
  }
  return total / HOUR_MS;
}
