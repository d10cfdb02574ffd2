import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { setUpWorkspace } from './support/factories.js';
import type { WorkspaceOwner } from './support/factories.js';
import { startServer } from './support/server.js';
import { totpAt } from '../src/server/services/totp.js';
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

  it('sets up two-step sign-in under Settings › Security, then asks for the code at sign-in, with no CSP violation on the way', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPage(page, 'Today');

    await page.goto('/settings/security');
    await page.getByRole('heading', { name: 'Two-step sign-in', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const secret = await page.getByLabel('Key to type into the app').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByLabel('Or paste this link into the app').inputValue()).toContain(`otpauth://totp/Closer:`);
    await page.getByLabel('Code the app shows').fill('000000' === totpAt(secret, new Date()) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByText('The code is wrong').waitFor();
    await page.getByLabel('Code the app shows').fill(totpAt(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const codes = page.getByRole('list', { name: 'Recovery code list' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('10 recovery codes left.').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForPage(page, 'Sign in');
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = page.getByLabel('Code from your authenticator app');
    await code.waitFor();
    expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
    // The next time step: the one used to turn it on is spent.
    await code.fill(totpAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPage(page, 'Today');
    expect(violations).toEqual([]);
  });
});
