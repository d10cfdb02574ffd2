import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { describeBrowser, waitForPage } from './support/browser.js';
import { ownerSessionPerTest } from './support/owner-session.js';
import { pipelineApi } from './support/pipeline-api.js';

const DAY_MS = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <</Type /Catalog>> endobj\n(Ada Quinn, ML engineer)\ntrailer <<>>\n%%EOF\n', 'latin1');

describeBrowser('the candidate record', (browser) => {
  let context: BrowserContext;
  let page: Page;
  let api: ReturnType<typeof pipelineApi>;
  let csrf: string;

  const session = ownerSessionPerTest(browser);
  beforeEach(() => {
    ({ context, page, csrfToken: csrf } = session());
    api = pipelineApi(context.request, csrf);
  });

  /** A candidate in a role, first contacted five days ago. */
  async function candidateInRole(name: string, email: string) {
    const role = await api.role('Inference Engineer');
    const candidate = await api.candidate(name, email);
    const application = await api.application(candidate.id, role.id);
    await api.event(application.id, { type: 'outreach.sent', occurredAt: new Date(Date.now() - 5 * DAY_MS).toISOString(), data: { channel: 'email' } });
    return { role, candidate, application };
  }

  it('edits every kind of detail, and explains a change someone else saved first', async () => {
    const { candidate } = await candidateInRole('Ada Quinn', 'ada.quinn@example.com');
    await page.goto(`/candidates/${candidate.id}`);
    await waitForPage(page, 'Ada Quinn');
    const details = page.getByRole('region', { name: 'Details' });

    await details.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog', { name: "Edit Ada Quinn's details" });
    await dialog.getByLabel(/^Phone/).fill('+44 20 7946 0001');
    await dialog.getByLabel(/^Location/).fill('Lisbon, Portugal');
    await dialog.getByLabel(/^Current employer/).fill('Mistral');
    await dialog.getByLabel('Link 1', { exact: true }).fill('https://github.com/adaquinn');
    await dialog.getByRole('button', { name: 'Add a link' }).click();
    await dialog.getByLabel('Link 2', { exact: true }).fill('not a link');
    await dialog.getByLabel('Looking?').selectOption({ label: 'Passive (not looking)' });
    await dialog.getByLabel(/^Years of production ML/).fill('6.5');
    await dialog.getByLabel('MLOps / ML platform engineer').check();
    await dialog.getByLabel(/^Base salary/).fill('180,000');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    // The API's words, beside the link that is wrong; nothing typed is lost.
    await dialog.getByText('A link is an http(s) URL').waitFor();
    expect(await dialog.getByLabel('Link 2', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Remove link 2' }).click();

    // Meanwhile someone else changes the record: the save is refused with a plain explanation, the form is kept.
    const current = await api.get<{ version: number }>(`/api/v1/candidates/${candidate.id}`);
    const other = await context.request.patch(`/api/v1/candidates/${candidate.id}`, { data: { source: 'referral' }, headers: { 'X-CSRF-Token': csrf, 'If-Match': `"${current.version}"` } });
    expect(other.status()).toBe(200);
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.getByText('Someone else changed these details meanwhile').waitFor();
    expect(await dialog.getByLabel(/^Location/).inputValue()).toBe('Lisbon, Portugal');
    // The form now shows their change (the source) under this person's own changes.
    expect(await dialog.getByLabel('Source').inputValue()).toBe('referral');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'detached' });

    await details.getByText('+44 20 7946 0001').waitFor();
    await details.getByText('Lisbon, Portugal').waitFor();
    await details.getByRole('link', { name: 'github.com/adaquinn' }).waitFor();
    await details.getByText('Passive').waitFor();
    await details.getByText('Referral').waitFor();
    await details.getByText('6.5 years').waitFor();
    const saved = await api.get<Record<string, unknown>>(`/api/v1/candidates/${candidate.id}`);
    expect(saved).toMatchObject({
      phone: '+44 20 7946 0001',
      location: 'Lisbon, Portugal',
      currentEmployer: 'Mistral',
      links: ['https://github.com/adaquinn'],
      passive: true,
      source: 'referral',
      specializations: ['mlops'],
      productionMlYears: 6.5,
      currentCompensation: { base: 180_000, bonus: 0, equityAnnual: 0 },
    });

    // Clearing: the phone and the links go back to empty.
    await details.getByRole('button', { name: 'Edit details' }).click();
    await dialog.getByLabel(/^Phone/).fill('');
    await dialog.getByRole('button', { name: 'Remove link 1' }).click();
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'detached' });
    await details.getByRole('link', { name: 'github.com/adaquinn' }).waitFor({ state: 'detached' });
    expect(await api.get<Record<string, unknown>>(`/api/v1/candidates/${candidate.id}`)).toMatchObject({ phone: null, links: [] });
  });

  it('attaches a PDF, downloads the same file, and removes it after a confirmation', async () => {
    const { candidate } = await candidateInRole('Bo Lind', 'bo.lind@example.com');
    await page.goto(`/candidates/${candidate.id}`);
    await waitForPage(page, 'Bo Lind');
    const cv = page.getByRole('region', { name: 'CV' });
    await cv.getByText('No CV yet').waitFor();

    await cv.getByLabel('Attach a CV').setInputFiles({ name: 'Bo Lind CV.pdf', mimeType: 'application/pdf', buffer: PDF });
    const link = cv.getByRole('link', { name: 'Download Bo Lind CV.pdf' });
    await link.waitFor();
    await cv.getByText(/PDF, \d+ bytes, added/).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Bo Lind CV.pdf');
    expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);

    // A file that only claims to be a PDF is refused in the API's words.
    await cv.getByLabel('Attach a CV').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Dear hiring manager') });
    await cv.getByText('This file is not a PDF').waitFor();

    await cv.getByRole('button', { name: 'Remove Bo Lind CV.pdf' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Bo Lind CV.pdf?' });
    await confirm.getByRole('button', { name: 'Remove the file' }).click();
    await link.waitFor({ state: 'detached' });
    await cv.getByText('No CV yet').waitFor();
  });

  it('closes an application with a reason and a note, then reopens it', async () => {
    const { candidate, role } = await candidateInRole('Cy Park', 'cy.park@example.com');
    await page.goto(`/candidates/${candidate.id}`);
    await waitForPage(page, 'Cy Park');

    await page.getByRole('button', { name: 'Close application' }).click();
    const close = page.getByRole('dialog', { name: "Close Cy Park's application" });
    await close.getByLabel('Outcome').selectOption({ label: 'Lost' });
    await close.getByRole('button', { name: 'Close application' }).click();
    await close.getByText('Choose why they were lost.').waitFor();
    await close.getByLabel('Why').selectOption({ label: 'Took another offer' });
    await close.getByLabel(/^Note/).fill('Went to a lab that moved faster');
    await close.getByRole('button', { name: 'Close application' }).click();
    await close.waitFor({ state: 'detached' });
    await page.getByText('Application closed: lost (Took another offer). Went to a lab that moved faster').waitFor();
    await page.getByRole('heading', { name: 'Inference Engineer: Lost (Took another offer)' }).waitFor();

    await page.getByRole('button', { name: 'Reopen' }).click();
    const reopen = page.getByRole('dialog', { name: "Reopen Cy Park's application" });
    await reopen.getByLabel('Stage').selectOption({ label: role.processPlan.stages[1]!.name });
    await reopen.getByLabel(/^Note/).fill('They are back in the market');
    await reopen.getByRole('button', { name: 'Reopen application' }).click();
    await reopen.waitFor({ state: 'detached' });
    await page.getByText(`Application reopened at ${role.processPlan.stages[1]!.name}. They are back in the market`).waitFor();
    await page.getByRole('heading', { name: `Inference Engineer: ${role.processPlan.stages[1]!.name}` }).waitFor();
    await page.getByRole('button', { name: 'Close application' }).waitFor();
  });

  it('archives and unarchives: refused while an application is open, hidden from the list while archived', async () => {
    const { candidate, application } = await candidateInRole('Di Moreau', 'di.moreau@example.com');
    await page.goto(`/candidates/${candidate.id}`);
    await waitForPage(page, 'Di Moreau');
    const keep = page.getByRole('region', { name: 'Keep or remove' });

    await keep.getByRole('button', { name: 'Archive' }).click();
    await keep.getByText(/Di Moreau is still a candidate for Inference Engineer\. Close that application first/).waitFor();

    await api.patchApplication(application.id, (await api.get<{ version: number }>(`/api/v1/applications/${application.id}`)).version, { status: 'withdrawn' });
    await page.reload();
    await waitForPage(page, 'Di Moreau');
    await keep.getByRole('button', { name: 'Archive' }).click();
    await page.getByText('Hidden from the candidate list; unarchive to add them to a role.').waitFor();

    await page.goto('/candidates');
    await waitForPage(page, 'Candidates');
    await page.getByRole('heading', { name: 'No candidates yet' }).waitFor();
    await page.getByLabel('Show').selectOption({ label: 'Archived' });
    const row = page.getByRole('row', { name: /Di Moreau/ });
    await row.getByText('Archived').waitFor();
    await row.getByRole('link', { name: 'Di Moreau' }).click();
    await waitForPage(page, 'Di Moreau');

    await keep.getByRole('button', { name: 'Unarchive' }).click();
    await keep.getByText('Di Moreau is back in the candidate list.').waitFor();
    await page.goto('/candidates');
    await page.getByRole('link', { name: 'Di Moreau' }).waitFor();
  });

  it('deletes a person only after their name is typed, and their page is gone afterwards', async () => {
    const { candidate } = await candidateInRole('Eli Stone', 'eli.stone@example.com');
    await page.goto(`/candidates/${candidate.id}`);
    await waitForPage(page, 'Eli Stone');

    await page.getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Eli Stone for good?' });
    await confirm.getByRole('button', { name: 'Delete Eli Stone' }).click();
    await confirm.getByText('Type Eli Stone exactly to confirm.').waitFor();
    expect((await context.request.get(`/api/v1/candidates/${candidate.id}`)).status()).toBe(200);

    await confirm.getByLabel('Type their name to confirm: Eli Stone').fill('Eli Stone');
    await confirm.getByRole('button', { name: 'Delete Eli Stone' }).click();
    await waitForPage(page, 'Candidates');
    await page.getByText('Eli Stone was deleted.').waitFor();
    expect((await context.request.get(`/api/v1/candidates/${candidate.id}`)).status()).toBe(404);

    await page.goto(`/candidates/${candidate.id}`);
    await page.getByText('This candidate could not be loaded').waitFor();
    await page.goto('/today');
    await waitForPage(page, 'Today');
  });
});
