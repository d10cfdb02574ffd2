import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { journeyShots } from './support/journey-shots.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';
import { timeTravel } from './support/travel.js';
import type { TimeTravel } from './support/travel.js';

const DAY_MS = 86_400_000;
const PASSWORD = 'correct horse battery staple';
/** Figures only people who may see pay should ever see: the candidate's current base and the role's band. */
const CURRENT_BASE = 212_345;
const BAND = { low: 190_000, high: 230_000 };
const COMPENSATION_TEXT = [CURRENT_BASE, BAND.low, BAND.high].flatMap((n) => [n.toLocaleString('en-US'), String(n)]);

const DESCRIPTION = `Responsibilities:
- Build and operate our model serving and inference stack on GPUs, with latency budgets and autoscaling.
- Own CI/CD for models, the model registry and drift monitoring.
Requirements: 5+ years of experience.`;

interface Person {
  name: string;
  email: string;
  password: string;
  page: Page;
}

/** "5 days" out of a sentence that shows a day count ("5 days since first contact", "5 of 10 days"). */
function dayCount(text: string): string {
  const m = /(\d+) (?:of \d+ )?(working )?days?\b/.exec(text);
  if (!m) throw new Error(`No day count in "${text}"`);
  return `${m[1]} ${m[2] ?? ''}${m[1] === '1' ? 'day' : 'days'}`;
}

describeBrowser('a whole search from an empty workspace, each person in their own browser', (browser) => {
  let server: TestServer;
  let travel: TimeTravel;
  const contexts: BrowserContext[] = [];

  beforeEach(async () => {
    travel = timeTravel();
    // The journey jumps days ahead with each person signed in once; signing in again after every jump would test
    // the session timeouts, which src/server/routes/auth/sign-in-security.test.ts does on its own.
    server = await startServer({ now: travel.now, sessionHours: 24 * 30 });
  });
  afterEach(async (ctx) => {
    // With JOURNEY_SHOTS set, a failed journey leaves each person's last page behind.
    if (process.env.JOURNEY_SHOTS && ctx.task.result?.state === 'fail') {
      let n = 0;
      for (const c of contexts) for (const p of c.pages()) await p.screenshot({ path: `${process.env.JOURNEY_SHOTS}/failed-${(n += 1)}.png`, fullPage: true }).catch(() => undefined);
    }
    for (const c of contexts.splice(0)) await c.close();
    await server?.close();
  });

  async function newPerson(): Promise<Page> {
    const context = await newContext(browser(), server.baseUrl);
    contexts.push(context);
    await travel.follow(context);
    return context.newPage();
  }

  /** Signs in through the sign-in page, as a person would with the password they were given. */
  async function signIn(person: Omit<Person, 'page'>): Promise<Person> {
    const page = await newPerson();
    await page.goto('/');
    await waitForPage(page, 'Sign in');
    await page.getByLabel('E-mail').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPage(page, 'Today');
    return { ...person, page };
  }

  async function openToday(page: Page): Promise<void> {
    await page.goto('/today');
    await waitForPage(page, 'Today');
    await page.getByText(/need(s)? (you|the team), most urgent first|^Nothing needs (you|the team) right now/).waitFor();
  }

  /** What an interviewer or approver must never see on a page: pay, bands, offers. */
  async function expectNoCompensation(page: Page): Promise<void> {
    const text = await page.locator('main').innerText();
    for (const figure of COMPENSATION_TEXT) expect(text, `${page.url()} shows ${figure}`).not.toContain(figure);
    expect(text).not.toMatch(/\boffer\b/i);
  }

  it('the founder sets up, hires with interviewers and an approver, and Today shows each person only their work', async () => {
    const shots = journeyShots();
    const suffix = Date.now().toString(36);

    // ---------------------------------------------------------------- 1. The founder sets the workspace up.
    const founderPage = await newPerson();
    await founderPage.goto('/');
    await waitForPage(founderPage, 'Welcome to Closer');
    await shots.take(founderPage, 'setup');
    await founderPage.getByLabel('Company name').fill('Acme Vision');
    await founderPage.getByLabel('Stage').selectOption({ label: 'Seed' });
    await founderPage.getByLabel('Amount raised (USD)').fill('4M');
    await founderPage.getByLabel('Headcount').fill('12');
    await founderPage.getByLabel('AI team size').fill('3');
    await founderPage.getByLabel('Your name').fill('Olivia Founder');
    await founderPage.getByLabel('Work e-mail').fill(`olivia-${suffix}@acme.example`);
    await founderPage.getByLabel('Password').fill(PASSWORD);
    await founderPage.getByRole('button', { name: 'Create company' }).click();
    await waitForPage(founderPage, 'Today');
    await founderPage.getByRole('heading', { name: 'Nothing is late' }).waitFor();
    await shots.take(founderPage, 'founder-today-empty');

    // ---------------------------------------------------------------- 2. The team, invited from Settings → Users.
    await founderPage.getByRole('link', { name: 'Settings' }).first().click();
    await founderPage.getByRole('heading', { name: 'Invite someone' }).waitFor();
    const invite = async (name: string, role: string): Promise<Omit<Person, 'page'>> => {
      const email = `${name.split(' ')[0]!.toLowerCase()}-${suffix}@acme.example`;
      await founderPage.getByLabel('Name', { exact: true }).fill(name);
      await founderPage.getByLabel('E-mail', { exact: true }).fill(email);
      await founderPage.getByLabel('Role', { exact: true }).selectOption({ label: role });
      await founderPage.getByRole('button', { name: 'Invite' }).click();
      const secret = founderPage.getByLabel(`One-time password for ${name}`);
      await secret.waitFor();
      const password = await secret.inputValue();
      await founderPage.getByRole('button', { name: 'Done' }).click();
      await secret.waitFor({ state: 'detached' });
      return { name, email, password };
    };
    const ivyLogin = await invite('Ivy Interviewer', 'Interviewer');
    const ianLogin = await invite('Ian Interviewer', 'Interviewer');
    const abeLogin = await invite('Abe Approver', 'Approver');
    await founderPage.getByRole('row', { name: /Abe Approver/ }).waitFor();
    await shots.take(founderPage, 'settings-users');

    // ---------------------------------------------------------------- 3. Abe approves offers outside a band.
    await founderPage.getByRole('link', { name: 'Approvals' }).first().click();
    await founderPage.getByRole('heading', { name: 'Approvals', level: 2 }).waitFor();
    await founderPage.getByLabel('All at once').check();
    await founderPage.getByLabel('Add an approver').selectOption({ label: 'Abe Approver (Approver)' });
    await founderPage.getByRole('button', { name: 'Add', exact: true }).click();
    await founderPage.getByRole('button', { name: 'Save approval settings' }).click();
    await founderPage.getByText('Approval settings saved.').waitFor();
    await shots.take(founderPage, 'settings-approvals');

    // ---------------------------------------------------------------- 4. A role, its stages and its band.
    await founderPage.getByRole('link', { name: 'Roles' }).first().click();
    await waitForPage(founderPage, 'Roles');
    await founderPage.getByRole('heading', { name: 'No roles yet' }).waitFor();
    await shots.take(founderPage, 'roles-empty');
    await founderPage.getByRole('link', { name: 'New role' }).first().click();
    await waitForPage(founderPage, 'New role');
    await founderPage.getByLabel('Title', { exact: true }).fill('Staff Inference Engineer');
    await founderPage.getByLabel('Job description').fill(DESCRIPTION);
    await founderPage.getByRole('button', { name: 'Save role' }).click();
    await waitForPage(founderPage, 'Staff Inference Engineer: settings');
    const roleId = decodeURIComponent(new URL(founderPage.url()).pathname.split('/')[2]!);
    await founderPage.getByLabel('New stage').fill('Founder call');
    await founderPage.getByLabel('Planned days', { exact: true }).fill('1');
    await founderPage.getByRole('button', { name: 'Add stage' }).click();
    await founderPage.getByRole('button', { name: 'Move Founder call up' }).click();
    await founderPage.getByRole('button', { name: 'Move Founder call up' }).click();
    await founderPage.getByLabel('Planned days for Screen').fill('1');
    await founderPage.getByLabel('Name of stage 2').fill('Phone screen');
    await founderPage.getByRole('button', { name: 'Save stages' }).click();
    await founderPage.getByText('Stages saved.').waitFor();
    await founderPage.getByRole('button', { name: 'Record the Seed band' }).click();
    const bandForm = founderPage.getByRole('form', { name: 'Board-approved band' });
    await bandForm.getByLabel('Lowest base (per year)').fill(BAND.low.toLocaleString('en-US'));
    await bandForm.getByLabel('Highest base (per year)').fill(String(BAND.high));
    await bandForm.getByLabel('Lowest equity (% of fully diluted)').fill('0.5');
    await bandForm.getByLabel('Highest equity (% of fully diluted)').fill('1');
    await bandForm.getByLabel('Approved by').fill('Board meeting');
    await bandForm.getByLabel('Approved on').fill('2025-06-30');
    await bandForm.getByRole('button', { name: 'Save band' }).click();
    await founderPage.getByText('The Seed band is saved.').waitFor();
    await shots.take(founderPage, 'role-settings');
    const stages = (await (await founderPage.request.get(`/api/v1/roles/${encodeURIComponent(roleId)}`)).json()) as { processPlan: { stages: Array<{ name: string }> } };
    expect(stages.processPlan.stages.map((s) => s.name)).toEqual(['Sourced', 'Phone screen', 'Technical interview', 'Founder call', 'Final interviews (one day)', 'Offer']);

    // ---------------------------------------------------------------- 5. A candidate, first contacted three days ago.
    await founderPage.getByRole('link', { name: 'Board', exact: true }).click();
    await waitForPage(founderPage, 'Staff Inference Engineer');
    await founderPage.getByRole('heading', { name: 'No candidates in this role yet' }).waitFor();
    await shots.take(founderPage, 'board-empty');
    await founderPage.getByRole('link', { name: 'Add the first candidate' }).click();
    await waitForPage(founderPage, 'Add candidate');
    await founderPage.getByLabel('Name', { exact: true }).fill('Maya Chen');
    await founderPage.getByLabel('E-mail', { exact: true }).fill(`maya-${suffix}@example.com`);
    await founderPage.getByLabel('Source', { exact: true }).selectOption({ label: 'Referral' });
    await founderPage.getByLabel(/^Phone/).fill('+1 415 555 0134');
    await founderPage.getByLabel(/^Location/).fill('San Francisco, CA');
    await founderPage.getByLabel(/^Link/).fill('https://github.com/mayachen');
    await founderPage.getByLabel('Base salary').fill(CURRENT_BASE.toLocaleString('en-US'));
    expect(await founderPage.getByLabel('Role', { exact: true }).inputValue()).toBe(roleId);
    await founderPage.getByLabel('First contact', { exact: true }).selectOption({ label: 'We reached out' });
    await founderPage.getByLabel(/^First contact on/).fill(new Date(travel.now().getTime() - 3 * DAY_MS).toISOString().slice(0, 10));
    await shots.take(founderPage, 'add-candidate');
    await founderPage.getByRole('button', { name: 'Add candidate' }).click();
    await waitForPage(founderPage, 'Maya Chen');
    const candidateUrl = new URL(founderPage.url());
    const applicationId = candidateUrl.searchParams.get('application')!;
    expect(applicationId).toBeTruthy();
    // Phone, link and location, given on the add form, are on the candidate's details.
    const details = founderPage.getByRole('region', { name: 'Details' });
    await details.getByText('+1 415 555 0134').waitFor();
    await details.getByText('San Francisco, CA').waitFor();
    await details.getByRole('link', { name: 'github.com/mayachen' }).waitFor();

    // ---------------------------------------------------------------- 6. The onsite tomorrow: Ivy, then Ian (final).
    const interviews = founderPage.getByRole('region', { name: 'Interviews' });
    await interviews.getByRole('button', { name: 'Plan a one-day onsite' }).click();
    const onsite = founderPage.getByRole('dialog', { name: 'Plan a one-day onsite' });
    await onsite.getByLabel('Where').fill('Office, 2nd floor');
    const slot = (n: number) => onsite.getByRole('group', { name: `Interview ${n}`, exact: true });
    await onsite.getByRole('button', { name: 'Remove interview 3' }).click();
    await slot(1).getByRole('group', { name: 'Interviewers' }).getByLabel('Ivy Interviewer', { exact: true }).check();
    await slot(2).getByRole('group', { name: 'Interviewers' }).getByLabel('Ian Interviewer', { exact: true }).check();
    await slot(1).getByRole('group', { name: /^Covers/ }).getByRole('checkbox').nth(0).check();
    await slot(2).getByRole('group', { name: /^Covers/ }).getByRole('checkbox').nth(1).check();
    await slot(2).getByLabel(/^Final interview/).check();
    await shots.take(founderPage, 'plan-onsite');
    await onsite.getByRole('button', { name: 'Schedule 2 interviews' }).click();
    await interviews.getByText('Scheduled the onsite: 2 interviews.').waitFor();
    await founderPage.getByRole('region', { name: 'Next step' }).getByTestId('next-step-title').filter({ hasText: /^Hold the technical deep dive in / }).waitFor();
    await shots.take(founderPage, 'candidate-onsite-planned');

    // Before the day: the interviewers and the approver have nothing to act on, and see no pay.
    const ivy = await signIn(ivyLogin);
    await ivy.page.getByRole('heading', { name: 'No scorecard is overdue' }).waitFor();
    expect(await ivy.page.getByRole('listitem', { name: 'Maya Chen' }).count()).toBe(0);
    await expectNoCompensation(ivy.page);
    await shots.take(ivy.page, 'interviewer-today-before');
    const abe = await signIn(abeLogin);
    await abe.page.getByRole('heading', { name: 'No offer is waiting for you' }).waitFor();
    expect(await abe.page.getByRole('listitem', { name: 'Maya Chen' }).count()).toBe(0);
    await shots.take(abe.page, 'approver-today-before');

    // ---------------------------------------------------------------- 7. Two days later: the onsite was held.
    await travel.advanceHours(48);
    await founderPage.goto(candidateUrl.pathname + candidateUrl.search);
    await waitForPage(founderPage, 'Maya Chen');
    const nextStep = founderPage.getByRole('region', { name: 'Next step' });
    await nextStep.getByTestId('next-step-title').filter({ hasText: 'Mark the technical deep dive as held' }).waitFor();
    await nextStep.getByRole('link', { name: 'Open the interviews' }).click();
    await interviews.getByRole('button', { name: /^Mark Technical deep dive held/ }).click();
    await interviews.getByText(/^Held: Technical deep dive\. Ivy Interviewer can now write their scorecard\./).waitFor();
    await interviews.getByRole('button', { name: /^Mark System design held/ }).click();
    await interviews.getByText(/^Held: System design\. Ian Interviewer can now write their scorecard\./).waitFor();
    await nextStep.getByTestId('next-step-title').filter({ hasText: /scorecard/ }).waitFor();
    await shots.take(founderPage, 'candidate-onsite-held');

    // Ian writes his card the same day, from the interviews his empty Today points to.
    const ian = await signIn(ianLogin);
    await ian.page.getByRole('heading', { name: 'No scorecard is overdue' }).waitFor();
    await ian.page.getByRole('link', { name: 'Your interviews' }).click();
    await waitForPage(ian.page, 'Interviews');
    await ian.page.getByRole('row', { name: /Maya Chen/ }).getByRole('link', { name: 'Maya Chen', exact: true }).click();
    await submitScorecard(ian.page, 'Designed a sharded KV cache for serving; explained the latency budget per hop.');
    await openToday(ian.page);
    await ian.page.getByRole('heading', { name: 'No scorecard is overdue' }).waitFor();

    // ---------------------------------------------------------------- 8. A day later: Ivy's card is overdue.
    await travel.advanceHours(25);
    await openToday(ivy.page);
    const ivyCard = ivy.page.getByRole('listitem', { name: 'Maya Chen' });
    await ivyCard.getByText('Your scorecard is overdue').waitFor();
    await expectNoCompensation(ivy.page);
    await shots.take(ivy.page, 'interviewer-today-overdue');
    await ivyCard.getByRole('link', { name: 'Write your scorecard for Maya' }).click();
    await submitScorecard(ivy.page, 'Profiled a p99 regression to a batching bug and fixed it in the session.');
    await expectNoCompensation(ivy.page);
    await openToday(ivy.page);
    await ivy.page.getByRole('heading', { name: 'No scorecard is overdue' }).waitFor();
    expect(await ivy.page.getByRole('listitem', { name: 'Maya Chen' }).count()).toBe(0);
    // The approver still has nothing: no offer has been sent.
    await openToday(abe.page);
    await abe.page.getByRole('heading', { name: 'No offer is waiting for you' }).waitFor();

    // ---------------------------------------------------------------- 9. One day count on every page.
    const expected = await expectedDayCount(founderPage, applicationId);
    expect(Number.parseInt(expected, 10)).toBeGreaterThan(0);
    const counts = await dayCountsOnEveryPage(founderPage, candidateUrl.pathname + candidateUrl.search, roleId);
    expect(counts).toEqual({ header: expected, clocks: expected, board: expected, today: expected });

    // ---------------------------------------------------------------- 10. Decide, and draft the offer from the decision.
    await founderPage.goto(candidateUrl.pathname + candidateUrl.search);
    await nextStep.getByTestId('next-step-title').filter({ hasText: 'Decide on Maya Chen' }).waitFor();
    await nextStep.getByRole('link', { name: 'Open the decision view' }).click();
    await waitForPage(founderPage, 'Decision: Maya Chen');
    await shots.take(founderPage, 'decision');
    await founderPage.getByRole('link', { name: 'Draft offer' }).click();
    await waitForPage(founderPage, 'Draft offer: Maya Chen');
    const missing = founderPage.getByRole('region', { name: 'Missing for this offer' });
    await missing.getByLabel('Last post-money valuation (USD)').fill('22M');
    await missing.getByLabel('Fully diluted shares').fill('10,000,000');
    await missing.getByLabel('Strike per share, 409A price (USD)').fill('0.42');
    await missing.getByRole('button', { name: 'Save to the company profile' }).click();
    await missing.waitFor({ state: 'detached' });
    const form = founderPage.getByRole('form', { name: 'Offer inputs' });
    const base = form.getByRole('textbox', { name: 'Base salary', exact: true });
    expect(await base.inputValue()).toBe(String((BAND.low + BAND.high) / 2));
    expect(await form.getByRole('textbox', { name: 'Current base', exact: true }).inputValue()).toBe(String(CURRENT_BASE));
    await founderPage.getByTestId('offer-results').waitFor();
    await base.fill('240000'); // above the band: Abe decides
    await shots.take(founderPage, 'draft-offer');
    await founderPage.getByRole('button', { name: 'Save as offer' }).click();
    await waitForPage(founderPage, 'Offer to Maya Chen');
    const offerId = new URL(founderPage.url()).pathname.split('/').pop()!;

    // Drafted, not sent: nothing for Abe yet.
    await openToday(abe.page);
    await abe.page.getByRole('heading', { name: 'No offer is waiting for you' }).waitFor();

    await founderPage.getByRole('button', { name: 'Submit for approval' }).click();
    const submit = founderPage.getByRole('dialog', { name: 'Submit the offer to Maya Chen for approval?' });
    await submit.getByRole('button', { name: 'Submit for approval' }).click();
    await submit.waitFor({ state: 'hidden' });
    await founderPage.getByText('Waiting for approval: sent to Abe Approver for their decision.').waitFor();
    await shots.take(founderPage, 'offer-submitted');

    // ---------------------------------------------------------------- 11. Abe approves from his Today.
    await openToday(abe.page);
    const waiting = abe.page.getByRole('region', { name: 'Waiting for your approval' });
    await waiting.getByRole('listitem', { name: 'Maya Chen' }).waitFor();
    await shots.take(abe.page, 'approver-today-pending');
    // The interviewers' Today has no offer in it.
    await openToday(ivy.page);
    await ivy.page.getByRole('heading', { name: 'No scorecard is overdue' }).waitFor();
    await expectNoCompensation(ivy.page);
    // A day later it is also late: one card, with its clock, and still one link to review it.
    await travel.advanceHours(25);
    await openToday(abe.page);
    const abeCard = abe.page.getByRole('listitem', { name: 'Maya Chen' });
    await abeCard.getByRole('link', { name: 'Review the offer for Maya' }).waitFor();
    expect(await abe.page.getByRole('link', { name: 'Review the offer for Maya' }).count()).toBe(1);
    await shots.take(abe.page, 'approver-today-late');
    await abeCard.getByRole('link', { name: 'Review the offer for Maya' }).click();
    await waitForPage(abe.page, 'Approvals');
    await abe.page.getByRole('button', { name: 'Approve the offer to Maya Chen' }).click();
    const approve = abe.page.getByRole('dialog', { name: 'Approve the offer to Maya Chen?' });
    await approve.getByRole('button', { name: 'Approve' }).click();
    await approve.waitFor({ state: 'hidden' });
    await abe.page.getByRole('heading', { name: 'Nothing waits for you' }).waitFor();
    expect(((await (await founderPage.request.get(`/api/v1/offers/${offerId}`)).json()) as { status: string }).status).toBe('approved');
    await openToday(abe.page);
    await abe.page.getByRole('heading', { name: 'No offer is waiting for you' }).waitFor();
    expect(await abe.page.getByRole('listitem', { name: 'Maya Chen' }).count()).toBe(0);

    // ---------------------------------------------------------------- 12. Extended, then accepted.
    await founderPage.goto(candidateUrl.pathname + candidateUrl.search);
    await nextStep.getByTestId('next-step-title').filter({ hasText: 'Extend the offer to Maya Chen' }).waitFor();
    await nextStep.getByRole('link', { name: 'Extend the offer' }).click();
    await waitForPage(founderPage, 'Offer to Maya Chen');
    await founderPage.getByRole('button', { name: 'Mark extended to candidate' }).click();
    const extend = founderPage.getByRole('dialog', { name: 'Mark the offer to Maya Chen as extended?' });
    await extend.getByRole('button', { name: 'Mark extended to candidate' }).click();
    await extend.waitFor({ state: 'hidden' });
    await founderPage.getByRole('button', { name: 'Mark accepted' }).click();
    const accept = founderPage.getByRole('dialog', { name: 'Mark the offer to Maya Chen as accepted?' });
    await accept.getByRole('button', { name: 'Mark accepted' }).click();
    await founderPage.getByText('Maya Chen is hired: the application is closed as hired and its clocks have stopped.').waitFor();
    await shots.take(founderPage, 'offer-accepted');
    await openToday(founderPage);
    await founderPage.getByRole('button', { name: /^Everything/ }).click();
    expect(await founderPage.getByRole('listitem', { name: 'Maya Chen' }).count()).toBe(0);
    await shots.take(founderPage, 'founder-today-end');
    for (const p of [ivy, ian, abe]) {
      await openToday(p.page);
      expect(await p.page.getByRole('listitem', { name: 'Maya Chen' }).count()).toBe(0);
    }
  }, 180_000);

  /** Rates the first attribute the interview covers, recommends "Yes" and submits; waits for the submitted card. */
  async function submitScorecard(page: Page, evidence: string): Promise<void> {
    await waitForPage(page, 'Scorecard: Maya Chen');
    const form = page.getByRole('form', { name: 'Scorecard for Maya Chen' });
    await form.getByRole('radio', { name: /^4/ }).first().check();
    await form.getByLabel(/^Evidence for/).first().fill(evidence);
    await form.getByRole('group', { name: 'Overall recommendation' }).getByRole('radio', { name: 'Yes', exact: true }).check();
    await form.getByRole('button', { name: 'Submit scorecard' }).click();
    await page.getByRole('heading', { name: 'Your scorecard is in' }).waitFor();
  }

  /** The count the one rule gives for the application's cycle clock, as the API reports it. */
  async function expectedDayCount(page: Page, applicationId: string): Promise<string> {
    const app = (await (await page.request.get(`/api/v1/applications/${applicationId}`)).json()) as { clocks: Array<{ id: string; elapsedHours: number; dayHours: number }> };
    const cycle = app.clocks.find((c) => c.id === 'cycle.total')!;
    const days = Math.floor(cycle.elapsedHours / cycle.dayHours + 1e-9);
    return `${days} ${days === 1 ? 'day' : 'days'}`;
  }

  /** The day count of Maya's application on the candidate header, the clocks panel, the role board card and Today. */
  async function dayCountsOnEveryPage(page: Page, candidatePath: string, roleId: string): Promise<Record<'header' | 'clocks' | 'board' | 'today', string>> {
    const textOf = async (locator: Locator) => {
      await locator.waitFor();
      return dayCount(await locator.innerText());
    };
    await page.goto(candidatePath);
    await waitForPage(page, 'Maya Chen');
    const header = await textOf(page.getByTestId('first-contact-days'));
    const clocks = await textOf(page.getByRole('region', { name: 'Clocks' }).getByTestId('clock-time-cycle.total'));
    await page.goto(`/roles/${encodeURIComponent(roleId)}`);
    await waitForPage(page, 'Staff Inference Engineer');
    const board = await textOf(page.locator('[data-card]').filter({ hasText: 'Maya Chen' }).getByText(/\d+ of \d+ days/));
    await openToday(page);
    const today = await textOf(page.getByRole('listitem', { name: 'Maya Chen' }).getByText(/since first contact$/));
    return { header, clocks, board, today };
  }
});
