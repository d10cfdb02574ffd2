import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { createUserThroughApi, signInThroughApi } from './support/factories.js';
import { pipelineApi } from './support/pipeline-api.js';
import type { TestServer } from './support/server.js';
import { ownerSessionPerTest } from './support/owner-session.js';

const DAY_MS = 86_400_000;

describeBrowser('pipeline journey', (browser) => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let api: ReturnType<typeof pipelineApi>;
  let csrf: string;

  const session = ownerSessionPerTest(browser);
  beforeEach(() => {
    ({ server, context, page, csrfToken: csrf } = session());
    api = pipelineApi(context.request, csrf);
  });

  it('adds a candidate contacted 12 days ago to a role, sees the breach on Today and clears it in one click', async () => {
    const role = await api.role('Founding ML Engineer');
    const twelveDaysAgo = new Date(Date.now() - 12 * DAY_MS).toISOString().slice(0, 10);

    await page.goto(`/candidates/new?role=${role.id}`);
    await waitForPage(page, 'Add candidate');
    await page.getByLabel('Name', { exact: true }).fill('Ada Quinn');
    await page.getByLabel('E-mail', { exact: true }).fill('ada.quinn@example.com');
    await page.getByLabel('Source', { exact: true }).selectOption({ label: 'Referral' });
    expect(await page.getByLabel('Role', { exact: true }).inputValue()).toBe(role.id);
    await page.getByLabel('First contact', { exact: true }).selectOption({ label: 'We reached out' });
    await page.getByLabel(/^First contact on/).fill(twelveDaysAgo);
    await page.getByRole('button', { name: 'Add candidate' }).click();

    await waitForPage(page, 'Ada Quinn');
    await page.getByText(/1[12] days since first contact; the target is 10 days \(over target\)/).waitFor();
    await page.getByText(`Outreach sent (email)`).waitFor();

    // Today: one card for Ada (the role names nobody, so she is the owner's), with the critical idle clock and the
    // late 10-day cycle, each with a button that says what it records.
    await page.goto('/today');
    await waitForPage(page, 'Today');
    const card = page.getByRole('listitem', { name: 'Ada Quinn' });
    await card.getByText(/^No activity · 1[12] days · late after 3 days$/).waitFor();
    await card.getByText(/^1[12] days since first contact, past the target of 10 days/).waitFor();
    await card.getByText(/· 1[12] days since first contact$/).waitFor();
    await card.getByText(/^!?Critical$/).waitFor();

    await card.getByRole('button', { name: 'Log that I contacted Ada' }).click();
    await page.getByRole('button', { name: 'Undo: You logged that you contacted Ada' }).waitFor();
    const [application] = (await api.get<{ items: Array<{ id: string }> }>(`/api/v1/applications?roleId=${role.id}`)).items;
    const events = (await api.get<{ items: Array<{ type: string; data: { text?: string } }> }>(`/api/v1/applications/${application!.id}/events`)).items;
    expect(events.map((e) => e.type)).toEqual(['outreach.sent', 'note']);
    expect(events[1]!.data.text).toBe('Contacted Ada Quinn (logged from Today)');
    // The note stopped the idle clock; the cycle keeps running.
    await card.getByText(/^No activity/).waitFor({ state: 'detached' });

    // The cycle item is marked done for today: the card moves to "Done today" and stays there after a reload.
    await card.getByRole('button', { name: 'Log that I set a decision date with Ada' }).click();
    const done = page.getByRole('region', { name: /Done today/ });
    await done.getByText('You logged that you set a decision date with Ada').waitFor();
    await page.reload();
    await waitForPage(page, 'Today');
    await page.getByRole('region', { name: /Done today/ }).getByText('You logged that you set a decision date with Ada').waitFor();
    await page.getByRole('region', { name: /Done today/ }).getByText('You logged that you contacted Ada').waitFor();
    await page.getByRole('heading', { name: 'Nothing is late' }).waitFor();
  });

  it('logs a signal in two clicks and shows its contribution, the timeline and the clocks', async () => {
    const role = await api.role('MLOps Engineer');
    const candidate = await api.candidate('Bo Lindqvist', 'bo@example.com');
    const application = await api.application(candidate.id, role.id);
    await api.event(application.id, { type: 'outreach.sent', occurredAt: new Date(Date.now() - 2 * DAY_MS).toISOString(), data: { channel: 'linkedin' } });

    await page.goto(`/applications/${application.id}`);
    await waitForPage(page, 'Bo Lindqvist');
    await page.getByRole('region', { name: 'Clocks' }).getByText('Time since first contact').waitFor();

    await page.getByRole('button', { name: 'Log a signal' }).click();
    await page.getByRole('menuitem', { name: /Mentioned another offer/ }).click();
    await page.getByText('Logged: Mentioned another offer.').waitFor();
    const risk = page.getByRole('region', { name: /Flight risk/ });
    await risk.getByRole('cell', { name: /Mentioned another offer/ }).waitFor();
    await risk.getByText('Move the offer ahead of the deadline', { exact: false }).waitFor();
    await page.getByRole('region', { name: /Timeline/ }).getByText('Signal logged: Mentioned another offer').waitFor();

    const detail = await api.get<{ risk: { signals: Array<{ type: string }> } }>(`/api/v1/applications/${application.id}`);
    expect(detail.risk.signals.map((s) => s.type)).toEqual(['competing-offer']);
  });

  it('offers the existing record when the e-mail is already known, and uses it for the new role', async () => {
    const first = await api.role('Applied Research Scientist');
    const second = await api.role('AI Product Engineer');
    const existing = await api.candidate('Chen Wei', 'chen@example.com');
    await api.application(existing.id, first.id);

    await page.goto(`/candidates/new?role=${second.id}`);
    await waitForPage(page, 'Add candidate');
    await page.getByLabel('Name', { exact: true }).fill('Wei Chen');
    await page.getByLabel('E-mail', { exact: true }).fill('chen@example.com');
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await page.getByText('This person may already be in Closer').waitFor();
    await page.getByRole('button', { name: 'Use this record for AI Product Engineer' }).click();
    await waitForPage(page, 'Chen Wei');

    const apps = (await api.get<{ items: Array<{ roleId: string }> }>(`/api/v1/applications?candidateId=${existing.id}`)).items;
    expect(apps.map((a) => a.roleId).sort()).toEqual([first.id, second.id].sort());
    expect((await api.get<{ items: unknown[] }>('/api/v1/candidates')).items).toHaveLength(1);
  });

  it('finds candidates by search, role and source on the candidates list', async () => {
    const role = await api.role('Inference Engineer');
    const ada = await api.candidate('Ada Quinn', 'ada@example.com', 'referral');
    await api.candidate('Bo Lindqvist', 'bo@example.com', 'inbound');
    await api.candidate('Cy Adams', 'cy@example.com', 'referral');
    await api.application(ada.id, role.id);

    await page.goto('/candidates');
    await waitForPage(page, 'Candidates');
    const rows = page.getByRole('table', { name: 'Candidates' }).locator('tbody tr');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);

    await page.getByLabel('Search', { exact: true }).fill('lindq');
    await page.getByRole('row', { name: /Bo Lindqvist/ }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 3);

    await page.getByLabel('Source', { exact: true }).selectOption({ label: 'Referral' });
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
    await page.getByLabel('In role (active)').selectOption({ label: 'Inference Engineer' });
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    await page.getByRole('row', { name: /Ada Quinn/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('source')).toBe('referral');
  });

  it('merges a duplicate record into the original, moving its application', async () => {
    const role = await api.role('Data Engineer');
    const original = await api.candidate('Chen Wei', 'chen@example.com');
    const response = await context.request.post('/api/v1/candidates', {
      data: { name: 'Wei Chen', email: 'chen@example.com', source: 'event', allowDuplicate: true },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(response.status()).toBe(201);
    const duplicate = (await response.json()) as { id: string };
    const application = await api.application(duplicate.id, role.id);

    await page.goto(`/candidates/${duplicate.id}`);
    await waitForPage(page, 'Wei Chen');
    await page.getByRole('button', { name: 'Merge into another record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge Wei Chen into…' });
    await dialog.getByRole('button', { name: 'Search' }).click();
    await dialog.getByRole('listitem').filter({ hasText: 'Chen Wei' }).getByRole('button', { name: 'Choose' }).click();
    await dialog.getByRole('button', { name: 'Merge Wei Chen into Chen Wei' }).click();
    await waitForPage(page, 'Chen Wei');
    expect(new URL(page.url()).pathname).toBe(`/candidates/${original.id}`);

    const moved = (await api.get<{ items: Array<{ id: string }> }>(`/api/v1/applications?candidateId=${original.id}`)).items;
    expect(moved.map((a) => a.id)).toEqual([application.id]);
    expect((await api.get<{ mergedIntoId: string | null }>(`/api/v1/candidates/${duplicate.id}`)).mergedIntoId).toBe(original.id);
  });

  it('shows an interviewer the clocks and risk but no pay, no blind-role employer and no write actions', async () => {
    const role = await api.role('Founding ML Engineer');
    const response = await context.request.post('/api/v1/candidates', {
      data: { name: 'Dee Pay', email: 'dee@example.com', source: 'inbound', currentEmployer: 'BigLab', currentCompensation: { base: 250000, bonus: 0, equityAnnual: 90000, currency: 'USD' } },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(response.status()).toBe(201);
    const candidate = (await response.json()) as { id: string };
    const application = await api.application(candidate.id, role.id);
    await api.event(application.id, { type: 'outreach.sent', occurredAt: new Date(Date.now() - 9 * DAY_MS).toISOString(), data: { channel: 'email' } });

    // The owner sees the pay.
    await page.goto(`/candidates/${candidate.id}`);
    await waitForPage(page, 'Dee Pay');
    await page.getByRole('region', { name: 'Details' }).getByText('Current pay').waitFor();

    const interviewer = await createUserThroughApi(context.request, csrf, { name: 'Ivan Interviewer', role: 'interviewer' });
    const other = await newContext(browser(), server.baseUrl);
    try {
      await signInThroughApi(other, interviewer);
      const view = await other.newPage();
      await view.goto(`/candidates/${candidate.id}`);
      await waitForPage(view, 'Dee Pay');
      const details = view.getByRole('region', { name: 'Details' });
      await details.getByText('Hidden (blind review)').waitFor();
      await view.getByRole('region', { name: 'Clocks' }).getByText('Time since first contact').waitFor();
      expect(await details.getByText('Current pay').count()).toBe(0);
      expect(await view.getByText(/250,000|BigLab/).count()).toBe(0);
      expect(await view.getByRole('button', { name: 'Log a signal' }).count()).toBe(0);

      // An interviewer's Today is their own work only: Dee Pay's idle clock is on the owner's, not on theirs.
      await page.goto('/today');
      await waitForPage(page, 'Today');
      await page.getByRole('listitem', { name: 'Dee Pay' }).getByText(/^No activity ·/).waitFor();
      await view.goto('/today');
      await waitForPage(view, 'Today');
      await view.getByRole('heading', { name: 'No scorecard is overdue' }).waitFor();
      expect(await view.getByRole('listitem', { name: 'Dee Pay' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
