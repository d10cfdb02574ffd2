import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The widths a person looks at: a laptop and a phone. */
export const SHOT_WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * Screenshots of a journey's steps, at 1440 px and 390 px, when JOURNEY_SHOTS names a directory
 * (`JOURNEY_SHOTS=/tmp/journey-shots npx vitest run --config vitest.e2e.config.ts e2e/journey.e2e.test.ts`).
 * Without the variable it does nothing, so the journey stays fast in CI (e2e/layout.e2e.test.ts checks the widths).
 */
export function journeyShots(dir = process.env.JOURNEY_SHOTS) {
  let step = 0;
  if (dir) mkdirSync(dir, { recursive: true });
  return {
    async take(page: Page, name: string): Promise<void> {
      if (!dir) return;
      step += 1;
      const before = page.viewportSize();
      for (const size of SHOT_WIDTHS) {
        await page.setViewportSize(size);
        await page.screenshot({ path: join(dir, `${String(step).padStart(2, '0')}-${name}-${size.width}.png`), fullPage: true });
      }
      if (before) await page.setViewportSize(before);
    },
  };
}
