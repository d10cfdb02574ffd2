import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromiumStatus } from './chromium.js';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the installed Chromium; plain launch gives every browser a fresh, throw-away profile. */
export async function launchBrowser(): Promise<Browser> {
  const status = chromiumStatus();
  if (!status.available) throw new Error(status.reason);
  return chromium.launch({ executablePath: status.path, headless: true, args: LAUNCH_ARGS });
}

/** A fresh context (cookies, storage) bound to a server, with a fixed locale and time zone. */
export async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * `describe` for browser tests. Without Chromium the block is skipped with the reason printed,
 * except under CI=true, where a missing browser fails the run.
 */
export function describeBrowser(name: string, body: (browser: () => Browser) => void): void {
  const status = chromiumStatus();
  if (!status.available) {
    if (process.env.CI === 'true') {
      describe(name, () => {
        beforeAll(() => {
          throw new Error(`CI=true and the browser is missing. ${status.reason}`);
        });
        body(() => {
          throw new Error(status.reason);
        });
      });
      return;
    }
    console.warn(`[e2e] Skipping "${name}": ${status.reason}`);
    describe.skip(name, () => body(() => {
      throw new Error(status.reason);
    }));
    return;
  }
  describe(name, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });
    body(() => {
      if (!browser) throw new Error('The browser did not start.');
      return browser;
    });
  });
}

/** Waits until the page's one h1 has this name: the sign that a route has rendered. */
export async function waitForPage(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ state: 'visible' });
}
