import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.js';
import { captureIo } from '../../../test-support/cli-io.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { DEFAULT_BAND, makeRole } from '../../../test-support/offer-fixtures.js';
import { pipelineKit } from '../../../test-support/pipeline-kit.js';
import { claimSequenceMessage, finishSequenceMessage, getCompany, getOutreachKeys, inTransaction, listAudit, listProspectEvents } from '../../../storage/index.js';
import { inboundSignature, optOutToken, previewTemplate } from '../../services/sequences.js';

const GOOD = { name: 'Cash first', subject: 'Base {{base_range}} for {{first_name}}', body: 'Hi {{first_name}}, the {{role_title}} role pays a base of {{base_range}}; you get a GPU budget and our data.' };
const VAGUE = { name: 'Vague', subject: 'Our mission', body: 'Hi {{first_name}}, join our mission for equity.' };

for (const dialect of dialectsUnderTest()) {
  describe(`sequences API: templates, sequences, enrollments, tasks, opt-out, inbound e-mail, CLI [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let roleId = '';
    const prospects: string[] = [];
    const ids = { good: '', vague: '', sequence: '', other: '', pool: '' };
    const call = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => h.call(method, url, { token: h.ownerToken, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
    const ifMatch = async (url: string) => ({ 'if-match': String((await call('GET', url)).headers.etag) });
    const enrollmentOf = async (sequenceId: string, prospectId: string) => ((await kit.ok('GET', `/api/v1/sequences/${sequenceId}/enrollments`)).items as Array<{ id: string; prospectId: string; status: string; stopReason: string | null; version: number }>).find((e) => e.prospectId === prospectId)!;

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
      roleId = (await makeRole(h, { title: 'Founding MLOps Engineer', band: DEFAULT_BAND })).id;
      const pool = await kit.ok('POST', '/api/v1/pools', { name: 'MLOps, passive, EU' });
      ids.pool = pool.id;
      for (const who of ['ada', 'ben', 'cy', 'dee', 'eve']) {
        prospects.push((await kit.ok('POST', `/api/v1/pools/${pool.id}/prospects`, { name: `${who[0]!.toUpperCase()}${who.slice(1)} Person`, email: `${who}@people.example`, foundHow: 'search' })).id);
      }
    });
    afterAll(async () => h.close());

    it('templates: create, lint, change under If-Match, preview for one prospect with the band only for pay access; interviewers see none', async () => {
      const good = await call('POST', '/api/v1/templates', GOOD);
      expect(good.statusCode).toBe(201);
      ids.good = good.json().id;
      expect(good.json()).toMatchObject({ mergeFields: ['base_range', 'first_name', 'role_title'], lint: { audience: 'passive', errors: 0 }, version: 1 });
      ids.vague = (await kit.ok('POST', '/api/v1/templates', VAGUE)).id;
      const lint = await kit.ok('GET', `/api/v1/templates/${ids.vague}/lint`);
      expect(lint.errors).toBe(1);
      expect(lint.findings.map((f: { rule: string }) => f.rule)).toContain('outreach.equity-first');
      expect((await kit.ok('GET', `/api/v1/templates/${ids.vague}/lint?audience=active`)).errors).toBe(0);
      expect((await kit.ok('GET', '/api/v1/templates')).items.map((t: { name: string }) => t.name)).toEqual(['Cash first', 'Vague']);

      expect((await call('PATCH', `/api/v1/templates/${ids.vague}`, { name: 'Vaguer' })).statusCode).toBe(428);
      const changed = await call('PATCH', `/api/v1/templates/${ids.vague}`, { name: 'Vaguer' }, { 'if-match': '"1"' });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect((await call('PATCH', `/api/v1/templates/${ids.vague}`, { name: 'Stale' }, { 'if-match': '"1"' })).json()).toMatchObject({ code: 'PRECONDITION_FAILED' });
      const audit = await listAudit(h.store.db, { entity: 'outreach-template', entityId: ids.vague, limit: 20 });
      expect(audit.map((a) => [a.action, a.fields])).toContainEqual(['outreach-template.update', ['name']]);

      const preview = await kit.ok('POST', `/api/v1/templates/${ids.good}/preview`, { prospectId: prospects[0], roleId });
      expect(preview).toMatchObject({ subject: 'Base 180,000–220,000 USD for Ada', missing: [], hidden: [] });
      expect(preview.body).toContain('the Founding MLOps Engineer role pays');
      const noRole = await kit.ok('POST', `/api/v1/templates/${ids.good}/preview`, { prospectId: prospects[0] });
      expect(noRole.missing).toEqual(['base_range', 'role_title']);
      // A viewer without pay access (compensation.read) gets the field left as written, never the band.
      const blind = await inTransaction(h.store.db, (tx) => previewTemplate(tx, ids.good, { prospectId: prospects[0]!, roleId }, false));
      expect(blind.subject).toBe('Base {{base_range}} for Ada');
      expect(blind.hidden).toEqual(['base_range']);
      expect(`${blind.subject}${blind.body}`).not.toContain('180,000');
      expect((await call('POST', `/api/v1/templates/${ids.good}/preview`, { prospectId: 'nobody' })).json()).toMatchObject({ code: 'PROSPECT_NOT_FOUND', field: 'prospectId' });

      const iv = await h.tokenFor('interviewer');
      for (const [method, url] of [['GET', '/api/v1/templates'], ['GET', `/api/v1/templates/${ids.good}`], ['GET', '/api/v1/sequences'], ['GET', `/api/v1/prospects/${prospects[0]}/enrollments`]] as const) {
        expect((await h.call(method, url, { token: iv.token })).statusCode, url).toBe(403);
      }
    });

    it('sequences: create with ordered steps and lint, activate and pause under If-Match; enroll with an outcome per prospect', async () => {
      const bad = await kit.ok('POST', '/api/v1/sequences', { name: 'Vague one', audience: 'passive', steps: [{ kind: 'email', templateId: ids.vague }] });
      expect(bad).toMatchObject({ status: 'draft', canActivate: false, lint: [{ index: 0, templateName: 'Vaguer', lint: { errors: 1 } }] });
      expect((await call('POST', `/api/v1/sequences/${bad.id}/activate`, undefined, { 'if-match': '"1"' })).json()).toMatchObject({ code: 'SEQUENCE_LINT_FAILED', field: 'steps[0]' });
      expect((await call('POST', '/api/v1/sequences', { name: 'Bad', audience: 'passive', steps: [{ kind: 'email', templateId: 'missing' }] })).json()).toMatchObject({ code: 'TEMPLATE_NOT_FOUND', field: 'steps[0].templateId' });
      expect((await call('POST', '/api/v1/sequences', { name: 'Bad', audience: 'passive', steps: [{ kind: 'wait', businessDays: 0 }] })).statusCode).toBe(400);

      const created = await kit.ok('POST', '/api/v1/sequences', { name: 'Call then write', audience: 'passive', roleId, steps: [{ kind: 'task', task: 'call', note: 'Ask about the move' }, { kind: 'email', templateId: ids.good }, { kind: 'wait', businessDays: 2 }] });
      ids.sequence = created.id;
      expect(created.steps.map((s: { kind: string; task: string | null; businessDays: number | null; templateName: string | null }) => [s.kind, s.task ?? s.businessDays ?? s.templateName])).toEqual([['task', 'call'], ['email', 'Cash first'], ['wait', 2]]);
      expect(created.canActivate).toBe(true);
      const url = `/api/v1/sequences/${ids.sequence}`;
      expect((await call('POST', `${url}/enrollments`, { prospectIds: [prospects[0]] })).json()).toMatchObject({ code: 'SEQUENCE_NOT_ACTIVE' });
      expect((await call('POST', `${url}/activate`)).statusCode).toBe(428);
      const active = await call('POST', `${url}/activate`, undefined, await ifMatch(url));
      expect(active.json()).toMatchObject({ status: 'active', version: 2 });
      expect(active.headers.etag).toBe('"2"');

      await kit.ok('PATCH', `/api/v1/prospects/${prospects[2]}`, { status: 'not-interested' }, await ifMatch(`/api/v1/prospects/${prospects[2]}`));
      const enrolled = await kit.ok('POST', `${url}/enrollments`, { prospectIds: [prospects[0], prospects[1], prospects[2], prospects[3]] });
      expect(enrolled.results.map((r: { outcome: string }) => r.outcome)).toEqual(['enrolled', 'enrolled', 'not-eligible', 'enrolled']);
      expect((await kit.ok('POST', `${url}/enrollments`, { prospectIds: [prospects[0]] })).results).toEqual([{ prospectId: prospects[0], outcome: 'already', reason: 'already-enrolled' }]);
      expect((await call('POST', `${url}/enrollments`, { prospectIds: ['nobody'] })).json()).toMatchObject({ code: 'PROSPECT_NOT_FOUND' });
      const list = (await kit.ok('GET', '/api/v1/sequences')).items.find((s: { id: string }) => s.id === ids.sequence);
      expect(list.enrollments).toEqual({ active: 3 });

      ids.other = (await kit.ok('POST', '/api/v1/sequences', { name: 'Paused one', audience: 'active', steps: [{ kind: 'task', task: 'message' }] })).id;
      const o = `/api/v1/sequences/${ids.other}`;
      await kit.ok('POST', `${o}/activate`, undefined, await ifMatch(o));
      expect((await kit.ok('POST', `${o}/pause`, undefined, await ifMatch(o))).status).toBe('paused');
      expect((await call('POST', `${o}/pause`, undefined, await ifMatch(o))).json()).toMatchObject({ code: 'SEQUENCE_NOT_ACTIVE' });
      const audit = await listAudit(h.store.db, { entity: 'sequence', entityId: ids.other, limit: 20 });
      expect(audit.map((a) => a.action).sort()).toEqual(['sequence.activate', 'sequence.create', 'sequence.pause']);
    });

    it('enrollments: listed per sequence and per prospect; a manual task is marked done and the sequence moves on; one is stopped by hand', async () => {
      const ada = await enrollmentOf(ids.sequence, prospects[0]!);
      const one = await kit.ok('GET', `/api/v1/enrollments/${ada.id}`);
      expect(one).toMatchObject({ sequenceName: 'Call then write', prospectName: 'Ada Person', status: 'active', stepIndex: 0, stepCount: 3, currentStep: { kind: 'task', task: 'call', note: 'Ask about the move' }, stopReason: null });
      expect((await kit.ok('GET', `/api/v1/prospects/${prospects[0]}/enrollments`)).items.map((e: { id: string }) => e.id)).toEqual([ada.id]);
      const ofPool = (await kit.ok('GET', `/api/v1/pools/${ids.pool}/enrollments`)).items as Array<{ prospectId: string; sequenceName: string }>;
      expect(ofPool.map((e) => e.prospectId).sort()).toEqual([prospects[0], prospects[1], prospects[3]].sort());
      expect(ofPool.every((e) => e.sequenceName === 'Call then write')).toBe(true);
      expect((await call('GET', '/api/v1/pools/nobody/enrollments')).json()).toMatchObject({ code: 'POOL_NOT_FOUND' });

      const done = `/api/v1/enrollments/${ada.id}/complete-task`;
      expect((await call('POST', done, {})).statusCode).toBe(428);
      const moved = await call('POST', done, { note: 'Called; interested in the GPU budget' }, { 'if-match': `"${one.version}"` });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ status: 'active', stepIndex: 1, currentStep: { kind: 'email', templateName: 'Cash first' }, dueAt: h.clock.now().toISOString() });
      const events = await listProspectEvents(h.store.db, prospects[0]!);
      expect(events.map((e) => [e.type, e.data])).toEqual([
        ['outreach.sent', { channel: 'phone' }],
        ['note', { text: 'Called; interested in the GPU budget' }],
      ]);
      expect((await call('POST', done, {}, { 'if-match': moved.headers.etag as string })).json()).toMatchObject({ code: 'ENROLLMENT_NOT_AT_TASK' });

      const dee = await enrollmentOf(ids.sequence, prospects[3]!);
      const stop = `/api/v1/enrollments/${dee.id}/stop`;
      expect((await call('POST', stop, undefined, { 'if-match': `"${dee.version + 5}"` })).statusCode).toBe(412);
      expect((await kit.ok('POST', stop, undefined, { 'if-match': `"${dee.version}"` }))).toMatchObject({ status: 'stopped', stopReason: 'removed', currentStep: null });
      expect((await call('POST', stop, undefined, { 'if-match': `"${dee.version + 1}"` })).json()).toMatchObject({ code: 'ENROLLMENT_NOT_RUNNING' });
      expect((await call('GET', '/api/v1/enrollments/nobody')).statusCode).toBe(404);
    });

    it('opt-out: GET /o/:token asks and changes nothing, the one-click POST suppresses for good; a tampered or broken token gets a plain page and changes nothing', async () => {
      await kit.ok('GET', '/api/v1/inbound/secret'); // the company's keys exist from here on
      const keys = (await getOutreachKeys(h.store.db, (await getCompany(h.store.db))!.id))!;
      const ben = await enrollmentOf(ids.sequence, prospects[1]!);
      const token = optOutToken(keys, ben.id);
      // The tick's List-Unsubscribe header is <APP_URL/o/encodeURIComponent(token)>: the same path as here.
      const path = `/o/${encodeURIComponent(token)}`;
      const suppressions = async () => Number((await h.store.db.selectFrom('outreach_suppressions').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

      const broken = await h.app.inject({ method: 'GET', url: '/o/not-a-token' });
      expect(broken.statusCode).toBe(400);
      expect(broken.headers['content-type']).toContain('text/html');
      const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
      for (const method of ['GET', 'POST'] as const) {
        const res = await h.app.inject({ method, url: `/o/${tampered}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
        expect(res.statusCode, method).toBe(404);
        expect(res.body).toContain('This link is not valid');
      }
      const page = await h.app.inject({ method: 'GET', url: path });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<form method="post" action="${path}">`);
      expect(page.body).toContain('<button type="submit">Stop the e-mails</button>');
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(await suppressions()).toBe(0);
      expect((await enrollmentOf(ids.sequence, prospects[1]!)).status).toBe('active');

      const post = await h.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      expect(post.statusCode).toBe(200);
      expect(post.body).toContain('You will get no more e-mails');
      expect(await suppressions()).toBe(1);
      expect(await enrollmentOf(ids.sequence, prospects[1]!)).toMatchObject({ status: 'stopped', stopReason: 'opted-out' });
      // No later sequence can enroll the address again.
      const other = `/api/v1/sequences/${ids.other}`;
      await kit.ok('POST', `${other}/activate`, undefined, await ifMatch(other));
      expect((await kit.ok('POST', `${other}/enrollments`, { prospectIds: [prospects[1]] })).results).toEqual([{ prospectId: prospects[1], outcome: 'suppressed', reason: 'opted-out' }]);
      // A task as the last step: marking it done finishes the enrollment.
      await kit.ok('POST', `${other}/enrollments`, { prospectIds: [prospects[3]] });
      const dee = await enrollmentOf(ids.other, prospects[3]!);
      expect(await kit.ok('POST', `/api/v1/enrollments/${dee.id}/complete-task`, undefined, { 'if-match': `"${dee.version}"` })).toMatchObject({ status: 'finished', stepIndex: 1, stepCount: 1, currentStep: null });
      expect((await listProspectEvents(h.store.db, prospects[3]!)).map((e) => [e.type, e.data])).toEqual([['outreach.sent', { channel: 'message' }]]);
    });

    it('inbound e-mail: owners read and rotate the secret; a bad signature is 401 and records nothing, a bad body 400, an unmatched reply 200 without effect, a match records candidate.replied and stops the enrollment', async () => {
      const admin = await h.tokenFor('admin');
      expect((await h.call('GET', '/api/v1/inbound/secret', { token: admin.token })).statusCode).toBe(403);
      const first = (await kit.ok('GET', '/api/v1/inbound/secret')).secret as string;
      const rotated = await kit.ok('POST', '/api/v1/inbound/secret/rotate');
      expect(rotated).toMatchObject({ header: 'X-Closer-Signature', path: '/api/v1/inbound/email' });
      expect(rotated.secret).not.toBe(first);
      expect((await kit.ok('GET', '/api/v1/inbound/secret')).secret).toBe(rotated.secret);
      expect(await listAudit(h.store.db, { action: 'inbound.secret-rotate', limit: 5 })).toHaveLength(1);

      // Eve's first e-mail went out (the tick's claim and outcome rows, written as the tick writes them).
      const eve = prospects[4]!;
      await kit.ok('POST', `/api/v1/sequences/${ids.sequence}/enrollments`, { prospectIds: [eve] });
      const enrollment = await enrollmentOf(ids.sequence, eve);
      const senderId = (await kit.ok('GET', `/api/v1/sequences/${ids.sequence}`)).senderId as string;
      await inTransaction(h.store.db, async (tx) => {
        await claimSequenceMessage(tx, { id: 'm-eve', enrollmentId: enrollment.id, stepIndex: 1, senderId, messageId: '<first@acme.example>' }, h.clock.now());
        await finishSequenceMessage(tx, 'm-eve', { status: 'sent', sentAt: new Date(h.clock.now().getTime() - 5 * 3_600_000).toISOString() });
      });
      const post = (body: unknown, secret: string | undefined) => {
        const raw = typeof body === 'string' ? body : JSON.stringify(body);
        return h.app.inject({ method: 'POST', url: '/api/v1/inbound/email', headers: { 'content-type': 'application/json', ...(secret ? { 'x-closer-signature': inboundSignature(secret, raw) } : {}) }, payload: raw });
      };
      const reply = { from: 'eve@people.example', to: 'founder@acme.example', subject: 'Re: Base', text: 'Sounds good. When can we talk?\n\n> Hi Eve', inReplyTo: '<first@acme.example>', receivedAt: h.clock.now().toISOString() };
      const eventsOf = async () => (await listProspectEvents(h.store.db, eve)).map((e) => e.type);

      for (const secret of [undefined, first]) {
        const res = await post(reply, secret);
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ code: 'INBOUND_SIGNATURE_INVALID', field: 'X-Closer-Signature' });
      }
      expect(await eventsOf()).toEqual([]);
      const badBody = await post({ ...reply, receivedAt: 'yesterday' }, rotated.secret);
      expect(badBody.statusCode).toBe(400);
      expect(badBody.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'receivedAt' });
      expect((await post('{"from":', rotated.secret)).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
      const unmatched = await post({ ...reply, inReplyTo: '<unknown@elsewhere.example>' }, rotated.secret);
      expect(unmatched.statusCode).toBe(200);
      expect(unmatched.json()).toEqual({ outcome: 'unmatched' });
      expect(await eventsOf()).toEqual([]);

      const matched = await post(reply, rotated.secret);
      expect(matched.json()).toEqual({ outcome: 'recorded' });
      const replied = (await listProspectEvents(h.store.db, eve)).find((e) => e.type === 'candidate.replied');
      expect(replied?.data).toMatchObject({ latencyHours: 5, asksQuestion: true });
      expect(await enrollmentOf(ids.sequence, eve)).toMatchObject({ status: 'stopped', stopReason: 'replied' });
    });

    it('CLI: closer templates, sequences and enrollments call the API; bad input exits 2 with a clear message', async () => {
      const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const env = { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken };
      const dir = mkdtempSync(join(tmpdir(), 'closer-sequences-'));
      const run = async (args: string[]) => {
        const io = captureIo({ env });
        const code = await main(args, io);
        return { code, out: io.out(), err: io.err() };
      };
      writeFileSync(join(dir, 'follow-up.txt'), 'Subject: Following up, {{first_name}}\nStill $180,000 base, {{first_name}}, with real GPUs and data.\n');
      const created = await run(['templates', 'create', join(dir, 'follow-up.txt'), '--json']);
      expect(created.code).toBe(0);
      const template = JSON.parse(created.out) as { id: string; name: string };
      expect(template.name).toBe('follow-up');
      expect((await run(['templates', 'list'])).out).toMatch(/follow-up\s+0 error\(s\)/);
      const vague = await run(['templates', 'lint', ids.vague]);
      expect(vague.code).toBe(2);
      expect(vague.out).toContain('outreach.equity-first');

      writeFileSync(join(dir, 'seq.yaml'), 'name: CLI sequence\naudience: passive\nsteps:\n  - task: message\n  - email: follow-up\n  - wait: 3\n');
      const seq = await run(['sequences', 'create', join(dir, 'seq.yaml'), '--json']);
      expect(seq.code).toBe(0);
      const sequence = JSON.parse(seq.out) as { id: string; steps: Array<{ kind: string }> };
      expect(sequence.steps.map((s) => s.kind)).toEqual(['task', 'email', 'wait']);
      expect((await run(['sequences', 'activate', sequence.id])).out).toContain('Activated CLI sequence');
      const enrolled = await run(['sequences', 'enroll', sequence.id, '--prospect', prospects[0]!, '--prospect', prospects[1]!]);
      expect(enrolled.out).toContain('Enrolled 1 of 2');
      expect(enrolled.out).toContain(`${prospects[1]}: suppressed (opted-out)`);
      const listed = await run(['enrollments', 'list', '--sequence', sequence.id, '--json']);
      const [enrollment] = (JSON.parse(listed.out) as { items: Array<{ id: string }> }).items;
      const done = await run(['enrollments', 'done', enrollment!.id]);
      expect(done.code).toBe(0);
      expect(done.out).toContain('step 2/3: e-mail "follow-up"');
      expect((await run(['sequences', 'pause', sequence.id])).out).toContain('Paused CLI sequence');
      expect((await run(['sequences', 'list'])).out).toMatch(/CLI sequence\s+paused\s+3 step\(s\)\s+1 active/);

      const noProspect = await run(['sequences', 'enroll', sequence.id]);
      expect(noProspect.code).toBe(2);
      expect(noProspect.err).toContain('--prospect ID');
      writeFileSync(join(dir, 'bad.yaml'), 'name: Bad\nsteps:\n  - email: no such template\n');
      const bad = await run(['sequences', 'create', join(dir, 'bad.yaml')]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('no template called "no such template"');
      expect((await run(['enrollments', 'list'])).code).toBe(2);
      expect((await run(['templates', 'frobnicate'])).code).toBe(2);
    });
  });
}
