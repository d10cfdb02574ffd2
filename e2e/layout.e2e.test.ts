import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APP_PAGES, demoIds, routePaths, type DemoIds, type PageVisit } from './support/app-pages.js';
import { describeBrowser, newContext } from './support/browser.js';
import { sidewaysProblems, touchProblems } from './support/layout-check.js';
import { internalIds } from './support/plain-words.js';
import { startServer, type TestServer } from './support/server.js';

/** The two widths every page must fit: a laptop, and a phone held upright (with a touch screen). */
const VIEWPORTS: ReadonlyArray<[string, BrowserContextOptions]> = [
  ['1440 px', { viewport: { width: 1440, height: 900 } }],
  ['390 px (touch)', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
];

/**
 * The audit log lists the recorded action and field names on purpose (it is the technical record of who changed
 * what), and a person's data export shows every record as stored; on those pages ids are the content.
 */
const IDS_ARE_THE_CONTENT = new Set(['/settings/audit', /* a person's data as stored, to hand to them (docs/privacy.md) */ '/candidates/:id/data']);

/** The plain-words check reads each owner page once, on the laptop visit that the layout check makes anyway. */
const readsWords = (route: string, visit: PageVisit, viewport: string) => viewport === '1440 px' && (visit.as ?? 'owner') === 'owner' && !IDS_ARE_THE_CONTENT.has(route);

describeBrowser('layout and plain words: every page fits the screen at 1440 px and 390 px and shows words, not ids', (browser) => {
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

  it('finds the ids it is meant to find, and leaves e-mail and web addresses alone', () => {
    expect(internalIds('Note scope.founding-generalist · model.pNext 0.6 · field-report-figures.json · covers ml-engineering · series-c')).toEqual([
      'a rule id or parameter key: "scope.founding-generalist"',
      'a rule id or parameter key: "model.pNext"',
      'a file name: "field-report-figures.json"',
      'a camelCase key: "pNext"',
      'an internal key: "ml-engineering"',
      'an internal key: "series-c"',
    ]);
    expect(internalIds('maya@lumenlabs.example · aijobs.net salaries · https://www.bls.gov/x.json · 4 years, 1-year cliff')).toEqual([]);
  });

  it('has a page to visit for every route of the app (a new route needs one line in e2e/support/app-pages.ts)', () => {
    expect(Object.keys(APP_PAGES).sort()).toEqual([...new Set(routePaths())].sort());
  });

  for (const [viewport, options] of VIEWPORTS) {
    for (const [route, visit] of Object.entries(APP_PAGES)) {
      const words = readsWords(route, visit, viewport);
      it(`${route} at ${viewport}: nothing scrolls or sticks out sideways${options.hasTouch ? '; targets fit a finger, no keyboard hints' : ''}${words ? '; shows words, not ids (ids may sit in tooltips and closed details)' : ''}`, async () => {
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
          // Read the words before the layout check opens every details element: closed details may hold ids.
          if (words) expect(internalIds(await page.locator('main').innerText()), `${route} (${page.url()})`).toEqual([]);
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
