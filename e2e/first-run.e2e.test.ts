import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

describeBrowser('first run', (browser) => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    server = await startServer();
    context = await newContext(browser(), server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  it('offers setup and the demo on a fresh install, and setting up the company lands on Today', async () => {
    await page.goto('/');
    await waitForPage(page, 'Welcome to Closer');
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.getByRole('heading', { name: 'Open the demo workspace' }).waitFor();

    await page.getByLabel('Company name').fill('Acme Vision');
    await page.getByLabel('Stage').selectOption({ label: 'Series A' });
    await page.getByLabel('Amount raised (USD)').fill('12.5M');
    await page.getByLabel('Headcount').fill('18');
    await page.getByLabel('AI team size').fill('4');
    await page.getByLabel('Pay currency').selectOption('EUR');
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    await page.getByLabel('Your name').fill('Olivia Owner');
    await page.getByLabel('Work e-mail').fill('olivia@acme.example');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create company' }).click();

    await waitForPage(page, 'Today');
    expect(new URL(page.url()).pathname).toBe('/today');
    await page.getByRole('heading', { name: 'Nothing is late' }).waitFor();
    await page.getByText('Signed in as Olivia Owner').waitFor();

    const company = await page.request.get('/api/v1/company');
    expect(company.status()).toBe(200);
    expect(await company.json()).toMatchObject({
      name: 'Acme Vision',
      stage: 'series-a',
      raisedUsd: 12_500_000,
      headcount: 18,
      aiTeamSize: 4,
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    });
  });

  it('shows the API error beside the field it names and keeps what was typed', async () => {
    await page.goto('/setup');
    await waitForPage(page, 'Welcome to Closer');
    await page.getByLabel('Company name').fill('Acme Vision');
    await page.getByLabel('Stage').selectOption('seed');
    await page.getByLabel('Amount raised (USD)').fill('3000000');
    await page.getByLabel('Headcount').fill('5');
    await page.getByLabel('AI team size').fill('2');
    await page.getByLabel('Your name').fill('Olivia Owner');
    await page.getByLabel('Work e-mail').fill('olivia@acme.example');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create company' }).click();

    const password = page.getByLabel('Password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    // The message is the API's, linked to the field so screen readers read it with the field.
    const describedBy = await password.getAttribute('aria-describedby');
    const message = await page.locator(`[id="${describedBy?.split(' ').pop()}"]`).textContent();
    expect(message).toMatch(/10/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('owner.password');
    expect(await page.getByLabel('Company name').inputValue()).toBe('Acme Vision');
    expect((await page.request.get('/api/v1/setup/status').then((r) => r.json())) as unknown).toEqual({ setUp: false });
  });

  it('opens the demo workspace, shows its credentials once, and they sign in again', async () => {
    await page.goto('/');
    await waitForPage(page, 'Welcome to Closer');
    await page.getByRole('button', { name: 'Open the demo workspace' }).click();

    await waitForPage(page, 'The demo workspace is ready');
    const email = await page.getByLabel('Demo e-mail').inputValue();
    const password = await page.getByLabel('Demo password').inputValue();
    expect(email).toContain('@');
    expect(password.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Continue to Today' }).click();
    await waitForPage(page, 'Today');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForPage(page, 'Sign in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPage(page, 'Today');
  });
});
