import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { createUserThroughApi, setUpWorkspace, signInThroughApi } from './support/factories.js';
import type { WorkspaceOwner } from './support/factories.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

/** Numbers planted in compensation fields; no interviewer page may show them in any format. */
const PLANTED_CURRENT_BASE = 987_654;
const PLANTED_OFFER_BASE = 765_432;
const PLANTED_EMPLOYER = 'Plantedmind Labs';

async function post(request: APIRequestContext, csrf: string, url: string, data: unknown): Promise<any> {
  const response = await request.post(url, { data, headers: { 'X-CSRF-Token': csrf } });
  if (response.status() >= 300) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** A role with a band, a candidate with planted pay and employer, their application, and a blind technical screen an hour ago. */
async function setUpInterview(request: APIRequestContext, csrf: string, interviewerId: string) {
  const role = await post(request, csrf, '/api/v1/roles', {
    title: 'ML Platform Engineer',
    seniority: 'senior',
    specializations: ['mlops'],
    band: { baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' },
  });
  const candidate = await post(request, csrf, '/api/v1/candidates', {
    name: 'Grace Hopper',
    email: `grace-${Date.now()}@example.com`,
    source: 'outbound',
    currentEmployer: PLANTED_EMPLOYER,
    currentCompensation: { base: PLANTED_CURRENT_BASE, bonus: 12_345, equityAnnual: 54_321, currency: 'USD' },
    allowDuplicate: true,
  });
  const application = await post(request, csrf, '/api/v1/applications', { roleId: role.id, candidateId: candidate.id });
  const interview = await post(request, csrf, `/api/v1/applications/${application.id}/interviews`, {
    kind: 'technical-screen',
    interviewerIds: [interviewerId],
    scheduledAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
  });
  return { role, candidate, application, interview };
}

const pageText = (page: Page) => page.locator('body').innerText();

function expectNoCompensation(text: string): void {
  for (const n of [PLANTED_CURRENT_BASE, PLANTED_OFFER_BASE]) {
    expect(text).not.toContain(String(n));
    expect(text).not.toContain(n.toLocaleString('en-US'));
    expect(text).not.toContain(`${Math.round(n / 1000)}k`);
    expect(text).not.toContain(`${Math.round(n / 1000)}K`);
  }
}

describeBrowser('scorecard', (browser) => {
  let server: TestServer;
  let owner: WorkspaceOwner;
  let ownerContext: BrowserContext;
  let ownerCsrf: string;
  let context: BrowserContext;
  let page: Page;
  let setup: Awaited<ReturnType<typeof setUpInterview>>;

  beforeEach(async () => {
    server = await startServer();
    owner = await setUpWorkspace(server.baseUrl);
    ownerContext = await newContext(browser(), server.baseUrl);
    ownerCsrf = await signInThroughApi(ownerContext, owner);
    const interviewer = await createUserThroughApi(ownerContext.request, ownerCsrf, { name: 'Ivan Interviewer', role: 'interviewer' });
    setup = await setUpInterview(ownerContext.request, ownerCsrf, interviewer.id);
    context = await newContext(browser(), server.baseUrl);
    await signInThroughApi(context, interviewer);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
    await ownerContext?.close();
    await server?.close();
  });

  it('autosaves the draft to the server, and the draft survives a reload', async () => {
    await page.goto('/interviews');
    await waitForPage(page, 'Interviews');
    await page.getByRole('link', { name: 'Grace Hopper', exact: true }).click();
    await waitForPage(page, 'Scorecard: Grace Hopper');
    await page.getByText('Draft saves as you type.').waitFor();

    const firstGroup = page.getByRole('group', { name: 'MLOps ownership' });
    const three = firstGroup.getByRole('radio', { name: /^3/ });
    // Keyboard: focus a rating and press 3.
    await firstGroup.getByRole('radio', { name: /^1/ }).focus();
    await page.keyboard.press('3');
    expect(await three.isChecked()).toBe(true);
    await page.getByLabel('Evidence for MLOps ownership').fill('Ran the training pipeline and model registry for two years');
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();

    const saved = await (await page.request.get(`/api/v1/interviews/${setup.interview.id}/scorecard`)).json();
    expect(saved.scorecard.status).toBe('draft');
    expect(saved.scorecard.ratings).toEqual([{ attributeId: expect.any(String), rating: 3, evidence: 'Ran the training pipeline and model registry for two years' }]);

    // Nothing is kept on the device once the server has the draft: the reload reads the server's copy.
    expect(await page.evaluate((id) => window.localStorage.getItem(`closer.scorecard.${id}`), setup.interview.id)).toBeNull();
    await page.reload();
    await waitForPage(page, 'Scorecard: Grace Hopper');
    expect(await page.getByRole('group', { name: 'MLOps ownership' }).getByRole('radio', { name: /^3/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Evidence for MLOps ownership').inputValue()).toBe('Ran the training pipeline and model registry for two years');

    // Pedigree-blind screen: no employer for this interviewer until their card is in.
    expect(await pageText(page)).not.toContain(PLANTED_EMPLOYER);
    await page.getByText('Pedigree-blind').waitFor();
  });

  it('names the attribute missing evidence on submit, then submits; no interviewer page shows compensation', async () => {
    // The owner drafts an offer with a planted base: the positive control that the number is real and visible to staff.
    const offer = await post(ownerContext.request, ownerCsrf, `/api/v1/applications/${setup.application.id}/offers`, {
      currency: 'USD',
      base: PLANTED_OFFER_BASE,
      equity: { kind: 'ISO', shares: 75_000, fullyDilutedShares: 10_000_000, strike: 0.5, vesting: { preset: 'standard-4y-1y-cliff-monthly' } },
      lastPostMoney: 20_000_000,
    });
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(`/offers/${offer.id}`);
    await waitForPage(ownerPage, 'Offer to Grace Hopper');
    expect(await pageText(ownerPage)).toContain(PLANTED_OFFER_BASE.toLocaleString('en-US'));

    await page.goto(`/interviews/${setup.interview.id}/scorecard`);
    await waitForPage(page, 'Scorecard: Grace Hopper');
    expectNoCompensation(await pageText(page));

    const group = page.getByRole('group', { name: 'Production deployment' });
    await group.getByRole('radio', { name: /^4/ }).check();
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'before submitting' });
    await problems.getByText(/Production deployment: add a line of evidence/).waitFor();
    await problems.getByText(/Choose an overall recommendation/).waitFor();
    expect(await page.getByLabel('Evidence for Production deployment').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Evidence for Production deployment').fill('Shipped a ranking model behind an A/B test and ran its on-call');
    await page.getByRole('group', { name: 'Overall recommendation' }).getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    await page.getByRole('heading', { name: 'Your scorecard is in' }).waitFor();
    expectNoCompensation(await pageText(page));

    // After submitting, the employer shows and the decision view opens, still without pay.
    await page.reload();
    await page.getByRole('heading', { name: 'Your scorecard is in' }).waitFor();
    await page.getByText(PLANTED_EMPLOYER).waitFor();
    await page.getByRole('link', { name: 'See the decision view for this candidate' }).click();
    await waitForPage(page, 'Decision: Grace Hopper');
    await page.getByRole('cell', { name: /Shipped a ranking model/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Draft offer' }).count()).toBe(0);
    expectNoCompensation(await pageText(page));

    for (const path of ['/interviews', '/offers', `/offers/${offer.id}`, '/offers/approvals']) {
      await page.goto(path);
      await page.locator('#main h1').waitFor();
      await page.locator('#main [role="status"]', { hasText: /Loading/ }).waitFor({ state: 'detached' });
      expectNoCompensation(await pageText(page));
    }
    await ownerPage.close();
  });
});
