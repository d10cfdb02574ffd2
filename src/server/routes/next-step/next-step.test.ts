import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeInterview, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';

/** A base above the role's band (approval needed) that must never reach an interviewer. */
const CANARY_BASE = 287_413;

for (const dialect of dialectsUnderTest()) {
  describe(`GET /api/v1/applications/:id/next-step [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    it('walks the path from candidate to signed offer, one step at a time, naming whom to chase', async () => {
      const ivy = await h.tokenFor('interviewer', `ivy-${dialect.name}@test.example`);
      const dana = await h.tokenFor('approver', `dana-${dialect.name}@test.example`);
      const recruiter = await h.tokenFor('recruiter', `rec-${dialect.name}@test.example`);
      const names = new Map(((await h.call('GET', '/api/v1/people', { token: h.ownerToken })).json().items as Array<{ id: string; name: string }>).map((p) => [p.id, p.name]));
      const ivyName = names.get(ivy.userId)!;
      const danaName = names.get(dana.userId)!;
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [dana.userId], mode: 'parallel' } }), 200, 'approvers');
      const { application } = await makePipeline(h, { candidate: { name: 'Ada Park', currentCompensation: { base: 250_000, bonus: 0, equityAnnual: 0, currency: 'USD' } } });
      const step = async (token = recruiter.token) => {
        const res = await h.call('GET', `/api/v1/applications/${application.id}/next-step`, { token });
        expect(res.statusCode).toBe(200);
        return res.json();
      };
      const interviewerSees: string[] = [];
      await expectOk(h.call('POST', `/api/v1/applications/${application.id}/events`, { token: recruiter.token, body: { type: 'application.received', data: { source: 'referral' } } }), 201, 'first contact');

      expect(await step()).toMatchObject({ kind: 'schedule', title: 'Schedule the first interview with Ada Park', action: { target: 'interviews' } });

      const iv = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [ivy.userId], scheduledAt: new Date(h.clock.now().getTime() + 50 * 3_600_000).toISOString(), final: true });
      expect(await step()).toMatchObject({ kind: 'hold-interview', title: 'Hold the onsite in 2 days', people: [{ id: ivy.userId, name: ivyName }] });

      h.clock.advanceHours(51);
      await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: recruiter.token, body: {} }), 200, 'complete');
      h.clock.advanceHours(30);
      expect(await step()).toMatchObject({ kind: 'chase-scorecard', title: `Chase ${ivyName}'s scorecard`, detail: `${ivyName} owes the scorecard for the onsite: 30 h since the interview.`, urgency: 'warning', people: [{ id: ivy.userId }] });
      expect(await step(ivy.token)).toMatchObject({ kind: 'write-scorecard', action: { target: 'scorecard', interviewId: iv.id } });

      await expectOk(
        h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: ivy.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 4, evidence: 'Ran the training platform.' }], recommendation: 'strong-yes' } }),
        200,
        'scorecard',
      );
      expect(await step()).toMatchObject({ kind: 'decide', title: 'Decide on Ada Park', action: { target: 'decision' }, urgency: 'warning', detail: expect.stringContaining('Send the offer today (30 h since the final interview)') });
      interviewerSees.push(JSON.stringify(await step(ivy.token)));

      const current = (await h.call('GET', `/api/v1/applications/${application.id}`, { token: h.ownerToken })).json();
      await expectOk(h.call('PATCH', `/api/v1/applications/${application.id}`, { token: recruiter.token, body: { stage: 'offer' }, headers: { 'if-match': `"${current.version}"` } }), 200, 'to the offer stage');
      expect(await step()).toMatchObject({ kind: 'draft-offer', title: 'Draft the offer for Ada Park', action: { label: 'Draft offer', target: 'offer-builder' } });

      const offer = await makeOffer(h, application.id, terms({ base: CANARY_BASE }), recruiter.token);
      expect(await step()).toMatchObject({ kind: 'submit-offer', action: { target: 'offer', offerId: offer.id }, detail: expect.stringContaining('outside the role') });
      interviewerSees.push(JSON.stringify(await step(ivy.token)));

      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'submit');
      h.clock.advanceHours(5);
      expect(await step()).toMatchObject({ kind: 'chase-approver', title: `Chase ${danaName} for the approval`, detail: `Approver ${danaName} has had it for 5 h; a decision is due within 19 h.`, urgency: 'ok', people: [{ id: dana.userId, name: danaName }] });
      expect(await step(dana.token)).toMatchObject({ kind: 'approve-offer', action: { target: 'offer', offerId: offer.id } });
      interviewerSees.push(JSON.stringify(await step(ivy.token)));

      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: dana.token, body: {} }), 200, 'approve');
      expect(await step()).toMatchObject({ kind: 'extend-offer', title: 'Extend the offer to Ada Park' });

      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/extend`, { token: recruiter.token }), 200, 'extend');
      expect(await step()).toMatchObject({ kind: 'record-answer', title: "Record Ada Park's answer", detail: 'The offer is with Ada Park and expires in 7 days. Record the answer when it comes.' });
      interviewerSees.push(JSON.stringify(await step(ivy.token)));

      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/accept`, { token: recruiter.token }), 200, 'accept');
      expect(await step()).toMatchObject({ kind: 'none', title: 'Ada Park is hired', action: null });
      const app = (await h.call('GET', `/api/v1/applications/${application.id}`, { token: h.ownerToken })).json();
      expect(app.status).toBe('hired');
      expect(app.clocks.find((c: { id: string }) => c.id === 'cycle.total')).toMatchObject({ state: 'stopped' });

      // The interviewer was never told about the offer, its approval or its pay.
      for (const seen of interviewerSees) {
        expect(JSON.parse(seen)).toMatchObject({ kind: 'with-hiring-team', action: null });
        expect(seen).not.toMatch(/offer|approv|band|pay/i);
        expect(seen).not.toContain(String(CANARY_BASE));
      }
    });

    it('answers 404 for an unknown application and 401 without a token', async () => {
      expect((await h.call('GET', '/api/v1/applications/no-such-id/next-step', { token: h.ownerToken })).statusCode).toBe(404);
      expect((await h.call('GET', '/api/v1/applications/no-such-id/next-step')).statusCode).toBe(401);
    });
  });
}
