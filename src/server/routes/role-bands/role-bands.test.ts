import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeCandidate, makeApplication, makeOffer, makeRole, terms } from '../../../test-support/offer-fixtures.js';

const SEED = { baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' };
const SERIES_A = { baseMin: 230_000, baseMax: 280_000, equityPctMin: 0.25, equityPctMax: 0.6, currency: 'USD' };

for (const dialect of dialectsUnderTest()) {
  describe(`role bands per funding stage [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    const put = (roleId: string, stage: string, body: unknown, etag?: string, token = h.ownerToken) =>
      h.call('PUT', `/api/v1/roles/${roleId}/bands/${stage}`, { token, body, headers: etag ? { 'if-match': etag } : {} });
    const bands = async (roleId: string, token = h.ownerToken) => {
      const res = await h.call('GET', `/api/v1/roles/${roleId}/bands`, { token });
      return { status: res.statusCode, etag: res.headers.etag as string, body: res.json() };
    };
    const audit = async (roleId: string) => (await h.call('GET', `/api/v1/audit?entity=role&entityId=${roleId}`, { token: h.ownerToken })).json().items;
    const setCompanyStage = async (stage: string) => {
      const company = await h.call('GET', '/api/v1/company', { token: h.ownerToken });
      await expectOk(h.call('PATCH', '/api/v1/company', { token: h.ownerToken, body: { stage }, headers: { 'if-match': company.headers.etag as string } }), 200, 'company stage');
    };

    describe('GET /api/v1/roles/{id}/bands', () => {
      it('has no band for a new role, names the company stage, and gives the stage defaults from data for reference', async () => {
        const role = await makeRole(h);
        const res = await bands(role.id);
        expect(res.status).toBe(200);
        expect(res.etag).toBe('"1"');
        expect(res.body).toMatchObject({ roleId: role.id, roleTitle: role.title, version: 1, companyStage: 'seed', current: null, bands: [] });
        expect(res.body.stageDefaults.map((d: { stage: string }) => d.stage)).toEqual(['seed', 'seed-tier1', 'series-a', 'series-b']);
        expect(res.body.stageDefaults[0]).toMatchObject({ stage: 'seed', baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' });
        expect(res.body.stageDefaults[0].source).toMatch(/field-report/);
      });
    });

    describe('PUT /api/v1/roles/{id}/bands/{stage}', () => {
      it('needs If-Match (428), refuses a stale version (412), then records who approved it when and who recorded it, and bumps the role version', async () => {
        const role = await makeRole(h);
        const body = { ...SEED, approvedBy: 'Board meeting', approvedOn: '2026-10-15' };
        expect((await put(role.id, 'seed', body)).statusCode).toBe(428);
        expect((await put(role.id, 'seed', body, '"7"')).statusCode).toBe(412);
        const res = await put(role.id, 'seed', body, '"1"');
        expect(res.statusCode).toBe(200);
        expect(res.headers.etag).toBe('"2"');
        expect(res.json().current).toMatchObject({ companyStage: 'seed', current: true, ...SEED, approvedBy: 'Board meeting', approvedOn: '2026-10-15', recordedBy: { name: 'Olive Owner' }, recordedAt: h.clock.now().toISOString() });
        // The role's band (what offers are checked against) is the current stage's band.
        const roleNow = (await h.call('GET', `/api/v1/roles/${role.id}`, { token: h.ownerToken })).json();
        expect(roleNow).toMatchObject({ version: 2, band: SEED });
        const entries = await audit(role.id);
        expect(entries[0]).toMatchObject({ action: 'role.band.set', actionLabel: 'Recorded a board-approved band', actorName: 'Olive Owner', entityLabel: role.title });
        expect(entries[0].fields).toEqual(expect.arrayContaining(['bands.seed.baseMin', 'bands.seed.approvedBy', 'bands.seed.approvedOn']));
        expect(JSON.stringify(entries)).not.toContain('180000');
        expect(JSON.stringify(entries)).not.toContain('Board meeting');
      });

      it('keeps bands of other stages beside the current one, and audits only the fields that changed', async () => {
        const role = await makeRole(h);
        await expectOk(put(role.id, 'seed', { ...SEED, approvedBy: 'Ada Founder', approvedOn: '2026-09-01' }, '"1"'), 200, 'seed band');
        const res = await put(role.id, 'series-a', { ...SERIES_A, approvedBy: 'Board meeting', approvedOn: '2026-10-30' }, '"2"');
        expect(res.statusCode).toBe(200);
        expect(res.json().bands.map((b: { companyStage: string; current: boolean }) => [b.companyStage, b.current])).toEqual([['seed', true], ['series-a', false]]);
        expect((await h.call('GET', `/api/v1/roles/${role.id}`, { token: h.ownerToken })).json().band).toEqual(SEED);
        const changed = await put(role.id, 'seed', { ...SEED, baseMax: 225_000, approvedBy: 'Ada Founder', approvedOn: '2026-09-01' }, '"3"');
        expect(changed.statusCode).toBe(200);
        expect((await audit(role.id))[0].fields).toEqual(['bands.seed.baseMax']);
        // Sending the same band again changes nothing: no new version, no audit entry.
        const again = await put(role.id, 'seed', { ...SEED, baseMax: 225_000, approvedBy: 'Ada Founder', approvedOn: '2026-09-01' }, '"4"');
        expect(again.statusCode).toBe(200);
        expect(again.headers.etag).toBe('"4"');
        expect((await audit(role.id)).filter((e: { action: string }) => e.action === 'role.band.set')).toHaveLength(3);
      });

      const bad: Array<[string, string, Record<string, unknown>, string, string]> = [
        ['a lowest base above the highest', 'seed', { baseMin: 300_000 }, 'MONEY_INVALID', 'baseMin'],
        ['a lowest equity above the highest', 'seed', { equityPctMin: 2 }, 'EQUITY_OUT_OF_RANGE', 'equityPctMin'],
        ['equity above 100%', 'seed', { equityPctMax: 150 }, 'VALIDATION_FAILED', 'equityPctMax'],
        ['no one named as approver', 'seed', { approvedBy: '   ' }, 'VALIDATION_FAILED', 'approvedBy'],
        ['an approval date in the future', 'seed', { approvedOn: '2027-01-01' }, 'VALIDATION_FAILED', 'approvedOn'],
        ['an approval date that is not a date', 'seed', { approvedOn: 'last Tuesday' }, 'VALIDATION_FAILED', 'approvedOn'],
        ['an unknown funding stage', 'series-z', {}, 'VALIDATION_FAILED', 'params.stage'],
        ['an unknown field', 'seed', { note: 'x' }, 'UNKNOWN_FIELD', 'note'],
      ];
      for (const [what, stage, change, code, field] of bad) {
        it(`rejects ${what} with 400 ${code}, changing nothing`, async () => {
          const role = await makeRole(h);
          const res = await put(role.id, stage, { ...SEED, approvedBy: 'Board meeting', approvedOn: '2026-10-15', ...change }, '"1"');
          expect(res.statusCode).toBe(400);
          expect(res.json()).toMatchObject({ code, field });
          const after = await bands(role.id);
          expect(after.body).toMatchObject({ version: 1, bands: [] });
        });
      }

      it('answers 404 ROLE_NOT_FOUND for an unknown role', async () => {
        const res = await put('nope', 'seed', { ...SEED, approvedBy: 'Board meeting', approvedOn: '2026-10-15' }, '"1"');
        expect([res.statusCode, res.json().code]).toEqual([404, 'ROLE_NOT_FOUND']);
      });
    });

    describe('DELETE /api/v1/roles/{id}/bands/{stage}', () => {
      it('removes a stage band under If-Match, audits it, and answers 404 ROLE_BAND_NOT_FOUND when there is none', async () => {
        const role = await makeRole(h);
        await expectOk(put(role.id, 'seed', { ...SEED, approvedBy: 'Board meeting', approvedOn: '2026-10-15' }, '"1"'), 200, 'band');
        expect((await h.call('DELETE', `/api/v1/roles/${role.id}/bands/seed`, { token: h.ownerToken })).statusCode).toBe(428);
        const res = await h.call('DELETE', `/api/v1/roles/${role.id}/bands/seed`, { token: h.ownerToken, headers: { 'if-match': '"2"' } });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ current: null, bands: [], version: 3 });
        expect((await h.call('GET', `/api/v1/roles/${role.id}`, { token: h.ownerToken })).json().band).toBeNull();
        expect((await audit(role.id))[0]).toMatchObject({ action: 'role.band.remove', fields: ['bands.seed'] });
        const again = await h.call('DELETE', `/api/v1/roles/${role.id}/bands/seed`, { token: h.ownerToken, headers: { 'if-match': '"3"' } });
        expect([again.statusCode, again.json().code]).toEqual([404, 'ROLE_BAND_NOT_FOUND']);
      });
    });

    describe('the band field of roles', () => {
      it('records a PATCH band for the current stage without approval facts, and null removes it', async () => {
        const role = await makeRole(h);
        const res = await h.call('PATCH', `/api/v1/roles/${role.id}`, { token: h.ownerToken, body: { band: SEED }, headers: { 'if-match': '"1"' } });
        expect(res.statusCode).toBe(200);
        expect(res.json().band).toEqual(SEED);
        const view = (await bands(role.id)).body;
        expect(view.current).toMatchObject({ companyStage: 'seed', ...SEED, approvedBy: null, approvedOn: null, recordedBy: { name: 'Olive Owner' } });
        await expectOk(h.call('PATCH', `/api/v1/roles/${role.id}`, { token: h.ownerToken, body: { band: null }, headers: { 'if-match': '"2"' } }), 200, 'clear');
        expect((await bands(role.id)).body.bands).toEqual([]);
      });
    });

    describe('offers are checked against the band of the company stage now', () => {
      it('says which band and approval an offer version was checked against, and follows the company when it raises', async () => {
        const role = await makeRole(h);
        await expectOk(put(role.id, 'seed', { ...SEED, approvedBy: 'Board meeting', approvedOn: '2026-10-15' }, '"1"'), 200, 'seed band');
        await expectOk(put(role.id, 'series-a', { ...SERIES_A, approvedBy: 'Ada Founder', approvedOn: '2026-10-20' }, '"2"'), 200, 'series-a band');
        const candidate = await makeCandidate(h);
        const application = await makeApplication(h, role.id, candidate.id);
        // 200,000 USD and 0.75%: inside the seed band, outside the Series A band.
        const offer = await makeOffer(h, application.id, terms());
        expect(offer.insideBand).toBe(true);
        const check = (await h.call('GET', `/api/v1/offers/${offer.id}/band-check`, { token: h.ownerToken })).json();
        expect(check).toMatchObject({
          offerId: offer.id,
          roleId: role.id,
          version: 1,
          insideBand: true,
          reasons: [],
          checkedAgainst: { companyStage: 'seed', band: { ...SEED, approvedBy: 'Board meeting', approvedOn: '2026-10-15', recordedBy: { name: 'Olive Owner' } } },
          sameAsCurrent: true,
        });

        try {
          await setCompanyStage('series-a');
          expect((await h.call('GET', `/api/v1/roles/${role.id}`, { token: h.ownerToken })).json().band).toEqual(SERIES_A);
          const stale = (await h.call('GET', `/api/v1/offers/${offer.id}/band-check`, { token: h.ownerToken })).json();
          expect(stale).toMatchObject({ checkedAgainst: { companyStage: 'seed' }, current: { companyStage: 'series-a', band: { approvedBy: 'Ada Founder' } }, sameAsCurrent: false });
          // A new version is checked against the Series A band: base and equity are now outside it.
          const detail = (await h.call('GET', `/api/v1/offers/${offer.id}`, { token: h.ownerToken })).json();
          const revised = await h.call('PUT', `/api/v1/offers/${offer.id}`, { token: h.ownerToken, body: terms({ base: 210_000 }), headers: { 'if-match': `"${detail.version}"` } });
          expect(revised.statusCode).toBe(200);
          const v2 = (await h.call('GET', `/api/v1/offers/${offer.id}/band-check`, { token: h.ownerToken })).json();
          expect(v2).toMatchObject({ version: 2, insideBand: false, checkedAgainst: { companyStage: 'series-a', band: { ...SERIES_A, approvedBy: 'Ada Founder', approvedOn: '2026-10-20' } }, sameAsCurrent: true });
          expect(v2.reasons.map((r: { field: string }) => r.field)).toEqual(['base', 'equity.shares']);
          const v1 = (await h.call('GET', `/api/v1/offers/${offer.id}/band-check?version=1`, { token: h.ownerToken })).json();
          expect(v1).toMatchObject({ version: 1, insideBand: true, checkedAgainst: { companyStage: 'seed' } });
        } finally {
          await setCompanyStage('seed');
        }
      });

      it('records that a role had no band for the stage when the offer was checked', async () => {
        const role = await makeRole(h);
        const application = await makeApplication(h, role.id, (await makeCandidate(h)).id);
        const offer = await makeOffer(h, application.id, terms());
        const check = (await h.call('GET', `/api/v1/offers/${offer.id}/band-check`, { token: h.ownerToken })).json();
        expect(check).toMatchObject({ insideBand: false, checkedAgainst: { companyStage: 'seed', band: null }, current: { companyStage: 'seed', band: null }, sameAsCurrent: true });
      });
    });

    describe('access', () => {
      it('keeps bands from interviewers entirely, lets approvers read them, and lets only role writers change them', async () => {
        const role = await makeRole(h);
        await expectOk(put(role.id, 'seed', { ...SEED, baseMin: 181_717, approvedBy: 'Board meeting', approvedOn: '2026-10-15' }, '"1"'), 200, 'band');
        const interviewer = await h.tokenFor('interviewer');
        const res = await h.call('GET', `/api/v1/roles/${role.id}/bands`, { token: interviewer.token });
        expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
        expect(res.body).not.toContain('181717');
        expect((await put(role.id, 'seed', { ...SEED, approvedBy: 'x', approvedOn: '2026-10-15' }, '"2"', interviewer.token)).statusCode).toBe(403);
        const approver = await h.tokenFor('approver');
        expect((await bands(role.id, approver.token)).status).toBe(200);
        expect((await put(role.id, 'seed', { ...SEED, approvedBy: 'x', approvedOn: '2026-10-15' }, '"2"', approver.token)).statusCode).toBe(403);
        const recruiter = await h.tokenFor('recruiter');
        expect((await put(role.id, 'seed', { ...SEED, approvedBy: 'Board meeting', approvedOn: '2026-10-16' }, '"2"', recruiter.token)).statusCode).toBe(200);
      });
    });
  });
}
