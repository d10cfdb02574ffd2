import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import type { RiskView as Risk } from '../../../api/applications.js';
import type { TodayItemView as TodayItem, TodayView } from '../../../api/today.js';

const START = '2026-11-02T15:00:00.000Z';

const decay = (hours: number) => Math.pow(0.5, hours / 24 / 7);

for (const dialect of dialectsUnderTest()) {
  describe(`GET /api/v1/today [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
    });
    afterAll(async () => h.close());

    it('lists breached clocks and high risks, critical first, then by how far past their threshold', async () => {
      const role = await kit.role({ title: 'Applied Research Scientist', specializations: ['applied-research'] });
      const idleCritical = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Ada Idle' })).id });
      await kit.event(idleCritical.id, 'note', hoursAgo(h, 200), { text: 'left a voicemail' });
      const afterFinal = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Fin Final' })).id });
      await kit.event(afterFinal.id, 'interview.completed', hoursAgo(h, 96), { interviewId: 'onsite-1', final: true, interviewerIds: ['u-int'] });
      const risky = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Rita Risk' })).id });
      await kit.event(risky.id, 'signal.observed', hoursAgo(h, 2), { signal: 'competing-offer', deadline: '2026-11-06' });
      await kit.event(risky.id, 'signal.observed', hoursAgo(h, 1), { signal: 'ceo-call-request' });
      const idleWarning = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Wes Warning' })).id });
      await kit.event(idleWarning.id, 'note', hoursAgo(h, 80), { text: 'sent the take-home' });
      const closed = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Cleo Closed' })).id });
      await kit.event(closed.id, 'note', hoursAgo(h, 300), { text: 'old' });
      await kit.event(closed.id, 'application.closed', hoursAgo(h, 250), { status: 'lost', lossReason: 'compensation' });
      const quiet = await kit.application({ roleId: role.id });
      await kit.event(quiet.id, 'note', hoursAgo(h, 5), { text: 'fresh' });

      const res = await h.call('GET', '/api/v1/today', { token: h.ownerToken });
      expect(res.statusCode).toBe(200);
      const items = (res.json().items as TodayItem[]).filter((i) => i.roleTitle === 'Applied Research Scientist');
      expect(items.map((i) => [i.candidateName, i.kind, i.id, i.level])).toEqual([
        ['Fin Final', 'clock', 'offer.after-final', 'critical'], // 96 h against 48: 100% past
        ['Fin Final', 'clock', 'scorecard.due', 'critical'], // 96 h against 72: 33% past
        ['Ada Idle', 'clock', 'stage.idle', 'critical'], // 200 h against 168: 19% past
        ['Fin Final', 'clock', 'stage.idle', 'warning'], // 96 h against 72: 33% past
        ['Wes Warning', 'clock', 'stage.idle', 'warning'], // 80 h against 72: 11% past
        ['Rita Risk', 'risk', 'risk', 'high'], // 0.51 against 0.5
      ]);
      // The wording is the domain's data (next-actions.json); the figures are ours.
      expect(items[0]!.action).toMatch(/^Send the offer today: 96 h since the final interview/);
      expect(items[5]).toMatchObject({ action: 'Move the offer ahead of the deadline (2026-11-06)', applicationId: risky.id });
      // A date-only deadline counts to the end of that day (UTC): 2026-11-07T00:00Z is 105 h after 2026-11-02T15:00Z.
      expect(items[5]!.hoursToDeadline).toBeCloseTo(105, 6);
      expect(items.some((i) => i.applicationId === closed.id || i.applicationId === quiet.id)).toBe(false);
    });

    it('honours ?limit and reports the total', async () => {
      const all = (await h.call('GET', '/api/v1/today', { token: h.ownerToken })).json();
      const one = (await h.call('GET', '/api/v1/today?limit=1', { token: h.ownerToken })).json();
      expect(one.items).toEqual(all.items.slice(0, 1));
      expect(one.total).toBe(all.total);
      expect((await h.call('GET', '/api/v1/today?limit=0', { token: h.ownerToken })).statusCode).toBe(400);
    });

    it('pages the cards: nextCursor gives the cards after the page, the same as one larger page, until null', async () => {
      const get = async (q: string) => (await h.call('GET', `/api/v1/today?scope=all&${q}`, { token: h.ownerToken })).json() as TodayView;
      const whole = await get('limit=500');
      expect(whole.cardCount).toBe(whole.cards.length);
      expect(whole.cardCount).toBeGreaterThanOrEqual(3);
      expect(whole.nextCursor).toBeNull();
      const first = await get('limit=2');
      expect(first.cards).toEqual(whole.cards.slice(0, 2));
      expect(first).toMatchObject({ cardCount: whole.cardCount, nextCursor: '2' });
      const second = await get(`limit=2&cursor=${first.nextCursor}`);
      expect(second.cards).toEqual(whole.cards.slice(2, 4));
      expect(second.items).toEqual(whole.items.slice(2, 4));
      expect(second.nextCursor).toBe(whole.cardCount > 4 ? '4' : null);
      const past = await get(`limit=2&cursor=${whole.cardCount}`);
      expect(past).toMatchObject({ cards: [], nextCursor: null, cardCount: whole.cardCount });
      const bad = await h.call('GET', '/api/v1/today?cursor=x', { token: h.ownerToken });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.cursor' });
    });
  });

  describe(`field report cases through the API [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let approver: { userId: string; name: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
      const a = await h.tokenFor('approver', 'dana.approver@test.example');
      const users = (await h.call('GET', '/api/v1/users', { token: h.ownerToken })).json().items as Array<{ id: string; name: string }>;
      approver = { userId: a.userId, name: users.find((u) => u.id === a.userId)!.name };
    });
    afterAll(async () => h.close());
    beforeEach(() => h.clock.set(START));

    const detail = async (id: string) => (await h.call('GET', `/api/v1/applications/${id}`, { token: h.ownerToken })).json();
    const today = async () => (await h.call('GET', '/api/v1/today', { token: h.ownerToken })).json().items as TodayItem[];

    it('an approval sitting past 48 h after the final interview turns critical, names the approver, and stops once approved and extended', async () => {
      const app = await kit.application();
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 8 * 24), { channel: 'email' });
      await kit.event(app.id, 'interview.completed', hoursAgo(h, 40), { interviewId: 'final-1', final: true, interviewerIds: ['u-int'] });
      await kit.event(app.id, 'scorecard.submitted', hoursAgo(h, 38), { interviewId: 'final-1', interviewerId: 'u-int' });
      await kit.event(app.id, 'offer.drafted', hoursAgo(h, 32), { offerId: 'of-1' });
      await kit.event(app.id, 'offer.approval-requested', hoursAgo(h, 30), { offerId: 'of-1', approverIds: [approver.userId] });

      let d = await detail(app.id);
      expect(d.clocks.find((c: { id: string }) => c.id === 'approval.pending')).toMatchObject({ state: 'warning', elapsedHours: 30, action: expect.stringContaining(`Approver ${approver.name} has had it for 30 h`) });
      expect(d.clocks.find((c: { id: string }) => c.id === 'offer.after-final')).toMatchObject({ state: 'warning', elapsedHours: 40 });
      expect(d.risk.signals.map((s: { type: string }) => s.type)).not.toContain('approval-delay');

      h.clock.advanceHours(21);
      d = await detail(app.id);
      expect(d.clocks.find((c: { id: string }) => c.id === 'approval.pending')).toMatchObject({
        state: 'critical',
        elapsedHours: 51,
        action: expect.stringContaining(`Approver ${approver.name} has had it for 51 h`),
      });
      expect(d.risk.signals).toEqual([expect.objectContaining({ type: 'approval-delay', source: 'detected', contribution: 0.3 })]);
      expect(d.risk.actions[0].text).toBe('Unblock the approver; pre-negotiated bands avoid this');
      const items = (await today()).filter((i) => i.applicationId === app.id);
      expect(items.map((i) => [i.id, i.level])).toEqual([
        ['offer.after-final', 'critical'],
        ['approval.pending', 'critical'],
      ]);

      await kit.event(app.id, 'offer.approved', hoursAgo(h, 1), { offerId: 'of-1', approverId: approver.userId });
      await kit.event(app.id, 'offer.extended', hoursAgo(h, 0), { offerId: 'of-1' });
      d = await detail(app.id);
      expect(d.clocks.find((c: { id: string }) => c.id === 'approval.pending')).toMatchObject({ state: 'stopped', endedLate: true });
      expect(d.clocks.find((c: { id: string }) => c.id === 'offer.after-final')).toMatchObject({ state: 'stopped', endedLate: true });
      expect((await today()).filter((i) => i.applicationId === app.id)).toEqual([]);
    });

    it('a candidate who asked to speed up and then asked only about start dates: extend the offer now', async () => {
      const app = await kit.application();
      await kit.event(app.id, 'application.received', hoursAgo(h, 6 * 24), { source: 'inbound' });
      await kit.event(app.id, 'signal.observed', hoursAgo(h, 72), { signal: 'accelerate-request', note: 'has two other loops closing next week' });
      await kit.event(app.id, 'signal.observed', hoursAgo(h, 24), { signal: 'logistics-focus', note: 'only asked about start date and remote days' });
      const risk = (await detail(app.id)).risk as Risk;
      const logistics = 0.25 * decay(24);
      const accelerate = 0.3 * decay(72);
      expect(risk.signals.map((s) => s.type)).toEqual(['logistics-focus', 'accelerate-request']);
      expect(risk.signals[0]!.contribution).toBeCloseTo(logistics, 10);
      expect(risk.signals[1]!.contribution).toBeCloseTo(accelerate, 10);
      expect(risk.score).toBeCloseTo(1 - (1 - logistics) * (1 - accelerate), 10);
      expect(risk.level).toBe('medium');
      expect(risk.actions.map((a) => a.id)).toEqual(['extend-offer-now', 'compress-loop']);
      expect(risk.actions[0]!.text).toBe('The candidate is evaluating offers: extend yours now');
    });

    it('a competing offer with a deadline makes the risk high and puts the deadline on the action', async () => {
      const app = await kit.application();
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 5 * 24), { channel: 'linkedin' });
      await kit.event(app.id, 'signal.observed', hoursAgo(h, 2), { signal: 'competing-offer', deadline: '2026-11-06', note: 'offer from a big lab' });
      await kit.event(app.id, 'signal.observed', hoursAgo(h, 1), { signal: 'ceo-call-request' });
      const risk = (await detail(app.id)).risk as Risk;
      expect(risk.signals[0]).toMatchObject({ type: 'competing-offer', deadline: '2026-11-06', source: 'logged' });
      expect(risk.score).toBeCloseTo(1 - (1 - 0.35 * decay(2)) * (1 - 0.25 * decay(1)), 10);
      expect(risk.level).toBe('high');
      expect(risk.actions[0]).toMatchObject({ id: 'beat-deadline', text: 'Move the offer ahead of the deadline (2026-11-06)' });
      const item = (await today()).find((i) => i.applicationId === app.id)!;
      expect(item).toMatchObject({ kind: 'risk', level: 'high', action: 'Move the offer ahead of the deadline (2026-11-06)' });
      // A week later the logged signals have halved: no longer high.
      h.clock.advanceHours(7 * 24);
      expect(((await detail(app.id)).risk as Risk).level).not.toBe('high');
    });

    it('replies getting slower and shorter are detected as falling engagement', async () => {
      const app = await kit.application();
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 7 * 24), { channel: 'email' });
      await kit.event(app.id, 'candidate.replied', hoursAgo(h, 100), { latencyHours: 2, length: 900, asksQuestion: true });
      await kit.event(app.id, 'team.replied', hoursAgo(h, 99));
      let risk = (await detail(app.id)).risk as Risk;
      expect(risk.signals).toEqual([]);
      await kit.event(app.id, 'candidate.replied', hoursAgo(h, 60), { latencyHours: 9, length: 350, asksQuestion: false });
      await kit.event(app.id, 'candidate.replied', hoursAgo(h, 20), { latencyHours: 30, length: 60, asksQuestion: false });
      risk = (await detail(app.id)).risk as Risk;
      expect(risk.signals).toEqual([expect.objectContaining({ type: 'engagement-falling', source: 'detected', contribution: 0.2 })]);
      expect(risk.actions[0]).toMatchObject({ id: 'founder-reach-out', text: 'Founder reaches out personally within 24 h' });
    });
  });

  describe(`PUT /api/v1/pipeline/settings [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
    });
    afterAll(async () => h.close());

    const put = (body: unknown, token = h.ownerToken) => h.call('PUT', '/api/v1/pipeline/settings', { token, body });

    it('shows the defaults, then the company overrides, which every clock and risk then uses', async () => {
      const before = (await h.call('GET', '/api/v1/pipeline/settings', { token: h.ownerToken })).json();
      expect(before.overrides).toEqual({});
      expect(before.effective.clocks.targets['approval.pending']).toEqual({ warningHours: 24, criticalHours: 48 });
      expect(before.effective.risk.weights['competing-offer']).toBe(0.35);

      const app = await kit.application();
      await kit.event(app.id, 'note', hoursAgo(h, 30), { text: 'x' });
      const res = await put({ clocks: { targets: { 'stage.idle': { warningHours: 24, criticalHours: 48 } } }, risk: { weights: { 'competing-offer': 0.6 } } });
      expect(res.statusCode).toBe(200);
      expect(res.json().effective.clocks.targets['stage.idle']).toEqual({ warningHours: 24, criticalHours: 48 });
      const idle = ((await h.call('GET', `/api/v1/applications/${app.id}`, { token: h.ownerToken })).json().clocks as Array<{ id: string; state: string }>).find((c) => c.id === 'stage.idle');
      expect(idle).toMatchObject({ state: 'warning' });
      await kit.event(app.id, 'signal.observed', hoursAgo(h, 0), { signal: 'competing-offer' });
      const risk = (await h.call('GET', `/api/v1/applications/${app.id}`, { token: h.ownerToken })).json().risk;
      expect(risk).toMatchObject({ score: 0.6, level: 'high' });
      const audit = (await h.call('GET', '/api/v1/audit?entity=company', { token: h.ownerToken })).json().items;
      expect(audit[0]).toMatchObject({ action: 'company.update', fields: ['settings.pipeline'] });
      expect((await put({})).json().overrides).toEqual({});
    });

    it('rejects settings that do not resolve (400 CLOCK_SETTINGS_INVALID / RISK_SETTINGS_INVALID) and changes nothing', async () => {
      const bad = await put({ clocks: { targets: { 'stage.idle': { warningHours: 100, criticalHours: 50 } } } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'CLOCK_SETTINGS_INVALID', field: 'clocks.targets.stage.idle.criticalHours' });
      const levels = await put({ risk: { levels: { high: 0.9 } } });
      expect(levels.statusCode).toBe(400);
      expect(levels.json()).toMatchObject({ code: 'RISK_SETTINGS_INVALID', field: 'risk.levels' });
      await kit.role({ clockOverrides: { targets: { 'offer.after-final': { warningHours: 40 } } } });
      const clash = await put({ clocks: { targets: { 'offer.after-final': { criticalHours: 30 } } } });
      expect(clash.statusCode).toBe(400);
      expect(clash.json().code).toBe('CLOCK_SETTINGS_INVALID');
      expect((await h.call('GET', '/api/v1/pipeline/settings', { token: h.ownerToken })).json().overrides).toEqual({});
    });

    it('is readable by interviewers and writable only by owners and admins', async () => {
      const interviewer = await h.tokenFor('interviewer');
      const recruiter = await h.tokenFor('recruiter');
      expect((await h.call('GET', '/api/v1/pipeline/settings', { token: interviewer.token })).statusCode).toBe(200);
      expect((await put({}, interviewer.token)).statusCode).toBe(403);
      expect((await put({}, recruiter.token)).statusCode).toBe(403);
    });
  });
}
