import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APP_PAGES, demoIds, routePaths, type DemoIds, type PageVisit } from './support/app-pages.js';
import { describeBrowser, newContext } from './support/browser.js';
import { sidewaysProblems, touchProblems } from './support/layout-check.js';
import { startServer, type TestServer } from './support/server.js';

/** The two widths every page must fit: a laptop, and a phone held upright (with a touch screen). */
const VIEWPORTS: ReadonlyArray<[string, BrowserContextOptions]> = [
  ['1440 px', { viewport: { width: 1440, height: 900 } }],
  ['390 px (touch)', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
];

describeBrowser('layout: every page fits the screen at 1440 px and 390 px', (browser) => {
  let demo: TestServer;
  let firstRun: TestServer;
  let ids: DemoIds;
  let ownerState: Awaited<ReturnType<BrowserContext['storageState']>>;
  const contexts = new Map<string, BrowserContext>();

  beforeAll(async () => {
    [demo, firstRun] = await Promise.all([startServer(), startServer()]);
    const owner = await newContext(browser(), demo.baseUrl);
    const opened = await owner.request.post('/api/v1/setup/demo', { data: {} });
    if (opened.status() !== 201) throw new Error(`demo setup failed: ${opened.status()}`);
    ids = await demoIds(owner.request);
    ownerState = await owner.storageState();
    await owner.close();
  });

  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await Promise.all([demo?.close(), firstRun?.close()]);
  });

  /** One browser context per viewport and visitor, reused by the pages (each page gets a fresh tab). */
  async function contextFor(viewport: string, options: BrowserContextOptions, as: NonNullable<PageVisit['as']>): Promise<BrowserContext> {
    const key = `${viewport}|${as}`;
    let context = contexts.get(key);
    if (!context) {
      const server = as === 'first-run' ? firstRun : demo;
      context = await newContext(browser(), server.baseUrl, { ...options, ...(as === 'owner' ? { storageState: ownerState } : {}) });
      contexts.set(key, context);
    }
    return context;
  }

  it('has a page to visit for every route of the app (a new route needs one line in e2e/support/app-pages.ts)', () => {
    expect(Object.keys(APP_PAGES).sort()).toEqual([...new Set(routePaths())].sort());
  });

  for (const [viewport, options] of VIEWPORTS) {
    for (const [route, visit] of Object.entries(APP_PAGES)) {
      it(`${route} at ${viewport}: nothing scrolls or sticks out sideways${options.hasTouch ? '; targets fit a finger, no keyboard hints' : ''}`, async () => {
        const context = await contextFor(viewport, options, visit.as ?? 'owner');
        const page = await context.newPage();
        // The Content-Security-Policy must not block anything the page needs (charts' styles, icons, scripts).
        const cspViolations: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
        });
        try {
          await page.goto(visit.url(ids));
          await page.locator('h1').first().waitFor();
          // Data, charts and lazily loaded pieces arrive after the heading: measure once the page has them all.
          await page.waitForLoadState('networkidle');
          expect(await sidewaysProblems(page), `${route} (${page.url()}) at ${viewport}`).toEqual([]);
          if (options.hasTouch) expect(await touchProblems(page), `${route} (${page.url()}) at ${viewport}`).toEqual([]);
          expect(cspViolations, `${route} (${page.url()}) at ${viewport}`).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
