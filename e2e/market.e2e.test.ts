import { expect, it } from 'vitest';
import { describeBrowser, waitForPage } from './support/browser.js';
import { ownerSessionPerTest } from './support/owner-session.js';

describeBrowser('market', (browser) => {
  const session = ownerSessionPerTest(browser);

  it('shows the benchmark table by role group and level with the dataset source and as-of date', async () => {
    const { page } = session();
    await page.goto('/market');
    await waitForPage(page, 'Market');

    const source = page.getByTestId('dataset-source');
    await source.waitFor();
    const sourceText = await source.textContent();
    expect(sourceText).toContain('aijobs.net');
    expect(sourceText).toContain('as of 2025-01-19');

    const table = page.getByRole('table', { name: 'Base salary percentiles by role group and level, US' });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'ML Engineer' }).filter({ hasText: 'Senior' });
    await row.first().waitFor();
    const cells = await row.first().getByRole('cell').allTextContents();
    // n, then money percentiles that rise left to right
    const money = cells.filter((c) => c.startsWith('$')).map((c) => Number(c.replace(/[$,]/g, '')));
    expect(money.length).toBeGreaterThanOrEqual(1);
    expect([...money].sort((a, b) => a - b)).toEqual(money);
    expect(await page.locator('figure[data-chart="market"] svg').count()).toBeGreaterThan(0);
    expect(await page.getByRole('combobox', { name: 'Dataset' }).inputValue()).toBe('aijobs-2025-01-19');
  });

  it('says so when a country has no salaries, and refuses a malformed country code', async () => {
    const { page } = session();
    await page.goto('/market');
    await waitForPage(page, 'Market');
    await page.getByRole('table').first().waitFor();
    const country = page.getByLabel('Country', { exact: true });
    await country.fill('Z');
    await expect.poll(() => country.getAttribute('aria-invalid')).toBe('true');
    await country.fill('ZZ');
    await page.getByRole('heading', { name: 'No salaries for ZZ in this dataset' }).waitFor();
  });

  it('switches to an imported survey, shows its source, and makes it the company dataset', async () => {
    const { page, csrfToken } = session();
    // A small survey in the same columns: 40 senior ML engineers in Germany.
    const header = 'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size';
    const lines = Array.from({ length: 40 }, (_, i) => `2025,SE,FT,ML Engineer,${100_000 + i * 1_000},EUR,${110_000 + i * 1_000},DE,0,DE,M`);
    const imported = await page.request.post('/api/v1/market/datasets', {
      data: { name: 'Berlin survey 2025', source: 'Acme peer survey', asOf: '2025-06-30', licence: 'internal', csv: [header, ...lines].join('\n') },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(imported.status()).toBe(201);
    const { id } = (await imported.json()) as { id: string };

    await page.goto('/market');
    await waitForPage(page, 'Market');
    await page.getByTestId('dataset-source').waitFor();
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption(id);
    await page.getByLabel('Country', { exact: true }).fill('DE');
    await expect.poll(() => page.getByTestId('dataset-source').textContent()).toContain('Acme peer survey');
    expect(await page.getByTestId('dataset-source').textContent()).toContain('as of 2025-06-30');
    const row = page.getByRole('table', { name: /, DE$/ }).getByRole('row').filter({ hasText: 'ML Engineer' }).filter({ hasText: 'Senior' });
    await row.first().waitFor();
    // median of 110,000 ... 149,000
    await row.first().getByRole('cell', { name: '$129,500' }).waitFor();

    await page.getByRole('button', { name: 'Use this dataset for offers' }).click();
    await page.getByText('Berlin survey 2025 is now the company\'s market dataset.').waitFor();
    const datasets = (await (await page.request.get('/api/v1/market/datasets')).json()) as { items: { id: string; selected: boolean }[] };
    expect(datasets.items.find((d) => d.selected)?.id).toBe(id);
  });
});
