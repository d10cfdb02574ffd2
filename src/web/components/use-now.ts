import { useSyncExternalStore } from 'react';

// One shared clock for every relative time on screen, ticking once a minute.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 60_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in epoch ms, refreshed every minute; enough for "5 minutes ago". */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}
