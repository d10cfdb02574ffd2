import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CATALOGUE } from '../../domain/shared/error-codes.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { routeTableOf, type RouteEntry } from '../plugins/route-table.js';

/**
 * T6 of the reliability plan, short run: bad input to every route of Fastify's route table (not the OpenAPI
 * document, which can hide routes) gets a 4xx `{ code, message, field? }`, never a 2xx or 5xx, and changes nothing
 * (the audit log does not grow, no prototype is polluted).
 *
 * Every route needs an entry below: what its request takes. A new route without one fails the first test, so
 * whoever adds it decides how it is fuzzed.
 * - 'none': no body (path and query only);
 * - 'json': a JSON body whose schema is strict (unknown fields are refused);
 * - 'json-or-nothing': the same, or no body at all (`null` too);
 * - 'file': an upload of raw bytes (its own content types).
 */
type Takes = 'none' | 'json' | 'json-or-nothing' | 'file';
const FUZZ_TABLE: Record<string, Takes> = {
  'GET /api/v1/setup/status': 'none',
  'POST /api/v1/setup': 'json',
  'POST /api/v1/setup/demo': 'json',
  'POST /api/v1/auth/login': 'json',
  'POST /api/v1/auth/logout': 'none',
  'GET /api/v1/session': 'none',
  'GET /api/v1/company': 'none',
  'PATCH /api/v1/company': 'json',
  'GET /api/v1/users': 'none',
  'GET /api/v1/people': 'none',
  'POST /api/v1/users': 'json',
  'PATCH /api/v1/users/:id': 'json',
  'GET /api/v1/tokens': 'none',
  'POST /api/v1/tokens': 'json',
  'DELETE /api/v1/tokens/:id': 'none',
  'GET /api/v1/audit': 'none',
  'GET /api/v1/audit/facets': 'none',
  'GET /api/v1/roles': 'none',
  'POST /api/v1/roles': 'json',
  'GET /api/v1/roles/:id': 'none',
  'PATCH /api/v1/roles/:id': 'json',
  'GET /api/v1/roles/:id/board': 'none',
  'GET /api/v1/roles/:id/source-mix': 'none',
  'GET /api/v1/candidates': 'none',
  'POST /api/v1/candidates': 'json',
  'GET /api/v1/candidates/:id': 'none',
  'PATCH /api/v1/candidates/:id': 'json',
  'POST /api/v1/candidates/:id/merge': 'json',
  'POST /api/v1/candidates/:id/archive': 'none',
  'POST /api/v1/candidates/:id/unarchive': 'none',
  'DELETE /api/v1/candidates/:id': 'none',
  'GET /api/v1/candidates/:id/files': 'none',
  'POST /api/v1/candidates/:id/files': 'file',
  'GET /api/v1/candidates/:id/files/:fileId': 'none',
  'DELETE /api/v1/candidates/:id/files/:fileId': 'none',
  'GET /api/v1/applications': 'none',
  'POST /api/v1/applications': 'json',
  'GET /api/v1/applications/:id': 'none',
  'PATCH /api/v1/applications/:id': 'json',
  'GET /api/v1/applications/:id/events': 'none',
  'POST /api/v1/applications/:id/events': 'json',
  'GET /api/v1/pipeline/settings': 'none',
  'PUT /api/v1/pipeline/settings': 'json',
  'GET /api/v1/today': 'none',
  'POST /api/v1/today/actions': 'json',
  'POST /api/v1/today/marks/:id/undo': 'none',
  'POST /api/v1/applications/:id/interviews': 'json',
  'POST /api/v1/applications/:id/onsites': 'json',
  'GET /api/v1/onsites/:id/invite.ics': 'none',
  'GET /api/v1/interviews/:id/invite.ics': 'none',
  'GET /api/v1/applications/:id/interviews': 'none',
  'GET /api/v1/interviews': 'none',
  'GET /api/v1/interviews/:id': 'none',
  'PATCH /api/v1/interviews/:id': 'json',
  'POST /api/v1/interviews/:id/complete': 'none',
  'POST /api/v1/interviews/:id/cancel': 'json',
  'GET /api/v1/roles/:id/scorecard-template': 'none',
  'GET /api/v1/interviews/:id/scorecard': 'none',
  'PUT /api/v1/interviews/:id/scorecard': 'json',
  'POST /api/v1/interviews/:id/scorecard/submit': 'json',
  'GET /api/v1/interviews/:id/scorecards': 'none',
  'GET /api/v1/scorecards/:id': 'none',
  'GET /api/v1/applications/:id/decision': 'none',
  'POST /api/v1/applications/:id/offers': 'json',
  'GET /api/v1/offers': 'none',
  'GET /api/v1/offers/:id': 'none',
  'GET /api/v1/offers/:id/versions': 'none',
  'GET /api/v1/offers/:id/versions/:version': 'none',
  'PUT /api/v1/offers/:id': 'json',
  'POST /api/v1/offers/:id/submit': 'none',
  'POST /api/v1/offers/:id/extend': 'none',
  'POST /api/v1/offers/:id/accept': 'none',
  'POST /api/v1/offers/:id/decline': 'none',
  'POST /api/v1/offers/:id/withdraw': 'none',
  'GET /api/v1/offers/:id/summary': 'none',
  'GET /api/v1/offers/:id/summary.html': 'none',
  'GET /api/v1/offers/:id/summary.pdf': 'none',
  'GET /api/v1/approvals': 'none',
  'POST /api/v1/offers/:id/approve': 'json',
  'POST /api/v1/offers/:id/reject': 'json',
  'GET /api/v1/approvals/settings': 'none',
  'PUT /api/v1/approvals/settings': 'json',
  'GET /api/v1/notifications': 'none',
  'POST /api/v1/notifications/:id/read': 'none',
  'POST /api/v1/notifications/read': 'json-or-nothing',
  'GET /api/v1/notifications/preferences': 'none',
  'PUT /api/v1/notifications/preferences': 'json',
  'GET /api/v1/notifications/settings': 'none',
  'PUT /api/v1/notifications/settings': 'json',
  'POST /api/v1/roles/analyze': 'json',
  'GET /api/v1/taxonomy': 'none',
  'PUT /api/v1/taxonomy/extensions': 'json',
  'DELETE /api/v1/taxonomy/extensions': 'none',
  'POST /api/v1/plans/check': 'json',
  'GET /api/v1/company/attractiveness': 'none',
  'GET /api/v1/company/attractiveness-inputs': 'none',
  'PUT /api/v1/company/attractiveness-inputs': 'json',
  'GET /api/v1/team/plan': 'none',
  'GET /api/v1/team/plan-inputs': 'none',
  'GET /api/v1/account/mfa': 'none',
  'POST /api/v1/account/mfa/enrolment': 'none',
  'POST /api/v1/account/mfa/confirm': 'json',
  'POST /api/v1/account/mfa/recovery-codes': 'json',
  'POST /api/v1/account/mfa/disable': 'json',
  'GET /api/v1/security/settings': 'none',
  'PUT /api/v1/security/settings': 'json',
  'DELETE /api/v1/users/:id/mfa': 'none',
  'GET /api/v1/candidates/:id/export': 'none',
  'GET /api/v1/candidates/:id/talent-pool': 'none',
  'PUT /api/v1/candidates/:id/talent-pool': 'json',
  'GET /api/v1/privacy/retention': 'none',
  'GET /api/v1/export': 'none',
  'PUT /api/v1/privacy/retention': 'json',
  'POST /api/v1/privacy/retention/run': 'none',
  'PUT /api/v1/team/plan-inputs': 'json',
  'POST /api/v1/offers/evaluate': 'json',
  'POST /api/v1/compensation/threshold': 'json',
  'GET /api/v1/market/datasets': 'none',
  'POST /api/v1/market/datasets': 'json',
  'PUT /api/v1/market/selection': 'json',
  'GET /api/v1/market/benchmarks': 'none',
  'GET /api/v1/market/table': 'none',
  'GET /api/v1/applications/:id/next-step': 'none',
  'GET /api/v1/applications/:id/offer-draft': 'none',
  'GET /api/v1/offer-drafts': 'none',
  'GET /api/v1/roles/:id/bands': 'none',
  'PUT /api/v1/roles/:id/bands/:stage': 'json',
  'DELETE /api/v1/roles/:id/bands/:stage': 'none',
  'GET /api/v1/offers/:id/band-check': 'none',
  'GET /api/v1/openapi.json': 'none',
  'GET /api/v1/reports/:name': 'none',
  // Job postings (issue 16)
  'GET /api/v1/roles/:id/posting': 'none',
  'PUT /api/v1/roles/:id/posting': 'json',
  'POST /api/v1/roles/:id/posting/publish': 'json',
  'POST /api/v1/roles/:id/posting/unpublish': 'none',
  'POST /api/v1/roles/:id/posting/close': 'none',
  'GET /api/v1/job-board/settings': 'none',
  'PUT /api/v1/job-board/settings': 'json',
  // Single sign-on (issue 15)
  'GET /api/v1/security/sso': 'none',
  'PUT /api/v1/security/sso': 'json',
  'DELETE /api/v1/security/sso': 'none',
  'GET /api/v1/auth/sso': 'none',
  'POST /api/v1/auth/sso/start': 'none',
  'GET /api/v1/auth/sso/callback': 'none',
  'GET /api/v1/imports': 'none',
  'POST /api/v1/imports': 'json',
  'GET /api/v1/imports/:id': 'none',
  'GET /api/v1/imports/:id/report': 'none',
  'POST /api/v1/imports/:id/files': 'file',
  'POST /api/v1/imports/:id/dry-run': 'json-or-nothing',
  'PUT /api/v1/imports/:id/stage-mapping': 'json',
  'POST /api/v1/imports/:id/run': 'json-or-nothing',
  // Sourcing (issue 13): talent pools and prospects.
  'GET /api/v1/pools': 'none',
  'POST /api/v1/pools': 'json',
  'GET /api/v1/pools/:id': 'none',
  'PATCH /api/v1/pools/:id': 'json',
  'GET /api/v1/pools/:id/prospects': 'none',
  'POST /api/v1/pools/:id/prospects': 'json',
  'POST /api/v1/pools/:id/prospects/import': 'json',
  'GET /api/v1/prospects/:id': 'none',
  'PATCH /api/v1/prospects/:id': 'json',
  'POST /api/v1/prospects/:id/events': 'json',
  'POST /api/v1/prospects/:id/convert': 'json',
  'GET /api/v1/pools/:id/reach': 'none',
  'GET /api/v1/roles/:id/reach': 'none',
  // Outreach sequences (issue 13, docs/sequences.md): templates, sequences, enrollments, the inbound e-mail webhook.
  'GET /api/v1/templates': 'none',
  'POST /api/v1/templates': 'json',
  'GET /api/v1/templates/:id': 'none',
  'PATCH /api/v1/templates/:id': 'json',
  'GET /api/v1/templates/:id/lint': 'none',
  'POST /api/v1/templates/:id/preview': 'json',
  'GET /api/v1/sequences': 'none',
  'POST /api/v1/sequences': 'json',
  'GET /api/v1/sequences/:id': 'none',
  'POST /api/v1/sequences/:id/activate': 'none',
  'POST /api/v1/sequences/:id/pause': 'none',
  'POST /api/v1/sequences/:id/enrollments': 'json',
  'GET /api/v1/sequences/:id/enrollments': 'none',
  'GET /api/v1/prospects/:id/enrollments': 'none',
  'GET /api/v1/pools/:id/enrollments': 'none',
  'GET /api/v1/enrollments/:id': 'none',
  'POST /api/v1/enrollments/:id/stop': 'none',
  'POST /api/v1/enrollments/:id/complete-task': 'json-or-nothing',
  'GET /api/v1/inbound/secret': 'none',
  'POST /api/v1/inbound/secret/rotate': 'none',
  'POST /api/v1/inbound/email': 'json',
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FAKE_ID = '00000000-0000-4000-8000-00000000f022';

/** Path parameters filled with values that name nothing, so no case can reach a record. */
function fill(url: string, value = FAKE_ID): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'stage' ? 'seed' : name === 'version' ? '1' : value));
}

const nasty = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('\u202Eevil', "' OR 1=1--", '<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', 'x'.repeat(20_000), '2025-02-30'),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 4, -1, 1.5, -0, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
);
/** A body with at least one field no schema names: a strict schema must refuse it whatever else it holds. */
const unknownFieldBody = fc
  .tuple(fc.dictionary(fc.constantFrom('name', 'title', 'email', 'role', 'mode', 'base', 'currency', 'text', 'data', 'type'), nasty, { maxKeys: 3 }), fc.constantFrom('isAdmin', 'constructor', 'fuzz_extra', 'ownerId'), nasty)
  .map(([fields, key, value]) => JSON.stringify({ ...fields, [key]: value }));

const FIXED_BODIES: Array<[string, string | undefined]> = [
  ['{"title":', 'application/json'],
  ['null', 'application/json'],
  ['[]', 'application/json'],
  ['"text"', 'application/json'],
  ['12', 'application/json'],
  ['{"name":"a\\u0000b","fuzz_extra":1}', 'application/json'],
  ['{"name":"\\ud800","fuzz_extra":1}', 'application/json'],
  [`{"fuzz_extra":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'application/json'],
  [JSON.stringify({ name: 'x'.repeat(1_100_000) }), 'application/json'],
  ['{"name":"x"}', 'text/plain'],
  ['name=x', 'application/x-www-form-urlencoded'],
  ['{"fuzz_extra":1}', 'Application/JSON ; charset=UTF-16'],
];

for (const dialect of dialectsUnderTest()) {
  describe(`bad input to every route of the route table [${dialect.name}]`, () => {
    let h: Harness;
    let routes: readonly RouteEntry[];
    const auditCount = async () => Number((await h.store.db.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      routes = routeTableOf(h.app).filter((r) => r.url.startsWith('/api/'));
    });
    afterAll(async () => h.close());

    const send = (method: string, url: string, payload?: string, headers: Record<string, string> = {}, contentType = 'application/json') =>
      h.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${h.ownerToken}`, ...(payload !== undefined ? { 'content-type': contentType } : {}), ...headers }, ...(payload !== undefined ? { payload } : {}) });

    /** A 4xx with exactly `{ code, message, field? }` and a catalogued code. */
    const failures: string[] = [];
    const refused = (what: string, res: { statusCode: number; body: string }, status?: number): Record<string, unknown> => {
      const fail = (why: string) => {
        failures.push(`${what}: ${why}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        return {};
      };
      if (res.statusCode < 400 || res.statusCode >= 500 || (status !== undefined && res.statusCode !== status)) return fail(`expected ${status ?? '4xx'}`);
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(res.body) as Record<string, unknown>;
      } catch {
        return fail('not JSON');
      }
      if (Object.keys(body).some((k) => !['code', 'message', 'field'].includes(k))) return fail('keys other than code, message, field');
      if (!(String(body.code) in ERROR_CATALOGUE) || typeof body.message !== 'string') return fail('no catalogued code and message');
      return body;
    };

    it('every route of the route table has an entry in the fuzz table, and every entry a route', () => {
      const keys = routes.map((r) => `${r.method} ${r.url}`);
      expect(keys.filter((k) => !(k in FUZZ_TABLE)), 'routes without a fuzz entry').toEqual([]);
      expect(Object.keys(FUZZ_TABLE).filter((k) => !keys.includes(k)), 'fuzz entries without a route').toEqual([]);
    });

    it('refuses bad input on every route with a 4xx { code, message, field }, never a 5xx, and changes nothing', async () => {
      const before = await auditCount();
      // Cases the HTTP layer refuses before any route code (parser, URL, query) rotate over the routes, so each route
      // gets a few and each case meets many routes; the cases a route's own schema decides are run on every route.
      const rotate = <T,>(list: readonly T[], i: number, n: number): T[] => Array.from({ length: Math.min(n, list.length) }, (_, k) => list[(i * n + k) % list.length]!);
      const QUERIES = ['?q=%00', '?a%1Bb=1&limit=-1&limit=2', '?q=%0D%0Aset-cookie', '?x=%C2%85'];
      const BAD_IDS = ["'%20OR%201=1--", 'x'.repeat(101), '..%2F..%2Fetc', '%E2%80%AE', '-1'];
      for (const [i, route] of routes.entries()) {
        const takes = FUZZ_TABLE[`${route.method} ${route.url}`] ?? 'none';
        const url = fill(route.url);
        const what = `${route.method} ${route.url}`;
        for (const query of rotate(QUERIES, i, 1)) refused(`${what} control character in ${query}`, await send(route.method, `${url}${query}`), 400);
        if (route.url.includes(':')) {
          for (const bad of rotate(BAD_IDS, i, 2)) {
            refused(`${what} id ${bad.slice(0, 20)}`, await send(route.method, route.url.replace(/:[A-Za-z]+/g, bad), takes === 'json' ? '{"fuzz_extra":1}' : undefined));
          }
        }
        if (!WRITES.has(route.method)) continue;
        const badKey = refused(`${what} invalid Idempotency-Key`, await send(route.method, url, undefined, { 'idempotency-key': 'two words' }), 400);
        if (badKey.code && badKey.field !== 'Idempotency-Key') failures.push(`${what}: invalid Idempotency-Key answered about ${String(badKey.field)}`);
        if (takes === 'json' || takes === 'json-or-nothing') {
          for (const [payload, contentType] of rotate(FIXED_BODIES, i, 3)) if (takes === 'json' || payload !== 'null') refused(`${what} body ${payload.slice(0, 30)} as ${contentType}`, await send(route.method, url, payload, {}, contentType));
          await fc.assert(
            fc.asyncProperty(unknownFieldBody, fc.constantFrom(undefined, '"abc"', '*'), async (payload, ifMatch) => {
              const n = failures.length;
              refused(`${what} body ${payload.slice(0, 200)}`, await send(route.method, url, payload, ifMatch ? { 'if-match': ifMatch } : {}));
              return failures.length === n;
            }),
            { numRuns: 4, seed: 15 },
          );
        }
        if (takes === 'file') {
          refused(`${what} JSON instead of a file`, await send(route.method, url, '{"a":1}'));
          refused(`${what} executable bytes`, await send(route.method, url, 'MZ\u0090\u0000', {}, 'application/octet-stream'));
        }
      }
      expect(failures).toEqual([]);
      expect(await auditCount(), 'audit entries written by refused requests').toBe(before);
      expect(({} as Record<string, unknown>).polluted, 'prototype pollution canary').toBeUndefined();
    }, 120_000);
  });
}
