import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { listEventsOfApplication } from '../../../storage/index.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';

const CANARY = { base: 987_654_321, bonus: 24_681_357, equityAnnual: 13_579_246, currency: 'XQZ' };
const CANARY_STRINGS = ['987654321', '24681357', '13579246', 'XQZ', 'currentCompensation', '876543219'];

for (const dialect of dialectsUnderTest()) {
  describe(`candidates API [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
    });
    afterAll(async () => h.close());

    const post = (url: string, body: unknown, token = h.ownerToken) => h.call('POST', url, { token, body });
    const get = (url: string, token = h.ownerToken) => h.call('GET', url, { token });

    describe('POST /api/v1/candidates', () => {
      it('creates a candidate, normalises the e-mail, and audits field names only', async () => {
        const res = await post('/api/v1/candidates', {
          name: 'Lena Park',
          email: 'Lena.Park@Example.ORG',
          source: 'community',
          passive: true,
          currentEmployer: 'Hugging Face',
          specializations: ['mlops'],
          productionMlYears: 4.5,
          links: ['https://github.com/lenapark'],
          currentCompensation: { base: 210_000, bonus: 20_000, equityAnnual: 60_000, currency: 'USD' },
        });
        expect(res.statusCode).toBe(201);
        expect(res.headers.etag).toBe('"1"');
        const c = res.json();
        expect(c).toMatchObject({ name: 'Lena Park', email: 'lena.park@example.org', passive: true, productionMlYears: 4.5, currentCompensation: { base: 210_000 }, mergedIntoId: null });
        const audit = (await get(`/api/v1/audit?entity=candidate&entityId=${c.id}`)).json().items;
        expect(audit[0]).toMatchObject({ action: 'candidate.create', fields: ['currentCompensation', 'currentEmployer', 'email', 'links', 'name', 'passive', 'productionMlYears', 'source', 'specializations'] });
        // The log keeps field names only; the API names the record when it is read (GET /audit labels entries).
        const stored = await h.store.db.selectFrom('audit_log').selectAll().where('entity_id', '=', c.id).execute();
        expect(JSON.stringify(stored)).not.toMatch(/210000|Lena|example\.org/);
        expect(JSON.stringify(audit)).not.toMatch(/210000|example\.org/);
        expect(audit[0].entityLabel).toBe('Lena Park');
      });

      it('rejects an unknown source and a non-URL link with 400 VALIDATION_FAILED', async () => {
        expect((await post('/api/v1/candidates', { name: 'A', email: 'a@b.example', source: 'headhunter' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'source' });
        expect((await post('/api/v1/candidates', { name: 'A', email: 'a@b.example', source: 'inbound', links: ['javascript:alert(1)'] })).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'links[0]' });
      });
    });

    describe('duplicates', () => {
      it('answers 409 CONFLICT with the match when the e-mail is already known (any case)', async () => {
        const first = await kit.candidate({ name: 'Marco Rossi', email: 'marco@rossi.example', allowDuplicate: false });
        const res = await post('/api/v1/candidates', { name: 'M. Rossi', email: 'MARCO@rossi.example', source: 'referral' });
        expect(res.statusCode).toBe(409);
        const body = res.json();
        expect(body.code).toBe('CONFLICT');
        expect(body.details.matches).toEqual([{ candidate: expect.objectContaining({ id: first.id, name: 'Marco Rossi' }), reasons: ['email'] }]);
      });

      it('matches a close name at the same employer, and creates anyway with allowDuplicate: true', async () => {
        const first = await kit.candidate({ name: 'Jonathan Weiss', email: 'jw@old-mail.example', currentEmployer: 'Acme, Inc.', allowDuplicate: false });
        const body = { name: 'Jonathon Weiss', email: 'jonathan.weiss@new-mail.example', currentEmployer: 'ACME', source: 'outbound' };
        const res = await post('/api/v1/candidates', body);
        expect(res.statusCode).toBe(409);
        expect(res.json().details.matches).toEqual([{ candidate: expect.objectContaining({ id: first.id }), reasons: ['name-and-employer'] }]);
        const forced = await post('/api/v1/candidates', { ...body, allowDuplicate: true });
        expect(forced.statusCode).toBe(201);
        expect(forced.json().id).not.toBe(first.id);
      });

      it('does not match the same name at another employer', async () => {
        await kit.candidate({ name: 'Sam Lee', email: 'sam.lee@one.example', currentEmployer: 'Cohere', allowDuplicate: false });
        const res = await post('/api/v1/candidates', { name: 'Sam Lee', email: 'sam.lee@two.example', currentEmployer: 'Mistral', source: 'event' });
        expect(res.statusCode).toBe(201);
      });
    });

    describe('GET /api/v1/candidates?q=', () => {
      it('finds by name, e-mail or employer, case-insensitively, with % and _ taken literally', async () => {
        const c = await kit.candidate({ name: 'Zofia Kowalska', email: 'zofia@deepwave.example', currentEmployer: 'DeepWave Robotics' });
        const ids = async (q: string) => ((await get(`/api/v1/candidates?q=${encodeURIComponent(q)}`)).json().items as Array<{ id: string }>).map((x) => x.id);
        expect(await ids('zofia kowal')).toEqual([c.id]);
        expect(await ids('ZOFIA@DEEPWAVE')).toEqual([c.id]);
        expect(await ids('deepwave robo')).toEqual([c.id]);
        expect(await ids('%')).not.toContain(c.id);
        expect(await ids('Zofia_Kowalska')).toEqual([]);
      });

      it('pages with limit and offset and rejects a limit over 500', async () => {
        for (let i = 0; i < 3; i++) await kit.candidate({ name: `Pager ${i}` });
        const page = (await get('/api/v1/candidates?q=pager&limit=2')).json().items;
        const next = (await get('/api/v1/candidates?q=pager&limit=2&offset=2')).json().items;
        expect(page).toHaveLength(2);
        expect(next).toHaveLength(1);
        expect((await get('/api/v1/candidates?limit=501')).statusCode).toBe(400);
      });
    });

    describe('PATCH /api/v1/candidates/{id}', () => {
      it('changes fields under If-Match and audits names, not values', async () => {
        const c = await kit.candidate();
        expect((await h.call('PATCH', `/api/v1/candidates/${c.id}`, { token: h.ownerToken, body: { location: 'Berlin' } })).statusCode).toBe(428);
        const res = await h.call('PATCH', `/api/v1/candidates/${c.id}`, { token: h.ownerToken, body: { location: 'Berlin', currentCompensation: CANARY }, headers: { 'if-match': '"1"' } });
        expect(res.statusCode).toBe(200);
        expect(res.headers.etag).toBe('"2"');
        expect(res.json()).toMatchObject({ location: 'Berlin', currentCompensation: CANARY });
        const audit = (await get(`/api/v1/audit?entity=candidate&entityId=${c.id}`)).json().items;
        expect(audit[0]).toMatchObject({ action: 'candidate.update', fields: ['currentCompensation', 'location'] });
        expect(JSON.stringify(audit)).not.toMatch(/Berlin|987654321/);
      });
    });

    describe('POST /api/v1/candidates/{id}/merge', () => {
      it('moves applications with their events into the target, keeps the duplicate as a pointer, and audits both', async () => {
        const role = await kit.role();
        const dup = await kit.candidate({ name: 'Priya N.', phone: '+1 555 0100', links: ['https://x.example/p'] });
        const keep = await kit.candidate({ name: 'Priya Nair', links: ['https://github.com/pnair'] });
        const app = await kit.application({ roleId: role.id, candidateId: dup.id });
        await kit.event(app.id, 'outreach.sent', hoursAgo(h, 48), { channel: 'email' });
        await kit.event(app.id, 'candidate.replied', hoursAgo(h, 40), { latencyHours: 8, length: 300, asksQuestion: true });

        const res = await post(`/api/v1/candidates/${dup.id}/merge`, { intoId: keep.id });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ mergedId: dup.id, movedApplicationIds: [app.id], candidate: { id: keep.id, phone: '+1 555 0100' } });
        expect(res.json().candidate.links).toEqual(['https://github.com/pnair', 'https://x.example/p']);

        const moved = (await get(`/api/v1/applications/${app.id}`)).json();
        expect(moved.candidateId).toBe(keep.id);
        expect(moved.candidateName).toBe('Priya Nair');
        expect(moved.events.map((e: { type: string }) => e.type)).toEqual(['outreach.sent', 'candidate.replied']);
        expect(await listEventsOfApplication(h.store.db, app.id)).toHaveLength(2);
        expect((await get(`/api/v1/candidates/${dup.id}`)).json().mergedIntoId).toBe(keep.id);
        const listed = ((await get('/api/v1/candidates?q=priya')).json().items as Array<{ id: string }>).map((x) => x.id);
        expect(listed).toEqual([keep.id]);

        const auditOf = async (id: string) => (await get(`/api/v1/audit?entity=candidate&entityId=${id}`)).json().items[0];
        expect(await auditOf(dup.id)).toMatchObject({ action: 'candidate.merge', fields: ['applications', 'mergedIntoId'] });
        expect(await auditOf(keep.id)).toMatchObject({ action: 'candidate.merge', fields: ['applications', 'links', 'mergedFrom', 'phone'] });
        expect((await get(`/api/v1/audit?entity=application&entityId=${app.id}`)).json().items[0]).toMatchObject({ action: 'application.update', fields: ['candidateId'] });

        const again = await post(`/api/v1/candidates/${dup.id}/merge`, { intoId: keep.id });
        expect(again.statusCode).toBe(409);
        expect(again.json().code).toBe('CONFLICT');
      });

      it('refuses with 409 DUPLICATE_APPLICATION when both are active in the same role, and changes nothing', async () => {
        const role = await kit.role();
        const a = await kit.candidate();
        const b = await kit.candidate();
        const appA = await kit.application({ roleId: role.id, candidateId: a.id });
        await kit.application({ roleId: role.id, candidateId: b.id });
        const res = await post(`/api/v1/candidates/${a.id}/merge`, { intoId: b.id });
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('DUPLICATE_APPLICATION');
        expect((await get(`/api/v1/applications/${appA.id}`)).json().candidateId).toBe(a.id);
        expect((await get(`/api/v1/candidates/${a.id}`)).json().mergedIntoId).toBeNull();
      });

      it('rejects merging into itself (400) or into an unknown candidate (404)', async () => {
        const a = await kit.candidate();
        expect((await post(`/api/v1/candidates/${a.id}/merge`, { intoId: a.id })).statusCode).toBe(400);
        const unknown = await post(`/api/v1/candidates/${a.id}/merge`, { intoId: 'nobody' });
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json()).toMatchObject({ code: 'CANDIDATE_NOT_FOUND', field: 'intoId' });
      });
    });

    describe('interviewers', () => {
      it('never receive the compensation canary in any response, list, search or error, and do not see employers of pedigree-blind candidates', async () => {
        const role = await kit.role({ band: { baseMin: 876_543_219, baseMax: 900_000_000, equityPctMin: 0.1, equityPctMax: 0.2, currency: 'XQZ' } });
        const canary = await kit.candidate({ name: 'Canary Candidate', email: 'canary@birds.example', currentEmployer: 'Coalmine Labs', currentCompensation: CANARY });
        const app = await kit.application({ roleId: role.id, candidateId: canary.id });
        await kit.event(app.id, 'outreach.sent', hoursAgo(h, 30), { channel: 'email' });
        await kit.event(app.id, 'signal.observed', hoursAgo(h, 2), { signal: 'competing-offer', deadline: '2026-11-20', note: 'Their offer: XQZ 987654321 base' });

        // The canary is really there: the owner sees it.
        expect((await get(`/api/v1/candidates/${canary.id}`)).body).toContain('987654321');
        expect((await get(`/api/v1/roles/${role.id}`)).body).toContain('876543219');
        expect((await get(`/api/v1/applications/${app.id}`)).body).toContain('Their offer: XQZ 987654321 base');

        const { token } = await h.tokenFor('interviewer');
        const doc = (await get('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
        const idFor = (path: string) => (path.includes('/roles/') ? role.id : path.includes('/applications/') ? app.id : canary.id);
        const urls = Object.entries(doc.paths)
          .filter(([path, ops]) => 'get' in ops && /^\/api\/v1\/(roles|candidates|applications|today)/.test(path))
          .map(([path]) => path.replace(/\{[^}]+\}/g, idFor(path)));
        expect(urls.length).toBeGreaterThanOrEqual(9);
        urls.push('/api/v1/candidates?q=canary', '/api/v1/candidates?q=coalmine', `/api/v1/applications?roleId=${role.id}`, '/api/v1/candidates/nobody', '/api/v1/applications/nobody');
        const responses = await Promise.all(urls.map(async (url) => ({ url, res: await get(url, token) })));
        const writes = [
          await h.call('POST', '/api/v1/candidates', { token, body: { name: 'Canary Candidate', email: 'canary@birds.example', source: 'inbound' } }),
          await h.call('PATCH', `/api/v1/candidates/${canary.id}`, { token, body: { location: 'x' }, headers: { 'if-match': '"1"' } }),
          await h.call('POST', `/api/v1/candidates/${canary.id}/merge`, { token, body: { intoId: canary.id } }),
          await h.call('POST', `/api/v1/applications/${app.id}/events`, { token, body: { type: 'note', data: { text: 'x' } } }),
        ];
        expect(writes.map((w) => w.statusCode)).toEqual([403, 403, 403, 403]);
        for (const { url, res } of [...responses, ...writes.map((res) => ({ url: 'write', res }))]) {
          expect(res.statusCode, url).toBeLessThan(500);
          for (const s of CANARY_STRINGS) expect(res.body, `${url} leaks ${s}`).not.toContain(s);
        }
        const mine = responses.find((r) => r.url === `/api/v1/candidates/${canary.id}`)!.res.json();
        expect(mine).toMatchObject({ name: 'Canary Candidate', pedigreeHidden: true });
        expect(mine).not.toHaveProperty('currentEmployer');
        expect(responses.find((r) => r.url === '/api/v1/candidates?q=coalmine')!.res.json().items).toEqual([]);
        expect(responses.find((r) => r.url === '/api/v1/candidates?q=canary')!.res.json().items).toHaveLength(1);
      });

      it('see the employer of candidates who are only in roles that are not pedigree-blind', async () => {
        const role = await kit.role({ pedigreeBlind: false });
        const c = await kit.candidate({ currentEmployer: 'Open Employer' });
        await kit.application({ roleId: role.id, candidateId: c.id });
        const { token } = await h.tokenFor('interviewer');
        expect((await get(`/api/v1/candidates/${c.id}`, token)).json()).toMatchObject({ currentEmployer: 'Open Employer' });
      });
    });
  });
}
