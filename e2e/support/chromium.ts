import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type ChromiumStatus = { available: true; path: string } | { available: false; path: string; reason: string };

/** Whether the browser the e2e suite drives is installed. */
export function chromiumStatus(): ChromiumStatus {
  if (existsSync(CHROMIUM_PATH)) return { available: true, path: CHROMIUM_PATH };
  return {
    available: false,
    path: CHROMIUM_PATH,
    reason:
      `Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH ` +
      'to a Chromium or Chrome binary.',
  };
}
