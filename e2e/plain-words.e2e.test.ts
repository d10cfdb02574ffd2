import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APP_PAGES, demoIds, type DemoIds } from './support/app-pages.js';
import { describeBrowser, newContext } from './support/browser.js';
import { internalIds } from './support/plain-words.js';
import { startServer, type TestServer } from './support/server.js';

/**
 * The audit log lists the recorded action and field names on purpose (it is the technical record of who changed
 * what), and a person's data export shows every record as stored; on those pages ids are the content.
 */
const IDS_ARE_THE_CONTENT = new Set(['/settings/audit', /* a person's data as stored, to hand to them (docs/privacy.md) */ '/candidates/:id/data']);

describeBrowser('plain words: no internal ids on the pages people read', (browser) => {
  let server: TestServer;
  let context: BrowserContext;
  let ids: DemoIds;

  beforeAll(async () => {
    server = await startServer();
    context = await newContext(browser(), server.baseUrl, { viewport: { width: 1440, height: 900 } });
    const opened = await context.request.post('/api/v1/setup/demo', { data: {} });
    if (opened.status() !== 201) throw new Error(`demo setup failed: ${opened.status()}`);
    ids = await demoIds(context.request);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

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

  for (const [route, visit] of Object.entries(APP_PAGES)) {
    if ((visit.as ?? 'owner') !== 'owner' || IDS_ARE_THE_CONTENT.has(route)) continue;
    it(`${route} shows words, not ids (ids may sit in tooltips and closed details)`, async () => {
      const page = await context.newPage();
      try {
        await page.goto(visit.url(ids));
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const text = await page.locator('main').innerText();
        expect(internalIds(text), `${route} (${page.url()})`).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
