import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { createUserThroughApi, setUpWorkspace, signInThroughApi } from './support/factories.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

async function send(request: APIRequestContext, csrf: string, method: 'post' | 'put', url: string, data: unknown): Promise<any> {
  const response = await request[method](url, { data, headers: { 'X-CSRF-Token': csrf } });
  if (response.status() >= 300) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return response.json();
}

describeBrowser('offer journey', (browser) => {
  let server: TestServer;
  let ownerContext: BrowserContext;
  let approverContext: BrowserContext | undefined;
  let page: Page;

  beforeEach(async () => {
    server = await startServer();
    ownerContext = await newContext(browser(), server.baseUrl);
    page = await ownerContext.newPage();
  });

  afterEach(async () => {
    await approverContext?.close();
    await ownerContext?.close();
    await server?.close();
  });

  it('goes from the final interview to an approved offer: scorecard, offer outside the band, approval from the inbox, trail', async () => {
    // Set up through the API: an approver, a role with a board-approved band, a candidate, an application,
    // and a final interview an hour ago with the signed-in owner as interviewer.
    const owner = await setUpWorkspace(server.baseUrl, { name: 'Olivia Owner' });
    const csrf = await signInThroughApi(ownerContext, owner);
    const request = ownerContext.request;
    const approver = await createUserThroughApi(request, csrf, { name: 'Abe Approver', role: 'approver' });
    const company = await request.get('/api/v1/company');
    const figures = await request.patch('/api/v1/company', { data: { lastPostMoney: 20_000_000, fullyDilutedShares: 10_000_000, strikePrice: 0.5 }, headers: { 'X-CSRF-Token': csrf, 'If-Match': company.headers()['etag']! } });
    expect(figures.status()).toBe(200);
    await send(request, csrf, 'put', '/api/v1/approvals/settings', { approverIds: [approver.id], mode: 'sequential' });
    const session = await (await request.get('/api/v1/session')).json();
    const role = await send(request, csrf, 'post', '/api/v1/roles', {
      title: 'Staff ML Engineer',
      seniority: 'staff+',
      specializations: ['mlops'],
      band: { baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' },
    });
    const candidate = await send(request, csrf, 'post', '/api/v1/candidates', { name: 'Katherine Johnson', email: `kj-${Date.now()}@example.com`, source: 'referral', allowDuplicate: true });
    const application = await send(request, csrf, 'post', '/api/v1/applications', { roleId: role.id, candidateId: candidate.id });
    const interview = await send(request, csrf, 'post', `/api/v1/applications/${application.id}/interviews`, {
      kind: 'onsite',
      interviewerIds: [session.user.id],
      scheduledAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
      final: true,
    });

    // 1. The scorecard, in the UI.
    await page.goto('/interviews');
    await waitForPage(page, 'Interviews');
    await page.getByRole('link', { name: 'Katherine Johnson', exact: true }).click();
    await waitForPage(page, 'Scorecard: Katherine Johnson');
    await page.getByRole('group', { name: 'Production deployment' }).getByRole('radio', { name: /^4/ }).check();
    await page.getByLabel('Evidence for Production deployment').fill('Took a retrieval model from notebook to a monitored A/B test');
    await page.getByRole('group', { name: 'MLOps ownership' }).getByRole('radio', { name: /^3/ }).check();
    await page.getByLabel('Evidence for MLOps ownership').fill('Owns the model registry and deployment pipeline');
    await page.getByRole('group', { name: 'Overall recommendation' }).getByRole('radio', { name: 'Strong yes' }).check();
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    await page.getByRole('heading', { name: 'Your scorecard is in' }).waitFor();
    const card = await (await request.get(`/api/v1/interviews/${interview.id}/scorecard`)).json();
    expect(card.scorecard).toMatchObject({ status: 'submitted', recommendation: 'strong-yes' });

    // 2. The decision view, then an offer outside the band (base above 220,000), in the UI.
    await page.getByRole('link', { name: 'See the decision view for this candidate' }).click();
    await waitForPage(page, 'Decision: Katherine Johnson');
    await page.getByRole('cell', { name: /notebook to a monitored A\/B test/ }).waitFor();
    await page.getByRole('link', { name: 'Draft offer' }).click();
    await waitForPage(page, 'Draft offer: Katherine Johnson');
    const base = page.getByLabel('Base salary', { exact: true });
    expect(await base.inputValue()).toBe('200000'); // the middle of the band
    await base.fill('260000');
    await page.getByRole('button', { name: 'Save as offer' }).click();
    await waitForPage(page, 'Offer to Katherine Johnson');
    const offerId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: 'Evaluation' }).waitFor();
    await page.getByText('Outside the band the board approved for this role: approvers decide.').waitFor();

    // 3. Submit for approval.
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    const submit = page.getByRole('dialog', { name: 'Submit the offer to Katherine Johnson for approval?' });
    await submit.getByRole('button', { name: 'Submit for approval' }).click();
    await submit.waitFor({ state: 'hidden' });
    const trail = page.getByRole('region', { name: 'Approval' });
    await trail.getByText('Abe Approver').waitFor();
    await trail.getByText(/Waiting (<1|\d+) h/).first().waitFor();
    await trail.getByText(/Approval clock/).first().waitFor();
    expect((await (await request.get(`/api/v1/offers/${offerId}`)).json()).status).toBe('pending-approval');

    // 4. The approver signs in and approves from the inbox.
    approverContext = await newContext(browser(), server.baseUrl);
    await signInThroughApi(approverContext, approver);
    const approverPage = await approverContext.newPage();
    await approverPage.goto('/offers/approvals');
    await waitForPage(approverPage, 'Approvals');
    const item = approverPage.getByRole('listitem').filter({ hasText: 'Katherine Johnson' });
    await item.getByText(/Waiting (<1|\d+) h/).first().waitFor();
    // "sent ..." is the moment the version went for approval, as the inbox list reports it.
    const inboxItems = (await (await approverPage.request.get('/api/v1/approvals')).json()).items as Array<{ id: string; requestedAt: string }>;
    const requestedAt = inboxItems.find((o) => o.id === offerId)?.requestedAt;
    expect(requestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await item.locator('time').first().getAttribute('datetime')).toBe(new Date(requestedAt!).toISOString());
    await item.getByRole('button', { name: 'Approve the offer to Katherine Johnson' }).click();
    const confirm = approverPage.getByRole('dialog', { name: 'Approve the offer to Katherine Johnson?' });
    await confirm.getByLabel('Comment').fill('Worth it for this hire.');
    await confirm.getByRole('button', { name: 'Approve' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await approverPage.getByText('Approved the offer to Katherine Johnson; it is ready to extend.').waitFor();
    await approverPage.getByRole('heading', { name: 'Nothing waits for you' }).waitFor();

    // 5. The offer page shows it approved, with the trail.
    await page.reload();
    await waitForPage(page, 'Offer to Katherine Johnson');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.page-header').getByText(/Approved/).waitFor();
    const approvedTrail = page.getByRole('region', { name: 'Approval' });
    const row = approvedTrail.getByRole('listitem').filter({ hasText: 'Abe Approver' });
    await row.locator('.badge', { hasText: 'Approved' }).waitFor();
    await row.getByText('Worth it for this hire.').waitFor();
    await page.getByRole('button', { name: 'Mark extended to candidate' }).waitFor();
    expect((await (await request.get(`/api/v1/offers/${offerId}`)).json()).status).toBe('approved');

    // The candidate-facing summary: the PDF export link answers with a PDF.
    const pdfHref = await page.getByRole('link', { name: 'Export PDF' }).getAttribute('href');
    const pdf = await request.get(pdfHref!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('saves notification choices and the company SMTP and chat settings without showing the secrets again', async () => {
    const owner = await setUpWorkspace(server.baseUrl);
    await signInThroughApi(ownerContext, owner);
    await page.goto('/settings/notifications');
    await page.getByRole('heading', { name: 'Your notifications' }).waitFor();
    expect(await page.getByLabel('In the app').isDisabled()).toBe(true);
    await page.getByLabel('Chat', { exact: true }).uncheck();
    await page.getByLabel('E-mail timing').selectOption('daily');
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await page.getByText('Your notification choices are saved.').waitFor();
    expect(await (await page.request.get('/api/v1/notifications/preferences')).json()).toEqual({ inApp: true, email: true, chat: false, digest: 'daily' });

    const password = 'smtp-Secret-4821';
    const webhook = 'https://hooks.example.com/services/T000/B000/WEBHOOKSECRETPATH';
    await page.getByLabel('Send e-mail through an SMTP relay').check();
    await page.getByLabel('SMTP host').fill('127.0.0.1');
    await page.getByLabel('SMTP port').fill('2525');
    await page.getByLabel('From address').fill('closer@example.com');
    await page.getByLabel('SMTP user').fill('mailer');
    await page.getByLabel('SMTP password').fill(password);
    await page.getByLabel('Post to a chat webhook (Slack-compatible)').check();
    await page.getByLabel('Webhook URL').fill(webhook);
    await page.getByRole('button', { name: 'Save delivery settings' }).click();
    await page.getByText('Delivery settings saved.').waitFor();
    const stored = await (await page.request.get('/api/v1/notifications/settings')).json();
    expect(stored.email).toMatchObject({ host: '127.0.0.1', port: 2525, from: 'closer@example.com', user: 'mailer', hasPassword: true });
    expect(stored.chat).toEqual({ webhookUrl: webhook });

    await page.reload();
    await page.getByText('A password is stored. Leave blank to keep it.').waitFor();
    expect(await page.getByLabel('SMTP password').inputValue()).toBe('');
    expect(await page.getByLabel('Webhook URL').inputValue()).toBe('');
    const html = await page.content();
    expect(html).not.toContain(password);
    expect(html).not.toContain('WEBHOOKSECRETPATH');

    // Saving again with the secrets left blank keeps them.
    await page.getByLabel('SMTP port').fill('2526');
    await page.getByRole('button', { name: 'Save delivery settings' }).click();
    await page.getByText('Delivery settings saved.').waitFor();
    const again = await (await page.request.get('/api/v1/notifications/settings')).json();
    expect(again.email).toMatchObject({ port: 2526, hasPassword: true });
    expect(again.chat).toEqual({ webhookUrl: webhook });
  });
});
