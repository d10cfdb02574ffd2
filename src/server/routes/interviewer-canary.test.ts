import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { DEFAULT_BAND, expectOk, makeInterview, makeOffer, makePipeline, terms } from '../../test-support/offer-fixtures.js';

/**
 * The foundation's promise, checked across the whole API at once: compensation planted in a candidate's
 * current pay, a role's band and an offer never reaches an interviewer, through any route in the OpenAPI
 * document, read or write, success or error. New routes are covered as soon as they are registered.
 */
const PAY = 593_871;
const BAND_MIN = 487_219;
const OFFER_BASE = 511_337;
const CANARIES = [PAY, BAND_MIN, OFFER_BASE].flatMap((n) => [String(n), n.toLocaleString('en-US')]);

for (const dialect of dialectsUnderTest()) {
  describe(`no compensation reaches an interviewer, on any route [${dialect.name}]`, () => {
    let h: Harness;
    let interviewerToken: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      const interviewer = await h.tokenFor('interviewer', `canary-interviewer-${dialect.name}@test.example`);
      interviewerToken = interviewer.token;
      const { role, candidate, application } = await makePipeline(h, {
        role: { band: { ...DEFAULT_BAND, baseMin: BAND_MIN, baseMax: BAND_MIN + 40_000 } },
        candidate: { currentCompensation: { base: PAY, bonus: 10_000, equityAnnual: 20_000, currency: 'USD' } },
      });
      Object.assign(ids, { role: role.id, candidate: candidate.id, application: application.id, user: interviewer.userId });
      const iv = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [interviewer.userId], scheduledAt: new Date(h.clock.now().getTime() - 3_600_000).toISOString(), final: true });
      ids.interview = iv.id;
      const offer = await makeOffer(h, application.id, terms({ base: OFFER_BASE }));
      ids.offer = offer.id;
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
    });
    afterAll(async () => h.close());

    /** A real id for the resource a path parameter follows, so routes answer with data rather than 404. */
    const fill = (path: string) =>
      path.replace(/\/([a-z-]+)\/\{[^}]+\}/g, (_m, resource: string) => {
        const id = { roles: ids.role, candidates: ids.candidate, applications: ids.application, interviews: ids.interview, offers: ids.offer, users: ids.user, versions: '1' }[resource];
        return `/${resource}/${id ?? 'no-such-id'}`;
      });

    it('the owner sees the planted numbers, so the checks below can fail', async () => {
      const bodies = await Promise.all([`/api/v1/candidates/${ids.candidate}`, `/api/v1/roles/${ids.role}`, `/api/v1/offers/${ids.offer}`].map(async (url) => (await h.call('GET', url, { token: h.ownerToken })).body));
      expect(bodies.join('\n')).toContain(String(PAY));
      expect(bodies.join('\n')).toContain(String(BAND_MIN));
      expect(bodies.join('\n')).toContain(String(OFFER_BASE));
    });

    it('every route of the OpenAPI document, called by an interviewer, answers below 500 without a planted number', async () => {
      const doc = (await h.call('GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
      const calls = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((method) => ({ method: method.toUpperCase(), url: fill(path) })));
      expect(calls.length).toBeGreaterThan(40);
      const leaks: string[] = [];
      for (const { method, url } of calls) {
        // Writes get a body no route accepts: the access check or validation answers, and nothing changes.
        const res = await h.call(method, url, { token: interviewerToken, ...(method === 'GET' || method === 'DELETE' ? {} : { body: { canaryProbe: true } }) });
        expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
        const text = res.rawPayload.toString('latin1');
        for (const c of CANARIES) if (text.includes(c)) leaks.push(`${method} ${url} -> ${c}`);
      }
      expect(leaks).toEqual([]);
    });
  });
}
