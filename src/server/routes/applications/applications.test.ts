import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { getCompany, listEventsOfApplication, updateCompany } from '../../../storage/index.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { ApplicationListView, type ClockView as Clock } from '../../../api/applications.js';

for (const dialect of dialectsUnderTest()) {
  describe(`applications API [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
    });
    afterAll(async () => h.close());

    const get = (url: string, token = h.ownerToken) => h.call('GET', url, { token });
    const post = (url: string, body: unknown, headers?: Record<string, string>, token = h.ownerToken) => h.call('POST', url, { token, body, headers });
    const countEvents = async (applicationId: string) => (await listEventsOfApplication(h.store.db, applicationId)).length;

    describe('POST /api/v1/applications', () => {
      it('creates an application at the first stage of the role process with ETag "1"', async () => {
        const role = await kit.role();
        const candidate = await kit.candidate();
        const res = await post('/api/v1/applications', { candidateId: candidate.id, roleId: role.id });
        expect(res.statusCode).toBe(201);
        expect(res.headers.etag).toBe('"1"');
        expect(res.json()).toMatchObject({ candidateId: candidate.id, roleId: role.id, stage: 'sourced', status: 'active', lossReason: null, version: 1 });
      });

      it('refuses a second active application of the candidate for the role with 409 DUPLICATE_APPLICATION', async () => {
        const app = await kit.application();
        const res = await post('/api/v1/applications', { candidateId: app.candidateId, roleId: app.roleId });
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('DUPLICATE_APPLICATION');
      });

      it('rejects a stage that is not in the role process with 400 VALIDATION_FAILED on stage', async () => {
        const role = await kit.role();
        const candidate = await kit.candidate();
        const res = await post('/api/v1/applications', { candidateId: candidate.id, roleId: role.id, stage: 'onsite-week-3' });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'stage' });
      });

      it('refuses an application for a closed role (409 CONFLICT) and for an unknown candidate (404 CANDIDATE_NOT_FOUND)', async () => {
        const role = await kit.role({ status: 'closed' });
        const candidate = await kit.candidate();
        const closed = await post('/api/v1/applications', { candidateId: candidate.id, roleId: role.id });
        expect(closed.statusCode).toBe(409);
        expect(closed.json()).toMatchObject({ code: 'CONFLICT', field: 'roleId' });
        const unknown = await post('/api/v1/applications', { candidateId: 'nobody', roleId: (await kit.role()).id });
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json()).toMatchObject({ code: 'CANDIDATE_NOT_FOUND', field: 'candidateId' });
      });

      it('lists applications filtered by roleId and status', async () => {
        const role = await kit.role();
        const a = await kit.application({ roleId: role.id });
        const b = await kit.application({ roleId: role.id });
        await kit.event(b.id, 'application.closed', hoursAgo(h, 1), { status: 'lost', lossReason: 'compensation' });
        await kit.application();
        const all = (await get(`/api/v1/applications?roleId=${role.id}`)).json().items as Array<{ id: string }>;
        expect(all.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
        const active = (await get(`/api/v1/applications?roleId=${role.id}&status=active`)).json().items as Array<{ id: string }>;
        expect(active.map((x) => x.id)).toEqual([a.id]);
        expect((await get('/api/v1/applications?status=maybe')).statusCode).toBe(400);
      });

      it('answers a list that matches its response schema exactly (the body is not re-checked at response time)', async () => {
        const role = await kit.role();
        await kit.application({ roleId: role.id });
        const b = await kit.application({ roleId: role.id });
        await kit.event(b.id, 'application.closed', hoursAgo(h, 1), { status: 'lost', lossReason: 'compensation' });
        const body = (await get(`/api/v1/applications?roleId=${role.id}`)).json();
        // Valid against the schema, and nothing the schema does not declare (parsing strips unknown keys).
        expect(ApplicationListView.parse(body)).toEqual(body);
        expect(body.items).toHaveLength(2);
        // Errors keep the checked serialiser and their { code, message, field } shape.
        const invalid = await get('/api/v1/applications?status=maybe');
        expect(invalid.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.status' });
      });
    });

    describe('POST /api/v1/applications/{id}/events', () => {
      it('accepts events in the past and returns the timeline in time order, whatever the recording order', async () => {
        const app = await kit.application();
        await kit.event(app.id, 'stage.changed', hoursAgo(h, 100), { from: 'sourced', to: 'screen' });
        await kit.event(app.id, 'outreach.sent', hoursAgo(h, 200), { channel: 'linkedin' });
        const res = await get(`/api/v1/applications/${app.id}`);
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.events.map((e: { type: string }) => e.type)).toEqual(['outreach.sent', 'stage.changed']);
        expect(body.events[0]).toMatchObject({ occurredAt: hoursAgo(h, 200), data: { channel: 'linkedin' }, recordedAt: h.clock.now().toISOString() });
        expect(body.firstContactAt).toBe(hoursAgo(h, 200));
        expect(body.daysSinceFirstContact).toBeCloseTo(200 / 24, 6);
        expect(body.targetDays).toBe(10);
        const clocks = body.clocks as Clock[];
        expect(clocks.find((c) => c.id === 'cycle.total')).toMatchObject({ state: 'ok', elapsedHours: 200, targetHours: 240 });
        expect(clocks.find((c) => c.id === 'stage.idle')).toMatchObject({ state: 'warning', elapsedHours: 100, targetHours: 72 });
        expect(clocks.find((c) => c.id === 'stage.idle')!.action).toMatch(/No activity for 4 days/);
        expect(body.risk).toMatchObject({ score: 0, level: 'low', signals: [], actions: [] });
      });

      it('rejects an event in the future with 400 EVENT_IN_FUTURE and stores nothing', async () => {
        const app = await kit.application();
        const future = new Date(h.clock.now().getTime() + 3_600_000).toISOString();
        const res = await post(`/api/v1/applications/${app.id}/events`, { type: 'note', occurredAt: future, data: { text: 'tomorrow' } });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'EVENT_IN_FUTURE', field: 'occurredAt' });
        expect(await countEvents(app.id)).toBe(0);
      });

      it('defaults occurredAt to the injected clock', async () => {
        const app = await kit.application();
        const res = await post(`/api/v1/applications/${app.id}/events`, { type: 'note', data: { text: 'called' } });
        expect(res.statusCode).toBe(201);
        expect(res.json().event.occurredAt).toBe(h.clock.now().toISOString());
      });

      const badEvents: Array<[string, unknown, string, string | undefined]> = [
        ['an unknown type', { type: 'candidate.teleported' }, 'EVENT_TYPE_INVALID', 'type'],
        ['data that does not match the type', { type: 'outreach.sent', data: { channel: 'carrier-pigeon' } }, 'VALIDATION_FAILED', 'data.channel'],
        ['an unknown field', { type: 'note', data: { text: 'x' }, actor: 'me' }, 'UNKNOWN_FIELD', 'actor'],
        ['a time without a zone', { type: 'note', occurredAt: '2026-10-01T10:00:00', data: { text: 'x' } }, 'VALIDATION_FAILED', 'occurredAt'],
        ['a stage outside the role process', { type: 'stage.changed', data: { from: 'sourced', to: 'limbo' } }, 'VALIDATION_FAILED', 'data.to'],
        ['an array body', [1, 2], 'VALIDATION_FAILED', undefined],
      ];
      for (const [what, body, code, field] of badEvents) {
        it(`rejects ${what} with 400 ${code}`, async () => {
          const app = await kit.application();
          const res = await post(`/api/v1/applications/${app.id}/events`, body);
          expect(res.statusCode).toBe(400);
          expect(res.json().code).toBe(code);
          expect(res.json().field).toBe(field);
          expect(await countEvents(app.id)).toBe(0);
        });
      }

      it('answers 404 APPLICATION_NOT_FOUND for an unknown application', async () => {
        const res = await post('/api/v1/applications/none/events', { type: 'note', data: { text: 'x' } });
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('APPLICATION_NOT_FOUND');
      });

      it('moves the stage on stage.changed, but a back-dated stage change does not override a later one', async () => {
        const app = await kit.application();
        const first = await kit.event(app.id, 'stage.changed', hoursAgo(h, 10), { from: 'sourced', to: 'technical' });
        expect(first.application).toMatchObject({ stage: 'technical', version: 2 });
        const late = await kit.event(app.id, 'stage.changed', hoursAgo(h, 50), { from: 'sourced', to: 'screen' });
        expect(late.application).toMatchObject({ stage: 'technical', version: 2 });
        const res = await get(`/api/v1/applications/${app.id}`);
        expect(res.json().stage).toBe('technical');
        expect(res.headers.etag).toBe('"2"');
      });

      it('closes on application.closed with the loss reason, and a later stage.changed reopens it', async () => {
        const app = await kit.application();
        const closed = await kit.event(app.id, 'application.closed', hoursAgo(h, 5), { status: 'lost', lossReason: 'accepted-other-offer' });
        expect(closed.application).toMatchObject({ status: 'lost', lossReason: 'accepted-other-offer', closedAt: hoursAgo(h, 5) });
        const reopened = await kit.event(app.id, 'stage.changed', hoursAgo(h, 1), { from: 'sourced', to: 'screen' });
        expect(reopened.application).toMatchObject({ status: 'active', lossReason: null, closedAt: null, stage: 'screen' });
      });

      it('counts an accepted offer as hired', async () => {
        const app = await kit.application();
        const res = await kit.event(app.id, 'offer.accepted', hoursAgo(h, 2), { offerId: 'of-1' });
        expect(res.application).toMatchObject({ status: 'hired', closedAt: hoursAgo(h, 2) });
      });

      it('audits each event with field names only', async () => {
        const app = await kit.application();
        const res = await kit.event(app.id, 'signal.observed', hoursAgo(h, 3), { signal: 'competing-offer', deadline: '2026-11-09', note: 'Offer from BigLab at 420k' });
        const audit = (await get(`/api/v1/audit?entity=application_event&entityId=${res.event.id}`)).json().items;
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ action: 'event.append', fields: ['data.deadline', 'data.note', 'data.signal', 'occurredAt', 'type'] });
        expect(JSON.stringify(audit)).not.toContain('420k');
      });

      it('is refused to an interviewer (403 FORBIDDEN), who can still read the application', async () => {
        const app = await kit.application();
        const { token } = await h.tokenFor('interviewer');
        const res = await post(`/api/v1/applications/${app.id}/events`, { type: 'note', data: { text: 'x' } }, undefined, token);
        expect(res.statusCode).toBe(403);
        expect((await get(`/api/v1/applications/${app.id}`, token)).statusCode).toBe(200);
      });
    });

    describe('Idempotency-Key', () => {
      it('returns the stored response with the same status on a retry, and stores the event once', async () => {
        const app = await kit.application();
        const body = { type: 'note', occurredAt: hoursAgo(h, 1), data: { text: 'first call' } };
        const a = await post(`/api/v1/applications/${app.id}/events`, body, { 'idempotency-key': 'evt-retry-1' });
        const b = await post(`/api/v1/applications/${app.id}/events`, body, { 'idempotency-key': 'evt-retry-1' });
        expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
        expect(b.json()).toEqual(a.json());
        expect(b.headers['idempotent-replayed']).toBe('true');
        expect(await countEvents(app.id)).toBe(1);
      });

      it('answers 422 IDEMPOTENCY_KEY_REUSED when the same key comes with a different body', async () => {
        const app = await kit.application();
        await post(`/api/v1/applications/${app.id}/events`, { type: 'note', data: { text: 'one' } }, { 'idempotency-key': 'evt-reuse' });
        const res = await post(`/api/v1/applications/${app.id}/events`, { type: 'note', data: { text: 'two' } }, { 'idempotency-key': 'evt-reuse' });
        expect(res.statusCode).toBe(422);
        expect(res.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
        expect(await countEvents(app.id)).toBe(1);
      });

      it('records once under 10 concurrent retries with one key, and all get the same response', async () => {
        const app = await kit.application();
        const body = { type: 'team.replied', occurredAt: hoursAgo(h, 2) };
        const results = await Promise.all(Array.from({ length: 10 }, () => post(`/api/v1/applications/${app.id}/events`, body, { 'idempotency-key': 'evt-storm' })));
        expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
        expect(new Set(results.map((r) => r.json().event.id)).size).toBe(1);
        expect(await countEvents(app.id)).toBe(1);
      });

      it('keys are per user: another user with the same key makes their own write', async () => {
        const app = await kit.application();
        const { token } = await h.tokenFor('recruiter');
        const body = { type: 'note', data: { text: 'same' } };
        const a = await post(`/api/v1/applications/${app.id}/events`, body, { 'idempotency-key': 'shared-key' });
        const b = await post(`/api/v1/applications/${app.id}/events`, body, { 'idempotency-key': 'shared-key' }, token);
        expect(a.json().event.id).not.toBe(b.json().event.id);
        expect(await countEvents(app.id)).toBe(2);
      });

      it('applies to creating roles, candidates and applications too', async () => {
        const headers = { 'idempotency-key': 'create-role-once' };
        const body = { title: 'MLOps Engineer', seniority: 'senior', specializations: ['mlops'] };
        const a = await post('/api/v1/roles', body, headers);
        const b = await post('/api/v1/roles', body, headers);
        expect(b.statusCode).toBe(201);
        expect(b.json().id).toBe(a.json().id);
        expect(b.headers.etag).toBe('"1"');
        const c1 = await post('/api/v1/candidates', { name: 'Idem Potent', email: 'idem@example.org', source: 'inbound' }, { 'idempotency-key': 'cand-1' });
        const c2 = await post('/api/v1/candidates', { name: 'Idem Potent', email: 'idem@example.org', source: 'inbound' }, { 'idempotency-key': 'cand-1' });
        expect([c1.statusCode, c2.statusCode]).toEqual([201, 201]);
        expect(c2.json().id).toBe(c1.json().id);
        const appBody = { candidateId: c1.json().id, roleId: a.json().id };
        const concurrent = await Promise.all(Array.from({ length: 5 }, () => post('/api/v1/applications', appBody, { 'idempotency-key': 'app-1' })));
        expect(concurrent.map((r) => r.statusCode)).toEqual(Array(5).fill(201));
        expect(new Set(concurrent.map((r) => r.json().id)).size).toBe(1);
      });

      it('rejects a malformed key with 400 VALIDATION_FAILED', async () => {
        const app = await kit.application();
        const res = await post(`/api/v1/applications/${app.id}/events`, { type: 'note', data: { text: 'x' } }, { 'idempotency-key': 'has spaces in it' });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'Idempotency-Key' });
      });
    });

    describe('PATCH /api/v1/applications/{id}', () => {
      it('needs If-Match: 428 PRECONDITION_REQUIRED without, 412 PRECONDITION_FAILED when stale', async () => {
        const app = await kit.application();
        const missing = await h.call('PATCH', `/api/v1/applications/${app.id}`, { token: h.ownerToken, body: { labels: ['x'] } });
        expect(missing.statusCode).toBe(428);
        expect(missing.json().code).toBe('PRECONDITION_REQUIRED');
        const stale = await h.call('PATCH', `/api/v1/applications/${app.id}`, { token: h.ownerToken, body: { labels: ['x'] }, headers: { 'if-match': '"7"' } });
        expect(stale.statusCode).toBe(412);
        expect(stale.json().code).toBe('PRECONDITION_FAILED');
        const ok = await h.call('PATCH', `/api/v1/applications/${app.id}`, { token: h.ownerToken, body: { labels: ['x'] }, headers: { 'if-match': '"1"' } });
        expect(ok.statusCode).toBe(200);
        expect(ok.headers.etag).toBe('"2"');
      });

      it('appends stage.changed and application.closed events for stage and status changes', async () => {
        const app = await kit.application();
        const moved = await h.call('PATCH', `/api/v1/applications/${app.id}`, { token: h.ownerToken, body: { stage: 'final' }, headers: { 'if-match': '"1"' } });
        expect(moved.json()).toMatchObject({ stage: 'final', version: 2 });
        const noReason = await h.call('PATCH', `/api/v1/applications/${app.id}`, { token: h.ownerToken, body: { status: 'lost' }, headers: { 'if-match': '"2"' } });
        expect(noReason.statusCode).toBe(400);
        expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lossReason' });
        const lost = await h.call('PATCH', `/api/v1/applications/${app.id}`, { token: h.ownerToken, body: { status: 'lost', lossReason: 'process-too-slow' }, headers: { 'if-match': '"2"' } });
        expect(lost.json()).toMatchObject({ status: 'lost', lossReason: 'process-too-slow', version: 3 });
        const events = (await get(`/api/v1/applications/${app.id}`)).json().events as Array<{ type: string; data: unknown }>;
        expect(events.map((e) => [e.type, e.data])).toEqual([
          ['stage.changed', { from: 'sourced', to: 'final' }],
          ['application.closed', { status: 'lost', lossReason: 'process-too-slow' }],
        ]);
        const audit = (await get(`/api/v1/audit?entity=application&entityId=${app.id}`)).json().items as Array<{ action: string; fields: string[] }>;
        expect(audit.map((a) => [a.action, a.fields])).toEqual([
          ['application.update', ['lossReason', 'status']],
          ['application.update', ['stage']],
          ['application.create', ['candidateId', 'roleId']],
        ]);
      });

      it('loses no update under 20 concurrent writers that retry on 412: one winner per version', async () => {
        const app = await kit.application();
        const winsAt: number[] = [];
        let conflicts = 0;
        const writer = async (n: number) => {
          for (;;) {
            const cur = await get(`/api/v1/applications/${app.id}`);
            const labels = cur.json().labels as string[];
            const res = await h.call('PATCH', `/api/v1/applications/${app.id}`, {
              token: h.ownerToken,
              body: { labels: [...labels, `w${n}`] },
              headers: { 'if-match': cur.headers.etag as string },
            });
            if (res.statusCode === 412) {
              conflicts += 1;
              continue;
            }
            expect(res.statusCode).toBe(200);
            winsAt.push(res.json().version as number);
            return;
          }
        };
        await Promise.all(Array.from({ length: 20 }, (_, n) => writer(n)));
        const final = (await get(`/api/v1/applications/${app.id}`)).json();
        expect([...final.labels].sort()).toEqual(Array.from({ length: 20 }, (_, n) => `w${n}`).sort());
        expect(final.version).toBe(21);
        expect([...winsAt].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
        const audit = (await get(`/api/v1/audit?entity=application&entityId=${app.id}&limit=100`)).json().items as Array<{ action: string }>;
        expect(audit.filter((a) => a.action === 'application.update')).toHaveLength(20);
        // All 20 read version 1 before the first write lands, so the If-Match check must have turned some away.
        expect(conflicts).toBeGreaterThan(0);
      });
    });

    describe('clock settings', () => {
      it('uses role overrides over company settings over the defaults', async () => {
        const company = (await getCompany(h.store.db))!;
        await updateCompany(h.store.db, company.id, company.version, { settings: { ...company.settings, pipeline: { clocks: { targets: { 'stage.idle': { warningHours: 48 } } } } } }, h.clock.now());
        try {
          const plain = await kit.application();
          await kit.event(plain.id, 'note', hoursAgo(h, 50), { text: 'x' });
          const idle = ((await get(`/api/v1/applications/${plain.id}`)).json().clocks as Clock[]).find((c) => c.id === 'stage.idle')!;
          expect(idle).toMatchObject({ targetHours: 48, state: 'warning' });
          const role = await kit.role({ clockOverrides: { targets: { 'stage.idle': { warningHours: 60 } } } });
          const overridden = await kit.application({ roleId: role.id });
          await kit.event(overridden.id, 'note', hoursAgo(h, 50), { text: 'x' });
          const idle2 = ((await get(`/api/v1/applications/${overridden.id}`)).json().clocks as Clock[]).find((c) => c.id === 'stage.idle')!;
          expect(idle2).toMatchObject({ targetHours: 60, state: 'ok' });
        } finally {
          const now = (await getCompany(h.store.db))!;
          await updateCompany(h.store.db, now.id, now.version, { settings: company.settings }, h.clock.now());
        }
      });

      it('counts business hours in the company time zone when a role asks for them', async () => {
        const role = await kit.role({ clockOverrides: { hours: { mode: 'business' } } });
        const app = await kit.application({ roleId: role.id });
        // Friday 2026-10-30 16:00 UTC to Monday 2026-11-02 15:00 UTC: 1 h on Friday + 6 h on Monday (09:00-17:00 UTC).
        await kit.event(app.id, 'outreach.sent', '2026-10-30T16:00:00.000Z', { channel: 'email' });
        const cycle = ((await get(`/api/v1/applications/${app.id}`)).json().clocks as Clock[]).find((c) => c.id === 'cycle.total')!;
        expect(cycle).toMatchObject({ basis: 'business', elapsedHours: 7 });
      });
    });
  });
}
