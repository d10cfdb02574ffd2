import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeInterview, makePipeline } from '../../../test-support/offer-fixtures.js';

for (const dialect of dialectsUnderTest()) {
  describe(`interviews and scorecards API [${dialect.name}]`, () => {
    let h: Harness;
    let ann: { token: string; userId: string };
    let bob: { token: string; userId: string };
    let cat: { token: string; userId: string };
    let recruiter: { token: string; userId: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      ann = await h.tokenFor('interviewer');
      bob = await h.tokenFor('interviewer');
      cat = await h.tokenFor('interviewer');
      recruiter = await h.tokenFor('recruiter');
    });
    afterAll(async () => h.close());

    const scheduledAt = () => new Date(h.clock.now().getTime() - 3_600_000).toISOString();

    describe('POST /api/v1/applications/{id}/interviews', () => {
      it('schedules an interview, pedigree-blind by default for a screening kind, and appends interview.scheduled', async () => {
        const { application } = await makePipeline(h);
        const iv = await makeInterview(h, application.id, { kind: 'technical-screen', interviewerIds: [ann.userId], scheduledAt: scheduledAt() }, recruiter.token);
        expect(iv).toMatchObject({ kind: 'technical-screen', pedigreeBlind: true, final: false, status: 'scheduled', interviewers: [{ id: ann.userId }] });
        const onsite = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [ann.userId], scheduledAt: scheduledAt(), final: true });
        expect(onsite.pedigreeBlind).toBe(false);
        const events = (await h.call('GET', `/api/v1/applications/${application.id}/events`, { token: h.ownerToken })).json().items as Array<{ type: string; data: { interviewId?: string } }>;
        expect(events.filter((e) => e.type === 'interview.scheduled').map((e) => e.data.interviewId)).toEqual([iv.id, onsite.id]);
      });

      it('keeps blind mode off for a role that turned it off', async () => {
        const { application } = await makePipeline(h, { role: { pedigreeBlind: false } });
        const iv = await makeInterview(h, application.id, { kind: 'recruiter-screen', interviewerIds: [ann.userId], scheduledAt: scheduledAt() });
        expect(iv.pedigreeBlind).toBe(false);
      });

      it('rejects an interviewer who cannot write scorecards with 400 INTERVIEWER_INVALID and stores nothing', async () => {
        const { application } = await makePipeline(h);
        const approver = await h.tokenFor('approver');
        const res = await h.call('POST', `/api/v1/applications/${application.id}/interviews`, { token: h.ownerToken, body: { kind: 'onsite', interviewerIds: [ann.userId, approver.userId], scheduledAt: scheduledAt() } });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'INTERVIEWER_INVALID', field: 'interviewerIds[1]' });
        expect((await h.call('GET', `/api/v1/applications/${application.id}/interviews`, { token: h.ownerToken })).json().items).toEqual([]);
      });

      it('answers 404 APPLICATION_NOT_FOUND for an unknown application and 403 for an interviewer', async () => {
        const body = { kind: 'onsite', interviewerIds: [ann.userId], scheduledAt: scheduledAt() };
        expect((await h.call('POST', '/api/v1/applications/nope/interviews', { token: h.ownerToken, body })).json().code).toBe('APPLICATION_NOT_FOUND');
        const { application } = await makePipeline(h);
        expect((await h.call('POST', `/api/v1/applications/${application.id}/interviews`, { token: ann.token, body })).statusCode).toBe(403);
      });
    });

    describe('what an interviewer sees', () => {
      it('lists only the interviews assigned to them and answers 404 (not 403) for the others', async () => {
        const { application } = await makePipeline(h);
        const mine = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [cat.userId], scheduledAt: scheduledAt() });
        const other = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [bob.userId], scheduledAt: scheduledAt() });
        const list = (await h.call('GET', '/api/v1/interviews', { token: cat.token })).json().items as Array<{ id: string }>;
        expect(list.map((i) => i.id)).toContain(mine.id);
        expect(list.map((i) => i.id)).not.toContain(other.id);
        const perApp = (await h.call('GET', `/api/v1/applications/${application.id}/interviews`, { token: cat.token })).json().items as Array<{ id: string }>;
        expect(perApp.map((i) => i.id)).toEqual([mine.id]);
        const hidden = await h.call('GET', `/api/v1/interviews/${other.id}`, { token: cat.token });
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json().code).toBe('INTERVIEW_NOT_FOUND');
        expect((await h.call('GET', `/api/v1/interviews/${other.id}/scorecards`, { token: cat.token })).statusCode).toBe(404);
        expect((await h.call('GET', `/api/v1/interviews/${other.id}/scorecard`, { token: cat.token })).statusCode).toBe(404);
        const recruiterList = (await h.call('GET', `/api/v1/applications/${application.id}/interviews`, { token: recruiter.token })).json().items as Array<{ id: string }>;
        expect(recruiterList.map((i) => i.id).sort()).toEqual([mine.id, other.id].sort());
      });

      it('hides employer, schools, labs and links in a blind interview until their scorecard is in', async () => {
        const { application } = await makePipeline(h, { candidate: { currentEmployer: 'OpenBrain Labs', links: ['https://scholar.example/openbrain'] } });
        const iv = await makeInterview(h, application.id, { kind: 'technical-screen', interviewerIds: [ann.userId], scheduledAt: scheduledAt() });
        const before = await h.call('GET', `/api/v1/interviews/${iv.id}`, { token: ann.token });
        expect(before.statusCode).toBe(200);
        expect(before.json()).toMatchObject({ pedigreeBlind: true, pedigreeHidden: true, hiddenFields: ['currentEmployer', 'links'] });
        expect(before.body).not.toContain('OpenBrain');
        expect((await h.call('GET', '/api/v1/interviews?mine=true', { token: ann.token })).body).not.toContain('OpenBrain');
        // A recruiter reading the same interview is not blinded by it.
        expect((await h.call('GET', `/api/v1/interviews/${iv.id}`, { token: recruiter.token })).json().candidate.currentEmployer).toBe('OpenBrain Labs');
        await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: ann.token, body: {} }), 200, 'complete');
        const firstAttr = before.json().template.attributes[0].id as string;
        await expectOk(
          h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: ann.token, body: { ratings: [{ attributeId: firstAttr, rating: 3, evidence: 'Ran the registry migration.' }], recommendation: 'yes' } }),
          200,
          'submit',
        );
        const after = (await h.call('GET', `/api/v1/interviews/${iv.id}`, { token: ann.token })).json();
        expect(after).toMatchObject({ pedigreeHidden: false, hiddenFields: [], candidate: { currentEmployer: 'OpenBrain Labs' } });
      });
    });

    describe('scorecards', () => {
      async function heldInterview(interviewerIds: string[], specializations = ['mlops']) {
        const { application } = await makePipeline(h, { role: { specializations } });
        const iv = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds, scheduledAt: scheduledAt(), final: true });
        await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: recruiter.token, body: {} }), 200, 'complete');
        return { application, iv };
      }

      it('completing appends interview.completed with final and the interviewers, and starts their scorecard clocks', async () => {
        const { application, iv } = await heldInterview([ann.userId, bob.userId]);
        const events = (await h.call('GET', `/api/v1/applications/${application.id}/events`, { token: h.ownerToken })).json().items as Array<{ type: string; data: Record<string, unknown> }>;
        expect(events.find((e) => e.type === 'interview.completed')!.data).toEqual({ interviewId: iv.id, final: true, interviewerIds: [ann.userId, bob.userId] });
        const clocks = (await h.call('GET', `/api/v1/applications/${application.id}`, { token: h.ownerToken })).json().clocks as Array<{ id: string; subject?: { interviewerId?: string } }>;
        expect(clocks.filter((c) => c.id === 'scorecard.due').map((c) => c.subject?.interviewerId).sort()).toEqual([ann.userId, bob.userId].sort());
        expect(clocks.some((c) => c.id === 'offer.after-final')).toBe(true);
        const again = await h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: recruiter.token, body: {} });
        expect([again.statusCode, again.json().code]).toEqual([409, 'INTERVIEW_STATE_INVALID']);
      });

      it('autosaves a draft, submits it, and refuses any change afterwards with 409 SCORECARD_SUBMITTED', async () => {
        const { application, iv } = await heldInterview([ann.userId]);
        const empty = (await h.call('GET', `/api/v1/interviews/${iv.id}/scorecard`, { token: ann.token })).json();
        expect(empty.scorecard).toMatchObject({ id: null, status: 'not-started' });
        expect(empty.template.attributes.map((a: { id: string }) => a.id)).toEqual(['production-deployment', 'mlops-ownership', 'distributed-training', 'inference-under-cost']);
        const d1 = await expectOk(h.call('PUT', `/api/v1/interviews/${iv.id}/scorecard`, { token: ann.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 4 }] } }), 200, 'draft');
        expect(d1.scorecard).toMatchObject({ status: 'draft', ratings: [{ attributeId: 'mlops-ownership', rating: 4, evidence: '' }] });
        const noEvidence = await h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: ann.token, body: { recommendation: 'strong-yes' } });
        expect(noEvidence.statusCode).toBe(400);
        expect(noEvidence.json()).toMatchObject({ code: 'EVIDENCE_REQUIRED', field: 'ratings[0].evidence' });
        await expectOk(h.call('PUT', `/api/v1/interviews/${iv.id}/scorecard`, { token: ann.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 4, evidence: 'Built the feature store at scale; explained the trade-offs.' }], recommendation: 'strong-yes' } }), 200, 'draft 2');
        const submitted = await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: ann.token }), 200, 'submit');
        expect(submitted.scorecard).toMatchObject({ status: 'submitted', recommendation: 'strong-yes' });
        for (const [method, url, body] of [
          ['PUT', `/api/v1/interviews/${iv.id}/scorecard`, { recommendation: 'no' }],
          ['POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, {}],
        ] as const) {
          const res = await h.call(method, url, { token: ann.token, body });
          expect([res.statusCode, res.json().code]).toEqual([409, 'SCORECARD_SUBMITTED']);
        }
        expect((await h.call('GET', `/api/v1/scorecards/${submitted.scorecard.id}`, { token: ann.token })).json().recommendation).toBe('strong-yes');
        const events = (await h.call('GET', `/api/v1/applications/${application.id}/events`, { token: h.ownerToken })).json().items as Array<{ type: string; data: Record<string, unknown> }>;
        expect(events.filter((e) => e.type === 'scorecard.submitted').map((e) => e.data)).toEqual([{ interviewId: iv.id, interviewerId: ann.userId }]);
      });

      it('keeps one card when the first autosaves of two tabs race (10 at once, all 200)', async () => {
        const { iv } = await heldInterview([cat.userId]);
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            h.call('PUT', `/api/v1/interviews/${iv.id}/scorecard`, { token: cat.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 1 + (i % 4), evidence: `save ${i}` }] } }),
          ),
        );
        expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
        const cards = await h.store.db.selectFrom('scorecards').selectAll().where('interview_id', '=', iv.id).execute();
        expect(cards).toHaveLength(1);
        expect(cards[0]!.version).toBe(10);
      });

      it('shows an interviewer no other scorecard before their own is submitted (404, not 403), then all submitted ones', async () => {
        const { application, iv } = await heldInterview([ann.userId, bob.userId]);
        const annCard = await expectOk(
          h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: ann.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 4, evidence: 'Owned the platform.' }], recommendation: 'yes' } }),
          200,
          'ann',
        );
        await expectOk(h.call('PUT', `/api/v1/interviews/${iv.id}/scorecard`, { token: bob.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 1, evidence: 'draft only' }] } }), 200, 'bob draft');
        const peek = await h.call('GET', `/api/v1/scorecards/${annCard.scorecard.id}`, { token: bob.token });
        expect([peek.statusCode, peek.json().code]).toEqual([404, 'SCORECARD_NOT_FOUND']);
        const bobList = (await h.call('GET', `/api/v1/interviews/${iv.id}/scorecards`, { token: bob.token })).json().items as Array<{ interviewerId: string; status: string }>;
        expect(bobList.map((c) => [c.interviewerId, c.status])).toEqual([[bob.userId, 'draft']]);
        expect((await h.call('GET', `/api/v1/applications/${application.id}/decision`, { token: bob.token })).statusCode).toBe(404);
        // Ann (submitted) sees her own card, not Bob's draft.
        const annList = (await h.call('GET', `/api/v1/interviews/${iv.id}/scorecards`, { token: ann.token })).json().items as Array<{ interviewerId: string }>;
        expect(annList.map((c) => c.interviewerId)).toEqual([ann.userId]);
        await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: bob.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 1, evidence: 'Only used a managed platform.' }], recommendation: 'no' } }), 200, 'bob');
        expect((await h.call('GET', `/api/v1/scorecards/${annCard.scorecard.id}`, { token: bob.token })).statusCode).toBe(200);
        const decision = await h.call('GET', `/api/v1/applications/${application.id}/decision`, { token: bob.token });
        expect(decision.statusCode).toBe(200);
        // A third interviewer on nothing of this application gets 404 everywhere.
        expect((await h.call('GET', `/api/v1/scorecards/${annCard.scorecard.id}`, { token: cat.token })).statusCode).toBe(404);
        expect((await h.call('GET', `/api/v1/applications/${application.id}/decision`, { token: cat.token })).statusCode).toBe(404);
      });

      it('builds the decision view: ratings side by side with evidence, uncovered attributes, strong disagreement', async () => {
        const { application, iv } = await heldInterview([ann.userId, bob.userId]);
        await expectOk(
          h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, {
            token: ann.token,
            body: { ratings: [{ attributeId: 'mlops-ownership', rating: 4, evidence: 'Designed the registry.' }, { attributeId: 'production-deployment', rating: 3, evidence: 'Shipped a ranking model.' }], recommendation: 'strong-yes' },
          }),
          200,
          'ann',
        );
        const pending = (await h.call('GET', `/api/v1/applications/${application.id}/decision`, { token: recruiter.token })).json();
        expect(pending.pending.map((p: { interviewerId: string }) => p.interviewerId)).toEqual([bob.userId]);
        await expectOk(
          h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, {
            token: bob.token,
            body: { ratings: [{ attributeId: 'mlops-ownership', rating: 2, evidence: 'Used Kubeflow with help.' }, { attributeId: 'production-deployment', rating: 3, evidence: 'Ran an A/B test.' }], recommendation: 'no' },
          }),
          200,
          'bob',
        );
        const view = (await h.call('GET', `/api/v1/applications/${application.id}/decision`, { token: recruiter.token })).json();
        const mlops = view.attributes.find((a: { attributeId: string }) => a.attributeId === 'mlops-ownership');
        expect(mlops.ratings.map((r: { interviewerId: string; rating: number; evidence: string }) => [r.interviewerId, r.rating, r.evidence])).toEqual([
          [ann.userId, 4, 'Designed the registry.'],
          [bob.userId, 2, 'Used Kubeflow with help.'],
        ]);
        expect(view.strongDisagreements).toEqual(['mlops-ownership']);
        expect(view.uncovered).toEqual(['distributed-training', 'inference-under-cost']);
        expect(view.recommendationsSplit).toBe(true);
        expect(view.pending).toEqual([]);
      });

      it('serves the scorecard template of a role from its specializations', async () => {
        const { role } = await makePipeline(h, { role: { specializations: ['ai-safety'] } });
        const t = (await h.call('GET', `/api/v1/roles/${role.id}/scorecard-template`, { token: ann.token })).json();
        expect(t.template.attributes.map((a: { id: string }) => a.id)).toEqual(['evaluation-design-generative', 'ai-safety-alignment']);
        expect(t.template.attributes[0].anchors['1']).toBeTruthy();
        expect(t.template.attributes[0].anchors['1']).toMatch(/\S/);
      });
    });

    describe('PATCH /api/v1/interviews/{id}', () => {
      it('reschedules under If-Match (428 without, 412 when stale) and appends interview.scheduled again', async () => {
        const { application } = await makePipeline(h);
        const iv = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [ann.userId], scheduledAt: scheduledAt() });
        const at = new Date(h.clock.now().getTime() + 86_400_000).toISOString();
        expect((await h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: recruiter.token, body: { scheduledAt: at } })).statusCode).toBe(428);
        expect((await h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: recruiter.token, body: { scheduledAt: at }, headers: { 'if-match': '"9"' } })).statusCode).toBe(412);
        const ok = await h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: recruiter.token, body: { scheduledAt: at, interviewerIds: [ann.userId, bob.userId] }, headers: { 'if-match': `"${iv.version}"` } });
        expect(ok.statusCode).toBe(200);
        expect(ok.json().interviewers.map((x: { id: string }) => x.id)).toEqual([ann.userId, bob.userId]);
        const events = (await h.call('GET', `/api/v1/applications/${application.id}/events`, { token: h.ownerToken })).json().items as Array<{ type: string; data: { at?: string } }>;
        expect(events.filter((e) => e.type === 'interview.scheduled').map((e) => e.data.at)).toEqual([iv.scheduledAt, at]);
      });
    });
  });
}
