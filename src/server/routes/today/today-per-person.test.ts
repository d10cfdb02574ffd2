import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { expectOk, makeInterview, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';
import type { TodayMarkView as Mark, TodayView as TodayBody } from '../../../api/today.js';

const START = '2026-11-02T15:00:00.000Z';

for (const dialect of dialectsUnderTest()) {
  describe(`GET /api/v1/today for each person [${dialect.name}]`, () => {
    let h: Harness;
    const who: Record<'rita' | 'hank' | 'dana' | 'lee' | 'ivy' | 'rob', { token: string; userId: string }> = {} as never;
    let unassigned: { id: string };
    let runApp: { id: string };
    let offerId: string;
    let interviewId: string;

    const today = async (token: string, query = ''): Promise<TodayBody> => {
      const res = await h.call('GET', `/api/v1/today${query}`, { token });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const cardOf = (body: TodayBody, applicationId: string) => body.cards.find((c) => c.applicationId === applicationId);

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      const kit = pipelineKit(h);
      who.rita = await h.tokenFor('recruiter');
      who.rob = await h.tokenFor('recruiter');
      who.hank = await h.tokenFor('hiring-manager');
      who.dana = await h.tokenFor('approver', `dana-${dialect.name}@test.example`);
      who.lee = await h.tokenFor('approver');
      who.ivy = await h.tokenFor('interviewer');
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [who.dana.userId, who.lee.userId], mode: 'sequential' } }), 200, 'approvers');

      // A role nobody runs: an idle candidate, owners' and admins' work.
      const roleA = await kit.role({ title: 'Research Engineer' });
      unassigned = await kit.application({ roleId: roleA.id, candidateId: (await kit.candidate({ name: 'Ada Idle' })).id });
      await kit.event(unassigned.id, 'outreach.sent', hoursAgo(h, 100), { channel: 'email' });

      // A role Rita runs with Hank as hiring manager: a final interview by Ivy, an offer outside the band sent for approval.
      const { application } = await makePipeline(h, { role: { title: 'MLOps Lead', recruiterId: who.rita.userId, hiringManagerId: who.hank.userId }, candidate: { name: 'Rahul Mehta' } });
      runApp = application;
      await kit.event(runApp.id, 'outreach.sent', hoursAgo(h, 12 * 24), { channel: 'linkedin' });
      const iv = await makeInterview(h, runApp.id, { kind: 'onsite', final: true, interviewerIds: [who.ivy.userId], scheduledAt: hoursAgo(h, 32) });
      interviewId = iv.id;
      await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: h.ownerToken, body: { occurredAt: hoursAgo(h, 30) } }), 200, 'complete');
      const offer = await makeOffer(h, runApp.id, terms({ base: 250_000 }));
      offerId = offer.id;
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
      h.clock.advanceHours(30);
      await kit.event(runApp.id, 'signal.observed', hoursAgo(h, 0), { signal: 'competing-offer' });
      await kit.event(runApp.id, 'signal.observed', hoursAgo(h, 0), { signal: 'ceo-call-request' });
    });
    afterAll(async () => h.close());

    it('everything: one card per application with all its late clocks and its risk, the worst level first', async () => {
      const all = await today(h.ownerToken, '?scope=all');
      expect(all.scope).toBe('all');
      const run = cardOf(all, runApp.id)!;
      expect(run.items.map((i) => [i.id, i.level])).toEqual([
        ['offer.after-final', 'critical'], // 60 h against 48
        ['scorecard.due', 'warning'], // 60 h against 24
        ['cycle.total', 'warning'], // 13.25 days against 10: 32.5% past
        ['risk', 'high'], // competing offer, founder call, and the offer 60 h after the final interview (approval delay): 0.66 against 0.5
        ['approval.pending', 'warning'], // 30 h against 24: 25% past
      ]);
      expect(run).toMatchObject({ level: 'critical', reasons: [], firstContactDays: 13 });
      expect(all.cards.filter((c) => c.applicationId === runApp.id)).toHaveLength(1);
      expect(cardOf(all, unassigned.id)!.items.map((i) => i.id)).toEqual(['stage.idle']);
    });

    it('for the owner by default: only roles nobody runs, and why', async () => {
      const mine = await today(h.ownerToken);
      expect(mine).toMatchObject({ scope: 'mine', canSeeAll: true });
      expect(mine.cards.map((c) => [c.candidateName, c.reasons])).toEqual([['Ada Idle', [{ code: 'unassigned', text: 'Nobody runs Research Engineer, so it falls to owners and admins' }]]]);
      expect(mine.cards[0]!.items[0]!.do).toEqual({ kind: 'record', id: 'stage.idle', label: 'Log that I contacted Ada', done: 'You logged that you contacted Ada' });
      expect(mine.items.map((i) => i.applicationId)).toEqual([unassigned.id]);
    });

    it('for the recruiter: the contact and chasing work of their role, with buttons that name the person', async () => {
      const names = new Map(((await h.call('GET', '/api/v1/users', { token: h.ownerToken })).json().items as Array<{ id: string; name: string }>).map((u) => [u.id, u.name]));
      const mine = await today(who.rita.token);
      expect(mine.cards.map((c) => c.applicationId)).toEqual([runApp.id]);
      const card = mine.cards[0]!;
      expect(card.reasons).toEqual([{ code: 'recruiter', text: 'You run the search for MLOps Lead' }]);
      expect(card.items.map((i) => [i.id, i.do.kind, i.do.label])).toEqual([
        ['scorecard.due', 'record', `Mark ${names.get(who.ivy.userId)}'s scorecard chased`],
        // Sequential approval: only the approver whose turn it is is named.
        ['approval.pending', 'record', `Log that I chased ${names.get(who.dana.userId)} for the approval`],
      ]);
      expect((await today(who.rob.token)).cards).toEqual([]);
    });

    it('marks a scorecard chased with a note: the scorecard is still owed', async () => {
      const card = (await today(who.rita.token)).cards[0]!;
      const chase = card.items.find((i) => i.id === 'scorecard.due')!;
      const res = await h.call('POST', '/api/v1/today/actions', { token: who.rita.token, body: { applicationId: runApp.id, key: chase.key } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().event).toMatchObject({ type: 'note', data: { text: expect.stringMatching(/^Chased .+ for the scorecard of the onsite \(logged from Today\)$/) } });
      expect((await today(who.ivy.token)).cards[0]!.items.map((i) => [i.id, i.markId])).toEqual([['scorecard.due', null]]);
      const detail = (await h.call('GET', `/api/v1/applications/${runApp.id}`, { token: h.ownerToken })).json();
      expect(detail.clocks.find((c: { id: string }) => c.id === 'scorecard.due').state).toBe('warning');
    });

    it('for the hiring manager: the offer to draft, the cycle and the risk', async () => {
      const card = (await today(who.hank.token)).cards[0]!;
      expect(card.items.map((i) => [i.id, i.do.kind])).toEqual([
        ['offer.after-final', 'link'],
        ['cycle.total', 'record'],
        ['risk', 'record'],
      ]);
      expect(card.items[0]!.do).toMatchObject({ label: 'Decide and draft the offer for Rahul', to: `/applications/${runApp.id}/decision` });
    });

    it('for the interviewer: only their overdue scorecard, as a link to write it; never "everything"', async () => {
      const mine = await today(who.ivy.token);
      expect(mine).toMatchObject({ canSeeAll: false, cardsInEverything: null });
      expect(mine.cards.map((c) => [c.candidateName, c.items.map((i) => [i.id, i.do])])).toEqual([
        ['Rahul Mehta', [['scorecard.due', { kind: 'link', id: 'own:scorecard.due', label: 'Write your scorecard for Rahul', to: `/interviews/${interviewId}/scorecard` }]]],
      ]);
      expect(JSON.stringify(mine)).not.toMatch(/offer|approv|risk/i);
      const all = await h.call('GET', '/api/v1/today?scope=all', { token: who.ivy.token });
      expect([all.statusCode, all.json().code, all.json().field]).toEqual([403, 'FORBIDDEN', 'scope']);
    });

    it('for the approvers: only the approval whose turn it is, from the offer trail', async () => {
      const dana = await today(who.dana.token);
      expect(dana.cards.map((c) => c.items.map((i) => [i.id, i.do.kind, i.do.kind === 'link' ? i.do.to : undefined]))).toEqual([[['approval.pending', 'link', '/offers/approvals']]]);
      expect(dana.cards[0]!.reasons.map((r) => r.code)).toEqual(['approver']);
      expect((await today(who.lee.token)).cards).toEqual([]); // sequential: not Lee's turn yet
      expect((await h.call('GET', '/api/v1/today?scope=all', { token: who.dana.token })).statusCode).toBe(403);
      await expectOk(h.call('POST', `/api/v1/offers/${offerId}/approve`, { token: who.dana.token, body: {} }), 200, 'approve');
      expect((await today(who.dana.token)).cards).toEqual([]);
      expect((await today(who.lee.token)).cards.map((c) => c.items.map((i) => i.id))).toEqual([['approval.pending']]);
    });

    it('rejects a scope that is not mine or all', async () => {
      const res = await h.call('GET', '/api/v1/today?scope=team', { token: h.ownerToken });
      expect([res.statusCode, res.json().field]).toEqual([400, 'querystring.scope']);
    });
  });

  describe(`done today and undo [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let roleId: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
      roleId = (await kit.role({ title: 'Applied Scientist' })).id;
    });
    afterAll(async () => h.close());
    beforeEach(() => h.clock.set(START));

    const today = async (token = h.ownerToken): Promise<TodayBody> => (await h.call('GET', '/api/v1/today', { token })).json();
    const act = (applicationId: string, key: string, token = h.ownerToken) => h.call('POST', '/api/v1/today/actions', { token, body: { applicationId, key } });
    const undo = (markId: string, token = h.ownerToken) => h.call('POST', `/api/v1/today/marks/${markId}/undo`, { token });
    const events = async (id: string) => (await h.call('GET', `/api/v1/applications/${id}/events`, { token: h.ownerToken })).json().items as Array<{ id: string; type: string; data: { text?: string } }>;
    const clocksOf = async (id: string) => (await h.call('GET', `/api/v1/applications/${id}`, { token: h.ownerToken })).json().clocks as Array<{ id: string; state: string }>;

    /** A candidate first contacted 12 days ago and quiet for 4: the cycle (warning) and idle (warning) clocks are late. */
    async function lateCandidate(name: string) {
      const app = await kit.application({ roleId, candidateId: (await kit.candidate({ name })).id });
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 12 * 24), { channel: 'email' });
      await kit.event(app.id, 'note', hoursAgo(h, 100), { text: 'sent the take-home' });
      return app;
    }

    it('records what the button says and the mark in one go, keeps the mark per person and day, and audits both', async () => {
      const app = await lateCandidate('Mia Marked');
      const card = (await today()).cards.find((c) => c.applicationId === app.id)!;
      const cycle = card.items.find((i) => i.id === 'cycle.total')!;
      expect(cycle.do.label).toBe('Log that I set a decision date with Mia');
      const res = await act(app.id, cycle.key);
      expect(res.statusCode, res.body).toBe(201);
      const { mark, event } = res.json() as { mark: Mark; event: { id: string; type: string; data: { text: string } } };
      expect(event).toMatchObject({ type: 'note', data: { text: 'Set a decision date with Mia Marked (logged from Today)' } });
      expect(mark).toMatchObject({ itemKey: cycle.key, applicationId: app.id, eventId: event.id, text: 'You logged that you set a decision date with Mia', candidateName: 'Mia Marked', at: START });
      expect(mark.undoUntil).toBe('2026-11-02T15:01:00.000Z');

      // After a reload (and from any browser): the note reset the idle clock, the cycle item is marked, the card is done.
      const after = await today();
      const card2 = after.cards.find((c) => c.applicationId === app.id)!;
      expect(card2.items.map((i) => [i.id, i.markId])).toEqual([['cycle.total', mark.id]]);
      expect(card2.done).toBe(true);
      expect(after.marks.map((m) => m.id)).toContain(mark.id);
      expect(after.day).toBe('2026-11-02');

      // Per person: an admin sees the item open, without the owner's mark.
      const admin = await h.tokenFor('admin');
      const theirs = await today(admin.token);
      expect(theirs.marks).toEqual([]);
      expect(theirs.cards.find((c) => c.applicationId === app.id)!.items[0]!.markId).toBeNull();

      // A second click is refused and records nothing.
      const again = await act(app.id, cycle.key);
      expect([again.statusCode, again.json().code]).toEqual([409, 'TODAY_ALREADY_DONE']);
      expect((await events(app.id)).filter((e) => e.type === 'note')).toHaveLength(2);

      const audit = (await h.call('GET', '/api/v1/audit?entity=today_mark', { token: h.ownerToken })).json().items as Array<{ action: string; entityId: string; fields: string[] }>;
      expect(audit.find((a) => a.entityId === mark.id)).toMatchObject({ action: 'today.mark', fields: ['day', 'eventId', 'itemKey'] });
      const eventAudit = (await h.call('GET', `/api/v1/audit?entity=application_event&entityId=${event.id}`, { token: h.ownerToken })).json().items;
      expect(eventAudit).toEqual([expect.objectContaining({ action: 'event.append', fields: ['data.text', 'occurredAt', 'type'] })]);

      // The next UTC day the mark is gone from Today and the item is open again.
      h.clock.set('2026-11-03T00:00:01.000Z');
      const tomorrow = await today();
      expect(tomorrow.day).toBe('2026-11-03');
      expect(tomorrow.marks).toEqual([]);
      expect(tomorrow.cards.find((c) => c.applicationId === app.id)!.items.find((i) => i.id === 'cycle.total')!.markId).toBeNull();
    });

    it('undo within the minute takes the event back with a retraction: clocks, Today and the timeline are as before', async () => {
      const app = await lateCandidate('Uma Undo');
      const idle = (await today()).cards.find((c) => c.applicationId === app.id)!.items.find((i) => i.id === 'stage.idle')!;
      expect(idle.do.label).toBe('Log that I contacted Uma');
      const { mark, event } = (await act(app.id, idle.key)).json() as { mark: Mark; event: { id: string } };
      expect((await clocksOf(app.id)).find((c) => c.id === 'stage.idle')!.state).toBe('ok');
      expect((await events(app.id)).map((e) => e.id)).toContain(event.id);

      h.clock.set('2026-11-02T15:01:00.000Z'); // exactly one minute: still allowed
      const res = await undo(mark.id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ markId: mark.id, eventId: event.id, retractionId: expect.any(String) });

      expect((await clocksOf(app.id)).find((c) => c.id === 'stage.idle')!.state).toBe('warning');
      const timeline = await events(app.id);
      expect(timeline.map((e) => e.type)).toEqual(['outreach.sent', 'note']);
      expect(timeline.map((e) => e.id)).not.toContain(event.id);
      const after = await today();
      expect(after.marks.map((m) => m.id)).not.toContain(mark.id);
      expect(after.cards.find((c) => c.applicationId === app.id)!.items.map((i) => [i.id, i.markId])).toEqual([
        ['stage.idle', null],
        ['cycle.total', null],
      ]);

      // Audited: the undo, and the retraction event appended (the original event stays, append-only).
      const audit = (await h.call('GET', `/api/v1/audit?entity=today_mark&entityId=${mark.id}`, { token: h.ownerToken })).json().items as Array<{ action: string; fields: string[] }>;
      expect(audit.map((a) => a.action).sort()).toEqual(['today.mark', 'today.undo']);
      const retraction = (await h.call('GET', `/api/v1/audit?entity=application_event&entityId=${res.json().retractionId}`, { token: h.ownerToken })).json().items;
      expect(retraction).toEqual([expect.objectContaining({ action: 'event.append', fields: ['data.eventId', 'occurredAt', 'type'] })]);

      const twice = await undo(mark.id);
      expect([twice.statusCode, twice.json().code]).toEqual([404, 'TODAY_MARK_NOT_FOUND']);
      // The item can be done again afterwards.
      expect((await act(app.id, idle.key)).statusCode).toBe(201);
    });

    it('after the minute, undo answers 409 UNDO_EXPIRED and changes nothing', async () => {
      const app = await lateCandidate('Lou Late');
      const idle = (await today()).cards.find((c) => c.applicationId === app.id)!.items.find((i) => i.id === 'stage.idle')!;
      const { mark, event } = (await act(app.id, idle.key)).json() as { mark: Mark; event: { id: string } };
      h.clock.set('2026-11-02T15:01:00.001Z');
      const res = await undo(mark.id);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'UNDO_EXPIRED', field: 'id', message: expect.stringContaining('60 seconds') });
      expect((await events(app.id)).map((e) => e.id)).toContain(event.id);
      expect((await today()).marks.map((m) => m.id)).toContain(mark.id);
    });

    it('takes a reply back: the reply clock runs again on Today (bulk path) and on the application', async () => {
      const app = await kit.application({ roleId, candidateId: (await kit.candidate({ name: 'Raj Reply' })).id });
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 48), { channel: 'email' });
      await kit.event(app.id, 'candidate.replied', hoursAgo(h, 30), { latencyHours: 3, length: 300, asksQuestion: true });
      const reply = (await today()).cards.find((c) => c.applicationId === app.id)!.items.find((i) => i.id === 'reply.to-candidate')!;
      expect(reply.do.label).toBe('Log that we replied to Raj');
      const { mark, event } = (await act(app.id, reply.key)).json() as { mark: Mark; event: { type: string } };
      expect(event.type).toBe('team.replied');
      const between = await today();
      expect(between.cards.find((c) => c.applicationId === app.id)).toBeUndefined(); // the reply stopped the clock
      expect(between.marks.find((m) => m.id === mark.id)).toMatchObject({ text: 'You logged that the team replied to Raj', candidateName: 'Raj Reply' });
      expect((await undo(mark.id)).statusCode).toBe(200);
      const back = (await today()).cards.find((c) => c.applicationId === app.id)!;
      expect(back.items.map((i) => [i.id, i.level])).toEqual([['reply.to-candidate', 'warning']]);
      expect((await clocksOf(app.id)).find((c) => c.id === 'reply.to-candidate')!.state).toBe('warning');
    });

    it('refuses what cannot be logged: gone items, links, unknown applications, other people\'s marks, read-only roles', async () => {
      const app = await lateCandidate('Ned Nothing');
      const idle = (await today()).cards.find((c) => c.applicationId === app.id)!.items.find((i) => i.id === 'stage.idle')!;
      const gone = await act(app.id, `${app.id}|clock|offer.after-final|||`);
      expect([gone.statusCode, gone.json().code, gone.json().field]).toEqual([409, 'TODAY_ITEM_GONE', 'key']);
      const unknown = await act('no-such-application', idle.key);
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'APPLICATION_NOT_FOUND']);
      const extra = await h.call('POST', '/api/v1/today/actions', { token: h.ownerToken, body: { applicationId: app.id, key: idle.key, event: { type: 'note' } } });
      expect([extra.statusCode, extra.json().code]).toEqual([400, 'UNKNOWN_FIELD']);

      const interviewer = await h.tokenFor('interviewer');
      const approver = await h.tokenFor('approver');
      for (const t of [interviewer.token, approver.token]) expect((await act(app.id, idle.key, t)).statusCode).toBe(403);

      const { mark } = (await act(app.id, idle.key)).json() as { mark: Mark };
      const recruiter = await h.tokenFor('recruiter');
      const foreign = await undo(mark.id, recruiter.token);
      expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'TODAY_MARK_NOT_FOUND']);
      expect((await undo(mark.id, interviewer.token)).statusCode).toBe(403);

      // An offer to draft is a link, never a mark.
      const final = await kit.application({ roleId, candidateId: (await kit.candidate({ name: 'Fay Final' })).id });
      await kit.event(final.id, 'interview.completed', hoursAgo(h, 30), { interviewId: 'iv-x', final: true, interviewerIds: [recruiter.userId] });
      const offer = (await today()).cards.find((c) => c.applicationId === final.id)!.items.find((i) => i.id === 'offer.after-final')!;
      const link = await act(final.id, offer.key);
      expect([link.statusCode, link.json().code]).toEqual([409, 'TODAY_NOTHING_TO_LOG']);
    });

    it('keeps event.retracted to Undo: the events endpoint refuses it', async () => {
      const app = await lateCandidate('Eve Event');
      const [first] = await events(app.id);
      const res = await h.call('POST', `/api/v1/applications/${app.id}/events`, { token: h.ownerToken, body: { type: 'event.retracted', data: { eventId: first!.id } } });
      expect([res.statusCode, res.json().code, res.json().field]).toEqual([400, 'EVENT_TYPE_INVALID', 'type']);
      expect(await events(app.id)).toHaveLength(2);
    });
  });
}
