import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { enqueueOutbox, erasureSubjectHash, inTransaction, insertNotificationOnce, insertTodayMark, type Store } from '../../../storage/index.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { expectOk, makeInterview, makeOffer, terms, DEFAULT_BAND } from '../../../test-support/offer-fixtures.js';
import { serverLogger } from '../../logging.js';
import { runRetention } from '../../services/retention.js';

/** Every row of every table as text (bytes as latin1): where a person's data could still be. */
async function dumpDatabase(store: Store): Promise<string> {
  const tables =
    store.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(store.db)).rows.map((r) => r.name);
  let out = '';
  for (const table of tables) {
    const rows = (await sql`select * from ${sql.table(table)}`.execute(store.db)).rows;
    out += JSON.stringify(rows, (_k, v: unknown) => (v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' ? Buffer.from((v as { data: number[] }).data).toString('latin1') : v));
  }
  return out;
}

for (const dialect of dialectsUnderTest()) {
  describe(`privacy rights: export, erasure canary, consent and retention [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let logs = '';
    let interviewer: { token: string; userId: string };
    let hiringManager: { token: string; userId: string };
    beforeAll(async () => {
      // The production log settings at their most talkative level: a request line, every 4xx with its error.
      h = await createHarness(await dialect.createStore(), { logger: serverLogger('debug', { write: (line: string) => void (logs += line) }) });
      kit = pipelineKit(h);
      interviewer = await h.tokenFor('interviewer');
      hiringManager = await h.tokenFor('hiring-manager');
    });
    afterAll(async () => h.close());

    const get = (url: string, token = h.ownerToken) => h.call('GET', url, { token });

    it('canary: a person touched by every feature is exported whole, then erased; 0 hits in every table, the database file, its WAL and the log', async () => {
      const tag = randomUUID().slice(0, 8);
      const name = `Zephyrine Canary${tag}`;
      const email = `zephyrine.${tag}@canary.example`;
      const secrets = [name, email, `note-${tag}`, `evidence-${tag}`, `cv-${tag}`, `mark-${tag}`];

      const role = await kit.ok('POST', '/api/v1/roles', { title: `Role ${tag}`, seniority: 'senior', specializations: ['mlops'], band: DEFAULT_BAND });
      const created = await h.call('POST', '/api/v1/candidates', { token: h.ownerToken, headers: { 'idempotency-key': `canary-${tag}` }, body: { name, email, phone: `+1 555 ${tag.slice(0, 4)}`, source: 'referral', currentCompensation: { base: 7_654_321, bonus: 0, equityAnnual: 0, currency: 'USD' } } });
      expect(created.statusCode).toBe(201);
      const candidate = created.json();
      // A duplicate refused by name (a 409 that names them), a search by name and a file named after them: all logged.
      expect((await h.call('POST', '/api/v1/candidates', { token: h.ownerToken, body: { name, email, source: 'referral' } })).statusCode).toBe(409);
      expect((await get(`/api/v1/candidates?q=${encodeURIComponent(name)}`)).statusCode).toBe(200);
      const app = await kit.application({ candidateId: candidate.id, roleId: role.id });
      await kit.event(app.id, 'note', hoursAgo(h, 40), { text: `note-${tag}: ${name} was great` });
      const iv = await makeInterview(h, app.id, { kind: 'onsite', interviewerIds: [interviewer.userId], scheduledAt: hoursAgo(h, 20), final: true });
      await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: h.ownerToken, body: {} }), 200, 'complete');
      await expectOk(h.call('PUT', `/api/v1/interviews/${iv.id}/scorecard`, { token: interviewer.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 3, evidence: `evidence-${tag}` }], recommendation: 'yes' } }), 200, 'scorecard');
      await makeOffer(h, app.id, terms());
      const upload = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${candidate.id}/files?filename=${encodeURIComponent(`${name}.txt`)}`, headers: { authorization: `Bearer ${h.ownerToken}`, 'content-type': 'text/plain' }, payload: `cv-${tag}\n${name}\n${email}` });
      expect(upload.statusCode).toBe(201);
      const consent = await h.call('PUT', `/api/v1/candidates/${candidate.id}/talent-pool`, { token: h.ownerToken, headers: { 'if-match': `"${(await get(`/api/v1/candidates/${candidate.id}`)).json().version}"` }, body: { consent: true } });
      expect(consent.statusCode).toBe(200);
      await inTransaction(h.store.db, async (tx) => {
        const ownerId = (await tx.selectFrom('users').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow()).id;
        await insertTodayMark(tx, { id: randomUUID(), userId: ownerId, day: '2026-11-02', itemKey: `k-${tag}`, applicationId: app.id, actionId: 'contacted', eventId: randomUUID(), text: `mark-${tag}: log that I contacted ${name}`, createdAt: h.clock.now().toISOString() });
        await insertNotificationOnce(tx, { id: randomUUID(), userId: ownerId, kind: 'clock.warning', dedupeKey: `d-${tag}`, title: `${name}: reply today`, body: 'x', link: '/today', applicationId: null, createdAt: h.clock.now().toISOString() });
        await enqueueOutbox(tx, { id: randomUUID(), dedupeKey: `digest-${tag}`, notificationId: null, channel: 'email', recipient: 'owner@test.example', subject: 'Your digest', body: `Today: ${name} (${email}) needs a reply` }, h.clock.now());
      });

      const before = await dumpDatabase(h.store);
      for (const s of secrets) expect(before.includes(s), `${s} was stored`).toBe(true);

      // The export holds every table they are in, the file's bytes included; not for interviewers or hiring managers.
      expect((await get(`/api/v1/candidates/${candidate.id}/export`, interviewer.token)).statusCode).toBe(403);
      expect((await get(`/api/v1/candidates/${candidate.id}/export`, hiringManager.token)).statusCode).toBe(403);
      const exported = await get(`/api/v1/candidates/${candidate.id}/export`);
      expect(exported.statusCode).toBe(200);
      const x = exported.json();
      for (const table of ['candidates', 'applications', 'application_events', 'interviews', 'scorecards', 'offers', 'offer_versions', 'candidate_files', 'today_marks', 'notifications', 'outbox', 'audit_log']) {
        expect(x.tables[table]?.length ?? 0, `export has ${table}`).toBeGreaterThan(0);
      }
      expect(x.tables.candidates[0]).toMatchObject({ name, email, comp_base: 7_654_321 });
      expect(Buffer.from(x.tables.candidate_files[0].content, 'base64').toString()).toContain(`cv-${tag}`);
      expect(exported.body).toContain(`evidence-${tag}`);
      expect(exported.body).toContain(`mark-${tag}`);

      const version = (await get(`/api/v1/candidates/${candidate.id}`)).json().version;
      expect((await h.call('DELETE', `/api/v1/candidates/${candidate.id}`, { token: h.ownerToken, headers: { 'if-match': `"${version}"` } })).statusCode).toBe(204);

      const after = await dumpDatabase(h.store);
      for (const s of secrets) expect(after.includes(s), `${s} is still in a table`).toBe(false);
      if (dialect.name === 'sqlite') {
        const file = readFileSync(h.store.location);
        const wal = existsSync(`${h.store.location}-wal`) ? readFileSync(`${h.store.location}-wal`) : Buffer.alloc(0);
        for (const s of [name, email, `note-${tag}`, `evidence-${tag}`, `cv-${tag}`, `mark-${tag}`]) {
          expect(file.includes(Buffer.from(s)), `${s} in the database file`).toBe(false);
          expect(wal.includes(Buffer.from(s)), `${s} in the WAL`).toBe(false);
        }
      }
      expect(logs.length).toBeGreaterThan(1000);
      expect(logs).toContain(candidate.id);
      for (const s of [name, encodeURIComponent(name), email, encodeURIComponent(email), `note-${tag}`]) expect(logs.includes(s), `${s} in the log`).toBe(false);

      // What stays: the ledger (a hash of the id), the counts analytics need, and audit entries without values.
      const ledger = await h.store.db.selectFrom('erasure_ledger').selectAll().execute();
      expect(ledger).toContainEqual(expect.objectContaining({ subject_hash: erasureSubjectHash(candidate.id), reason: 'request' }));
      const counted = await h.store.db.selectFrom('erased_applications').selectAll().where('application_id', '=', app.id).executeTakeFirstOrThrow();
      expect(counted).toMatchObject({ role_id: role.id, status: 'active', source: 'referral', applied_month: '2026-11' });
      const trail = (await get(`/api/v1/audit?entity=candidate&entityId=${candidate.id}`)).json().items as Array<{ action: string }>;
      expect(trail[0]).toMatchObject({ action: 'candidate.delete' });
      expect((await get(`/api/v1/candidates/${candidate.id}/export`)).statusCode).toBe(404);
    });

    it('talent-pool consent takes If-Match (428 without, 412 when stale) and is audited by field name', async () => {
      const c = await kit.candidate();
      expect((await h.call('PUT', `/api/v1/candidates/${c.id}/talent-pool`, { token: h.ownerToken, body: { consent: true } })).statusCode).toBe(428);
      expect((await h.call('PUT', `/api/v1/candidates/${c.id}/talent-pool`, { token: h.ownerToken, headers: { 'if-match': '"99"' }, body: { consent: true } })).statusCode).toBe(412);
      expect((await h.call('PUT', `/api/v1/candidates/${c.id}/talent-pool`, { token: h.ownerToken, headers: { 'if-match': `"${c.version}"` }, body: { consent: 'yes' } })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      const ok = await h.call('PUT', `/api/v1/candidates/${c.id}/talent-pool`, { token: h.ownerToken, headers: { 'if-match': `"${c.version}"` }, body: { consent: true } });
      expect(ok.json()).toMatchObject({ candidateId: c.id, consentAt: h.clock.now().toISOString(), version: c.version + 1 });
      expect((await get(`/api/v1/candidates/${c.id}/talent-pool`)).json().consentAt).toBe(h.clock.now().toISOString());
      const trail = (await get(`/api/v1/audit?entity=candidate&entityId=${c.id}`)).json().items as Array<{ action: string; fields: string[] }>;
      expect(trail[0]).toMatchObject({ action: 'candidate.update', fields: ['talentPoolConsent'] });
    });

    it('retention: rejected candidates are erased once N months passed on the fake clock, consented and active ones stay; a rerun changes nothing; each run is reported and audited', async () => {
      const role = await kit.role();
      const close = async (status: 'lost' | 'withdrawn' | 'hired') => {
        const c = await kit.candidate();
        const a = await kit.application({ candidateId: c.id, roleId: role.id });
        await kit.ok('PATCH', `/api/v1/applications/${a.id}`, status === 'lost' ? { status, lossReason: 'compensation' } : { status }, { 'if-match': `"${a.version}"` });
        return c;
      };
      const rejected = await close('lost');
      const withdrew = await close('withdrawn');
      const hired = await close('hired');
      const consenting = await close('lost');
      await kit.ok('PUT', `/api/v1/candidates/${consenting.id}/talent-pool`, { consent: true }, { 'if-match': `"${(await get(`/api/v1/candidates/${consenting.id}`)).json().version}"` });
      const active = await kit.candidate();
      await kit.application({ candidateId: active.id, roleId: role.id });

      // Only owners and admins set the rule; it takes If-Match ("0" before the first save) and bounded months.
      const settings = await get('/api/v1/privacy/retention');
      expect(settings.json()).toMatchObject({ rejectedAfterMonths: null, version: 0, runs: [] });
      expect((await get('/api/v1/privacy/retention', hiringManager.token)).statusCode).toBe(403);
      expect((await h.call('POST', '/api/v1/privacy/retention/run', { token: h.ownerToken })).json()).toMatchObject({ code: 'CONFLICT', field: 'rejectedAfterMonths' });
      expect((await h.call('PUT', '/api/v1/privacy/retention', { token: h.ownerToken, body: { rejectedAfterMonths: 6 } })).statusCode).toBe(428);
      expect((await h.call('PUT', '/api/v1/privacy/retention', { token: h.ownerToken, headers: { 'if-match': '"0"' }, body: { rejectedAfterMonths: 0 } })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      const saved = await h.call('PUT', '/api/v1/privacy/retention', { token: h.ownerToken, headers: { 'if-match': '"0"' }, body: { rejectedAfterMonths: 6 } });
      expect(saved.json()).toMatchObject({ rejectedAfterMonths: 6, version: 1 });
      expect((await h.call('PUT', '/api/v1/privacy/retention', { token: h.ownerToken, headers: { 'if-match': '"0"' }, body: { rejectedAfterMonths: 3 } })).statusCode).toBe(412);

      const ctx = { store: h.store, now: h.clock.now };
      const start = h.clock.now();
      try {
        h.clock.set(new Date(start.getTime() + 150 * 86_400_000));
        expect((await runRetention(ctx))[0]).toMatchObject({ candidatesErased: 0, keptForConsent: 0 });
        h.clock.set(new Date(start.getTime() + 200 * 86_400_000));
        const [run] = await runRetention(ctx);
        expect(run).toMatchObject({ trigger: 'schedule', rejectedAfterMonths: 6, candidatesErased: 2, applicationsErased: 2, keptForConsent: 1 });
        for (const c of [rejected, withdrew]) expect((await get(`/api/v1/candidates/${c.id}`)).statusCode).toBe(404);
        for (const c of [hired, consenting, active]) expect((await get(`/api/v1/candidates/${c.id}`)).statusCode).toBe(200);
        h.clock.advanceHours(1);
        const again = await h.call('POST', '/api/v1/privacy/retention/run', { token: h.ownerToken });
        expect(again.json()).toMatchObject({ trigger: 'manual', candidatesErased: 0, keptForConsent: 1 });
        const report = (await get('/api/v1/privacy/retention')).json();
        expect(report.runs.map((r: { candidatesErased: number }) => r.candidatesErased)).toEqual([0, 2, 0]);
        const ledger = await h.store.db.selectFrom('erasure_ledger').select('subject_hash').where('reason', '=', 'retention').execute();
        expect(ledger.map((l) => l.subject_hash).sort()).toEqual([rejected.id, withdrew.id].map(erasureSubjectHash).sort());
        const audit = (await get(`/api/v1/audit?entity=candidate&entityId=${rejected.id}`)).json().items as Array<{ action: string; actorId: string | null }>;
        expect(audit[0]).toMatchObject({ action: 'candidate.delete' });
        expect((await get('/api/v1/audit?entity=retention_run&limit=10')).json().items).toHaveLength(3);
      } finally {
        h.clock.set(start);
      }
    });
  });
}
