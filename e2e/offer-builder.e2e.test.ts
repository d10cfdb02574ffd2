import { expect, it } from 'vitest';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { createUserThroughApi, signInThroughApi } from './support/factories.js';
import { ownerSessionPerTest } from './support/owner-session.js';

describeBrowser('offer builder', (browser) => {
  const session = ownerSessionPerTest(browser);

  const field = (label: string) => session().page.getByLabel(label, { exact: true });

  it('evaluates the offer in a Web Worker, flips the threshold finding with the base, and shows the candidate summary', async () => {
    const { page } = session();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto('/offers/builder');
    await waitForPage(page, 'Offer builder');

    // Candidate: a senior big-tech engineer (total comp 450k, obligations 80k after tax).
    await field('Current base').fill('220000');
    await field('Current bonus per year').fill('30000');
    await field('Current equity per year').fill('200000');
    await field('Yearly obligations after tax').fill('80000');
    await field('Effective tax rate (%)').fill('35');
    // Startup: seed company, 19.2M post-money, 50,000 of 10M shares.
    await field('Company stage').selectOption('seed');
    await field('Last post-money valuation').fill('19.2M');
    await field('Fully diluted shares').fill('10,000,000');
    await field('Shares granted').fill('50000');
    await field('Base salary').fill('200000');
    // Incumbent: Google schedule.
    await field('Company schedule').selectOption('google');
    await field('Their base').fill('220000');
    await field('RSU grant value').fill('800000');

    const status = page.getByTestId('threshold-status');
    await expect.poll(() => status.textContent()).toContain('Below threshold');
    const belowFinding = page.locator('[data-rule="comp.below-threshold"]');
    await belowFinding.waitFor();
    expect(await belowFinding.textContent()).toMatch(/Base 200,000 USD is below the candidate's risk-adjusted threshold/);
    // The results came from the worker: it was started, and the status names the run.
    expect(workers.some((url) => url.includes('offer-worker'))).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'simulated paths in' }).count()).toBe(1);
    expect(await page.getByTestId('p-beats').textContent()).toMatch(/of paths$/);
    // Four charts, each with an SVG and a table view.
    const charts = page.locator('figure.chart');
    await expect.poll(() => charts.locator('svg').count()).toBeGreaterThanOrEqual(4);
    for (const id of ['distribution', 'value-by-year', 'ownership', 'base-placement']) {
      await page.locator(`figure[data-chart="${id}"] svg`).first().waitFor();
    }
    // Assumptions are listed, design assumptions marked.
    const assumptions = page.getByRole('complementary', { name: 'Assumptions used' });
    await assumptions.getByText('Design assumption').first().waitFor();
    expect(await assumptions.locator('[data-assumption="design"]').count()).toBeGreaterThan(0);
    expect(await assumptions.locator('[data-assumption="sourced"]').count()).toBeGreaterThan(0);

    // Raise the base above the threshold: the finding goes away.
    await field('Base salary').fill('250000');
    await expect.poll(() => status.textContent()).toContain('Clears threshold');
    await belowFinding.waitFor({ state: 'detached' });
    expect(await status.textContent()).toContain('Base $250,000 clears');

    // And back below with the slider's keyboard control (5,000 per step).
    await field('Base salary').fill('215000');
    await expect.poll(() => status.textContent()).toContain('Below threshold');
    const slider = page.getByLabel('Drag base salary');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => field('Base salary').inputValue()).toBe('220000');
    await expect.poll(() => status.textContent()).toContain('Clears threshold');

    // Candidate summary: the grant as a percentage of fully diluted AND as shares.
    await page.getByRole('tab', { name: 'Candidate summary' }).click();
    const summary = page.getByRole('region', { name: 'Your offer' });
    await summary.waitFor();
    expect(await page.getByTestId('summary-equity-percent').textContent()).toBe('0.5% of fully diluted shares');
    expect(await page.getByTestId('summary-equity-shares').textContent()).toBe('50,000 shares of 10,000,000 fully diluted');
    await summary.getByRole('list', { name: 'Vesting timeline' }).getByText('12,500 shares (25% of the grant)').waitFor();
    expect(await summary.getByRole('table').getByRole('row').count()).toBeGreaterThan(2);

    // A bigger grant updates the summary.
    await field('Shares granted').fill('75000');
    await expect.poll(() => page.getByTestId('summary-equity-percent').textContent()).toBe('0.75% of fully diluted shares');
    expect(await page.getByTestId('summary-equity-shares').textContent()).toBe('75,000 shares of 10,000,000 fully diluted');
  });

  it('shows an unreadable amount beside its field and keeps what was typed', async () => {
    const { page } = session();
    await page.goto('/offers/builder');
    await waitForPage(page, 'Offer builder');
    await page.getByTestId('threshold-status').waitFor();
    await field('Base salary').fill('a lot');
    await expect.poll(() => field('Base salary').getAttribute('aria-invalid')).toBe('true');
    expect(await field('Base salary').inputValue()).toBe('a lot');
    await page.getByRole('status').filter({ hasText: 'Fix the highlighted fields to update.' }).waitFor();
  });

  it('shows the engine refusing a grant above the fully diluted total beside the shares field', async () => {
    const { page } = session();
    await page.goto('/offers/builder');
    await waitForPage(page, 'Offer builder');
    await page.getByTestId('threshold-status').waitFor();
    await field('Shares granted').fill('20000000');
    await expect.poll(() => field('Shares granted').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'must be fewer than the fully diluted shares' }).waitFor();
  });

  it('shows an interviewer no compensation and starts no evaluation', async () => {
    const { server, context, csrfToken } = session();
    const interviewer = await createUserThroughApi(context.request, csrfToken, { name: 'Ivan Interviewer', role: 'interviewer' });
    const other = await newContext(browser(), server.baseUrl);
    try {
      await signInThroughApi(other, interviewer);
      const interviewerPage = await other.newPage();
      const workers: string[] = [];
      interviewerPage.on('worker', (worker) => workers.push(worker.url()));
      await interviewerPage.goto('/offers/builder');
      await waitForPage(interviewerPage, 'Offer builder');
      await interviewerPage.getByRole('heading', { name: 'Compensation is not shared with your role' }).waitFor();
      expect(await interviewerPage.getByLabel('Base salary', { exact: true }).count()).toBe(0);
      expect(workers).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
