import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { describeBrowser, waitForPage } from './support/browser.js';
import { pipelineApi } from './support/pipeline-api.js';
import { ownerSessionPerTest } from './support/owner-session.js';

describeBrowser('role board', (browser) => {
  let context: BrowserContext;
  let page: Page;
  let api: ReturnType<typeof pipelineApi>;

  const session = ownerSessionPerTest(browser);
  beforeEach(() => {
    ({ context, page } = session());
    api = pipelineApi(context.request, session().csrfToken);
  });

  const column = (stage: string) => page.locator(`section[data-stage="${stage}"]`);
  const card = (stage: string, name: string) => column(stage).getByRole('listitem', { name: new RegExp(`^${name},`) });

  it('moves a card to the next stage with Alt+ArrowRight, and the move persists after a reload', async () => {
    const role = await api.role('Founding ML Engineer');
    const ada = await api.candidate('Ada Quinn', 'ada@example.com', 'referral');
    const application = await api.application(ada.id, role.id);
    const other = await api.candidate('Bo Lindqvist', 'bo@example.com');
    await api.application(other.id, role.id);

    await page.goto(`/roles/${role.id}`);
    await waitForPage(page, 'Founding ML Engineer');
    await card('sourced', 'Ada Quinn').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await card('screen', 'Ada Quinn').waitFor();
    await page.getByText('Moved Ada Quinn to Screen.').waitFor({ state: 'attached' });
    // Focus follows the card, so a second press moves it on.
    expect(await card('screen', 'Ada Quinn').evaluate((el) => el === document.activeElement)).toBe(true);

    await page.reload();
    await waitForPage(page, 'Founding ML Engineer');
    await card('screen', 'Ada Quinn').waitFor();
    expect(await card('sourced', 'Ada Quinn').count()).toBe(0);
    await card('sourced', 'Bo Lindqvist').waitFor();
    const saved = await api.get<{ stage: string; events: Array<{ type: string; data: { from?: string; to?: string } }> }>(`/api/v1/applications/${application.id}`);
    expect(saved.stage).toBe('screen');
    expect(saved.events.at(-1)).toMatchObject({ type: 'stage.changed', data: { from: 'sourced', to: 'screen' } });

    // Two quick presses: the second move waits for the first and uses the version it returned (no 412).
    await card('screen', 'Ada Quinn').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await card('final', 'Ada Quinn').waitFor();
    await page.getByText('Moved Ada Quinn to Final interviews (one day).').waitFor({ state: 'attached' });
    expect(await page.getByText(/changed by someone else|Could not move/).count()).toBe(0);
    expect((await api.get<{ stage: string }>(`/api/v1/applications/${application.id}`)).stage).toBe('final');

    // The source mix of the role, with its counts for screen readers.
    const mix = page.getByRole('region', { name: 'Source mix' });
    await mix.getByRole('row', { name: /Referral 1 50%/ }).waitFor({ state: 'attached' });
  });

  it('moves a card by dragging it onto another column', async () => {
    const role = await api.role('AI Product Engineer');
    const ada = await api.candidate('Ada Quinn', 'ada@example.com');
    const application = await api.application(ada.id, role.id);

    await page.goto(`/roles/${role.id}`);
    await waitForPage(page, 'AI Product Engineer');
    await card('sourced', 'Ada Quinn').dragTo(column('final').locator('ul.board-cards'));
    await card('final', 'Ada Quinn').waitFor();
    await page.getByText('Moved Ada Quinn to Final interviews (one day).').waitFor({ state: 'attached' });
    expect((await api.get<{ stage: string }>(`/api/v1/applications/${application.id}`)).stage).toBe('final');
  });

  it('warns when referrals and VC introductions dominate the source mix', async () => {
    const role = await api.role('Network Hire');
    const sources = ['referral', 'referral', 'vc-introduction', 'outbound'];
    for (const [i, source] of sources.entries()) {
      const c = await api.candidate(`Net ${i}`, `net${i}@example.com`, source);
      await api.application(c.id, role.id);
    }
    await page.goto(`/roles/${role.id}`);
    await waitForPage(page, 'Network Hire');
    const mix = page.getByRole('region', { name: 'Source mix' });
    await mix.getByText('Referrals and VC introductions are 75% of 4 candidates').waitFor();
    await mix.getByText(/75% of this role's candidates \(3 of 4\) came from referrals and VC introductions/).waitFor();
    // The severity in words; the rule's id only in the tooltip.
    await mix.getByTitle('Check sourcing.referral-only').getByText('Warning').waitFor();
    expect(await mix.getByText('sourcing.referral-only').count()).toBe(0);
  });

  it('says when someone else changed the application first, and reloads the board instead of overwriting', async () => {
    const role = await api.role('MLOps Engineer');
    const ada = await api.candidate('Ada Quinn', 'ada@example.com');
    const application = await api.application(ada.id, role.id);

    await page.goto(`/roles/${role.id}`);
    await waitForPage(page, 'MLOps Engineer');
    await card('sourced', 'Ada Quinn').waitFor();
    // Someone else moves her to Technical while the board is open.
    await api.patchApplication(application.id, application.version, { stage: 'technical' });

    await card('sourced', 'Ada Quinn').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByText(/Ada Quinn was changed by someone else, so the move was not saved/).waitFor();
    await card('technical', 'Ada Quinn').waitFor();
    expect((await api.get<{ stage: string }>(`/api/v1/applications/${application.id}`)).stage).toBe('technical');
  });

  it('renders a board of 300 cards a page at a time and renders more as a column scrolls', async () => {
    const role = await api.role('Applied Research Scientist');
    const ids = Array.from({ length: 300 }, (_, i) => i);
    for (let start = 0; start < ids.length; start += 25) {
      await Promise.all(
        ids.slice(start, start + 25).map(async (i) => {
          const c = await api.candidate(`Person ${String(i).padStart(3, '0')}`, `person${i}@example.com`, i % 3 === 0 ? 'referral' : 'inbound');
          await api.application(c.id, role.id);
        }),
      );
    }

    await page.goto(`/roles/${role.id}`);
    await waitForPage(page, 'Applied Research Scientist');
    const sourced = column('sourced');
    await sourced.getByLabel('300 candidates').waitFor();
    const rendered = () => sourced.locator('[data-card]').count();
    const first = await rendered();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(300);

    // Scrolling the column to its end renders the next page of cards (twice the first render), until all 300 are
    // there. The count is read once per step and the wait is for more than that count, so a page the column adds
    // between two reads cannot make the test wait for cards that will never come; and each page needs its own
    // scroll (the "show more" row is never the scroll anchor, so the column does not load page after page by itself).
    const list = sourced.locator('ul.board-cards');
    let count = first;
    let scrolls = 0;
    while (count < 300 && scrolls < 20) {
      await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      scrolls += 1;
      const more = await page.waitForFunction(
        ({ selector, seen }) => {
          const n = document.querySelectorAll(selector).length;
          return n > seen ? n : false;
        },
        { selector: 'section[data-stage="sourced"] [data-card]', seen: count },
      );
      const next = (await more.jsonValue()) as number;
      expect(next - count).toBeLessThanOrEqual(2 * first);
      count = next;
    }
    expect(scrolls).toBe(Math.ceil((300 - first) / (2 * first)));
    expect(await rendered()).toBe(300);
    await sourced.getByRole('listitem', { name: /^Person 299,|^Person 000,/ }).first().waitFor();
  });
});
