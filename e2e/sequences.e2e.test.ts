import { expect, it } from 'vitest';
import { describeBrowser, waitForPage } from './support/browser.js';
import { sidewaysProblems } from './support/layout-check.js';
import { ownerSessionPerTest } from './support/owner-session.js';

/**
 * Outreach sequences in the web (issue 13): a template with its live lint and preview, a sequence built by keyboard,
 * started, a refused start, and a prospect enrolled from the pool page. One server and one browser for the file.
 */
describeBrowser('outreach sequences', (browser) => {
  const session = ownerSessionPerTest(browser);

  it('writes a template against the lint, builds and starts a sequence, and enrolls a person from the pool page', async () => {
    const { page, csrfToken } = session();
    const headers = { 'X-CSRF-Token': csrfToken };
    /** The page's sideways problems at this width; the journey goes on at 1440 px. */
    const fitsAt = async (width: number) => {
      await page.setViewportSize({ width, height: 900 });
      const problems = await sidewaysProblems(page);
      await page.setViewportSize({ width: 1440, height: 900 });
      return problems;
    };
    const pool = (await (await page.request.post('/api/v1/pools', { data: { name: 'MLOps, passive, EU' }, headers })).json()) as { id: string };
    const added = await page.request.post(`/api/v1/pools/${pool.id}/prospects`, { data: { name: 'Ada Lovelace', email: 'ada@example.org', foundHow: 'search' }, headers });
    expect(added.status()).toBe(201);

    // The template: the lint runs as the owner types; an e-mail without a base figure is an error for passive people.
    await page.goto('/sourcing/templates');
    await waitForPage(page, 'Outreach templates');
    await page.getByRole('heading', { name: 'No templates yet' }).waitFor();
    await page.getByRole('link', { name: 'Write the first template' }).click();
    await waitForPage(page, 'New outreach template');
    await page.getByLabel('Template name').fill('First touch, cash first');
    await page.getByLabel('Subject', { exact: true }).fill('A role on our ML platform');
    await page.getByLabel('Body').fill('Hi , join us for the equity and the mission.');
    await expect.poll(() => page.getByTestId('lint-summary').textContent()).toContain('1 error');
    await page.getByText('The message names no base figure').waitFor();
    expect(await page.getByText('outreach.equity-first').count()).toBe(0);
    await page.getByTitle('Check outreach.equity-first').first().waitFor();

    const body = page.getByLabel('Body');
    await body.fill('Hi , the base is $180,000 to $210,000, then equity. You would own the GPU cluster and its infrastructure.');
    await body.focus();
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
    await page.getByRole('button', { name: 'Insert First name' }).click();
    await expect.poll(() => body.inputValue()).toBe('Hi {{first_name}}, the base is $180,000 to $210,000, then equity. You would own the GPU cluster and its infrastructure.');
    await expect.poll(() => page.getByTestId('lint-summary').textContent()).toBe('No problems found');
    await page.getByRole('button', { name: 'Save template' }).click();
    await waitForPage(page, 'First touch, cash first');

    await page.getByLabel('Pool', { exact: true }).selectOption({ label: 'MLOps, passive, EU' });
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Ada Lovelace' });
    await expect.poll(() => page.getByTestId('template-preview').textContent()).toContain('Hi Ada, the base is $180,000');
    expect(await fitsAt(390), 'template editor at 390 px').toEqual([]);

    // The builder: three steps, reordered and one removed from the keyboard.
    await page.goto('/sourcing/sequences/new');
    await waitForPage(page, 'New outreach sequence');
    await page.getByLabel('Name', { exact: true }).fill('Passive MLOps, cash first');
    await page.getByLabel('Template').selectOption({ label: 'First touch, cash first' });
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Kind of step').selectOption('task');
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Kind of step').selectOption('wait');
    await page.getByLabel('Business days').fill('3');
    await page.getByRole('button', { name: 'Add step' }).click();
    const steps = page.locator('[data-step]');
    await expect.poll(() => steps.count()).toBe(3);
    // The wait goes before the call (Alt+Up), then the call is removed (Delete).
    await steps.nth(2).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => steps.allTextContents()).toEqual([expect.stringContaining('E-mail: First touch, cash first'), expect.stringContaining('Wait 3 business days'), expect.stringContaining('Task: call them')]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Step 2 of 3: Wait 3 business days');
    await steps.nth(2).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => steps.count()).toBe(2);
    expect(await fitsAt(390), 'sequence builder at 390 px').toEqual([]);
    await page.getByRole('button', { name: 'Save sequence' }).click();
    await waitForPage(page, 'Passive MLOps, cash first');
    await page.getByRole('heading', { name: 'No one enrolled yet' }).waitFor();
    await page.getByRole('button', { name: 'Start sequence' }).click();
    await page.getByText('Started: enroll people from a pool').waitFor();
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    // A passive sequence whose e-mail names no base figure is refused, with the lint's words.
    const vague = (await (await page.request.post('/api/v1/templates', { data: { name: 'Vague', subject: 'Hello', body: 'Join our mission.' }, headers })).json()) as { id: string };
    const refused = (await (await page.request.post('/api/v1/sequences', { data: { name: 'Mission first', audience: 'passive', steps: [{ kind: 'email', templateId: vague.id }] }, headers })).json()) as { id: string };
    await page.goto(`/sourcing/sequences/${refused.id}`);
    await waitForPage(page, 'Mission first');
    await page.getByRole('heading', { name: 'To fix before it can start' }).waitFor();
    await page.getByRole('button', { name: 'Start sequence' }).click();
    await page.getByText('The sequence cannot start yet').waitFor();
    await page.getByRole('alert').getByText('names no base figure').waitFor();

    // Enrolling from the pool page, with the outcome per person, then the state in the list.
    await page.goto(`/sourcing/${pool.id}`);
    await waitForPage(page, 'MLOps, passive, EU');
    await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
    await page.getByRole('button', { name: 'Enroll 1 selected' }).click();
    await page.getByText('Ada Lovelace: Enrolled').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Ada Lovelace' });
    await row.getByText('Passive MLOps, cash first').waitFor();
    await row.getByText(/step 1 of 2/).waitFor();
    await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
    await page.getByRole('button', { name: 'Enroll 1 selected' }).click();
    await page.getByText('Ada Lovelace: Already in this sequence').waitFor();

    // Logging a reply is still one click on the person's row.
    await page.getByRole('button', { name: 'Log a reply from Ada Lovelace' }).click();
    await page.getByText('Logged Ada Lovelace\'s reply.').waitFor();

    expect(await fitsAt(1440), 'pool page at 1440 px').toEqual([]);
    expect(await fitsAt(390), 'pool page at 390 px').toEqual([]);
  });
});
