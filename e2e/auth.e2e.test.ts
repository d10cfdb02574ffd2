import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { setUpWorkspace } from './support/factories.js';
import type { WorkspaceOwner } from './support/factories.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

describeBrowser('sign in and sign out', (browser) => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let owner: WorkspaceOwner;

  beforeEach(async () => {
    server = await startServer();
    owner = await setUpWorkspace(server.baseUrl);
    context = await newContext(browser(), server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  it('rejects a wrong password with the API message, then signs in to Today', async () => {
    await page.goto('/');
    await waitForPage(page, 'Sign in');
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mail or password is wrong.' }).waitFor();

    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPage(page, 'Today');
    expect(new URL(page.url()).pathname).toBe('/today');
  });

  it('signs out, ends the session on the server, and shows the sign-in page', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPage(page, 'Today');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForPage(page, 'Sign in');
    await page.getByText('You are signed out.').waitFor();
    expect((await page.request.get('/api/v1/session')).status()).toBe(401);
  });

  it('returns to the page asked for after signing in', async () => {
    await page.goto('/settings/tokens');
    await waitForPage(page, 'Sign in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/tokens');
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPage(page, 'Settings');
    await page.getByRole('heading', { name: 'Create a token' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/tokens');
  });

  it('keeps the session across a reload', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPage(page, 'Today');
    await page.goto('/roles');
    await waitForPage(page, 'Roles');
    expect(new URL(page.url()).pathname).toBe('/roles');
    expect((await page.request.get('/api/v1/session')).status()).toBe(200);
  });
});
