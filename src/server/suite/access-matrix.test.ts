import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Action, type UserRole } from '../../domain/access/policy.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { DEFAULT_BAND, expectOk, makeInterview, makeOffer, makePipeline, terms } from '../../test-support/offer-fixtures.js';
import { routeTableOf } from '../plugins/route-table.js';
import { PUBLIC_BOARD_ROUTES } from '../routes/jobs/routes.js';
import { PUBLIC_OPT_OUT_ROUTES } from '../routes/sequences/routes.js';

/**
 * T7 of the reliability plan, for reads: every role against every GET route of Fastify's route table, with real
 * records and planted pay figures. Each cell must agree with the policy table (`can(role, action)` of the action
 * the route requires): denied is a 403 `{ code, message }`, allowed is anything but a 403; no cell is a 5xx; and no
 * interviewer response holds a planted figure. interviewer-canary.test.ts calls every route (writes too) as an
 * interviewer; this adds the other roles and the policy check. A GET route that requires no policy action must be
 * listed below, so a new route cannot skip the policy table unnoticed.
 */
/**
 * Reads open to anyone (setup status, the API document, whether single sign-on is offered, the provider's way back
 * to sign-in) or about the signed-in person only (session, own two-step sign-in).
 */
const NO_ACTION_ROUTES = new Set(['/api/v1/setup/status', '/api/v1/session', '/api/v1/openapi.json', '/api/v1/account/mfa', '/api/v1/auth/sso', '/api/v1/auth/sso/callback']);

/** The five roles of the plan (T7); the approver's reads are those of offers.read and offers.approve, covered by offer tests. */
const ROLES: readonly UserRole[] = ['owner', 'admin', 'recruiter', 'hiring-manager', 'interviewer'];
/** Owners and admins share one row of the policy table (everything); the admin's cells stand for both. */
const MATRIX_ROLES = ROLES.filter((r) => r !== 'owner');

const PAY = 612_893;
const BAND_MIN = 473_901;
const OFFER_BASE = 538_117;
const CANARIES = [PAY, BAND_MIN, OFFER_BASE].flatMap((n) => [String(n), n.toLocaleString('en-US')]);

for (const dialect of dialectsUnderTest()) {
  describe(`role x route matrix for reads, with planted pay [${dialect.name}]`, () => {
    let h: Harness;
    const tokens = {} as Record<UserRole, string>;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      tokens.owner = h.ownerToken;
      const users: Record<string, string> = {};
      for (const role of ROLES.filter((r) => r !== 'owner')) {
        const made = await h.tokenFor(role, `matrix-${role}-${dialect.name}@test.example`);
        tokens[role] = made.token;
        users[role] = made.userId;
      }
      const { role, candidate, application } = await makePipeline(h, {
        role: { band: { ...DEFAULT_BAND, baseMin: BAND_MIN, baseMax: BAND_MIN + 40_000 } },
        candidate: { currentCompensation: { base: PAY, bonus: 10_000, equityAnnual: 20_000, currency: 'USD' } },
      });
      Object.assign(ids, { role: role.id, candidate: candidate.id, application: application.id, user: users.interviewer });
      const past = new Date(h.clock.now().getTime() - 3_600_000).toISOString();
      ids.interview = (await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [users.interviewer], scheduledAt: past, final: true })).id;
      ids.otherInterview = (await makeInterview(h, application.id, { kind: 'phone', interviewerIds: [users.admin], scheduledAt: new Date(h.clock.now().getTime() - 7_200_000).toISOString() })).id;
      const offer = await makeOffer(h, application.id, terms({ base: OFFER_BASE }));
      ids.offer = offer.id;
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
    });
    afterAll(async () => h.close());

    const fill = (url: string) =>
      url.replace(/\/([a-z-]+)\/:[A-Za-z]+/g, (_m, resource: string) => {
        const id = { roles: ids.role, candidates: ids.candidate, applications: ids.application, interviews: ids.interview, offers: ids.offer, users: ids.user, versions: '1', bands: 'seed' }[resource];
        return `/${resource}/${id ?? 'no-such-id'}`;
      });

    it('the owner sees the planted figures, so the leak check can fail', async () => {
      const bodies = await Promise.all([`/api/v1/candidates/${ids.candidate}`, `/api/v1/roles/${ids.role}`, `/api/v1/offers/${ids.offer}`].map(async (url) => (await h.call('GET', url, { token: h.ownerToken })).body));
      for (const n of [PAY, BAND_MIN, OFFER_BASE]) expect(bodies.join('\n')).toContain(String(n));
    });

    it('every role x GET route agrees with the policy table, denials are 403s, and no interviewer response holds pay', async () => {
      const reads = routeTableOf(h.app).filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
      expect(reads.length).toBeGreaterThan(50);
      expect(reads.filter((r) => !r.action && !NO_ACTION_ROUTES.has(r.url)).map((r) => r.url), 'GET routes outside the policy table').toEqual([]);
      const mismatches: string[] = [];
      let cells = 0;
      for (const role of MATRIX_ROLES) {
        for (const route of reads) {
          cells += 1;
          // The API description is the same for everyone (and the slowest read): the admin's call covers it.
          if (route.url === '/api/v1/openapi.json' && role !== 'admin') continue;
          const url = fill(route.url);
          const res = await h.call('GET', url, { token: tokens[role] });
          const cell = `${role} GET ${route.url} -> ${res.statusCode}`;
          if (res.statusCode >= 500) mismatches.push(`${cell}: ${res.body.slice(0, 200)}`);
          if (route.action) {
            const allowed = can(role, route.action as Action);
            if (!allowed && (res.statusCode !== 403 || (res.json() as { code?: string }).code !== 'FORBIDDEN')) mismatches.push(`${cell}, policy denies ${route.action}`);
            if (allowed && res.statusCode === 403) mismatches.push(`${cell}, policy allows ${route.action}: ${res.body.slice(0, 200)}`);
          }
          if (role === 'interviewer') {
            const text = res.rawPayload.toString('latin1');
            for (const c of CANARIES) if (text.includes(c)) mismatches.push(`${cell} leaks ${c}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 120_000);

    it('the routes outside /api are exactly the health check and the public job board, open without sign-in, with no session cookie and no 5xx', async () => {
      const outside = routeTableOf(h.app).filter((r) => !r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
      // The health check for load balancers, and the job board (routes/jobs PUBLIC_BOARD_ROUTES).
      // And the one-click opt-out pages of outreach e-mails (routes/sequences PUBLIC_OPT_OUT_ROUTES).
      expect(outside.sort(), 'public routes').toEqual(['GET /healthz', ...PUBLIC_BOARD_ROUTES, ...PUBLIC_OPT_OUT_ROUTES].sort());
      for (const key of PUBLIC_BOARD_ROUTES.filter((k) => k.startsWith('GET '))) {
        const res = await h.app.inject({ method: 'GET', url: key.slice(4).replace(':slug', 'no-such-job') });
        expect(res.statusCode, key).toBeLessThan(500);
        expect(res.headers['set-cookie'], key).toBeUndefined();
        expect(res.headers['content-security-policy'], key).toContain("default-src 'self'");
      }
      const optOut = await h.app.inject({ method: 'GET', url: '/o/no-such-token' });
      expect(optOut.statusCode, 'GET /o/:token').toBe(400);
      expect(optOut.headers['set-cookie'], 'GET /o/:token').toBeUndefined();
      expect(optOut.headers['content-security-policy'], 'GET /o/:token').toContain("default-src 'self'");
    });

    it('an interviewer reads the interviews assigned to them, not another\'s (403 or 404, without pay)', async () => {
      const own = await h.call('GET', `/api/v1/interviews/${ids.interview}`, { token: tokens.interviewer });
      expect(own.statusCode).toBe(200);
      const other = await h.call('GET', `/api/v1/interviews/${ids.otherInterview}`, { token: tokens.interviewer });
      expect([403, 404]).toContain(other.statusCode);
      const list = (await h.call('GET', '/api/v1/interviews', { token: tokens.interviewer })).json() as { items: Array<{ id: string }> };
      expect(list.items.map((i) => i.id)).toContain(ids.interview);
      expect(list.items.map((i) => i.id)).not.toContain(ids.otherInterview);
    });
  });
}
