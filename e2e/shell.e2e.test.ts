import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { createUserThroughApi, setUpWorkspace, signInThroughApi } from './support/factories.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

const pathOf = (page: Page) => new URL(page.url()).pathname;

describeBrowser('app shell', (browser) => {
  let server: TestServer;
  let context: BrowserContext | undefined;
  let csrf: string;
  let owner: Awaited<ReturnType<typeof setUpWorkspace>>;

  beforeEach(async () => {
    server = await startServer();
    owner = await setUpWorkspace(server.baseUrl, { name: 'Olivia Owner' });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    await server?.close();
  });

  async function openSignedIn(path: string, options: Parameters<typeof newContext>[2] = {}): Promise<Page> {
    context = await newContext(browser(), server.baseUrl, options);
    csrf = await signInThroughApi(context, owner);
    const page = await context.newPage();
    await page.goto(path);
    return page;
  }

  it('moves between areas with g t, g r, g c and g o, and ignores them while typing', async () => {
    const page = await openSignedIn('/today');
    await waitForPage(page, 'Today');

    await page.keyboard.press('g');
    await page.keyboard.press('r');
    await waitForPage(page, 'Roles');
    expect(pathOf(page)).toBe('/roles');
    // Focus follows the new page so screen readers announce it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Roles');

    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await waitForPage(page, 'Candidates');

    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await waitForPage(page, 'Offers');

    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await waitForPage(page, 'Today');
    expect(pathOf(page)).toBe('/today');

    await page.goto('/settings/tokens');
    await page.getByLabel('Token name').fill('');
    await page.getByLabel('Token name').press('g');
    await page.getByLabel('Token name').press('r');
    expect(await page.getByLabel('Token name').inputValue()).toBe('gr');
    expect(pathOf(page)).toBe('/settings/tokens');
  });

  it('lists the shortcuts on ? and jumps through the command palette', async () => {
    const page = await openSignedIn('/today');
    await waitForPage(page, 'Today');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await help.getByText('Command palette: jump to an area').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Jump to' });
    await input.waitFor();
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill('cand');
    await page.getByRole('option', { name: 'Candidates' }).waitFor();
    await page.keyboard.press('Enter');
    await waitForPage(page, 'Candidates');

    await page.keyboard.press('Control+k');
    await input.fill('api tok');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Create a token' }).waitFor();
    expect(pathOf(page)).toBe('/settings/tokens');

    // Candidates and roles are found by name too, straight from the API.
    const role = await (await page.request.post('/api/v1/roles', { data: { title: 'Staff Inference Engineer', seniority: 'staff+' }, headers: { 'X-CSRF-Token': csrf } })).json();
    const candidate = await (await page.request.post('/api/v1/candidates', { data: { name: 'Zelda Quintero', email: 'zelda@example.com', source: 'referral' }, headers: { 'X-CSRF-Token': csrf } })).json();
    await page.keyboard.press('Control+k');
    await input.fill('zelda');
    await page.getByRole('option', { name: /Zelda Quintero/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/candidates/${candidate.id}`);
    await page.keyboard.press('Control+k');
    await input.fill('inference');
    await page.getByRole('option', { name: /Staff Inference Engineer/ }).click();
    await page.waitForURL(`**/roles/${role.id}`);
  });

  it('moves through a list with j and k, and sorts by a column', async () => {
    const page = await openSignedIn('/today');
    await waitForPage(page, 'Today');
    await createUserThroughApi(page.request, csrf, { name: 'Ada Lovelace', role: 'recruiter' });
    await createUserThroughApi(page.request, csrf, { name: 'Grace Hopper', role: 'interviewer' });
    await page.goto('/settings/users');
    const table = page.getByRole('table', { name: 'Users' });
    await table.getByRole('row', { name: /Grace Hopper/ }).waitFor();

    const focusedRow = () => page.evaluate(() => (document.activeElement?.tagName === 'TR' ? document.activeElement.textContent : null));
    await page.keyboard.press('j');
    await expect.poll(focusedRow).toContain('Ada Lovelace');
    await page.keyboard.press('j');
    await expect.poll(focusedRow).toContain('Grace Hopper');
    await page.keyboard.press('j');
    await expect.poll(focusedRow).toContain('Olivia Owner');
    await page.keyboard.press('k');
    await expect.poll(focusedRow).toContain('Grace Hopper');

    await table.getByRole('button', { name: 'Name' }).click();
    const nameHeader = table.getByRole('columnheader', { name: 'Name' });
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    const firstRow = table.locator('tbody tr').first();
    await expect.poll(() => firstRow.textContent()).toContain('Olivia Owner');
  });

  it('offers a skip link to the main content as the first tab stop', async () => {
    const page = await openSignedIn('/today');
    await waitForPage(page, 'Today');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect.poll(() => skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('collapses the navigation into a menu button at phone width', async () => {
    const page = await openSignedIn('/today', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await waitForPage(page, 'Today');

    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const rolesLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles' });
    expect(await rolesLink.isVisible()).toBe(false);

    await menu.click();
    await rolesLink.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await rolesLink.click();
    await waitForPage(page, 'Roles');
    await rolesLink.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the full navigation without a menu button on a laptop', async () => {
    const page = await openSignedIn('/today', { viewport: { width: 1280, height: 800 } });
    await waitForPage(page, 'Today');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Today', 'Roles', 'Candidates', 'Offers', 'Team', 'Market', 'Settings']) {
      await nav.getByRole('link', { name }).waitFor({ state: 'visible' });
    }
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
  });
});
