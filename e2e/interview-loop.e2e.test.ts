import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { icsProperty, parseIcs, unescapeIcsText } from '../src/domain/interviews/ics.js';
import { describeBrowser, newContext, waitForPage } from './support/browser.js';
import { createUserThroughApi, signInThroughApi } from './support/factories.js';
import { ownerSessionPerTest } from './support/owner-session.js';
import { pipelineApi } from './support/pipeline-api.js';

/** Planted in the candidate's pay: no invite and no interviewer page may show it. */
const PAY = 734_215;

async function download(page: Page, link: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFile((await file.path())!, 'utf8');
}

describeBrowser('interview loop', (browser) => {
  let context: BrowserContext;
  let page: Page;
  let csrf: string;
  const session = ownerSessionPerTest(browser);
  beforeEach(() => {
    ({ context, page, csrfToken: csrf } = session());
  });

  it('an owner plans a one-day onsite of three, reschedules one, cancels one and downloads invites; an interviewer rates only their focus', async () => {
    const api = pipelineApi(context.request, csrf);
    const ann = await createUserThroughApi(context.request, csrf, { name: 'Ann Lee', role: 'interviewer' });
    const bob = await createUserThroughApi(context.request, csrf, { name: 'Bob Ray', role: 'interviewer' });
    await createUserThroughApi(context.request, csrf, { name: 'Cat Diaz', role: 'hiring-manager' });
    const roleRes = await context.request.post('/api/v1/roles', {
      data: { title: 'ML Platform Engineer', seniority: 'senior', specializations: ['mlops', 'data-engineering'] },
      headers: { 'X-CSRF-Token': csrf },
    });
    const role = (await roleRes.json()) as { id: string };
    const candidateRes = await context.request.post('/api/v1/candidates', {
      data: { name: 'Grace Hopper', email: `grace-${Date.now()}@example.com`, source: 'referral', currentCompensation: { base: PAY, bonus: 0, equityAnnual: 0, currency: 'USD' } },
      headers: { 'X-CSRF-Token': csrf },
    });
    const candidate = (await candidateRes.json()) as { id: string; email: string };
    await api.application(candidate.id, role.id);

    await page.goto(`/candidates/${candidate.id}`);
    await waitForPage(page, 'Grace Hopper');
    const panel = page.getByRole('region', { name: 'Interviews' });
    await panel.getByText('No interviews yet').waitFor();

    // Plan the day: three interviews, each with its interviewers and focus, sent once.
    await panel.getByRole('button', { name: 'Plan a one-day onsite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan a one-day onsite' });
    await dialog.getByLabel('Where').fill('Office, 2nd floor');
    const slot = (n: number) => dialog.getByRole('group', { name: `Interview ${n}`, exact: true });
    const pick = async (n: number, people: string[], focus: string[]) => {
      for (const name of people) await slot(n).getByRole('group', { name: 'Interviewers' }).getByLabel(name, { exact: true }).check();
      for (const name of focus) await slot(n).getByRole('group', { name: /^Covers/ }).getByLabel(name, { exact: true }).check();
    };
    await pick(1, ['Ann Lee'], ['Distributed training', 'Inference under cost']);
    await pick(2, ['Bob Ray'], ['MLOps ownership']);
    await pick(3, ['Ann Lee', 'Cat Diaz'], ['Production deployment', 'Data']);
    // Ann twice at once is refused beside the slot, before anything is sent.
    await slot(3).getByLabel(/^Starts/).fill('10:30');
    await dialog.getByRole('button', { name: 'Schedule 3 interviews' }).click();
    await slot(3).getByText('Ann Lee is also in interview 1 at this time.').waitFor();
    expect((await (await context.request.get(`/api/v1/interviews`)).json()).items).toEqual([]);
    await slot(3).getByLabel(/^Starts/).fill('12:30');
    await dialog.getByRole('button', { name: 'Schedule 3 interviews' }).click();
    await panel.getByText('Scheduled the onsite: 3 interviews.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const onsite = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^One-day onsite/ }) });
    await onsite.waitFor();
    const card = (kind: string) => panel.getByRole('article', { name: kind });
    for (const kind of ['Technical deep dive', 'System design', 'Founder call']) await card(kind).waitFor();
    await card('System design').getByText('MLOps ownership').waitFor();
    await card('Founder call').getByText('Ann Lee, Cat Diaz').waitFor();

    // Reschedule the system design; someone else changes it while the dialog is open: a plain 412, then a save.
    await card('System design').getByRole('button', { name: /^Reschedule System design/ }).click();
    const reschedule = page.getByRole('dialog', { name: 'Reschedule System design' });
    await reschedule.getByLabel(/^Starts/).fill('15:00');
    const listed = (await (await context.request.get(`/api/v1/interviews`)).json()).items as Array<{ id: string; kind: string; version: number }>;
    const design = listed.find((i) => i.kind === 'system-design')!;
    const meanwhile = await context.request.patch(`/api/v1/interviews/${design.id}`, { data: { location: 'Room 4' }, headers: { 'X-CSRF-Token': csrf, 'If-Match': `"${design.version}"` } });
    expect(meanwhile.status()).toBe(200);
    await reschedule.getByRole('button', { name: 'Save new time' }).click();
    await reschedule.getByText(/Someone changed this interview while you had it open, so your change was not saved/).waitFor();
    await reschedule.getByRole('button', { name: 'Save new time' }).click();
    await panel.getByText(/^Rescheduled: System design, now .*15:00–16:00 UTC/).waitFor();
    await card('System design').getByText(/15:00–16:00 UTC/).waitFor();

    // Cancel the founder call, with a confirmation.
    await card('Founder call').getByRole('button', { name: /^Cancel Founder call/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel the founder call?' });
    await confirm.getByRole('button', { name: 'Cancel interview' }).click();
    await panel.getByText(/^Cancelled: Founder call/).waitFor();
    await card('Founder call').getByText('Cancelled', { exact: true }).waitFor();
    expect(await card('Founder call').getByRole('button', { name: /^Reschedule/ }).count()).toBe(0);

    // Invites: Ann's for the deep dive, and the candidate's whole day with the cancelled call marked so.
    const annInvite = await download(page, card('Technical deep dive').getByRole('link', { name: /^Ann Lee's invite for Technical deep dive/ }));
    const annEvent = parseIcs(annInvite).components[0]!;
    expect(icsProperty(parseIcs(annInvite), 'METHOD')!.value).toBe('REQUEST');
    expect(icsProperty(annEvent, 'ATTENDEE')!.value).toBe(`mailto:${ann.email}`);
    expect(unescapeIcsText(icsProperty(annEvent, 'DESCRIPTION')!.value)).toContain('Cover: Distributed training; Inference under cost');
    expect(unescapeIcsText(icsProperty(annEvent, 'LOCATION')!.value)).toBe('Office, 2nd floor');
    const day = await download(page, onsite.getByRole('link', { name: /Candidate.s invite for the whole day/ }));
    const events = parseIcs(day).components;
    expect(events.map((e) => [icsProperty(e, 'SUMMARY')!.value, icsProperty(e, 'STATUS')!.value])).toEqual([
      ['Technical deep dive with Acme Vision', 'CONFIRMED'],
      ['Cancelled: Founder call with Acme Vision', 'CANCELLED'],
      ['System design with Acme Vision', 'CONFIRMED'],
    ]);
    expect(events.every((e) => icsProperty(e, 'ATTENDEE')!.value === `mailto:${candidate.email}`)).toBe(true);
    for (const text of [annInvite, day]) expect(text).not.toContain(String(PAY));

    // Bob, an interviewer: his own invite on My interviews, and a scorecard form with only his focus.
    const bobContext = await newContext(browser(), new URL(page.url()).origin);
    try {
      await signInThroughApi(bobContext, bob);
      const bobPage = await bobContext.newPage();
      await bobPage.goto('/interviews');
      await waitForPage(bobPage, 'Interviews');
      const row = bobPage.getByRole('row', { name: /Grace Hopper/ });
      const invite = await download(bobPage, row.getByRole('link', { name: /^Invite \(\.ics\) for the system design with Grace Hopper/ }));
      expect(icsProperty(parseIcs(invite).components[0]!, 'ATTENDEE')!.value).toBe(`mailto:${bob.email}`);
      await row.getByRole('link', { name: 'Grace Hopper', exact: true }).click();
      await waitForPage(bobPage, 'Scorecard: Grace Hopper');
      await bobPage.getByRole('group', { name: 'MLOps ownership' }).waitFor();
      await bobPage.getByText(/This interview covers MLOps ownership/).waitFor();
      for (const other of ['Production deployment', 'Distributed training', 'Inference under cost', 'Data']) {
        expect(await bobPage.getByRole('group', { name: other, exact: true }).count(), other).toBe(0);
      }
      expect(await bobPage.locator('body').innerText()).not.toContain(PAY.toLocaleString('en-US'));
    } finally {
      await bobContext.close();
    }
  });
});
