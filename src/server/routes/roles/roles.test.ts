import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';

const BAND = { baseMin: 190_000, baseMax: 230_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' };

for (const dialect of dialectsUnderTest()) {
  describe(`roles API [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
    });
    afterAll(async () => h.close());

    const patch = (id: string, body: unknown, etag?: string, token = h.ownerToken) =>
      h.call('PATCH', `/api/v1/roles/${id}`, { token, body, headers: etag ? { 'if-match': etag } : {} });

    describe('POST /api/v1/roles', () => {
      it('creates an open, pedigree-blind role with the default 10-day process and ETag "1"', async () => {
        const res = await h.call('POST', '/api/v1/roles', { token: h.ownerToken, body: { title: 'Founding ML Engineer', seniority: 'senior', specializations: ['ml-engineering', 'mlops'], band: BAND } });
        expect(res.statusCode).toBe(201);
        expect(res.headers.etag).toBe('"1"');
        const role = res.json();
        expect(role).toMatchObject({ title: 'Founding ML Engineer', status: 'open', pedigreeBlind: true, band: BAND, hiringManagerId: null, recruiterId: null, version: 1 });
        expect(role.processPlan.stages.map((s: { id: string }) => s.id)).toEqual(['sourced', 'screen', 'technical', 'final', 'offer']);
        expect(role.processPlan.plannedDays).toBe(10);
        const audit = (await h.call('GET', `/api/v1/audit?entity=role&entityId=${role.id}`, { token: h.ownerToken })).json().items;
        expect(audit).toEqual([expect.objectContaining({ action: 'role.create', fields: ['band', 'seniority', 'specializations', 'title'] })]);
        expect(JSON.stringify(audit)).not.toContain('190000');
      });

      it('keeps the job description it was scoped from, changes and clears it with PATCH, and audits only the name', async () => {
        const description = 'Own training and serving of our ranking models on GPUs.\nShip weekly.';
        const res = await h.call('POST', '/api/v1/roles', { token: h.ownerToken, body: { title: 'ML Engineer', seniority: 'mid', description } });
        expect(res.statusCode).toBe(201);
        const role = res.json();
        expect(role.description).toBe(description);
        expect((await h.call('GET', `/api/v1/roles/${role.id}`, { token: h.ownerToken })).json().description).toBe(description);
        const cleared = await patch(role.id, { description: null }, '"1"');
        expect(cleared.statusCode).toBe(200);
        expect(cleared.json().description).toBeNull();
        const audit = (await h.call('GET', `/api/v1/audit?entity=role&entityId=${role.id}`, { token: h.ownerToken })).json().items;
        expect(audit.map((a: { fields: string[] }) => a.fields)).toContainEqual(['description']);
        expect(JSON.stringify(audit)).not.toContain('ranking models');
        const plain = await h.call('POST', '/api/v1/roles', { token: h.ownerToken, body: { title: 'No description', seniority: 'mid' } });
        expect(plain.json().description).toBeNull();
      });

      it('names the recruiter who runs the search, changes it with PATCH and audits the field', async () => {
        const me = (await h.call('GET', '/api/v1/session', { token: h.ownerToken })).json().user.id as string;
        const res = await h.call('POST', '/api/v1/roles', { token: h.ownerToken, body: { title: 'Recruited role', seniority: 'senior', recruiterId: me } });
        expect(res.statusCode).toBe(201);
        expect(res.json().recruiterId).toBe(me);
        const cleared = await patch(res.json().id, { recruiterId: null }, '"1"');
        expect(cleared.statusCode).toBe(200);
        expect(cleared.json().recruiterId).toBeNull();
        const audit = (await h.call('GET', `/api/v1/audit?entity=role&entityId=${res.json().id}`, { token: h.ownerToken })).json().items;
        expect(audit.map((a: { fields: string[] }) => a.fields)).toContainEqual(['recruiterId']);
      });

      const bad: Array<[string, Record<string, unknown>, string, string]> = [
        ['a description with a NUL character', { description: 'a\u0000b' }, 'INVALID_STRING', 'description'],
        ['an unknown specialization', { specializations: ['quantum-vibes'] }, 'VALIDATION_FAILED', 'specializations[0]'],
        ['an unknown seniority', { seniority: 'wizard' }, 'VALIDATION_FAILED', 'seniority'],
        ['a band minimum above its maximum', { band: { ...BAND, baseMin: 300_000 } }, 'MONEY_INVALID', 'band.baseMin'],
        ['equity above 100%', { band: { ...BAND, equityPctMax: 101 } }, 'VALIDATION_FAILED', 'band.equityPctMax'],
        ['a clock warning after its critical time', { clockOverrides: { targets: { 'offer.after-final': { warningHours: 60 } } } }, 'CLOCK_SETTINGS_INVALID', 'clockOverrides.targets.offer.after-final.criticalHours'],
        ['an unknown clock', { clockOverrides: { targets: { 'coffee.break': { warningHours: 1 } } } }, 'UNKNOWN_FIELD', 'clockOverrides.targets.coffee.break'],
        ['duplicate stage ids', { processPlan: { stages: [{ id: 'a', name: 'A', plannedDays: 1 }, { id: 'a', name: 'B', plannedDays: 1 }] } }, 'VALIDATION_FAILED', 'processPlan.stages'],
        ['a hiring manager who is not a user', { hiringManagerId: 'ghost' }, 'VALIDATION_FAILED', 'hiringManagerId'],
        ['a recruiter who is not a user', { recruiterId: 'ghost' }, 'VALIDATION_FAILED', 'recruiterId'],
      ];
      for (const [what, body, code, field] of bad) {
        it(`rejects ${what} with 400 ${code}`, async () => {
          const before = (await h.call('GET', '/api/v1/roles', { token: h.ownerToken })).json().items.length;
          const res = await h.call('POST', '/api/v1/roles', { token: h.ownerToken, body: { title: 'X', seniority: 'senior', ...body } });
          expect(res.statusCode).toBe(400);
          expect(res.json()).toMatchObject({ code, field });
          expect((await h.call('GET', '/api/v1/roles', { token: h.ownerToken })).json().items.length).toBe(before);
        });
      }
    });

    describe('GET /api/v1/roles', () => {
      it('lists roles and filters by status', async () => {
        const open = await kit.role({ title: 'Open one' });
        const closed = await kit.role({ title: 'Closed one', status: 'closed' });
        const ids = (q: string) => h.call('GET', `/api/v1/roles${q}`, { token: h.ownerToken }).then((r) => (r.json().items as Array<{ id: string }>).map((x) => x.id));
        expect(await ids('')).toEqual(expect.arrayContaining([open.id, closed.id]));
        expect(await ids('?status=closed')).toContain(closed.id);
        expect(await ids('?status=closed')).not.toContain(open.id);
      });
    });

    describe('PATCH /api/v1/roles/{id}', () => {
      it('needs If-Match (428), refuses a stale version (412), and audits the changed field names', async () => {
        const role = await kit.role();
        expect((await patch(role.id, { title: 'Founding ML Engineer (LLM infra)' })).statusCode).toBe(428);
        expect((await patch(role.id, { title: 'x' }, '"5"')).statusCode).toBe(412);
        const ok = await patch(role.id, { title: 'Founding ML Engineer (LLM infra)', pedigreeBlind: false }, '"1"');
        expect(ok.statusCode).toBe(200);
        expect(ok.headers.etag).toBe('"2"');
        expect(ok.json()).toMatchObject({ title: 'Founding ML Engineer (LLM infra)', pedigreeBlind: false, version: 2 });
        const audit = (await h.call('GET', `/api/v1/audit?entity=role&entityId=${role.id}`, { token: h.ownerToken })).json().items;
        expect(audit[0]).toMatchObject({ action: 'role.update', fields: ['pedigreeBlind', 'title'] });
        expect((await patch(role.id, { title: 'again' }, '"1"')).json().code).toBe('PRECONDITION_FAILED');
      });

      it('refuses a process plan that would strand active applications', async () => {
        const role = await kit.role();
        await kit.application({ roleId: role.id, stage: 'technical' });
        const res = await patch(role.id, { processPlan: { stages: [{ id: 'screen', name: 'Screen', plannedDays: 2 }, { id: 'offer', name: 'Offer', plannedDays: 1 }] } }, '"1"');
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'processPlan.stages' });
      });

      it('answers 404 ROLE_NOT_FOUND for an unknown role', async () => {
        const res = await patch('nope', { title: 'x' }, '"1"');
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('ROLE_NOT_FOUND');
      });
    });

    describe('access', () => {
      it('lets an interviewer read roles without the band, and not write them', async () => {
        const role = await kit.role({ band: { ...BAND, baseMin: 191_919 } });
        const { token } = await h.tokenFor('interviewer');
        const res = await h.call('GET', `/api/v1/roles/${role.id}`, { token });
        expect(res.statusCode).toBe(200);
        expect(res.json()).not.toHaveProperty('band');
        expect(res.body).not.toContain('191919');
        expect((await h.call('POST', '/api/v1/roles', { token, body: { title: 'x', seniority: 'mid' } })).statusCode).toBe(403);
        expect((await patch(role.id, { title: 'x' }, '"1"', token)).statusCode).toBe(403);
      });
    });

    describe('GET /api/v1/roles/{id}/board', () => {
      it('puts cards in stage columns with days since first contact against the 10-day target and the risk', async () => {
        const role = await kit.role();
        const early = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Early Bird' })).id });
        await kit.event(early.id, 'outreach.sent', hoursAgo(h, 12 * 24), { channel: 'email' });
        const ahead = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Front Runner' })).id });
        await kit.event(ahead.id, 'application.received', hoursAgo(h, 6 * 24), { source: 'inbound' });
        await kit.event(ahead.id, 'stage.changed', hoursAgo(h, 2 * 24), { from: 'sourced', to: 'final' });
        await kit.event(ahead.id, 'signal.observed', hoursAgo(h, 1), { signal: 'competing-offer', deadline: '2026-11-05' });
        const gone = await kit.application({ roleId: role.id });
        await kit.event(gone.id, 'application.closed', hoursAgo(h, 1), { status: 'lost', lossReason: 'compensation' });

        const res = await h.call('GET', `/api/v1/roles/${role.id}/board`, { token: h.ownerToken });
        expect(res.statusCode).toBe(200);
        const board = res.json();
        expect(board.targetDays).toBe(10);
        expect(board.columns.map((c: { stage: string }) => c.stage)).toEqual(['sourced', 'screen', 'technical', 'final', 'offer', 'hired', 'lost', 'withdrawn']);
        const column = (stage: string) => board.columns.find((c: { stage: string }) => c.stage === stage).cards;
        expect(column('sourced')).toEqual([
          { applicationId: early.id, candidateId: early.candidateId, candidateName: 'Early Bird', stage: 'sourced', status: 'active', daysSinceFirstContact: 12, targetDays: 10, overTarget: true, risk: { level: 'low', score: 0 } },
        ]);
        expect(column('final')[0]).toMatchObject({ applicationId: ahead.id, daysSinceFirstContact: 6, overTarget: false, risk: { level: 'medium' } });
        expect(column('lost').map((c: { applicationId: string }) => c.applicationId)).toEqual([gone.id]);
        expect(board.leading).toMatchObject({ applicationId: ahead.id, candidateName: 'Front Runner' });
      });

      it('reads the target from the role clock override', async () => {
        const role = await kit.role({ clockOverrides: { targets: { 'cycle.total': { warningHours: 168 } } } });
        const board = (await h.call('GET', `/api/v1/roles/${role.id}/board`, { token: h.ownerToken })).json();
        expect(board.targetDays).toBe(7);
        expect(board.leading).toBeNull();
      });
    });

    describe('GET /api/v1/roles/{id}/source-mix', () => {
      it('gives shares by source and the sourcing.referral-only finding over 70% referrals and VC intros', async () => {
        const role = await kit.role();
        for (const source of ['referral', 'referral', 'referral', 'vc-introduction', 'outbound']) {
          await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ source })).id });
        }
        const res = await h.call('GET', `/api/v1/roles/${role.id}/source-mix`, { token: h.ownerToken });
        expect(res.statusCode).toBe(200);
        const mix = res.json();
        expect(mix).toMatchObject({ roleId: role.id, total: 5, referralOnlyShare: 0.8, warnings: 1, errors: 0 });
        expect(mix.counts).toMatchObject({ referral: 3, 'vc-introduction': 1, outbound: 1, inbound: 0 });
        expect(mix.shares.referral).toBeCloseTo(0.6, 10);
        expect(mix.findings).toEqual([expect.objectContaining({ rule: 'sourcing.referral-only', severity: 'warning' })]);
      });

      it('has no finding at 70% or less', async () => {
        const role = await kit.role();
        for (const source of ['referral', 'vc-introduction', 'outbound', 'community']) {
          await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ source })).id });
        }
        const mix = (await h.call('GET', `/api/v1/roles/${role.id}/source-mix`, { token: h.ownerToken })).json();
        expect(mix).toMatchObject({ total: 4, referralOnlyShare: 0.5, findings: [], warnings: 0 });
      });
    });
  });
}
