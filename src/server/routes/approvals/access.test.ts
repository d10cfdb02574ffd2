import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES, type UserRole } from '../../../domain/access/policy.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeInterview, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';

/** Numbers planted in an offer and in the candidate's current pay; they must never reach an interviewer. */
const OFFER_CANARY = 487_213;
const PAY_CANARY = 593_871;
const CANARIES = [OFFER_CANARY, PAY_CANARY].flatMap((n) => [String(n), n.toLocaleString('en-US'), `${Math.round(n / 1000)}k`]);
/** Field names that carry compensation anywhere in the API. */
const COMPENSATION_KEYS = new Set(['currentCompensation', 'base', 'bonus', 'bonusTarget', 'signOn', 'equity', 'equityAnnual', 'shares', 'fullyDilutedShares', 'strike', 'band', 'terms', 'evaluation', 'threshold', 'offer', 'offers']);

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

type Expect = Partial<Record<UserRole, number>>;
const ALL = (status: number): Expect => Object.fromEntries(USER_ROLES.map((r) => [r, status]));
const only = (roles: UserRole[], yes: number, no = 403): Expect => Object.fromEntries(USER_ROLES.map((r) => [r, roles.includes(r) ? yes : no]));
const STAFF: UserRole[] = ['owner', 'admin', 'recruiter', 'hiring-manager'];
const INTERVIEWING: UserRole[] = [...STAFF, 'interviewer'];
const OFFER_READERS: UserRole[] = [...STAFF, 'approver'];
const APPROVERS: UserRole[] = ['owner', 'admin', 'approver'];
const ADMINS: UserRole[] = ['owner', 'admin'];

for (const dialect of dialectsUnderTest()) {
  describe(`access to interviews, scorecards, offers, approvals and notifications, every role [${dialect.name}]`, () => {
    let h: Harness;
    const tokens = {} as Record<UserRole, string>;
    const ids = {} as Record<string, string>;

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      tokens.owner = h.ownerToken;
      const people = {} as Record<UserRole, { token: string; userId: string }>;
      for (const role of USER_ROLES.filter((r) => r !== 'owner')) {
        people[role] = await h.tokenFor(role, `${role}-access-${dialect.name}@test.example`);
        tokens[role] = people[role].token;
      }
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [people.approver.userId], mode: 'parallel' } }), 200, 'approvers');
      const { role, application } = await makePipeline(h, {
        candidate: { currentCompensation: { base: PAY_CANARY, bonus: 20_000, equityAnnual: 50_000, currency: 'USD' }, currentEmployer: 'Canary Labs' },
      });
      ids.role = role.id;
      ids.application = application.id;
      const iv = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [people.interviewer.userId], scheduledAt: new Date(h.clock.now().getTime() - 3_600_000).toISOString(), final: true });
      ids.interview = iv.id;
      await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: h.ownerToken, body: {} }), 200, 'complete');
      const card = await expectOk(
        h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: tokens.interviewer, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 3, evidence: 'Owned the deployment pipeline.' }], recommendation: 'yes' } }),
        200,
        'card',
      );
      ids.scorecard = card.scorecard.id;
      const offer = await makeOffer(h, application.id, terms({ base: OFFER_CANARY }));
      ids.offer = offer.id;
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
      const note = (await h.call('GET', '/api/v1/notifications', { token: tokens.approver })).json().items[0];
      ids.notification = note.id;
    });
    afterAll(async () => h.close());

    const reads: Array<[string, () => string, Expect]> = [
      ['GET /api/v1/interviews', () => '/api/v1/interviews', only(INTERVIEWING, 200)],
      ['GET /api/v1/interviews/{id}', () => `/api/v1/interviews/${ids.interview}`, only(INTERVIEWING, 200)],
      ['GET /api/v1/applications/{id}/interviews', () => `/api/v1/applications/${ids.application}/interviews`, only(INTERVIEWING, 200)],
      // The candidate's invite (with their e-mail) is for staff; an interviewer gets only their own (loops.test.ts).
      ['GET /api/v1/interviews/{id}/invite.ics', () => `/api/v1/interviews/${ids.interview}/invite.ics?for=candidate`, only(STAFF, 200)],
      ['GET /api/v1/roles/{id}/scorecard-template', () => `/api/v1/roles/${ids.role}/scorecard-template`, only(INTERVIEWING, 200)],
      // Own card: people not on the interview get 404 (its existence is not theirs to know).
      ['GET /api/v1/interviews/{id}/scorecard', () => `/api/v1/interviews/${ids.interview}/scorecard`, { ...only(INTERVIEWING, 404), interviewer: 200 }],
      ['GET /api/v1/interviews/{id}/scorecards', () => `/api/v1/interviews/${ids.interview}/scorecards`, only(INTERVIEWING, 200)],
      ['GET /api/v1/scorecards/{id}', () => `/api/v1/scorecards/${ids.scorecard}`, only(INTERVIEWING, 200)],
      ['GET /api/v1/applications/{id}/decision', () => `/api/v1/applications/${ids.application}/decision`, only(INTERVIEWING, 200)],
      ['GET /api/v1/offers', () => '/api/v1/offers', only(OFFER_READERS, 200)],
      ['GET /api/v1/offers/{id}', () => `/api/v1/offers/${ids.offer}`, only(OFFER_READERS, 200)],
      ['GET /api/v1/offers/{id}/versions', () => `/api/v1/offers/${ids.offer}/versions`, only(OFFER_READERS, 200)],
      ['GET /api/v1/offers/{id}/versions/{version}', () => `/api/v1/offers/${ids.offer}/versions/1`, only(OFFER_READERS, 200)],
      ['GET /api/v1/offers/{id}/summary', () => `/api/v1/offers/${ids.offer}/summary`, only(OFFER_READERS, 200)],
      ['GET /api/v1/offers/{id}/summary.html', () => `/api/v1/offers/${ids.offer}/summary.html`, only(OFFER_READERS, 200)],
      ['GET /api/v1/offers/{id}/summary.pdf', () => `/api/v1/offers/${ids.offer}/summary.pdf`, only(OFFER_READERS, 200)],
      ['GET /api/v1/offers/{id}/band-check', () => `/api/v1/offers/${ids.offer}/band-check`, only(OFFER_READERS, 200)],
      ['GET /api/v1/approvals', () => '/api/v1/approvals', only(APPROVERS, 200)],
      ['GET /api/v1/approvals/settings', () => '/api/v1/approvals/settings', only(OFFER_READERS, 200)],
      ['GET /api/v1/notifications', () => '/api/v1/notifications', ALL(200)],
      ['GET /api/v1/notifications/preferences', () => '/api/v1/notifications/preferences', ALL(200)],
      ['GET /api/v1/notifications/settings', () => '/api/v1/notifications/settings', only(ADMINS, 200)],
    ];

    // Writes are sent with an invalid body: an allowed role passes the access check and gets 400 (nothing changes), a denied one 403 FORBIDDEN.
    const writes: Array<[string, string, () => string, Expect]> = [
      ['POST', '/api/v1/applications/{id}/interviews', () => `/api/v1/applications/${ids.application}/interviews`, only(STAFF, 400)],
      ['POST', '/api/v1/applications/{id}/onsites', () => `/api/v1/applications/${ids.application}/onsites`, only(STAFF, 400)],
      ['PATCH', '/api/v1/interviews/{id}', () => `/api/v1/interviews/${ids.interview}`, only(STAFF, 400)],
      ['POST', '/api/v1/interviews/{id}/complete', () => `/api/v1/interviews/${ids.interview}/complete`, only(INTERVIEWING, 400)],
      ['POST', '/api/v1/interviews/{id}/cancel', () => `/api/v1/interviews/${ids.interview}/cancel`, only(STAFF, 400)],
      ['PUT', '/api/v1/interviews/{id}/scorecard', () => `/api/v1/interviews/${ids.interview}/scorecard`, only(INTERVIEWING, 400)],
      ['POST', '/api/v1/interviews/{id}/scorecard/submit', () => `/api/v1/interviews/${ids.interview}/scorecard/submit`, only(INTERVIEWING, 400)],
      ['POST', '/api/v1/applications/{id}/offers', () => `/api/v1/applications/${ids.application}/offers`, only(STAFF, 400)],
      ['PUT', '/api/v1/offers/{id}', () => `/api/v1/offers/${ids.offer}`, only(STAFF, 400)],
      ...(['submit', 'extend', 'accept', 'decline', 'withdraw'] as const).map((a): [string, string, () => string, Expect] => ['POST', `/api/v1/offers/{id}/${a}`, () => `/api/v1/offers/${ids.offer}/${a}`, only(STAFF, 400)]),
      ['POST', '/api/v1/offers/{id}/approve', () => `/api/v1/offers/${ids.offer}/approve`, only(APPROVERS, 400)],
      ['POST', '/api/v1/offers/{id}/reject', () => `/api/v1/offers/${ids.offer}/reject`, only(APPROVERS, 400)],
      ['PUT', '/api/v1/approvals/settings', () => '/api/v1/approvals/settings', only(ADMINS, 400)],
      ['POST', '/api/v1/notifications/{id}/read', () => `/api/v1/notifications/${ids.notification}/read`, ALL(400)],
      ['POST', '/api/v1/notifications/read', () => '/api/v1/notifications/read', ALL(400)],
      ['PUT', '/api/v1/notifications/preferences', () => '/api/v1/notifications/preferences', ALL(400)],
      ['PUT', '/api/v1/notifications/settings', () => '/api/v1/notifications/settings', only(ADMINS, 400)],
    ];

    for (const [name, url, expected] of reads) {
      it(`${name}: ${USER_ROLES.map((r) => `${r} ${expected[r]}`).join(', ')}`, async () => {
        for (const role of USER_ROLES) {
          const res = await h.call('GET', url(), { token: tokens[role] });
          expect(res.statusCode, `${role} ${res.body.slice(0, 200)}`).toBe(expected[role]);
          if (res.statusCode === 403) expect(res.json().code).toBe('FORBIDDEN');
          if (role === 'interviewer') {
            const text = res.rawPayload.toString('latin1');
            for (const c of CANARIES) expect(text, `canary ${c} in ${name}`).not.toContain(c);
            if (res.statusCode === 200) {
              const leaked = [...keysOf(res.json())].filter((k) => COMPENSATION_KEYS.has(k));
              expect(leaked, name).toEqual([]);
            }
          }
        }
      });
    }

    for (const [method, name, url, expected] of writes) {
      it(`${method} ${name}: ${USER_ROLES.map((r) => `${r} ${expected[r]}`).join(', ')}`, async () => {
        for (const role of USER_ROLES) {
          const res = await h.call(method, url(), { token: tokens[role], body: { bogusField: 1 } });
          expect(res.statusCode, `${role} ${res.body.slice(0, 200)}`).toBe(expected[role]);
          if (res.statusCode === 403) expect(res.json().code).toBe('FORBIDDEN');
          else expect(['UNKNOWN_FIELD', 'VALIDATION_FAILED']).toContain(res.json().code);
          if (role === 'interviewer') for (const c of CANARIES) expect(res.body).not.toContain(c);
        }
      });
    }

    it('covers every interview, scorecard, offer, approval and notification route of the OpenAPI document', async () => {
      const doc = (await h.call('GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
      const mine = Object.entries(doc.paths)
        .filter(([p]) => /\/(interviews|scorecards|offers|approvals|notifications|decision|scorecard-template)/.test(p) && !p.endsWith('/offers/evaluate'))
        .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
      const tested = new Set([...reads.map(([n]) => n), ...writes.map(([m, n]) => `${m} ${n}`)]);
      expect(mine.filter((r) => !tested.has(r))).toEqual([]);
    });

    it('keeps compensation out of every interview and scorecard answer, whoever asks', async () => {
      for (const role of INTERVIEWING) {
        for (const url of [`/api/v1/interviews/${ids.interview}`, `/api/v1/interviews/${ids.interview}/scorecards`, `/api/v1/applications/${ids.application}/decision`, '/api/v1/interviews']) {
          const res = await h.call('GET', url, { token: tokens[role] });
          for (const c of CANARIES) expect(res.body, `${role} ${url}`).not.toContain(c);
        }
      }
    });

    it('lets the plain offer readers see the planted numbers, so the canary checks can fail', async () => {
      expect((await h.call('GET', `/api/v1/offers/${ids.offer}`, { token: tokens.recruiter })).body).toContain(String(OFFER_CANARY));
      expect((await h.call('GET', `/api/v1/offers/${ids.offer}/summary.pdf`, { token: tokens.approver })).rawPayload.toString('latin1')).toContain(OFFER_CANARY.toLocaleString('en-US'));
    });
  });
}
