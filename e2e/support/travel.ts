import type { BrowserContext } from 'playwright-core';

const HOUR_MS = 3_600_000;

/**
 * Time that can jump ahead for a whole journey: the server's clock (pass `now` to startServer) and the clock of
 * every browser context it is told about move together, so "the onsite was yesterday" holds on both sides.
 * Real time keeps running underneath; only the offset changes. Browser timers are not faked.
 */
export interface TimeTravel {
  /** The server's clock: real time plus the offset. */
  now: () => Date;
  /** Hours jumped so far. */
  offsetHours: () => number;
  /** Sets this context's clock to the journey's time now and after every later jump. */
  follow: (context: BrowserContext) => Promise<void>;
  /** Jumps ahead by this many hours, on the server and in every followed context. */
  advanceHours: (hours: number) => Promise<void>;
}

export function timeTravel(): TimeTravel {
  let offset = 0;
  const contexts = new Set<BrowserContext>();
  const now = () => new Date(Date.now() + offset);
  const sync = async (context: BrowserContext) => {
    if (offset !== 0) await context.clock.setSystemTime(now());
  };
  return {
    now,
    offsetHours: () => offset / HOUR_MS,
    async follow(context) {
      contexts.add(context);
      context.once('close', () => contexts.delete(context));
      await sync(context);
    },
    async advanceHours(hours) {
      offset += hours * HOUR_MS;
      for (const context of contexts) await sync(context);
    },
  };
}
