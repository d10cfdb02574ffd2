import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { describeBrowser, waitForPage } from './support/browser.js';
import { ownerSessionPerTest } from './support/owner-session.js';

// One engineer asked to do four jobs: classical ML, MLOps, prompt engineering and data pipelines.
const TOO_BROAD = `We need one AI engineer to do everything.
Responsibilities:
- Train and evaluate classification models with scikit-learn and XGBoost, and own feature engineering.
- Build and operate our model registry, model serving and CI/CD for models on Kubernetes, with drift monitoring.
- Design system prompts and few-shot prompts, tune our RAG pipeline and improve LLM output quality.
- Build data pipelines and ETL in Airflow and Spark, and run our vector database.
Requirements: 5+ years of experience.`;

// The same role scoped to its MLOps core.
const SCOPED = `Responsibilities:
- Build and operate our model registry, model serving and CI/CD for models on Kubernetes, with drift monitoring.
- Own training orchestration and deployment pipelines for our models.
Requirements: 5+ years of experience.`;

describeBrowser('role editor', (browser) => {
  let page: Page;
  let csrf: string;

  const session = ownerSessionPerTest(browser);
  beforeEach(() => {
    ({ page, csrfToken: csrf } = session());
  });

  /** Stores the company's AI team through the API, as the Team page would. */
  async function storeAiTeam(aiTeam: { specializations: string[]; seniority: string }[]) {
    const response = await page.request.put('/api/v1/team/plan-inputs', { data: { bottleneck: 'infrastructure', aiTeam }, headers: { 'X-CSRF-Token': csrf } });
    expect(response.status()).toBe(200);
  }

  const mark = (phrase: string) => page.locator('mark', { hasText: phrase });
  const tooBroad = () => page.locator('[data-rule="scope.too-broad"]');

  it('highlights the evidence of a description that spans too many specializations, clears the finding once scoped, and saves the role', async () => {
    // With a senior practitioner on the team, a role spanning four specializations is too broad (not the founding generalist).
    await storeAiTeam([{ specializations: ['ml-engineering'], seniority: 'senior' }]);
    await page.goto('/roles/new');
    await waitForPage(page, 'New role');
    await page.getByText('No analysis yet').waitFor();

    await page.getByLabel('Title', { exact: true }).fill('Senior AI Engineer');
    await page.getByLabel('Job description').fill(TOO_BROAD);

    // Evidence phrases of four specializations are highlighted in the text.
    for (const phrase of ['model registry', 'system prompts', 'XGBoost', 'feature engineering']) await mark(phrase).first().waitFor();
    expect(await mark('model registry').first().getAttribute('data-specializations')).toContain('mlops');
    expect(await mark('system prompts').first().getAttribute('data-specializations')).toContain('prompt-engineering');

    // The spans-too-many finding is shown with its fix.
    await tooBroad().waitFor();
    expect(await tooBroad().innerText()).toMatch(/Fix:/);
    expect(await page.getByTestId('analysis-spans').innerText()).toMatch(/Yes/);

    // Focusing a specialization in the legend singles out its phrases.
    await page.getByRole('button', { name: /^MLOps/ }).focus();
    await expect.poll(() => mark('model registry').first().getAttribute('class')).toContain('is-active');
    expect(await mark('system prompts').first().getAttribute('class')).not.toContain('is-active');

    // Scope the role: the finding goes, the evidence follows the new text.
    await page.getByLabel('Job description').fill(SCOPED);
    await tooBroad().waitFor({ state: 'detached' });
    await mark('training orchestration').first().waitFor();
    expect(await mark('system prompts').count()).toBe(0);
    expect(await page.getByTestId('analysis-spans').innerText()).toBe('No');
    expect(await page.getByTestId('analysis-primary').innerText()).toMatch(/MLOps/);

    // The form follows the analysis: MLOps is the one specialization, seniority senior.
    const specializations = page.getByRole('group', { name: 'Specializations' });
    await expect.poll(() => specializations.getByRole('checkbox', { checked: true }).count()).toBe(1);
    expect(await specializations.getByRole('checkbox', { name: /MLOps/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Seniority').inputValue()).toBe('senior');

    await page.getByRole('button', { name: 'Save role' }).click();
    // A new role goes on to its settings.
    await page.waitForURL(/\/roles\/(?!new\/)[^/]+\/settings/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    expect(id).not.toBe('new');
    const role = (await (await page.request.get(`/api/v1/roles/${encodeURIComponent(id)}`)).json()) as Record<string, unknown>;
    expect(role).toMatchObject({ id, title: 'Senior AI Engineer', description: SCOPED, specializations: ['mlops'], seniority: 'senior' });

    // The description is stored with the role: editing it later shows the same analysis again.
    await page.goto(`/roles/${encodeURIComponent(id)}/edit`);
    expect(await page.getByLabel('Job description').inputValue()).toBe(SCOPED);
    await mark('training orchestration').first().waitFor();
  });

  it('lets the specializations be set by hand, and shows why unreadable text cannot be analysed', async () => {
    await page.goto('/roles/new');
    await waitForPage(page, 'New role');
    const description = page.getByLabel('Job description');
    await description.fill('12345 67890 !!!! ####');
    await expect.poll(() => description.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('The description cannot be analysed yet').waitFor();

    await page.getByLabel('Title', { exact: true }).fill('Prompt Engineer');
    await description.fill('Design system prompts and few-shot examples, and red-team prompts to improve LLM output quality.');
    await mark('system prompts').first().waitFor();
    expect(await description.getAttribute('aria-invalid')).toBeNull();
    const group = page.getByRole('group', { name: 'Specializations' });
    await expect.poll(() => group.getByRole('checkbox', { name: /Prompt engineer/i }).isChecked()).toBe(true);
    // Adding one by hand switches the form from following the analysis to the person's choice.
    await group.getByRole('checkbox', { name: /Full-stack AI engineer/i }).check();
    await page.getByRole('button', { name: 'Use the analysis again' }).waitFor();
    await page.getByRole('button', { name: 'Save role' }).click();
    // A new role goes on to its settings.
    await page.waitForURL(/\/roles\/(?!new\/)[^/]+\/settings/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    const role = (await (await page.request.get(`/api/v1/roles/${encodeURIComponent(id)}`)).json()) as { specializations: string[] };
    expect([...role.specializations].sort()).toEqual(['ai-product-engineering', 'prompt-engineering']);
  });

  it('reads the same broad description as the founding generalist when the company has no senior AI practitioner', async () => {
    await storeAiTeam([{ specializations: ['ai-product-engineering'], seniority: 'mid' }]);
    await page.goto('/roles/new');
    await waitForPage(page, 'New role');
    await page.getByLabel('Title', { exact: true }).fill('Senior AI Engineer');
    await page.getByLabel('Job description').fill(TOO_BROAD);
    await page.locator('[data-rule="scope.founding-generalist"]').waitFor();
    await mark('model registry').first().waitFor();
    expect(await page.getByTestId('analysis-spans').innerText()).toMatch(/Yes/);
    expect(await tooBroad().count()).toBe(0);
  });

  it('edits an existing role with If-Match, and keeps the edits when someone else saved first', async () => {
    const created = await page.request.post('/api/v1/roles', {
      data: { title: 'Senior MLOps Engineer', specializations: ['mlops'], seniority: 'senior' },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(created.status()).toBe(201);
    const role = (await created.json()) as { id: string; version: number };

    await page.goto(`/roles/${encodeURIComponent(role.id)}/edit`);
    await waitForPage(page, 'Edit Senior MLOps Engineer');
    const title = page.getByLabel('Title', { exact: true });
    expect(await title.inputValue()).toBe('Senior MLOps Engineer');
    expect(await page.getByRole('group', { name: 'Specializations' }).getByRole('checkbox', { checked: true }).count()).toBe(1);
    expect(await page.getByLabel('Seniority').inputValue()).toBe('senior');

    await page.getByLabel('Job description').fill(SCOPED);
    await mark('model registry').first().waitFor();
    await title.fill('Staff MLOps Engineer');
    await page.getByLabel('Seniority').selectOption('staff+');

    // Someone else saves the role meanwhile: the save is refused and nothing typed is lost.
    const other = await page.request.patch(`/api/v1/roles/${encodeURIComponent(role.id)}`, {
      data: { title: 'Senior MLOps Engineer (platform)' },
      headers: { 'X-CSRF-Token': csrf, 'If-Match': `"${role.version}"` },
    });
    expect(other.status()).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'changed this role' }).waitFor();
    expect(await title.inputValue()).toBe('Staff MLOps Engineer');
    expect(new URL(page.url()).pathname).toBe(`/roles/${role.id}/edit`);

    // After a reload the draft is still there and the save goes through.
    await page.reload();
    await waitForPage(page, 'Edit Senior MLOps Engineer (platform)');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Staff MLOps Engineer');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/roles/${role.id}$`));
    const saved = (await (await page.request.get(`/api/v1/roles/${encodeURIComponent(role.id)}`)).json()) as Record<string, unknown>;
    expect(saved).toMatchObject({ title: 'Staff MLOps Engineer', seniority: 'staff+', specializations: ['mlops'] });
  });

  it("analyses with the company's taxonomy extension: its own phrases are highlighted as evidence", async () => {
    const extension = { id: 'acme', specializations: [{ key: 'mlops', anchors: { 'acme flow': 3 } }] };
    const stored = await page.request.put('/api/v1/taxonomy/extensions', { data: extension, headers: { 'X-CSRF-Token': csrf } });
    expect(stored.status()).toBe(200);
    await page.goto('/roles/new');
    await waitForPage(page, 'New role');
    await page.getByLabel('Job description').fill('Operate Acme Flow for every training job and keep our model registry healthy.');
    await mark('Acme Flow').first().waitFor();
    expect(await mark('Acme Flow').first().getAttribute('data-specializations')).toContain('mlops');
  });
});
