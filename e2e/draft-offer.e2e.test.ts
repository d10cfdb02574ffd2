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

/** The candidate page's next step for the application: waits until it reads `title`. */
async function expectNextStep(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  const panel = page.getByRole('region', { name: 'Next step' });
  await panel.getByTestId('next-step-title').filter({ hasText: title }).waitFor();
}

describeBrowser('one path from candidate to signed offer', (browser) => {
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

  it('drafts the offer from the decision view pre-filled from band, company and current pay, then submits, approves, extends and records it accepted; the next step follows', async () => {
    // Through the API: an approver, a role with a board-approved band, a candidate with current pay, their
    // application, and a final interview an hour ago with the owner as interviewer, held and scored.
    const owner = await setUpWorkspace(server.baseUrl, { name: 'Olivia Owner' });
    const csrf = await signInThroughApi(ownerContext, owner);
    const request = ownerContext.request;
    const approver = await createUserThroughApi(request, csrf, { name: 'Abe Approver', role: 'approver' });
    await send(request, csrf, 'put', '/api/v1/approvals/settings', { approverIds: [approver.id], mode: 'parallel' });
    const me = (await (await request.get('/api/v1/session')).json()).user;
    const role = await send(request, csrf, 'post', '/api/v1/roles', {
      title: 'Staff ML Engineer',
      seniority: 'staff+',
      specializations: ['mlops'],
      band: { baseMin: 220_000, baseMax: 260_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' },
    });
    const candidate = await send(request, csrf, 'post', '/api/v1/candidates', {
      name: 'Ada Park',
      email: `ada-${Date.now()}@example.com`,
      source: 'referral',
      allowDuplicate: true,
      currentCompensation: { base: 250_000, bonus: 30_000, equityAnnual: 150_000, currency: 'USD' },
    });
    const application = await send(request, csrf, 'post', '/api/v1/applications', { roleId: role.id, candidateId: candidate.id });
    await send(request, csrf, 'post', `/api/v1/applications/${application.id}/events`, { type: 'application.received', data: { source: 'referral' } });
    const interview = await send(request, csrf, 'post', `/api/v1/applications/${application.id}/interviews`, {
      kind: 'onsite',
      interviewerIds: [me.id],
      scheduledAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
      final: true,
    });
    const candidatePage = `/candidates/${candidate.id}?application=${application.id}`;

    await expectNextStep(page, candidatePage, 'Mark the onsite as held');
    await send(request, csrf, 'post', `/api/v1/interviews/${interview.id}/complete`, {});
    await expectNextStep(page, candidatePage, 'Submit your scorecard for the onsite');
    await send(request, csrf, 'post', `/api/v1/interviews/${interview.id}/scorecard/submit`, {
      ratings: [
        { attributeId: 'production-deployment', rating: 4, evidence: 'Took a ranking model to a monitored A/B test.' },
        { attributeId: 'mlops-ownership', rating: 4, evidence: 'Owns the training platform and registry.' },
      ],
      recommendation: 'strong-yes',
    });

    // 1. Decide: the candidate page sends us to the decision view, whose primary action is "Draft offer".
    await expectNextStep(page, candidatePage, 'Decide on Ada Park');
    await page.getByRole('region', { name: 'Next step' }).getByRole('link', { name: 'Open the decision view' }).click();
    await waitForPage(page, 'Decision: Ada Park');
    await page.getByRole('link', { name: 'Draft offer' }).click();
    await waitForPage(page, 'Draft offer: Ada Park');

    // 2. The company's figures are asked for where they first matter, and saved to the profile.
    const missing = page.getByRole('region', { name: 'Missing for this offer' });
    await missing.getByText(/fully diluted share count is not recorded/).waitFor();
    await missing.getByLabel('Last post-money valuation (USD)').fill('22M');
    await missing.getByLabel('Fully diluted shares').fill('10,000,000');
    await missing.getByLabel('Strike per share, 409A price (USD)').fill('0.42');
    await missing.getByRole('button', { name: 'Save to the company profile' }).click();
    await missing.waitFor({ state: 'detached' });
    const company = await (await request.get('/api/v1/company')).json();
    expect(company).toMatchObject({ lastPostMoney: 22_000_000, fullyDilutedShares: 10_000_000, strikePrice: 0.42 });

    // 3. Every figure is pre-filled and says where it came from.
    const form = page.getByRole('form', { name: 'Offer inputs' });
    const field = (name: string | RegExp) => form.getByRole('textbox', { name, exact: true });
    const base = field('Base salary');
    expect(await base.inputValue()).toBe('240000');
    expect(await field('Shares granted').inputValue()).toBe('75000');
    expect(await field('Fully diluted shares').inputValue()).toBe('10000000');
    expect(await field(/^Strike per share/).inputValue()).toBe('0.42');
    expect(await field('Last post-money valuation').inputValue()).toBe('22000000');
    expect(await field('Current base').inputValue()).toBe('250000');
    expect(await base.getAttribute('aria-describedby')).toBeTruthy();
    await form.getByText("From the role's band", { exact: true }).waitFor();
    await form.getByText('From the company profile').first().waitFor();
    await form.getByText("From Ada Park's current pay").first().waitFor();
    const sources = page.getByRole('group').filter({ hasText: 'Where the figures come from' });
    await sources.getByText(/The middle of the band of Staff ML Engineer \(220,000 USD to 260,000 USD\)/).waitFor();
    await sources.getByText(/The middle of the band of Staff ML Engineer \(0.5% to 1% of fully diluted\): 0.75% of 10,000,000 shares/).waitFor();
    await sources.getByText(/current pay from their candidate record/).waitFor();
    // The Web Worker evaluates the pre-filled offer against current pay.
    await page.getByTestId('offer-results').waitFor();

    // 4. Above the band, so it needs the approver; saved as the application's offer.
    await base.fill('270000');
    await form.getByText(/Changed from 240000/).waitFor();
    await page.getByRole('button', { name: 'Save as offer' }).click();
    await waitForPage(page, 'Offer to Ada Park');
    const offerId = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await (await request.get(`/api/v1/offers/${offerId}`)).json();
    expect(saved).toMatchObject({ applicationId: application.id, status: 'draft', base: 270_000, insideBand: false, equity: { shares: 75_000, fullyDilutedShares: 10_000_000, strike: 0.42 } });
    expect(saved.current.evaluation.incumbent.source).toBe('current-pay');

    // 5. Submit for approval.
    await expectNextStep(page, candidatePage, 'Send the offer for approval');
    await page.getByRole('region', { name: 'Next step' }).getByRole('link', { name: 'Send for approval' }).click();
    await waitForPage(page, 'Offer to Ada Park');
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    const submit = page.getByRole('dialog', { name: 'Submit the offer to Ada Park for approval?' });
    await submit.getByRole('button', { name: 'Submit for approval' }).click();
    await submit.waitFor({ state: 'hidden' });
    await expectNextStep(page, candidatePage, 'Chase Abe Approver for the approval');

    // 6. The approver approves, through the API in their own session.
    approverContext = await newContext(browser(), server.baseUrl);
    const approverCsrf = await signInThroughApi(approverContext, approver);
    await send(approverContext.request, approverCsrf, 'post', `/api/v1/offers/${offerId}/approve`, {});
    await expectNextStep(page, candidatePage, 'Extend the offer to Ada Park');

    // 7. Extend it: the primary action on the offer page.
    await page.getByRole('region', { name: 'Next step' }).getByRole('link', { name: 'Extend the offer' }).click();
    await waitForPage(page, 'Offer to Ada Park');
    const extend = page.getByRole('button', { name: 'Mark extended to candidate' });
    expect(await extend.getAttribute('class')).toContain('button-primary');
    await extend.click();
    const confirmExtend = page.getByRole('dialog', { name: 'Mark the offer to Ada Park as extended?' });
    await confirmExtend.getByRole('button', { name: 'Mark extended to candidate' }).click();
    await confirmExtend.waitFor({ state: 'hidden' });
    await expectNextStep(page, candidatePage, "Record Ada Park's answer");

    // 8. Record the answer: accepted closes the loop (hired, the cycle clock stopped).
    await page.getByRole('region', { name: 'Next step' }).getByRole('link', { name: 'Record the answer' }).click();
    await waitForPage(page, 'Offer to Ada Park');
    const accept = page.getByRole('button', { name: 'Mark accepted' });
    expect(await accept.getAttribute('class')).toContain('button-primary');
    await accept.click();
    const confirmAccept = page.getByRole('dialog', { name: 'Mark the offer to Ada Park as accepted?' });
    await confirmAccept.getByRole('button', { name: 'Mark accepted' }).click();
    await page.getByText('Ada Park is hired: the application is closed as hired and its clocks have stopped.').waitFor();
    await expectNextStep(page, candidatePage, 'Ada Park is hired');
    expect(await page.getByRole('region', { name: 'Next step' }).getByRole('link').count()).toBe(0);
    const closed = await (await request.get(`/api/v1/applications/${application.id}`)).json();
    expect(closed.status).toBe('hired');
    expect(closed.clocks.find((c: { id: string }) => c.id === 'cycle.total')).toMatchObject({ state: 'stopped' });
  });
  it('saves the standalone builder\'s what-if offer to an application picked by candidate and role', async () => {
    const owner = await setUpWorkspace(server.baseUrl);
    const csrf = await signInThroughApi(ownerContext, owner);
    const request = ownerContext.request;
    const role = await send(request, csrf, 'post', '/api/v1/roles', { title: 'Inference Engineer', seniority: 'senior' });
    const grace = await send(request, csrf, 'post', '/api/v1/candidates', { name: 'Grace Hopper', email: `grace-${Date.now()}@example.com`, source: 'outbound', allowDuplicate: true });
    const alan = await send(request, csrf, 'post', '/api/v1/candidates', { name: 'Alan Turing', email: `alan-${Date.now()}@example.com`, source: 'outbound', allowDuplicate: true });
    const application = await send(request, csrf, 'post', '/api/v1/applications', { roleId: role.id, candidateId: grace.id });
    await send(request, csrf, 'post', '/api/v1/applications', { roleId: role.id, candidateId: alan.id });

    await page.goto('/offers/builder');
    await waitForPage(page, 'Offer builder');
    await page.getByRole('form', { name: 'Offer inputs' }).getByRole('textbox', { name: /^Strike per share/ }).fill('0.3');
    await page.getByRole('button', { name: 'Save to an application…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save to an application' });
    await dialog.getByLabel('Alan Turing, Inference Engineer').waitFor();
    await dialog.getByLabel('Candidate or role').fill('grace');
    await dialog.getByLabel('Alan Turing, Inference Engineer').waitFor({ state: 'detached' });
    await dialog.getByLabel('Grace Hopper, Inference Engineer').check();
    await dialog.getByRole('button', { name: 'Save as offer' }).click();
    await waitForPage(page, 'Offer to Grace Hopper');
    const offerId = new URL(page.url()).pathname.split('/').pop()!;
    const offer = await (await request.get(`/api/v1/offers/${offerId}`)).json();
    // The example figures on screen: 200,000 base, 50,000 of 10,000,000 shares, a Google RSU offer to compare.
    expect(offer).toMatchObject({ applicationId: application.id, status: 'draft', base: 200_000, equity: { shares: 50_000, fullyDilutedShares: 10_000_000, strike: 0.3 } });
    expect(offer.current.terms.incumbent).toMatchObject({ preset: 'google', base: 220_000, bonusTargetPct: 15, grantValue: 800_000 });
  });
});
