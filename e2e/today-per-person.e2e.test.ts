import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { createUserThroughApi, setUpWorkspace, signInThroughApi, type Credentials } from './support/factories.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

const HOUR_MS = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR_MS).toISOString();
const BAND = { baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' };
const TERMS = {
  currency: 'USD',
  base: 250_000, // above the band: approvers decide
  equity: { kind: 'ISO', shares: 75_000, fullyDilutedShares: 10_000_000, strike: 0.5, vesting: { preset: 'standard-4y-1y-cliff-monthly' } },
  lastPostMoney: 20_000_000,
  startDate: '2027-01-04',
};

async function send(request: APIRequestContext, csrf: string, method: 'post' | 'put', url: string, data: unknown): Promise<any> {
  const response = await request[method](url, { data, headers: { 'X-CSRF-Token': csrf } });
  if (response.status() >= 300) throw new Error(`${method.toUpperCase()} ${url}: ${response.status()} ${await response.text()}`);
  return response.json();
}

describeBrowser('Today for each person', (browser) => {
  let server: TestServer;
  const contexts: BrowserContext[] = [];

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await server?.close();
  });

  async function signedIn(who: Credentials): Promise<{ context: BrowserContext; page: Page; csrf: string }> {
    const context = await newContext(browser(), server.baseUrl);
    contexts.push(context);
    const csrf = await signInThroughApi(context, who);
    return { context, page: await context.newPage(), csrf };
  }

  it('shows the owner, an approver and an interviewer only their work; a click records and is undone; the bell counts and marks read', async () => {
    const owner = await setUpWorkspace(server.baseUrl, { name: 'Olivia Owner' });
    const o = await signedIn(owner);
    const api = o.context.request;
    const dana = await createUserThroughApi(api, o.csrf, { name: 'Dana Approver', role: 'approver' });
    const ivy = await createUserThroughApi(api, o.csrf, { name: 'Ivy Interviewer', role: 'interviewer' });
    const rita = await createUserThroughApi(api, o.csrf, { name: 'Rita Recruiter', role: 'recruiter' });
    await send(api, o.csrf, 'put', '/api/v1/approvals/settings', { approverIds: [dana.id], mode: 'parallel' });

    // A role nobody runs: Ada has been quiet for five days (the owner's work).
    const open = await send(api, o.csrf, 'post', '/api/v1/roles', { title: 'Research Engineer', seniority: 'senior' });
    const ada = await send(api, o.csrf, 'post', '/api/v1/candidates', { name: 'Ada Quinn', email: `ada-${Date.now()}@example.com`, source: 'referral', allowDuplicate: true });
    const adaApp = await send(api, o.csrf, 'post', '/api/v1/applications', { roleId: open.id, candidateId: ada.id });
    await send(api, o.csrf, 'post', `/api/v1/applications/${adaApp.id}/events`, { type: 'outreach.sent', occurredAt: ago(5 * 24), data: { channel: 'email' } });

    // A role Rita runs: Rahul's offer has waited 30 h for Dana, and Ivy's scorecard of his final interview is overdue.
    const run = await send(api, o.csrf, 'post', '/api/v1/roles', { title: 'MLOps Lead', seniority: 'senior', recruiterId: rita.id, band: BAND });
    const rahul = await send(api, o.csrf, 'post', '/api/v1/candidates', { name: 'Rahul Mehta', email: `rahul-${Date.now()}@example.com`, source: 'outbound', allowDuplicate: true });
    const rahulApp = await send(api, o.csrf, 'post', '/api/v1/applications', { roleId: run.id, candidateId: rahul.id });
    await send(api, o.csrf, 'post', `/api/v1/applications/${rahulApp.id}/events`, { type: 'outreach.sent', occurredAt: ago(6 * 24), data: { channel: 'linkedin' } });
    const interview = await send(api, o.csrf, 'post', `/api/v1/applications/${rahulApp.id}/interviews`, { kind: 'onsite', interviewerIds: [ivy.id], scheduledAt: ago(32), final: true });
    await send(api, o.csrf, 'post', `/api/v1/interviews/${interview.id}/complete`, { occurredAt: ago(30) });
    await send(api, o.csrf, 'post', `/api/v1/applications/${rahulApp.id}/events`, { type: 'offer.approval-requested', occurredAt: ago(30), data: { offerId: 'offer-sent-by-mail', approverIds: [dana.id] } });

    // Two offers outside the band sent for approval just now: Dana is notified of each.
    for (const name of ['Cleo Park', 'Dev Shah']) {
      const c = await send(api, o.csrf, 'post', '/api/v1/candidates', { name, email: `${name.split(' ')[0]}-${Date.now()}@example.com`, source: 'inbound', allowDuplicate: true });
      const a = await send(api, o.csrf, 'post', '/api/v1/applications', { roleId: run.id, candidateId: c.id });
      const offer = await send(api, o.csrf, 'post', `/api/v1/applications/${a.id}/offers`, TERMS);
      await send(api, o.csrf, 'post', `/api/v1/offers/${offer.id}/submit`, {});
    }

    // The owner: "For you" has Ada only (Rahul's role is Rita's); "Everything" has both.
    const page = o.page;
    await page.goto('/today');
    await waitForPage(page, 'Today');
    const adaCard = page.getByRole('listitem', { name: 'Ada Quinn' });
    await adaCard.getByText('Nobody runs Research Engineer, so it falls to owners and admins').waitFor();
    await adaCard.getByText(/^No activity · 5 days · late after 3 days$/).waitFor();
    expect(await page.getByRole('listitem', { name: 'Rahul Mehta' }).count()).toBe(0);
    await page.getByRole('button', { name: /^Everything/ }).click();
    const rahulCard = page.getByRole('listitem', { name: 'Rahul Mehta' });
    await rahulCard.getByRole('button', { name: "Mark Ivy Interviewer's scorecard chased" }).waitFor();
    await rahulCard.getByRole('button', { name: 'Log that I chased Dana Approver for the approval' }).waitFor();
    // j / k move from card to card (Ada's idle clock is further past its target, so her card comes first).
    await adaCard.getByRole('button', { name: 'Log that I contacted Ada' }).focus();
    await page.keyboard.press('j');
    expect(await rahulCard.evaluate((el) => el.contains(document.activeElement) && document.activeElement !== el)).toBe(true);
    await page.keyboard.press('k');
    expect(await adaCard.getByRole('button', { name: 'Log that I contacted Ada' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'For you' }).click();
    await rahulCard.waitFor({ state: 'detached' });

    // A click records what it says; Undo (focused, announced) takes it back.
    await adaCard.getByRole('button', { name: 'Log that I contacted Ada' }).click();
    const undo = page.getByRole('button', { name: 'Undo: You logged that you contacted Ada' });
    await undo.waitFor();
    await page.getByRole('status').filter({ hasText: 'You logged that you contacted Ada. You can undo it for a minute.' }).waitFor({ state: 'attached' });
    expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true);
    const timeline = async () => ((await (await api.get(`/api/v1/applications/${adaApp.id}/events`)).json()).items as Array<{ type: string; data: { text?: string } }>).map((e) => e.data.text ?? e.type);
    expect(await timeline()).toEqual(['outreach.sent', 'Contacted Ada Quinn (logged from Today)']);
    await page.keyboard.press('Enter');
    const again = adaCard.getByRole('button', { name: 'Log that I contacted Ada' });
    await again.waitFor();
    await page.getByRole('status').filter({ hasText: 'Undone: You logged that you contacted Ada.' }).waitFor({ state: 'attached' });
    expect(await timeline()).toEqual(['outreach.sent']);

    // Done again, it stays done after a reload and in another browser: the mark is on the server.
    await again.click();
    await undo.waitFor();
    await page.reload();
    await waitForPage(page, 'Today');
    const doneToday = page.getByRole('region', { name: /Done today/ });
    await doneToday.getByText('You logged that you contacted Ada').waitFor();
    const elsewhere = await signedIn(owner);
    await elsewhere.page.goto('/today');
    await waitForPage(elsewhere.page, 'Today');
    await elsewhere.page.getByRole('region', { name: /Done today/ }).getByText('You logged that you contacted Ada').waitFor();
    await elsewhere.page.getByRole('heading', { name: 'Nothing needs you right now' }).waitFor();

    // The approver: only the approval, as a link to review it; no "Everything"; no Ada.
    const d = await signedIn(dana);
    await d.page.goto('/today');
    await waitForPage(d.page, 'Today');
    const danaCard = d.page.getByRole('listitem', { name: 'Rahul Mehta' });
    await danaCard.getByRole('link', { name: 'Review the offer for Rahul' }).waitFor();
    expect(await danaCard.getByRole('button').count()).toBe(0);
    expect(await d.page.getByRole('listitem', { name: 'Ada Quinn' }).count()).toBe(0);
    expect(await d.page.getByRole('button', { name: /^Everything/ }).count()).toBe(0);
    expect(await danaCard.getByText('Scorecard due').count()).toBe(0);

    // The interviewer: only the overdue scorecard, as a link that opens the scorecard form.
    const i = await signedIn(ivy);
    await i.page.goto('/today');
    await waitForPage(i.page, 'Today');
    const ivyCard = i.page.getByRole('listitem', { name: 'Rahul Mehta' });
    await ivyCard.getByText('Your scorecard is overdue').waitFor();
    expect(await ivyCard.getByText('Offer approval').count()).toBe(0);
    expect(await i.page.getByRole('listitem', { name: 'Ada Quinn' }).count()).toBe(0);
    await ivyCard.getByRole('link', { name: 'Write your scorecard for Rahul' }).click();
    await waitForPage(i.page, 'Scorecard: Rahul Mehta');
    expect(new URL(i.page.url()).pathname).toBe(`/interviews/${interview.id}/scorecard`);

    // The bell: Dana has two unread notifications; one is marked read, then all.
    const bell = d.page.getByRole('button', { name: 'Notifications, 2 unread' });
    await bell.click();
    const panel = d.page.getByRole('region', { name: 'Notifications' });
    await panel.getByRole('link', { name: /Cleo Park/ }).waitFor();
    await panel.getByRole('button', { name: /^Mark read: .*Cleo Park/ }).click();
    await d.page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await d.page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    expect(await panel.getByRole('button', { name: /^Mark read/ }).count()).toBe(0);
    await d.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await d.page.getByRole('button', { name: 'Notifications, none unread' }).evaluate((el) => el === document.activeElement)).toBe(true);
  });
  it('a visitor applies on the public job board from a phone, and the applicant reaches the recruiter\'s Today', async () => {
    const owner = await setUpWorkspace(server.baseUrl, { name: 'Olivia Owner' });
    const o = await signedIn(owner);
    const api = o.context.request;
    const rita = await createUserThroughApi(api, o.csrf, { name: 'Rita Recruiter', role: 'recruiter' });
    // The default reply target (24 h): the applicant must be on Today long before the reply clock is late.
    const role = await send(api, o.csrf, 'post', '/api/v1/roles', { title: 'Senior ML Engineer', seniority: 'senior', specializations: ['mlops'], recruiterId: rita.id, band: BAND });
    const body = { title: 'Senior ML Engineer', publicText: 'Own model deployment, Kubernetes serving and drift monitoring for our ranking models.\n\nWe have 120 K USD of GPU credits.', location: 'Berlin', remotePolicy: 'hybrid', signals: [{ id: 'compute-budget-stated', text: '120 K USD of GPU credits for 2027' }], questions: [{ id: 'shipped', label: 'What have you shipped?', required: true }] };
    await send(api, o.csrf, 'put', `/api/v1/roles/${role.id}/posting`, body);
    const published = await api.post(`/api/v1/roles/${role.id}/posting/publish`, { data: { acknowledgeFindings: true }, headers: { 'X-CSRF-Token': o.csrf, 'If-Match': '"1"' } });
    expect(published.status()).toBe(200);

    // The visitor: no account, a phone-sized screen, no JavaScript needed.
    const visitor = await newContext(browser(), server.baseUrl, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, javaScriptEnabled: false });
    contexts.push(visitor);
    const phone = await visitor.newPage();
    await phone.goto('/jobs');
    await phone.getByRole('heading', { level: 1, name: /Open jobs at/ }).waitFor();
    await phone.getByRole('link', { name: 'Senior ML Engineer' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Senior ML Engineer' }).waitFor();
    await phone.getByText('Base 180,000–220,000 USD a year').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.getByLabel('Your name').fill('Grace Applicant');
    await phone.getByLabel('E-mail').fill(`grace-${Date.now()}@example.com`);
    await phone.getByLabel(/^Links/).fill('https://github.com/grace');
    await phone.getByLabel(/^CV/).setInputFiles({ name: 'grace.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
    await phone.getByLabel('What have you shipped?').fill('A ranking model serving two million people.');
    await phone.getByLabel(/^Keep my application/).check();
    await phone.getByRole('button', { name: 'Send application' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();

    // The recruiter who runs the role, right after (no clock moved, no reload): the applicant is on her Today as a new
    // applicant, with the one next action in plain words and the reply to log.
    const r = await signedIn({ email: rita.email, password: rita.password });
    await r.page.goto('/today');
    await waitForPage(r.page, 'Today');
    const card = r.page.getByRole('listitem', { name: 'Grace Applicant' });
    await card.getByText('New applicant').waitFor();
    await card.getByText("Review Grace Applicant's application and reply within 24 h").waitFor();
    expect(await card.textContent()).not.toMatch(/reply\.to-candidate|Late/);
    await card.getByRole('button', { name: 'Log that we replied to Grace' }).click();
    await r.page.getByText('You logged that the team replied to Grace').first().waitFor();
  });
});
