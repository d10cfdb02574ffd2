import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import type { TeamPlanView } from '../src/api/scoping.js';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { createUserThroughApi, setUpWorkspace, signInThroughApi } from './support/factories.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

type ApiTeamPlan = TeamPlanView;

describeBrowser('team plan and attractiveness', (browser) => {
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;

  afterEach(async () => {
    await context?.close();
    context = undefined;
    await server?.close();
    server = undefined;
  });

  let csrf = '';

  async function signedInPage(credentials: { email: string; password: string }): Promise<Page> {
    context = await newContext(browser(), server!.baseUrl);
    csrf = await signInThroughApi(context, credentials);
    return context.newPage();
  }

  const apiJson = async <T,>(page: Page, path: string) => (await (await page.request.get(path)).json()) as T;

  it('shows the hiring plan in order for a new company and re-plans with a stated budget', async () => {
    server = await startServer();
    const owner = await setUpWorkspace(server.baseUrl);
    const page = await signedInPage(owner);
    await page.goto('/team');
    await waitForPage(page, 'Team');

    // No AI team yet: the founding senior generalist comes first, one row per planned hire.
    const rows = page.getByTestId('plan-row');
    await rows.first().waitFor();
    const plan = await apiJson<ApiTeamPlan>(page, '/api/v1/team/plan');
    expect(await rows.count()).toBe(plan.hires.length);
    expect(await rows.first().innerText()).toContain(plan.hires[0].title);
    expect(plan.hires[0].title).toMatch(/Founding ML Engineer/);
    // The plan starts from setup (12 people, 3 of them on the AI team), not from "no AI team yet".
    await page.getByText('This plan starts from your company profile').waitFor();
    await page.getByText(/From setup: 12 people at Seed; 3 of them build ML\/AI, not yet described/).waitFor();
    expect(plan.findings.map((f) => f.rule)).toContain('team.undescribed-members');
    expect(await page.getByTestId('budget-share').innerText()).toBe('No budget stated');

    // State a yearly budget: the plan reports the AI team's share of it. Setup's three people must be described first.
    await page.getByLabel('How to state the budget').selectOption('annualBudget');
    await page.getByLabel('Yearly budget').fill('2M');
    await page.getByRole('button', { name: 'Save and re-plan' }).click();
    const firstKind = page.getByLabel('Specialization of member 1');
    await expect.poll(() => firstKind.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Choose what member 1 does, or remove the row.').waitFor();
    for (const n of [1, 2, 3]) {
      await page.getByLabel(`Specialization of member ${n}`).selectOption({ label: 'ML engineer (classical)' });
      await page.getByLabel(`Seniority of member ${n}`).selectOption({ label: 'Mid-level' });
    }
    await page.getByRole('button', { name: 'Save and re-plan' }).click();
    await page.getByText('Saved. The plan above is updated.').waitFor();
    const replanned = await apiJson<ApiTeamPlan>(page, '/api/v1/team/plan');
    expect(replanned.budget).not.toBeNull();
    expect(replanned.budget!.annualBudget).toBe(2_000_000);
    const share = `${(Math.round(replanned.budget!.share * 1000) / 10).toFixed(1)}%`;
    await expect.poll(() => page.getByTestId('budget-share').innerText()).toContain(share);
    await expect.poll(() => page.getByText('This plan starts from your company profile').count()).toBe(0);
    expect(replanned.findings.map((f) => f.rule)).not.toContain('team.undescribed-members');
  });

  it('rejects a budget that is not a number beside the field, and keeps what was typed', async () => {
    server = await startServer();
    const owner = await setUpWorkspace(server.baseUrl);
    const page = await signedInPage(owner);
    await page.goto('/team');
    await page.getByTestId('plan-row').first().waitFor();
    await page.getByLabel('How to state the budget').selectOption('annualBudget');
    const field = page.getByLabel('Yearly budget');
    await field.fill('lots');
    await page.getByRole('button', { name: 'Save and re-plan' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe('lots');
    expect((await apiJson<{ stored: boolean }>(page, '/api/v1/team/plan-inputs')).stored).toBe(false);
  });

  it('shows the attractiveness score, its top changes and pitch, and raises the score when a signal is marked present', async () => {
    server = await startServer();
    const owner = await setUpWorkspace(server.baseUrl);
    const page = await signedInPage(owner);
    await page.goto('/team/company');
    await waitForPage(page, 'Company attractiveness');
    const score = page.getByTestId('attractiveness-score');
    await score.waitFor();
    const before = await apiJson<{ score: number; topChanges: { label: string }[] }>(page, '/api/v1/company/attractiveness');
    expect(await score.innerText()).toMatch(new RegExp(`^${before.score}\\s*/ 100$`));
    const changes = page.getByRole('region', { name: 'The changes that raise it most' }).getByRole('listitem');
    expect(await changes.count()).toBe(before.topChanges.length);
    expect(await changes.first().innerText()).toContain(before.topChanges[0].label);
    await page.getByRole('heading', { name: 'Lead with' }).waitFor();

    await page.getByLabel('Production ML serving real users', { exact: true }).selectOption('present');
    await page.getByRole('button', { name: 'Save signals' }).click();
    await page.getByText('Saved. The score above is updated.').waitFor();
    const after = await apiJson<{ score: number }>(page, '/api/v1/company/attractiveness');
    expect(after.score).toBeGreaterThan(before.score);
    await expect.poll(() => score.innerText()).toMatch(new RegExp(`^${after.score}\\s*/ 100$`));
  });

  it('shows the plan rows and the attractiveness score of the demo workspace', async () => {
    server = await startServer();
    const demo = await fetch(`${server.baseUrl}/api/v1/setup/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(demo.status).toBeLessThan(300);
    const { credentials } = (await demo.json()) as { credentials: { email: string; password: string } };
    const page = await signedInPage(credentials);

    await page.goto('/team');
    await waitForPage(page, 'Team');
    const plan = await apiJson<ApiTeamPlan>(page, '/api/v1/team/plan');
    expect(plan.hires.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('plan-row').count()).toBe(plan.hires.length);
    for (const [i, hire] of plan.hires.entries()) expect(await page.getByTestId('plan-row').nth(i).innerText()).toContain(hire.title);

    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Attractiveness' }).click();
    await waitForPage(page, 'Company attractiveness');
    const { score } = await apiJson<{ score: number }>(page, '/api/v1/company/attractiveness');
    await expect.poll(() => page.getByTestId('attractiveness-score').innerText()).toMatch(new RegExp(`^${score}\\s*/ 100$`));
  });

  it('keeps the priced plan and the edit forms from an interviewer, who still sees the attractiveness score', async () => {
    server = await startServer();
    const owner = await setUpWorkspace(server.baseUrl);
    const ownerPage = await signedInPage(owner);
    const interviewer = await createUserThroughApi(ownerPage.request, csrf, { name: 'Ivy Interviewer', role: 'interviewer' });
    await context!.close();

    const page = await signedInPage(interviewer);
    await page.goto('/team');
    await waitForPage(page, 'Team');
    await page.getByRole('heading', { name: 'The hiring plan is not shown to your role' }).waitFor();
    expect(await page.getByTestId('plan-row').count()).toBe(0);
    expect(await page.getByText('$').count()).toBe(0);

    await page.goto('/team/company');
    await page.getByTestId('attractiveness-score').waitFor();
    expect(await page.getByRole('button', { name: 'Save signals' }).count()).toBe(0);
  });
});
