import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';

/** The text a PDF viewer shows: every (string) Tj operand, unescaped. */
function pdfText(pdf: string): string {
  return [...pdf.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')).join('\n');
}

for (const dialect of dialectsUnderTest()) {
  describe(`offers and approvals API [${dialect.name}]`, () => {
    let h: Harness;
    let recruiter: { token: string; userId: string };
    let pat: { token: string; userId: string };
    let quinn: { token: string; userId: string };
    let interviewer: { token: string; userId: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      recruiter = await h.tokenFor('recruiter');
      pat = await h.tokenFor('approver');
      quinn = await h.tokenFor('approver');
      interviewer = await h.tokenFor('interviewer');
    });
    afterAll(async () => h.close());

    const setApprovers = (approverIds: string[], mode: 'parallel' | 'sequential') =>
      expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds, mode } }), 200, 'approval settings');
    const events = async (applicationId: string) =>
      (await h.call('GET', `/api/v1/applications/${applicationId}/events`, { token: h.ownerToken })).json().items as Array<{ type: string; data: Record<string, unknown> }>;
    const outsideBand = () => terms({ base: 260_000 });

    describe('POST /api/v1/applications/{id}/offers', () => {
      it('creates a draft evaluated by the compensation engine, with equity as shares of the fully diluted total', async () => {
        const { application } = await makePipeline(h, { candidate: { currentCompensation: { base: 320_000, bonus: 40_000, equityAnnual: 150_000, currency: 'USD' } } });
        const offer = await makeOffer(h, application.id, terms(), recruiter.token);
        expect(offer).toMatchObject({ status: 'draft', currentVersion: 1, base: 200_000, equity: { shares: 75_000, fullyDilutedShares: 10_000_000, fullyDilutedPct: 0.75 }, insideBand: true });
        const ev = offer.current.evaluation;
        expect(ev.threshold.amount).toBeGreaterThan(0);
        expect(ev.pStartupBeatsIncumbent).toBeGreaterThanOrEqual(0);
        expect(ev.pStartupBeatsIncumbent).toBeLessThanOrEqual(1);
        expect(ev.incumbent.source).toBe('current-pay');
        expect(ev.startup.fullyDilutedPct).toBeCloseTo(0.75, 6);
        expect(ev.ownership[0].fullyDilutedPct).toBeCloseTo(0.75, 6);
        expect(ev.findings.map((f: { rule: string }) => f.rule)).toContain('offer.inside-band');
        expect((await events(application.id)).filter((e) => e.type === 'offer.drafted').map((e) => e.data)).toEqual([{ offerId: offer.id }]);
        const second = await h.call('POST', `/api/v1/applications/${application.id}/offers`, { token: recruiter.token, body: terms() });
        expect([second.statusCode, second.json().code]).toEqual([409, 'OFFER_STATE_INVALID']);
      });

      it.each([
        ['a grant at the fully diluted total', { equity: { kind: 'RSU', shares: 10_000_000, fullyDilutedShares: 10_000_000, vesting: { preset: 'standard-4y-1y-cliff-monthly' } } }, 'EQUITY_OUT_OF_RANGE', 'equity.shares'],
        ['a percentage instead of shares', { equity: { kind: 'RSU', shares: 1_000, percent: 0.5, fullyDilutedShares: 10_000_000, vesting: { preset: 'standard-4y-1y-cliff-monthly' } } }, 'UNKNOWN_FIELD', 'equity.percent'],
        ['money as a string', { base: '200000' }, 'VALIDATION_FAILED', 'base'],
        ['an unknown vesting preset', { equity: { kind: 'RSU', shares: 1_000, fullyDilutedShares: 10_000_000, vesting: { preset: 'whenever' } } }, 'VESTING_INVALID', 'equity.vesting.preset'],
      ])('rejects %s with 400 %s and stores nothing', async (_what, over, code, field) => {
        const { application } = await makePipeline(h);
        const res = await h.call('POST', `/api/v1/applications/${application.id}/offers`, { token: recruiter.token, body: { ...terms(), ...over } });
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe(code);
        expect(res.json().field).toBe(field);
        expect((await h.call('GET', `/api/v1/offers?applicationId=${application.id}`, { token: h.ownerToken })).json().items).toEqual([]);
      });
    });

    describe('approval', () => {
      it('approves an offer inside the board-approved band at once, without asking anyone', async () => {
        const { application } = await makePipeline(h);
        const offer = await makeOffer(h, application.id);
        const submitted = await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'submit');
        expect(submitted).toMatchObject({ status: 'approved', approvalStatus: 'approved', awaiting: [] });
        const types = (await events(application.id)).map((e) => e.type);
        expect(types).toContain('offer.approved');
        expect(types).not.toContain('offer.approval-requested');
      });

      it('asks every approver in parallel mode and approves once all have approved', async () => {
        await setApprovers([pat.userId, quinn.userId], 'parallel');
        const { application } = await makePipeline(h);
        const offer = await makeOffer(h, application.id, outsideBand());
        expect(offer.insideBand).toBe(false);
        const pending = await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'submit');
        expect(pending.status).toBe('pending-approval');
        expect(pending.awaiting.map((p: { id: string }) => p.id).sort()).toEqual([pat.userId, quinn.userId].sort());
        expect((await h.call('GET', '/api/v1/approvals', { token: quinn.token })).json().items.map((o: { id: string }) => o.id)).toContain(offer.id);
        const requested = (await events(application.id)).find((e) => e.type === 'offer.approval-requested')!;
        expect(requested.data).toEqual({ offerId: offer.id, approverIds: [pat.userId, quinn.userId] });
        const first = await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: pat.token, body: {} }), 200, 'pat');
        expect(first.status).toBe('pending-approval');
        const done = await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: quinn.token, body: { comment: 'Fine by the board.' } }), 200, 'quinn');
        expect(done.status).toBe('approved');
        expect(done.current.approvers.map((a: { decision: string }) => a.decision)).toEqual(['approved', 'approved']);
        expect((await events(application.id)).filter((e) => e.type === 'offer.approved').map((e) => e.data)).toEqual([{ offerId: offer.id, approverId: quinn.userId }]);
        const notes = (await h.call('GET', '/api/v1/notifications', { token: pat.token })).json().items as Array<{ kind: string; link: string }>;
        expect(notes.some((n) => n.kind === 'approval.requested' && n.link === `/offers/${offer.id}`)).toBe(true);
      });

      it('asks one approver at a time in sequential mode (409 NOT_YOUR_TURN), and 403 NOT_AN_APPROVER for others', async () => {
        await setApprovers([pat.userId, quinn.userId], 'sequential');
        const { application } = await makePipeline(h);
        const offer = await makeOffer(h, application.id, outsideBand());
        await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'submit');
        const early = await h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: quinn.token, body: {} });
        expect([early.statusCode, early.json().code]).toEqual([409, 'NOT_YOUR_TURN']);
        const stranger = await h.tokenFor('approver');
        const out = await h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: stranger.token, body: {} });
        expect([out.statusCode, out.json().code]).toEqual([403, 'NOT_AN_APPROVER']);
        expect((await h.call('GET', '/api/v1/notifications', { token: quinn.token })).json().items.filter((n: { link: string }) => n.link === `/offers/${offer.id}`)).toEqual([]);
        await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: pat.token }), 200, 'pat');
        expect((await h.call('GET', '/api/v1/notifications', { token: quinn.token })).json().items.some((n: { link: string }) => n.link === `/offers/${offer.id}`)).toBe(true);
        expect((await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: quinn.token }), 200, 'quinn')).status).toBe('approved');
      });

      it('sends a rejected offer back to draft; it must be revised (a new version, the old kept) before it is sent again', async () => {
        await setApprovers([pat.userId], 'parallel');
        const { application } = await makePipeline(h);
        const offer = await makeOffer(h, application.id, outsideBand());
        await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'submit');
        const rejected = await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/reject`, { token: pat.token, body: { comment: 'Above band; try 220k.' } }), 200, 'reject');
        expect(rejected).toMatchObject({ status: 'draft', approvalStatus: 'rejected' });
        expect((await events(application.id)).find((e) => e.type === 'offer.rejected')!.data).toEqual({ offerId: offer.id, approverId: pat.userId, reason: 'Above band; try 220k.' });
        const again = await h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token });
        expect([again.statusCode, again.json().code]).toEqual([409, 'OFFER_STATE_INVALID']);
        expect((await h.call('PUT', `/api/v1/offers/${offer.id}`, { token: recruiter.token, body: terms({ base: 220_000 }) })).statusCode).toBe(428);
        expect((await h.call('PUT', `/api/v1/offers/${offer.id}`, { token: recruiter.token, body: terms({ base: 220_000 }), headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
        const current = await h.call('GET', `/api/v1/offers/${offer.id}`, { token: recruiter.token });
        const revised = await expectOk(h.call('PUT', `/api/v1/offers/${offer.id}`, { token: recruiter.token, body: terms({ base: 220_000 }), headers: { 'if-match': current.headers.etag as string } }), 200, 'revise');
        expect(revised).toMatchObject({ status: 'draft', currentVersion: 2, base: 220_000, insideBand: true, approvalStatus: 'none' });
        const versions = (await h.call('GET', `/api/v1/offers/${offer.id}/versions`, { token: recruiter.token })).json().items as Array<{ version: number; terms: { base: number }; approvalStatus: string }>;
        expect(versions.map((v) => [v.version, v.terms.base, v.approvalStatus])).toEqual([
          [1, 260_000, 'rejected'],
          [2, 220_000, 'none'],
        ]);
        expect((await h.call('GET', `/api/v1/offers/${offer.id}/versions/1`, { token: recruiter.token })).json().approvers[0]).toMatchObject({ id: pat.userId, decision: 'rejected', comment: 'Above band; try 220k.' });
        expect((await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'resubmit')).status).toBe('approved');
      });

      it('records exactly one decision when the same approver clicks approve 20 times at once', async () => {
        await setApprovers([pat.userId, quinn.userId], 'parallel');
        const { application } = await makePipeline(h);
        const offer = await makeOffer(h, application.id, outsideBand());
        await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'submit');
        const results = await Promise.all(Array.from({ length: 20 }, () => h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: pat.token, body: {} })));
        const codes = results.map((r) => r.statusCode);
        expect(codes.filter((c) => c === 200)).toHaveLength(1);
        expect(codes.filter((c) => c === 409)).toHaveLength(19);
        expect(new Set(results.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(new Set(['ALREADY_DECIDED']));
        const mine = await h.store.db.selectFrom('offer_approvals').innerJoin('offer_versions', 'offer_versions.id', 'offer_approvals.offer_version_id').select('offer_approvals.id').where('offer_versions.offer_id', '=', offer.id).execute();
        expect(mine).toHaveLength(1);
      });
    });

    describe('after approval', () => {
      async function approvedOffer() {
        const { application } = await makePipeline(h);
        const offer = await makeOffer(h, application.id);
        await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'submit');
        return { application, offer };
      }

      it('extends (offer.extended, default validity), then records the acceptance and the application is hired', async () => {
        const { application, offer } = await approvedOffer();
        const extended = await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/extend`, { token: recruiter.token }), 200, 'extend');
        expect(extended.status).toBe('extended');
        expect(Date.parse(extended.expiresAt) - h.clock.now().getTime()).toBe(7 * 86_400_000);
        const accepted = await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/accept`, { token: recruiter.token }), 200, 'accept');
        expect(accepted.status).toBe('accepted');
        expect((await events(application.id)).map((e) => e.type)).toEqual(expect.arrayContaining(['offer.extended', 'offer.accepted']));
        expect((await h.call('GET', `/api/v1/applications/${application.id}`, { token: h.ownerToken })).json().status).toBe('hired');
        const late = await h.call('POST', `/api/v1/offers/${offer.id}/withdraw`, { token: recruiter.token });
        expect([late.statusCode, late.json().code]).toEqual([409, 'OFFER_STATE_INVALID']);
      });

      it('marks an offer expired when the candidate answers after its expiry (409 OFFER_EXPIRED)', async () => {
        const { offer } = await approvedOffer();
        const expiresAt = new Date(h.clock.now().getTime() + 86_400_000).toISOString();
        await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/extend`, { token: recruiter.token, body: { expiresAt } }), 200, 'extend');
        h.clock.advanceHours(25);
        try {
          const res = await h.call('POST', `/api/v1/offers/${offer.id}/accept`, { token: recruiter.token });
          expect([res.statusCode, res.json().code]).toEqual([409, 'OFFER_EXPIRED']);
          expect((await h.call('GET', `/api/v1/offers/${offer.id}`, { token: recruiter.token })).json().status).toBe('expired');
        } finally {
          h.clock.advanceHours(-25);
        }
      });

      it('withdraws an open offer and keeps it readable', async () => {
        const { offer } = await approvedOffer();
        const w = await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/withdraw`, { token: recruiter.token, body: { reason: 'Role frozen.' } }), 200, 'withdraw');
        expect(w).toMatchObject({ status: 'withdrawn', allowedActions: [] });
      });
    });

    describe('candidate-facing summary', () => {
      it('exports a PDF that starts with %PDF and states the fully diluted numbers, and the same as printable HTML', async () => {
        const { application } = await makePipeline(h, { candidate: { name: 'Ada (Lovelace)' } });
        const offer = await makeOffer(h, application.id, terms({ equity: { kind: 'ISO', shares: 30_000, fullyDilutedShares: 10_000_000, strike: 0.5, vesting: { preset: 'standard-4y-1y-cliff-monthly' } }, base: 190_000 }));
        const pdf = await h.call('GET', `/api/v1/offers/${offer.id}/summary.pdf`, { token: recruiter.token });
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        const raw = pdf.rawPayload.toString('latin1');
        expect(raw.startsWith('%PDF-')).toBe(true);
        const text = pdfText(raw);
        expect(text).toContain('Your ownership: 0.3000% of fully diluted (30,000 of 10,000,000 shares)');
        expect(text).toContain('Fully diluted shares: 10,000,000');
        expect(text).toContain('Base salary (per year): 190,000 USD');
        expect(text).toMatch(/After round +\| +Your ownership \(fully diluted\)/);
        const html = await h.call('GET', `/api/v1/offers/${offer.id}/summary.html`, { token: recruiter.token });
        expect(html.headers['content-type']).toContain('text/html');
        expect(html.body).toContain('0.3000% of fully diluted (30,000 of 10,000,000 shares)');
        expect(html.body).toContain('Ada (Lovelace)');
        const json = (await h.call('GET', `/api/v1/offers/${offer.id}/summary`, { token: recruiter.token })).json();
        expect(json.equity).toMatchObject({ shares: 30_000, fullyDilutedShares: 10_000_000, fullyDilutedPct: 0.3 });
        expect(json.vesting.rows.at(-1)).toMatchObject({ atYears: 4, vestedShares: 30_000 });
        expect(json.exitScenarios.every((x: { basis: string }) => x.basis === 'waterfall')).toBe(true);
        expect(json.dilution.length).toBeGreaterThan(1);
      });

      it('answers 404 OFFER_NOT_FOUND as JSON for an unknown offer and 403 for an interviewer', async () => {
        const res = await h.call('GET', '/api/v1/offers/nope/summary.pdf', { token: recruiter.token });
        expect([res.statusCode, res.json().code]).toEqual([404, 'OFFER_NOT_FOUND']);
        expect((await h.call('GET', '/api/v1/offers', { token: interviewer.token })).statusCode).toBe(403);
      });
    });

    describe('PUT /api/v1/approvals/settings', () => {
      it('accepts only active users who may approve, and needs company.update', async () => {
        const bad = await h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [pat.userId, interviewer.userId], mode: 'parallel' } });
        expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'approverIds[1]' });
        expect((await h.call('PUT', '/api/v1/approvals/settings', { token: recruiter.token, body: { approverIds: [], mode: 'parallel' } })).statusCode).toBe(403);
        const ok = await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [], mode: 'sequential' } }), 200, 'settings');
        expect(ok).toMatchObject({ approverIds: [], mode: 'sequential', ownersDecide: true });
      });
    });
  });
}
