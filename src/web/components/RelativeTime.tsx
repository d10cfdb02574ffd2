import { formatRelativeTime, formatUtc, toDate } from '../lib/format-time.js';
import { useNow } from './use-now.js';

export interface RelativeTimeProps {
  /** An ISO 8601 instant from the API, a Date, or epoch ms. */
  at: string | Date | number;
  /** Fixes "now" (tests, server-side reasoning); defaults to a clock that ticks each minute. */
  now?: Date;
}

/** "3 days ago", with the exact UTC time on hover and in the machine-readable `dateTime`. */
export function RelativeTime({ at, now }: RelativeTimeProps) {
  const tick = useNow();
  const date = toDate(at);
  const valid = !Number.isNaN(date.getTime());
  const exact = formatUtc(date);
  return (
    <time className="relative-time" dateTime={valid ? date.toISOString() : undefined} title={exact}>
      {formatRelativeTime(date, now ?? new Date(Math.max(tick, Date.now())))}
    </time>
  );
}
