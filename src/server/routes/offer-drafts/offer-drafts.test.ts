import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeApplication, makeCandidate, makeOffer, makePipeline, makeRole, terms } from '../../../test-support/offer-fixtures.js';

const BAND = { baseMin: 220_000, baseMax: 260_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' };
const FIGURES = { lastPostMoney: 22_000_000, fullyDilutedShares: 10_000_000, strikePrice: 0.42 };
const PAY = { base: 250_000, bonus: 30_000, equityAnnual: 150_000, currency: 'USD' };

for (const dialect of dialectsUnderTest()) {
  describe(`GET /api/v1/applications/:id/offer-draft [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    /** Sets the company's figures through the API (If-Match), as Settings, Company does. */
    const setFigures = async (figures: Record<string, number | null>) => {
      const current = await h.call('GET', '/api/v1/company', { token: h.ownerToken });
      await expectOk(h.call('PATCH', '/api/v1/company', { token: h.ownerToken, body: figures, headers: { 'if-match': String(current.headers.etag) } }), 200, 'company figures');
    };
    const draftOf = (applicationId: string, token = h.ownerToken) => h.call('GET', `/api/v1/applications/${applicationId}/offer-draft`, { token });

    it('pre-fills every term with its source: band middle, company figures, data defaults, current pay; the terms save as an offer inside the band', async () => {
      await setFigures(FIGURES);
      const { application, candidate, role } = await makePipeline(h, { role: { title: 'Staff ML Engineer', band: BAND }, candidate: { name: 'Ada Park', currentCompensation: PAY } });
      const res = await draftOf(application.id);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.application).toEqual({ id: application.id, candidateId: candidate.id, candidateName: 'Ada Park', roleId: role.id, roleTitle: 'Staff ML Engineer', status: 'active' });
      expect(body.openOffer).toBeNull();
      const d = body.draft;
      expect(d.missing).toEqual([]);
      expect(d.base).toMatchObject({ value: 240_000, source: 'role-band', explanation: expect.stringContaining('The middle of the band of Staff ML Engineer') });
      expect(d.equity.shares).toMatchObject({ value: 75_000, source: 'role-band' });
      expect(d.equity.fullyDilutedShares).toMatchObject({ value: 10_000_000, source: 'company' });
      expect(d.equity.strike).toMatchObject({ value: 0.42, source: 'company' });
      expect(d.lastPostMoney).toMatchObject({ value: 22_000_000, source: 'company' });
      expect(d.equity.vesting).toMatchObject({ value: { preset: 'standard-4y-1y-cliff-monthly' }, source: 'default' });
      expect(d.equity.kind).toMatchObject({ value: 'ISO', source: 'default' });
      expect(d.companyStage).toMatchObject({ value: 'seed', source: 'company' });
      expect(d.currentPay).toMatchObject({ value: PAY, source: 'candidate' });

      const offer = await makeOffer(h, application.id, d.terms);
      expect(offer).toMatchObject({ status: 'draft', base: 240_000, insideBand: true, equity: { shares: 75_000, fullyDilutedShares: 10_000_000, strike: 0.42 } });
      expect(offer.current.evaluation.incumbent.source).toBe('current-pay');
      expect((await draftOf(application.id)).json().openOffer).toEqual({ id: offer.id, status: 'draft' });
    });

    it('lists each missing company figure in words, pointing at Settings, Company, and offers no terms', async () => {
      await setFigures({ lastPostMoney: null, fullyDilutedShares: null, strikePrice: null });
      const { application } = await makePipeline(h, { role: { band: BAND }, candidate: { currentCompensation: PAY } });
      const d = (await draftOf(application.id)).json().draft;
      expect(d.terms).toBeNull();
      expect(d.base.value).toBe(240_000);
      expect(d.equity.shares).toBeNull();
      expect(d.missing.map((m: { field: string; where: string; required: boolean }) => [m.field, m.where, m.required])).toEqual([
        ['equity.fullyDilutedShares', 'company', true],
        ['equity.strike', 'company', true],
        ['lastPostMoney', 'company', true],
      ]);
      expect(d.missing[0].message).toMatch(/fully diluted share count is not recorded.*Settings, Company/);
      await setFigures(FIGURES);
    });

    it('names a role without a band and a candidate without current pay', async () => {
      await setFigures(FIGURES);
      const role = await makeRole(h, { title: 'Research Engineer' });
      const candidate = await makeCandidate(h, { name: 'Grace Hopper' });
      const application = await makeApplication(h, role.id, candidate.id);
      const d = (await draftOf(application.id)).json().draft;
      expect(d.base).toBeNull();
      expect(d.currency).toMatchObject({ value: 'USD', source: 'company' });
      expect(d.missing).toEqual([
        expect.objectContaining({ field: 'base', where: 'role', required: true, message: expect.stringContaining('Research Engineer has no board-approved band') }),
        expect.objectContaining({ field: 'comparison', where: 'candidate', required: false, message: expect.stringContaining('Grace Hopper') }),
      ]);
      expect(d.lastPostMoney.value).toBe(22_000_000);
    });

    it('is only for people who make offers: interviewers and approvers get 403 and no figures', async () => {
      const { application } = await makePipeline(h, { role: { band: BAND }, candidate: { currentCompensation: PAY } });
      for (const role of ['interviewer', 'approver']) {
        const { token } = await h.tokenFor(role);
        const res = await draftOf(application.id, token);
        expect(res.statusCode, role).toBe(403);
        expect(res.body).not.toContain('240000');
        expect(res.body).not.toContain('22000000');
      }
      for (const role of ['recruiter', 'hiring-manager']) {
        const { token } = await h.tokenFor(role);
        expect((await draftOf(application.id, token)).statusCode, role).toBe(200);
      }
    });

    it('answers 404 for an unknown application and 409 for a closed one', async () => {
      expect((await draftOf('no-such-application')).statusCode).toBe(404);
      const { application } = await makePipeline(h);
      await expectOk(h.call('PATCH', `/api/v1/applications/${application.id}`, { token: h.ownerToken, body: { status: 'lost', lossReason: 'other' }, headers: { 'if-match': `"${application.version}"` } }), 200, 'close');
      const res = await draftOf(application.id);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'CONFLICT', field: 'id' });
    });
  });

  describe(`GET /api/v1/offer-drafts: applications an offer can be saved to [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    it('lists active applications without an open offer, by candidate name or role title', async () => {
      const role = await makeRole(h, { title: 'Inference Engineer', band: BAND });
      const ada = await makeCandidate(h, { name: 'Ada Lovelace' });
      const alan = await makeCandidate(h, { name: 'Alan Turing' });
      const barbara = await makeCandidate(h, { name: 'Barbara Liskov' });
      const adaApp = await makeApplication(h, role.id, ada.id);
      const alanApp = await makeApplication(h, role.id, alan.id);
      const barbaraApp = await makeApplication(h, role.id, barbara.id);
      await makeOffer(h, alanApp.id, terms({ base: 230_000 }));
      await expectOk(h.call('PATCH', `/api/v1/applications/${barbaraApp.id}`, { token: h.ownerToken, body: { status: 'withdrawn' }, headers: { 'if-match': `"${barbaraApp.version}"` } }), 200, 'close');

      const all = (await h.call('GET', '/api/v1/offer-drafts', { token: h.ownerToken })).json().items;
      expect(all).toEqual([{ applicationId: adaApp.id, candidateId: ada.id, candidateName: 'Ada Lovelace', roleId: role.id, roleTitle: 'Inference Engineer', stage: 'sourced' }]);
      expect((await h.call('GET', '/api/v1/offer-drafts?q=ada', { token: h.ownerToken })).json().items).toHaveLength(1);
      expect((await h.call('GET', '/api/v1/offer-drafts?q=inference', { token: h.ownerToken })).json().items).toHaveLength(1);
      expect((await h.call('GET', '/api/v1/offer-drafts?q=turing', { token: h.ownerToken })).json().items).toEqual([]);
    });

    it('refuses a bad limit with 400 and interviewers with 403', async () => {
      const bad = await h.call('GET', '/api/v1/offer-drafts?limit=0', { token: h.ownerToken });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('limit');
      const { token } = await h.tokenFor('interviewer');
      expect((await h.call('GET', '/api/v1/offer-drafts', { token })).statusCode).toBe(403);
    });
  });
}
