import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { enqueueOutbox, inTransaction, insertNotificationOnce, type Store } from '../../../storage/index.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { expectOk, makeInterview, makeOffer, terms, DEFAULT_BAND } from '../../../test-support/offer-fixtures.js';

/** Every row of every table, as text (bytes as latin1), so a test can look for a person's data anywhere. */
async function dumpDatabase(store: Store): Promise<string> {
  const tables =
    store.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(store.db)).rows.map((r) => r.name);
  expect(tables).toEqual(expect.arrayContaining(['candidates', 'application_events', 'candidate_files', 'scorecards', 'offers', 'notifications', 'outbox', 'idempotency_keys', 'audit_log']));
  let out = '';
  for (const table of tables) {
    const rows = (await sql`select * from ${sql.table(table)}`.execute(store.db)).rows;
    out += JSON.stringify(rows, (_key, value: unknown) =>
      value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' ? Buffer.from((value as { data: number[] }).data).toString('latin1') : value,
    );
  }
  return out;
}

for (const dialect of dialectsUnderTest()) {
  describe(`DELETE /api/v1/candidates/{id}: erasure [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let interviewer: { token: string; userId: string };
    let hiringManager: { token: string; userId: string };
    let recruiter: { token: string; userId: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
      interviewer = await h.tokenFor('interviewer');
      hiringManager = await h.tokenFor('hiring-manager');
      recruiter = await h.tokenFor('recruiter');
    });
    afterAll(async () => h.close());

    const get = (url: string, token = h.ownerToken) => h.call('GET', url, { token });
    const del = (id: string, version?: number, token = h.ownerToken) => h.call('DELETE', `/api/v1/candidates/${id}`, { token, headers: version === undefined ? {} : { 'if-match': `"${version}"` } });

    it('removes every trace of the person from every table, keeps the audit trail with a deletion entry, and lists, board, Today and audit still work', async () => {
      const tag = randomUUID().slice(0, 8);
      const person = {
        name: `Quentin Erasable ${tag}`,
        email: `quentin.${tag}@erase.example`,
        phone: `+44 20 7946 ${tag.slice(0, 4)}`,
        location: `Reykjavik-${tag}`,
        currentEmployer: `Employer-${tag}`,
        links: [`https://github.com/quentin-${tag}`],
      };
      const secrets = [person.name, person.email, person.phone, person.location, person.currentEmployer, `quentin-${tag}`, `note-${tag}`, `signal-${tag}`, `evidence-${tag}`, `cv-${tag}`, `close-${tag}`, '7654321'];

      const role = await kit.ok('POST', '/api/v1/roles', { title: `Role ${tag}`, seniority: 'senior', specializations: ['mlops'], band: DEFAULT_BAND });
      const created = await h.call('POST', '/api/v1/candidates', {
        token: h.ownerToken,
        headers: { 'idempotency-key': `create-${tag}` },
        body: { ...person, source: 'referral', currentCompensation: { base: 7_654_321, bonus: 0, equityAnnual: 0, currency: 'USD' } },
      });
      expect(created.statusCode).toBe(201);
      const candidate = created.json();
      const app = await kit.application({ candidateId: candidate.id, roleId: role.id });
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 50), { channel: 'email' });
      await kit.event(app.id, 'note', hoursAgo(h, 40), { text: `note-${tag}: ${person.name} was great` });
      await kit.event(app.id, 'signal.observed', hoursAgo(h, 30), { signal: 'competing-offer', note: `signal-${tag}` });
      const iv = await makeInterview(h, app.id, { kind: 'onsite', interviewerIds: [interviewer.userId], scheduledAt: hoursAgo(h, 20), final: true });
      await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: h.ownerToken, body: {} }), 200, 'complete');
      await expectOk(h.call('PUT', `/api/v1/interviews/${iv.id}/scorecard`, { token: interviewer.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 3, evidence: `evidence-${tag}` }], recommendation: 'yes' } }), 200, 'scorecard');
      await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: interviewer.token }), 200, 'submit');
      const offer = await makeOffer(h, app.id, terms());
      // An earlier application, closed with a note.
      const earlier = await kit.application({ candidateId: candidate.id });
      await kit.ok('PATCH', `/api/v1/applications/${earlier.id}`, { status: 'lost', lossReason: 'compensation', note: `close-${tag}` }, { 'if-match': `"${earlier.version}"` });
      await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${candidate.id}/files?filename=${encodeURIComponent(`${person.name}.txt`)}`, headers: { authorization: `Bearer ${h.ownerToken}`, 'content-type': 'text/plain' }, payload: `cv-${tag}\n${person.name}\n${person.email}` });
      // A merged duplicate of the same person goes with them.
      const dup = await kit.candidate({ name: `Q. Erasable ${tag}`, email: `q.${tag}@old.example`, phone: person.phone });
      await kit.ok('POST', `/api/v1/candidates/${dup.id}/merge`, { intoId: candidate.id });
      // Notifications and queued messages that name them (a digest has no application id).
      await inTransaction(h.store.db, async (tx) => {
        const ownerId = (await tx.selectFrom('users').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow()).id;
        await insertNotificationOnce(tx, { id: randomUUID(), userId: ownerId, kind: 'clock.warning', dedupeKey: `d-${tag}`, title: `${person.name}: reply today`, body: 'x', link: '/today', applicationId: null, createdAt: h.clock.now().toISOString() });
        await enqueueOutbox(tx, { id: randomUUID(), dedupeKey: `digest-${tag}`, notificationId: null, channel: 'email', recipient: 'owner@test.example', subject: 'Your digest', body: `Today: ${person.name} needs a reply` }, h.clock.now());
      });
      // A bystander whose data must stay.
      const bystander = await kit.candidate({ name: `Bea Bystander ${tag}` });
      const bystanderApp = await kit.application({ candidateId: bystander.id, roleId: role.id });
      await kit.event(bystanderApp.id, 'note', hoursAgo(h, 5), { text: `bystander-${tag}` });

      const fileBytes = () => Buffer.concat([readFileSync(h.store.location), ...(existsSync(`${h.store.location}-wal`) ? [readFileSync(`${h.store.location}-wal`)] : [])]);
      if (dialect.name === 'sqlite') expect(fileBytes().includes(Buffer.from(person.email)), 'the e-mail is in the file before').toBe(true);
      const before = await dumpDatabase(h.store);
      for (const s of secrets) expect(before.includes(s), `${s} was stored`).toBe(true);

      const current = (await get(`/api/v1/candidates/${candidate.id}`)).json();
      const res = await del(candidate.id, current.version);
      expect(res.statusCode).toBe(204);

      const after = await dumpDatabase(h.store);
      for (const s of secrets) expect(after.includes(s), `${s} is still stored`).toBe(false);
      expect(after.includes(`bystander-${tag}`)).toBe(true);
      expect(after.includes(`Bea Bystander ${tag}`)).toBe(true);

      if (dialect.name === 'sqlite') {
        const bytes = fileBytes();
        for (const s of [person.name, person.email, `note-${tag}`, `evidence-${tag}`, `cv-${tag}`]) expect(bytes.includes(Buffer.from(s)), `${s} is in the database file`).toBe(false);
      }

      // Their ids answer 404.
      for (const url of [`/api/v1/candidates/${candidate.id}`, `/api/v1/candidates/${dup.id}`, `/api/v1/applications/${app.id}`, `/api/v1/applications/${app.id}/events`, `/api/v1/candidates/${candidate.id}/files`, `/api/v1/offers/${offer.id}`, `/api/v1/interviews/${iv.id}`]) {
        expect((await get(url)).statusCode, url).toBe(404);
      }
      expect((await del(candidate.id, current.version)).statusCode).toBe(404);

      // Lists, the board, Today and the audit page still answer, without them.
      const list = await get('/api/v1/candidates?archived=any&limit=500');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(candidate.id);
      const board = await get(`/api/v1/roles/${role.id}/board`);
      expect(board.statusCode).toBe(200);
      expect(board.body).toContain(bystanderApp.id);
      expect(board.body).not.toContain(app.id);
      expect((await get(`/api/v1/applications?roleId=${role.id}`)).json().items.map((a: { id: string }) => a.id)).toEqual([bystanderApp.id]);
      expect((await get('/api/v1/today')).statusCode).toBe(200);
      expect((await get(`/api/v1/roles/${role.id}/source-mix`)).statusCode).toBe(200);
      const auditPage = await get('/api/v1/audit?limit=200');
      expect(auditPage.statusCode).toBe(200);

      // The audit trail keeps ids and field names, and records the deletion.
      const trail = (await get(`/api/v1/audit?entity=candidate&entityId=${candidate.id}`)).json().items as Array<{ action: string; fields: string[] }>;
      expect(trail.map((a) => a.action)).toEqual(['candidate.delete', 'candidate.merge', 'candidate.create']);
      expect(trail[0]!.fields).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'applications', 'events', 'files', 'interviews', 'offers', 'notifications']));
      expect((await get(`/api/v1/audit?entity=candidate&entityId=${dup.id}`)).json().items[0]).toMatchObject({ action: 'candidate.delete' });
      expect((await get(`/api/v1/audit?entity=application&entityId=${app.id}`)).json().items[0]).toMatchObject({ action: 'application.delete' });

      // The idempotent replay of their creation is gone too: the same key now creates afresh.
      const replay = await h.call('POST', '/api/v1/candidates', { token: h.ownerToken, headers: { 'idempotency-key': `create-${tag}` }, body: { name: 'Someone Else', email: `else-${tag}@x.example`, source: 'inbound' } });
      expect(replay.statusCode).toBe(201);
    });

    it('refuses a stale If-Match (412) and a missing one (428), and deletes nothing', async () => {
      const c = await kit.candidate({ name: 'Stale Sam' });
      await kit.ok('PATCH', `/api/v1/candidates/${c.id}`, { location: 'Oslo' }, { 'if-match': `"${c.version}"` });
      expect((await del(c.id, c.version)).json()).toMatchObject({ code: 'PRECONDITION_FAILED', field: 'If-Match' });
      expect((await del(c.id)).json().code).toBe('PRECONDITION_REQUIRED');
      expect((await get(`/api/v1/candidates/${c.id}`)).json()).toMatchObject({ name: 'Stale Sam', location: 'Oslo' });
    });

    it('is for owners, admins and recruiters: an interviewer or a hiring manager gets 403 and nothing changes', async () => {
      const c = await kit.candidate();
      expect((await del(c.id, c.version, interviewer.token)).statusCode).toBe(403);
      expect((await del(c.id, c.version, hiringManager.token)).statusCode).toBe(403);
      expect((await get(`/api/v1/candidates/${c.id}`)).statusCode).toBe(200);
      expect((await del(c.id, c.version, recruiter.token)).statusCode).toBe(204);
    });

    it('erases a person with an active application too; the role keeps working for the others', async () => {
      const role = await kit.role();
      const c = await kit.candidate();
      const app = await kit.application({ candidateId: c.id, roleId: role.id });
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 300), { channel: 'email' });
      expect((await get('/api/v1/today')).body).toContain(app.id);
      expect((await del(c.id, c.version)).statusCode).toBe(204);
      expect((await get('/api/v1/today')).body).not.toContain(app.id);
      expect((await get(`/api/v1/roles/${role.id}/board`)).statusCode).toBe(200);
      // The append-only guard still holds for everyone else's history.
      await expect(sql`delete from application_events`.execute(h.store.db)).rejects.toThrow(/append-only/);
    });
  });
}
