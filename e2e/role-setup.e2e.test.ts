import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import type { RolePatchBody, RoleView } from '../src/api/roles.js';
import { describeBrowser, waitForPage } from './support/browser.js';
import { createUserThroughApi } from './support/factories.js';
import { ownerSessionPerTest } from './support/owner-session.js';
import { pipelineApi } from './support/pipeline-api.js';

const DESCRIPTION = `Responsibilities:
- Build and operate our model serving and inference stack on GPUs, with latency budgets and autoscaling.
- Own CI/CD for models, the model registry and drift monitoring.
Requirements: 5+ years of experience.`;

/** The role as GET /roles/:id sends it; its clock overrides are what PATCH took. */
type RoleJson = Omit<RoleView, 'clockOverrides'> & { clockOverrides: NonNullable<RolePatchBody['clockOverrides']> };

describeBrowser('setting up a role, its band, approvals and the audit log', (browser) => {
  let page: Page;
  let csrf: string;

  const session = ownerSessionPerTest(browser);
  beforeEach(() => {
    ({ page, csrfToken: csrf } = session());
  });

  const api = () => pipelineApi(page.request, csrf);
  const roleFromApi = (id: string) => api().get<RoleJson>(`/api/v1/roles/${encodeURIComponent(id)}`);
  const stageNames = async () => {
    const rows = page.locator('.stage-list > li');
    const names: string[] = [];
    for (let i = 0; i < (await rows.count()); i += 1) names.push(await rows.nth(i).locator('input').first().inputValue());
    return names;
  };

  it('creates a role from an empty workspace, sets its stages, a clock and its band, chooses approvers, and finds it all in the audit log by name', async () => {
    const pat = await createUserThroughApi(page.request, csrf, { name: 'Pat Approver', role: 'approver' });

    // An empty workspace: the roles list says what to do, and the role editor creates the role.
    await page.goto('/roles');
    await waitForPage(page, 'Roles');
    await page.getByRole('heading', { name: 'No roles yet' }).waitFor();
    await page.getByRole('link', { name: 'New role' }).first().click();
    await waitForPage(page, 'New role');
    await page.getByLabel('Title', { exact: true }).fill('Staff Inference Engineer');
    await page.getByLabel('Job description').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Save role' }).click();

    // Saving a new role leads to its settings.
    await page.waitForURL(/\/roles\/[^/]+\/settings\?created=1$/);
    await waitForPage(page, 'Staff Inference Engineer: settings');
    await page.getByText('Role created').waitFor();
    const roleId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    const planned = page.getByTestId('planned-total');
    expect(await planned.innerText()).toMatch(/Planned: 10 days, target 10 days/);

    // Add a stage, move it up with the keyboard and with its button, and plan fewer days for the screen.
    await page.getByLabel('New stage').fill('Founder call');
    await page.getByLabel('Planned days', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByLabel('Name of stage 6').waitFor();
    expect(await planned.innerText()).toMatch(/11 days, target 10 days[\s\S]*1 day over/);
    await page.getByLabel('Name of stage 6').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(stageNames).toEqual(['Sourced', 'Screen', 'Technical interview', 'Final interviews (one day)', 'Founder call', 'Offer']);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Founder call');
    await page.keyboard.press('Alt+ArrowUp');
    await page.getByRole('button', { name: 'Move Founder call up' }).click();
    await expect.poll(stageNames).toEqual(['Sourced', 'Screen', 'Founder call', 'Technical interview', 'Final interviews (one day)', 'Offer']);
    await page.getByLabel('Planned days for Screen').fill('1');
    await page.getByLabel('Name of stage 4').fill('Technical deep dive');
    expect(await planned.innerText()).toMatch(/10 days, target 10 days[\s\S]*Within the target/);
    await page.getByRole('button', { name: 'Save stages' }).click();
    await page.getByText('Stages saved.').waitFor();
    let role = await roleFromApi(roleId);
    expect(role.processPlan.stages.map((s) => [s.id, s.name, s.plannedDays])).toEqual([
      ['sourced', 'Sourced', 1],
      ['screen', 'Screen', 1],
      ['founder-call', 'Founder call', 1],
      ['technical', 'Technical deep dive', 3],
      ['final', 'Final interviews (one day)', 2],
      ['offer', 'Offer', 2],
    ]);

    // A stage that still has a candidate cannot go: the API's message is shown, and nothing changes.
    const candidate = await api().candidate('Ada Park', `ada-${Date.now()}@example.org`);
    const application = await api().application(candidate.id, roleId);
    await api().patchApplication(application.id, application.version, { stage: 'technical' });
    await page.getByRole('button', { name: 'Remove Technical deep dive' }).click();
    await page.getByRole('button', { name: 'Save stages' }).click();
    await page.getByRole('alert').filter({ hasText: 'Stage "Technical deep dive" still has 1 active application' }).waitFor();
    expect((await roleFromApi(roleId)).processPlan.stages).toHaveLength(6);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(stageNames).toContain('Technical deep dive');

    // Override one clock: the whole process warns after 7 days here, against the company's 10.
    const wholeProcess = page.locator('[data-clock="cycle.total"]');
    expect(await wholeProcess.innerText()).toMatch(/Company: warning after 10 days, critical after 21 days/);
    await wholeProcess.getByLabel('Use different times for this role').check();
    await page.getByLabel('Whole process: warning after').fill('7');
    await page.getByLabel('Whole process: critical after').fill('14');
    await page.getByRole('button', { name: 'Save clocks' }).click();
    await page.getByText('Clocks saved.').waitFor();
    await wholeProcess.getByText('Changed for this role').waitFor();
    role = await roleFromApi(roleId);
    expect(role.clockOverrides.targets).toEqual({ 'cycle.total': { warningHours: 168, criticalHours: 336 } });
    expect(await planned.innerText()).toMatch(/target 7 days/);

    // Record the band the board approved for the company's stage (seed).
    await page.getByText('No board-approved band for Seed yet').waitFor();
    await page.getByRole('button', { name: 'Record the Seed band' }).click();
    const bandForm = page.getByRole('form', { name: 'Board-approved band' });
    await bandForm.getByLabel('Lowest base (per year)').fill('190,000');
    await bandForm.getByLabel('Highest base (per year)').fill('230000');
    await bandForm.getByLabel('Lowest equity (% of fully diluted)').fill('0.5');
    await bandForm.getByLabel('Highest equity (% of fully diluted)').fill('1');
    await bandForm.getByLabel('Approved by').fill('Board meeting');
    await bandForm.getByLabel('Approved on').fill('2025-06-30');
    await bandForm.getByRole('button', { name: 'Save band' }).click();
    await page.getByText('The Seed band is saved.').waitFor();
    const current = page.getByTestId('current-band');
    await current.getByText('Approved by Board meeting on 30 Jun 2025').waitFor();
    expect(await current.innerText()).toMatch(/Base \$190,000–\$230,000, equity 0\.5%–1% of fully diluted/);
    expect((await roleFromApi(roleId)).band).toEqual({ baseMin: 190_000, baseMax: 230_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' });

    // The job posting: an equity-first text is a finding, and publishing waits until the founder says they read it.
    const postingForm = page.getByRole('form', { name: 'Job posting' });
    await postingForm.getByLabel('Title', { exact: true }).fill('Staff Inference Engineer');
    await postingForm.getByLabel('Public text').fill('Join for the equity upside. The base pay is strong too. You will own our inference stack.');
    await postingForm.getByLabel('Location').fill('Berlin');
    await postingForm.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('talks about equity before it says anything about cash').waitFor();
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByLabel('I have read the findings').check();
    await publish.click();
    await page.getByText('Published: the posting is on the job board.').waitFor();
    const publicPage = await page.getByRole('link', { name: 'Open the public page' }).getAttribute('href');
    const board = await page.request.get(publicPage!);
    expect(board.status()).toBe(200);
    expect(await board.text()).toContain('Staff Inference Engineer');

    // Approvals: Pat first, then the owner, one after another.
    await page.goto('/settings/approvals');
    await page.getByRole('heading', { name: 'Approvals', level: 2 }).waitFor();
    await page.getByText(/No approvers chosen: the workspace's owners \(Olivia Owner\) decide/).waitFor();
    await page.getByLabel('One after another').check();
    await page.getByLabel('Add an approver').selectOption({ label: 'Olivia Owner (Owner)' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('Add an approver').selectOption({ label: 'Pat Approver (Approver)' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Move Pat Approver up' }).click();
    await page.getByRole('button', { name: 'Save approval settings' }).click();
    await page.getByText('Approval settings saved.').waitFor();
    const settings = await api().get<{ approverIds: string[]; mode: string }>('/api/v1/approvals/settings');
    expect(settings.mode).toBe('sequential');
    expect(settings.approverIds[0]).toBe(pat.id);
    expect(settings.approverIds).toHaveLength(2);

    // The audit log names who did what to which record, and filters by record type and person.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 2 }).waitFor();
    await page.getByRole('row', { name: /Olivia Owner.*Changed the approval settings.*Acme Vision/ }).waitFor();
    await page.getByLabel('Record type').selectOption({ label: 'Role' });
    await page.waitForURL(/entity=role/);
    const rows = page.getByRole('row');
    await page.getByRole('row', { name: /Olivia Owner.*Recorded a board-approved band.*Staff Inference Engineer/ }).waitFor();
    await page.getByRole('row', { name: /Olivia Owner.*Created a role.*Staff Inference Engineer/ }).waitFor();
    expect(await page.getByRole('row', { name: /Changed a role.*Staff Inference Engineer/ }).count()).toBeGreaterThanOrEqual(2);
    expect(await rows.filter({ hasText: 'Changed the approval settings' }).count()).toBe(0);
    // Raw keys and ids stay in tooltips.
    expect(await page.locator('main').innerText()).not.toContain('role.band.set');
    expect(await page.locator('main').innerText()).not.toContain(roleId);
    // Filters live in the URL: a reload keeps them.
    await page.reload();
    await page.getByRole('row', { name: /Recorded a board-approved band/ }).waitFor();
    expect(await page.getByLabel('Record type').inputValue()).toBe('role');
  });

  it('shows an approver refused by the API beside their name, with links to the places it names', async () => {
    const pat = await createUserThroughApi(page.request, csrf, { name: 'Pat Approver', role: 'approver' });
    const put = await page.request.put('/api/v1/approvals/settings', { data: { approverIds: [pat.id], mode: 'parallel' }, headers: { 'X-CSRF-Token': csrf, 'If-Match': '"1"' } });
    expect(put.status()).toBe(200);
    // Pat becomes a recruiter: recruiters may not approve offers.
    const demote = await page.request.patch(`/api/v1/users/${pat.id}`, { data: { role: 'recruiter' }, headers: { 'X-CSRF-Token': csrf, 'If-Match': '"1"' } });
    expect(demote.status()).toBe(200);

    await page.goto('/settings/approvals');
    await page.getByRole('heading', { name: 'Approvals', level: 2 }).waitFor();
    await page.getByText('can no longer approve').waitFor();
    await page.getByLabel('One after another').check();
    await page.getByRole('button', { name: 'Save approval settings' }).click();
    const error = page.locator('.approver-row .field-error');
    await error.getByText(/Pat Approver cannot approve offers/).waitFor();
    expect(await error.getByRole('link', { name: 'Settings → Approvals' }).getAttribute('href')).toBe('/settings/approvals');
    await error.getByRole('link', { name: 'Settings → Users' }).click();
    await page.waitForURL(/\/settings\/users$/);
    await page.getByRole('heading', { name: 'Invite someone' }).waitFor();
    // Nothing was saved.
    expect((await api().get<{ mode: string }>('/api/v1/approvals/settings')).mode).toBe('parallel');

    // The role settings explain where approvers are chosen, with a link there.
    const role = await api().role('Research Engineer');
    await page.goto(`/roles/${encodeURIComponent(role.id)}/settings`);
    await waitForPage(page, 'Research Engineer: settings');
    await page.getByRole('link', { name: 'Settings → Approvals' }).click();
    await page.waitForURL(/\/settings\/approvals$/);
  });
});
