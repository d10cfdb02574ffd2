import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { App } from '../../context.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { pipelineKit } from '../../../test-support/pipeline-kit.js';

const PDF = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <</Type /Catalog>> endobj\n(Lena Park, Senior ML Engineer at Hugging Face)\ntrailer <<>>\n%%EOF\n', 'latin1');
const TEXT = Buffer.from('Zoë Ngata\nML engineer, 2019–2025\r\nInference under cost: batching, quantisation.\n', 'utf8');
const LIMIT = 10 * 1_048_576;

for (const dialect of dialectsUnderTest()) {
  describe(`the candidate record API [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let interviewer: { token: string; userId: string };
    let hiringManager: { token: string; userId: string };
    let approver: { token: string; userId: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
      interviewer = await h.tokenFor('interviewer');
      hiringManager = await h.tokenFor('hiring-manager');
      approver = await h.tokenFor('approver');
    });
    afterAll(async () => h.close());

    const get = (url: string, token = h.ownerToken) => h.call('GET', url, { token });
    const send = (method: string, url: string, opts: { body?: unknown; version?: number | string; token?: string } = {}) =>
      h.call(method, url, {
        token: opts.token ?? h.ownerToken,
        ...(opts.body !== undefined ? { body: opts.body } : {}),
        headers: opts.version === undefined ? {} : { 'if-match': typeof opts.version === 'number' ? `"${opts.version}"` : opts.version },
      });
    const audit = async (entity: string, entityId: string) => (await get(`/api/v1/audit?entity=${entity}&entityId=${entityId}`)).json().items as Array<{ action: string; fields: string[] }>;
    const upload = (app: App, candidateId: string, bytes: Buffer, type: string | undefined, filename?: string, token = h.ownerToken) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/candidates/${candidateId}/files${filename === undefined ? '' : `?filename=${encodeURIComponent(filename)}`}`,
        headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
        payload: bytes,
      });

    describe('PATCH /api/v1/candidates/{id}: every field', () => {
      it('edits every field, then clears the optional ones, under If-Match, auditing field names only', async () => {
        const c = await kit.candidate({ name: 'Lena Prk', phone: '+1 555 0100', links: ['https://github.com/lena'], location: 'Berlin', currentEmployer: 'Hugging Face' });
        const edit = {
          name: 'Lena Park',
          email: 'Lena@Park.example',
          phone: '+49 30 1234567',
          links: ['https://github.com/lenapark', 'https://lena.example/cv'],
          location: 'Lisbon, Portugal',
          currentEmployer: 'Mistral',
          source: 'referral',
          passive: true,
          specializations: ['mlops', 'applied-research'],
          productionMlYears: 6.5,
          currentCompensation: { base: 190_000, bonus: 10_000, equityAnnual: 30_000, currency: 'EUR' },
        };
        const res = await send('PATCH', `/api/v1/candidates/${c.id}`, { body: edit, version: c.version });
        expect(res.statusCode).toBe(200);
        expect(res.headers.etag).toBe(`"${c.version + 1}"`);
        expect(res.json()).toMatchObject({ ...edit, email: 'lena@park.example', archivedAt: null });

        const cleared = await send('PATCH', `/api/v1/candidates/${c.id}`, {
          body: { phone: null, links: [], location: null, currentEmployer: null, specializations: [], productionMlYears: null, currentCompensation: null, passive: false },
          version: c.version + 1,
        });
        expect(cleared.statusCode).toBe(200);
        expect(cleared.json()).toMatchObject({ phone: null, links: [], location: null, currentEmployer: null, specializations: [], productionMlYears: null, currentCompensation: null, passive: false });

        const entries = (await audit('candidate', c.id)).filter((a) => a.action === 'candidate.update');
        expect(entries.map((a) => a.fields)).toEqual([
          ['currentCompensation', 'currentEmployer', 'links', 'location', 'passive', 'phone', 'productionMlYears', 'specializations'],
          ['currentCompensation', 'currentEmployer', 'email', 'links', 'location', 'name', 'passive', 'phone', 'productionMlYears', 'source', 'specializations'],
        ]);
        // The log stores field names only; GET /audit names the record (its current name) when it is read.
        const stored = await h.store.db.selectFrom('audit_log').selectAll().where('entity_id', '=', c.id).execute();
        expect(JSON.stringify(stored)).not.toMatch(/Lisbon|Mistral|190000|Lena/);
        expect(JSON.stringify(entries)).not.toMatch(/Lisbon|Mistral|190000/);
      });

      it.each([
        ['a stale If-Match', { name: 'X' }, '"1"', 412, 'PRECONDITION_FAILED', 'If-Match'],
        ['no If-Match', { name: 'X' }, undefined, 428, 'PRECONDITION_REQUIRED', 'If-Match'],
        ['a boolean as text', { passive: 'yes' }, 'current', 400, 'VALIDATION_FAILED', 'passive'],
        ['a number as text', { productionMlYears: '5' }, 'current', 400, 'VALIDATION_FAILED', 'productionMlYears'],
        ['an empty name', { name: '' }, 'current', 400, 'VALIDATION_FAILED', 'name'],
        ['a cleared name', { name: null }, 'current', 400, 'VALIDATION_FAILED', 'name'],
        ['a cleared e-mail', { email: null }, 'current', 400, 'VALIDATION_FAILED', 'email'],
        ['a link that is not http(s)', { links: ['https://ok.example', 'ftp://x.example'] }, 'current', 400, 'VALIDATION_FAILED', 'links[1]'],
        ['the same link twice', { links: ['https://a.example', 'https://a.example'] }, 'current', 400, 'VALIDATION_FAILED', 'links'],
        ['a NUL in the phone', { phone: 'a\u0000b' }, 'current', 400, 'INVALID_STRING', 'phone'],
        ['an unknown field', { archivedAt: '2026-01-01T00:00:00Z' }, 'current', 400, 'UNKNOWN_FIELD', 'archivedAt'],
        ['an unknown source', { source: 'headhunter' }, 'current', 400, 'VALIDATION_FAILED', 'source'],
      ] as const)('refuses %s and changes nothing', async (_what, body, ifMatch, status, code, field) => {
        const c = await kit.candidate({ phone: '+1 555 0101' });
        await send('PATCH', `/api/v1/candidates/${c.id}`, { body: { location: 'Paris' }, version: c.version });
        const res = await send('PATCH', `/api/v1/candidates/${c.id}`, { body, version: ifMatch === 'current' ? c.version + 1 : ifMatch });
        expect([res.statusCode, res.json().code, res.json().field]).toEqual([status, code, field]);
        const now = (await get(`/api/v1/candidates/${c.id}`)).json();
        expect(now).toMatchObject({ version: c.version + 1, name: c.name, phone: '+1 555 0101', location: 'Paris' });
      });

      it('is refused to an interviewer with 403', async () => {
        const c = await kit.candidate();
        const res = await send('PATCH', `/api/v1/candidates/${c.id}`, { body: { name: 'X' }, version: c.version, token: interviewer.token });
        expect(res.statusCode).toBe(403);
      });
    });

    describe('archive and unarchive', () => {
      it('refuses to archive while an application is active, naming the role, then archives once it is closed', async () => {
        const role = await kit.role({ title: 'Inference Lead' });
        const c = await kit.candidate({ name: 'Ari Archive' });
        const app = await kit.application({ candidateId: c.id, roleId: role.id });
        const refused = await send('POST', `/api/v1/candidates/${c.id}/archive`, { version: c.version });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({ code: 'ACTIVE_APPLICATIONS', field: 'applications' });
        expect(refused.json().message).toContain('Inference Lead');
        expect((await get(`/api/v1/candidates/${c.id}`)).json().archivedAt).toBeNull();

        await send('PATCH', `/api/v1/applications/${app.id}`, { body: { status: 'lost', lossReason: 'role-fit' }, version: app.version });
        const archived = await send('POST', `/api/v1/candidates/${c.id}/archive`, { version: c.version });
        expect(archived.statusCode).toBe(200);
        expect(archived.headers.etag).toBe(`"${c.version + 1}"`);
        expect(archived.json().archivedAt).toBe(h.clock.now().toISOString());
        expect((await audit('candidate', c.id))[0]).toMatchObject({ action: 'candidate.archive', fields: ['archivedAt'] });
      });

      it('hides an archived candidate from the default list; ?archived=true shows only archived ones, ?archived=any everyone', async () => {
        const kept = await kit.candidate({ name: 'Kim Kept' });
        const gone = await kit.candidate({ name: 'Kim Shelved' });
        expect((await send('POST', `/api/v1/candidates/${gone.id}/archive`, { version: gone.version })).statusCode).toBe(200);
        const ids = async (query: string) => ((await get(`/api/v1/candidates?q=Kim&${query}`)).json().items as Array<{ id: string }>).map((c) => c.id).sort();
        expect(await ids('')).toEqual([kept.id]);
        expect(await ids('archived=false')).toEqual([kept.id]);
        expect(await ids('archived=true')).toEqual([gone.id]);
        expect(await ids('archived=any')).toEqual([kept.id, gone.id].sort());
        expect((await get('/api/v1/candidates?archived=yes')).statusCode).toBe(400);
        expect((await get(`/api/v1/candidates/${gone.id}`)).statusCode).toBe(200);
      });

      it('blocks new applications and reopening for an archived candidate, until unarchived', async () => {
        const role = await kit.role();
        const c = await kit.candidate({ name: 'Una Back' });
        const app = await kit.application({ candidateId: c.id, roleId: role.id });
        const closed = (await send('PATCH', `/api/v1/applications/${app.id}`, { body: { status: 'withdrawn' }, version: app.version })).json();
        await send('POST', `/api/v1/candidates/${c.id}/archive`, { version: c.version });
        const other = await kit.role();
        const create = await h.call('POST', '/api/v1/applications', { token: h.ownerToken, body: { candidateId: c.id, roleId: other.id } });
        expect([create.statusCode, create.json().code, create.json().field]).toEqual([409, 'CANDIDATE_ARCHIVED', 'candidateId']);
        const reopen = await send('PATCH', `/api/v1/applications/${app.id}`, { body: { status: 'active' }, version: closed.version });
        expect([reopen.statusCode, reopen.json().code]).toEqual([409, 'CANDIDATE_ARCHIVED']);
        const viaEvent = await h.call('POST', `/api/v1/applications/${app.id}/events`, { token: h.ownerToken, body: { type: 'application.reopened', data: { stage: 'screen' } } });
        expect([viaEvent.statusCode, viaEvent.json().code]).toEqual([409, 'CANDIDATE_ARCHIVED']);

        const back = await send('POST', `/api/v1/candidates/${c.id}/unarchive`, { version: c.version + 1 });
        expect([back.statusCode, back.json().archivedAt]).toEqual([200, null]);
        expect((await audit('candidate', c.id))[0]).toMatchObject({ action: 'candidate.unarchive', fields: ['archivedAt'] });
        expect((await h.call('POST', '/api/v1/applications', { token: h.ownerToken, body: { candidateId: c.id, roleId: other.id } })).statusCode).toBe(201);
      });

      it('answers a stale If-Match with 412 and a missing one with 428; an interviewer gets 403', async () => {
        const c = await kit.candidate();
        expect((await send('POST', `/api/v1/candidates/${c.id}/archive`, { version: c.version + 1 })).statusCode).toBe(412);
        expect((await send('POST', `/api/v1/candidates/${c.id}/archive`)).statusCode).toBe(428);
        expect((await send('POST', `/api/v1/candidates/${c.id}/archive`, { version: c.version, token: interviewer.token })).statusCode).toBe(403);
        expect((await send('POST', `/api/v1/candidates/${c.id}/archive`, { version: c.version, body: { reason: 'x' } })).json().code).toBe('UNKNOWN_FIELD');
        expect((await get(`/api/v1/candidates/${c.id}`)).json()).toMatchObject({ archivedAt: null, version: c.version });
      });
    });

    describe('CV files', () => {
      it('attaches a PDF with its sha256 and size, lists it, and downloads the same bytes as an attachment', async () => {
        const c = await kit.candidate();
        const res = await upload(h.app, c.id, PDF, 'application/pdf', 'Lena Park CV.pdf');
        expect(res.statusCode).toBe(201);
        const file = res.json();
        expect(file).toMatchObject({ candidateId: c.id, kind: 'cv', filename: 'Lena Park CV.pdf', contentType: 'application/pdf', byteSize: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
        expect((await get(`/api/v1/candidates/${c.id}/files`)).json().items).toEqual([file]);

        const dl = await get(`/api/v1/candidates/${c.id}/files/${file.id}`);
        expect(dl.statusCode).toBe(200);
        expect(dl.rawPayload.equals(PDF)).toBe(true);
        expect(dl.headers['content-type']).toBe('application/pdf');
        expect(dl.headers['content-disposition']).toBe(`attachment; filename="Lena Park CV.pdf"; filename*=UTF-8''Lena%20Park%20CV.pdf`);
        expect(dl.headers['x-content-type-options']).toBe('nosniff');
        expect(dl.headers['cache-control']).toBe('private, no-store');
        expect((await audit('candidate_file', file.id))[0]).toMatchObject({ action: 'candidate_file.create', fields: ['byteSize', 'candidateId', 'content', 'contentType', 'filename', 'sha256'] });
      });

      it('takes UTF-8 text, cleans a hostile file name, and answers the same bytes again with the stored file (200)', async () => {
        const c = await kit.candidate();
        const first = await upload(h.app, c.id, TEXT, 'text/plain; charset=utf-8', '../../<script>zoë.txt');
        expect(first.statusCode).toBe(201);
        expect(first.json()).toMatchObject({ filename: '_script_zoë.txt', contentType: 'text/plain' });
        const again = await upload(h.app, c.id, TEXT, 'text/plain', 'other.txt');
        expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);
        expect((await get(`/api/v1/candidates/${c.id}/files`)).json().items).toHaveLength(1);
        const dl = await get(`/api/v1/candidates/${c.id}/files/${first.json().id}`);
        expect(dl.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(dl.rawPayload.toString('utf8')).toBe(TEXT.toString('utf8'));
      });

      it.each([
        ['a Word document', Buffer.from('PK\u0003\u0004word', 'latin1'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 415, 'FILE_TYPE_INVALID'],
        ['an image', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png', 415, 'FILE_TYPE_INVALID'],
        ['JSON', Buffer.from('{"cv":"x"}'), 'application/json', 415, 'FILE_TYPE_INVALID'],
        ['no Content-Type', PDF, undefined, 415, 'FILE_TYPE_INVALID'],
        ['a fake PDF', Buffer.from('Dear hiring manager, please find my CV.'), 'application/pdf', 415, 'FILE_TYPE_INVALID'],
        ['text that is not UTF-8', Buffer.from([0x43, 0x56, 0x20, 0xe9, 0x74, 0xe9]), 'text/plain', 415, 'FILE_TYPE_INVALID'],
        ['binary sent as text', Buffer.from([0x00, 0x01, 0x02, 0x41]), 'text/plain', 415, 'FILE_TYPE_INVALID'],
        ['an empty file', Buffer.alloc(0), 'application/pdf', 400, 'VALIDATION_FAILED'],
        ['a file over 10 MB', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(LIMIT - 8, 0x20)]), 'application/pdf', 413, 'FILE_TOO_LARGE'],
      ])('refuses %s and stores nothing', async (_what, bytes, type, status, code) => {
        const c = await kit.candidate();
        const res = await upload(h.app, c.id, bytes, type, 'cv.pdf');
        expect([res.statusCode, res.json().code]).toEqual([status, code]);
        expect((await get(`/api/v1/candidates/${c.id}/files`)).json().items).toEqual([]);
      });

      it('takes a PDF of exactly 10 MB', async () => {
        const c = await kit.candidate();
        const res = await upload(h.app, c.id, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(LIMIT - 9, 0x20)]), 'application/pdf', 'big.pdf');
        expect([res.statusCode, res.json().byteSize]).toEqual([201, LIMIT]);
      });

      it('keeps CVs from interviewers and approvers (403 on list, download and upload); a hiring manager may read them', async () => {
        const c = await kit.candidate();
        const file = (await upload(h.app, c.id, PDF, 'application/pdf', 'cv.pdf')).json();
        for (const token of [interviewer.token, approver.token]) {
          expect((await get(`/api/v1/candidates/${c.id}/files`, token)).statusCode).toBe(403);
          const dl = await get(`/api/v1/candidates/${c.id}/files/${file.id}`, token);
          expect(dl.statusCode).toBe(403);
          expect(dl.rawPayload.includes(Buffer.from('Hugging Face'))).toBe(false);
          expect((await upload(h.app, c.id, TEXT, 'text/plain', 'x.txt', token)).statusCode).toBe(403);
          expect((await send('DELETE', `/api/v1/candidates/${c.id}/files/${file.id}`, { token })).statusCode).toBe(403);
        }
        expect((await get(`/api/v1/candidates/${c.id}/files/${file.id}`, hiringManager.token)).rawPayload.equals(PDF)).toBe(true);
        expect((await get(`/api/v1/candidates/${c.id}/files`)).json().items).toHaveLength(1);
      });

      it('answers 404 for a file of another candidate, and for an unknown candidate', async () => {
        const a = await kit.candidate();
        const b = await kit.candidate();
        const file = (await upload(h.app, a.id, PDF, 'application/pdf')).json();
        expect((await get(`/api/v1/candidates/${b.id}/files/${file.id}`)).json().code).toBe('FILE_NOT_FOUND');
        expect((await send('DELETE', `/api/v1/candidates/${b.id}/files/${file.id}`)).statusCode).toBe(404);
        expect((await upload(h.app, 'no-such-candidate', PDF, 'application/pdf')).json().code).toBe('CANDIDATE_NOT_FOUND');
        expect((await get('/api/v1/candidates/no-such-candidate/files')).statusCode).toBe(404);
      });

      it('removes a file (204, audited), after which it is gone', async () => {
        const c = await kit.candidate();
        const file = (await upload(h.app, c.id, PDF, 'application/pdf')).json();
        expect(file.filename).toBe('cv.pdf');
        expect((await send('DELETE', `/api/v1/candidates/${c.id}/files/${file.id}`)).statusCode).toBe(204);
        expect((await get(`/api/v1/candidates/${c.id}/files/${file.id}`)).statusCode).toBe(404);
        expect((await get(`/api/v1/candidates/${c.id}/files`)).json().items).toEqual([]);
        expect((await audit('candidate_file', file.id)).map((a) => a.action)).toEqual(['candidate_file.delete', 'candidate_file.create']);
      });

      it('moves the CVs of a merged duplicate to the record that stays', async () => {
        const keep = await kit.candidate();
        const dup = await kit.candidate();
        const file = (await upload(h.app, dup.id, PDF, 'application/pdf')).json();
        const merged = await h.call('POST', `/api/v1/candidates/${dup.id}/merge`, { token: h.ownerToken, body: { intoId: keep.id } });
        expect(merged.statusCode).toBe(200);
        expect((await get(`/api/v1/candidates/${keep.id}/files`)).json().items.map((f: { id: string }) => f.id)).toEqual([file.id]);
        expect((await upload(h.app, dup.id, TEXT, 'text/plain')).json().code).toBe('CONFLICT');
      });

      describe('with CLOSER_FILES_DIR', () => {
        let dirApp: App;
        let dir: string;
        beforeAll(async () => {
          dir = join(mkdtempSync(join(tmpdir(), 'closer-files-')), 'cvs');
          dirApp = await buildApp({ db: h.store, clock: h.clock.now, config: { secureCookies: false, filesDir: dir } });
        });
        afterAll(async () => dirApp.close());

        it('keeps the bytes in a file named after the id (not in the row), downloads and removes them', async () => {
          const c = await kit.candidate();
          const file = (await upload(dirApp, c.id, PDF, 'application/pdf', 'x.pdf')).json();
          expect(readdirSync(dir)).toContain(file.id);
          expect(readFileSync(join(dir, file.id)).equals(PDF)).toBe(true);
          const row = await h.store.db.selectFrom('candidate_files').select(['storage', 'content', 'byte_size']).where('id', '=', file.id).executeTakeFirstOrThrow();
          expect(row).toMatchObject({ storage: 'directory', content: null });
          const dl = await dirApp.inject({ method: 'GET', url: `/api/v1/candidates/${c.id}/files/${file.id}`, headers: { authorization: `Bearer ${h.ownerToken}` } });
          expect(dl.rawPayload.equals(PDF)).toBe(true);
          // An instance without the directory cannot serve it, and says so rather than failing.
          const without = await get(`/api/v1/candidates/${c.id}/files/${file.id}`);
          expect([without.statusCode, without.json().code]).toEqual([503, 'FILE_STORE_UNAVAILABLE']);
          const del = await dirApp.inject({ method: 'DELETE', url: `/api/v1/candidates/${c.id}/files/${file.id}`, headers: { authorization: `Bearer ${h.ownerToken}` } });
          expect(del.statusCode).toBe(204);
          expect(readdirSync(dir)).not.toContain(file.id);
        });

        it('deleting the candidate unlinks their files', async () => {
          const c = await kit.candidate();
          const file = (await upload(dirApp, c.id, TEXT, 'text/plain')).json();
          const res = await dirApp.inject({ method: 'DELETE', url: `/api/v1/candidates/${c.id}`, headers: { authorization: `Bearer ${h.ownerToken}`, 'if-match': `"${c.version}"` } });
          expect(res.statusCode).toBe(204);
          expect(readdirSync(dir)).not.toContain(file.id);
        });
      });
    });
  });
}
