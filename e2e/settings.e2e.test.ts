import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import type { UserView } from '../src/api/users.js';
import { describeBrowser, waitForPage } from './support/browser.js';
import type { TestServer } from './support/server.js';
import { ownerSessionPerTest } from './support/owner-session.js';

type ApiUser = UserView;

describeBrowser('settings', (browser) => {
  let server: TestServer;
  let page: Page;

  const session = ownerSessionPerTest(browser);
  beforeEach(() => {
    ({ server, page } = session());
  });

  const usersFromApi = async () => ((await (await page.request.get('/api/v1/users')).json()) as { items: ApiUser[] }).items;

  it('invites a user with a one-time password, changes their role and disables them, each after confirming', async () => {
    await page.goto('/settings');
    await waitForPage(page, 'Settings');
    await page.getByRole('heading', { name: 'Invite someone' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/users');

    // Invite
    await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
    await page.getByLabel('E-mail', { exact: true }).fill('ada@acme.example');
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Hiring manager' });
    await page.getByRole('button', { name: 'Invite' }).click();
    const secret = page.getByLabel('One-time password for Ada Lovelace');
    await secret.waitFor();
    const oneTimePassword = await secret.inputValue();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
    const row = page.getByRole('row', { name: /Ada Lovelace/ });
    await row.waitFor();
    expect((await usersFromApi()).find((u) => u.email === 'ada@acme.example')).toMatchObject({ role: 'hiring-manager', disabled: false });

    // The one-time password really signs Ada in.
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@acme.example', password: oneTimePassword }),
    });
    expect(login.status).toBe(200);

    // Change role: cancelling changes nothing, confirming does.
    const roleSelect = page.getByLabel('Role for Ada Lovelace');
    await roleSelect.selectOption('admin');
    let dialog = page.getByRole('dialog', { name: "Change Ada Lovelace's role?" });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await roleSelect.inputValue()).toBe('hiring-manager');

    await roleSelect.selectOption('admin');
    dialog = page.getByRole('dialog', { name: "Change Ada Lovelace's role?" });
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Ada Lovelace is now Admin.').waitFor();
    expect(await roleSelect.inputValue()).toBe('admin');
    expect((await usersFromApi()).find((u) => u.email === 'ada@acme.example')?.role).toBe('admin');

    // Disable
    await page.getByRole('button', { name: 'Disable Ada Lovelace' }).click();
    dialog = page.getByRole('dialog', { name: 'Disable Ada Lovelace?' });
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByRole('cell', { name: 'Disabled', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Enable Ada Lovelace' }).waitFor();
    expect((await usersFromApi()).find((u) => u.email === 'ada@acme.example')?.disabled).toBe(true);

    const refused = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@acme.example', password: oneTimePassword }),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });

  it('shows an invite error from the API beside the e-mail field', async () => {
    await page.goto('/settings/users');
    await page.getByRole('heading', { name: 'Invite someone' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Bad Address');
    await page.getByLabel('E-mail', { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: 'Invite' }).click();
    const email = page.getByLabel('E-mail', { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.inputValue()).toBe('not-an-email');
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    await page.goto('/settings/tokens');
    await page.getByRole('heading', { name: 'Create a token' }).waitFor();
    await page.getByLabel('Token name').fill('Nightly sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secretField = page.getByLabel('Secret for “Nightly sync”');
    await secretField.waitFor();
    const secret = await secretField.inputValue();

    const withToken = () => fetch(`${server.baseUrl}/api/v1/company`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await withToken()).status).toBe(200);

    await page.getByRole('button', { name: 'Revoke Nightly sync' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Nightly sync”?' });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Nightly sync/ }).getByRole('cell', { name: 'Revoked', exact: true }).waitFor();
    expect((await withToken()).status).toBe(401);
  });

  it('edits the company profile and keeps the change after a reload', async () => {
    await page.goto('/settings/company');
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByLabel('Headcount', { exact: true }).fill('twelve');
    await page.getByRole('button', { name: 'Save profile' }).click();
    const headcount = page.getByLabel('Headcount', { exact: true });
    await expect.poll(() => headcount.getAttribute('aria-invalid')).toBe('true');
    await headcount.fill('25');
    await page.getByLabel('Stage', { exact: true }).selectOption('series-a');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Company profile saved.').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Edit profile' }).waitFor();
    const company = (await (await page.request.get('/api/v1/company')).json()) as { headcount: number; stage: string };
    expect(company).toMatchObject({ headcount: 25, stage: 'series-a' });
    await page.getByText('25', { exact: true }).waitFor();
  });

  it('imports a CSV: upload, dry run, map the unknown stage, import with progress, come back and download the report', async () => {
    await page.goto('/settings/import');
    await waitForPage(page, 'Settings');
    await page.getByRole('heading', { name: 'No imports yet' }).waitFor();
    const csv = ['Name,Email,Job,Stage,Applied At', 'Zoë Import,zoe@import.example,Import Engineer,Phone Screen,2026-10-01', 'Ian Import,ian@import.example,Import Engineer,Mystery Round,2026-10-02'].join('\n');
    await page.getByLabel('Import from').selectOption({ label: 'A spreadsheet (CSV)' });
    await page.getByLabel('Files').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByText('Dry run done: nothing has been written yet.').waitFor();
    await page.getByRole('table', { name: 'What the import will do' }).getByRole('row', { name: /Candidates/ }).waitFor();
    expect(await page.getByLabel('Phone Screen').inputValue()).toBe('screen');
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('Mystery Round').selectOption({ label: 'Technical interview' });
    await importButton.click();
    await page.getByText('Imported.').waitFor();
    const candidates = ((await (await page.request.get('/api/v1/candidates?q=import.example')).json()) as { items: Array<{ email: string }> }).items;
    expect(candidates.map((c) => c.email).sort()).toEqual(['ian@import.example', 'zoe@import.example']);
    // Leave and come back: the finished import is listed with its report.
    await page.goto('/settings/company');
    await page.goto('/settings/import');
    const report = page.getByRole('link', { name: 'Download the report' }).first();
    await report.waitFor();
    const download = await page.request.get((await report.getAttribute('href'))!);
    expect(((await download.json()) as { counts: { candidates: { create: number } } }).counts.candidates.create).toBe(2);
  });

  it('prepares the full export, says its size and what it holds, and downloads it as one file', async () => {
    await page.goto('/settings/export');
    await waitForPage(page, 'Settings');
    await page.getByRole('button', { name: 'Prepare the export' }).click();
    const ready = page.getByRole('status').filter({ hasText: 'Ready:' });
    await ready.waitFor();
    expect(await ready.textContent()).toMatch(/Ready: [\d.,]+ (bytes|KB|MB), [\d,]+ records/);
    const link = page.getByRole('link', { name: 'Download the file' });
    expect(await link.getAttribute('download')).toMatch(/^closer-export-/);
    const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(saved.suggestedFilename()).toMatch(/^closer-export-\d{4}-\d{2}-\d{2}\.json$/);
    const x = JSON.parse(readFileSync((await saved.path())!, 'utf8')) as { format: string; counts: { users: number }; users: unknown[] };
    expect(x.format).toBe('closer-company-export');
    expect(x.users).toHaveLength(x.counts.users);
    await page.getByRole('list', { name: 'What the file holds' }).getByText(`People who use Closer: ${x.counts.users}`).waitFor();
  });
});
