import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';

const DAY = 24;

for (const dialect of dialectsUnderTest()) {
  describe(`closing and reopening an application [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let interviewer: { token: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
      interviewer = await h.tokenFor('interviewer');
    });
    afterAll(async () => h.close());

    const patch = (id: string, version: number | undefined, body: unknown, token = h.ownerToken) =>
      h.call('PATCH', `/api/v1/applications/${id}`, { token, body, headers: version === undefined ? {} : { 'if-match': `"${version}"` } });
    const detail = async (id: string, token = h.ownerToken) => (await h.call('GET', `/api/v1/applications/${id}`, { token })).json();
    const events = async (id: string, token = h.ownerToken) =>
      (await h.call('GET', `/api/v1/applications/${id}/events`, { token })).json().items as Array<{ type: string; data: Record<string, unknown> }>;

    it('closes as lost with a reason and a note, then reopens at a chosen stage; both are events, audited, and the cycle clock runs on', async () => {
      const app = await kit.application();
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 12 * DAY), { channel: 'email' });
      const closed = await patch(app.id, app.version, { status: 'lost', lossReason: 'accepted-other-offer', note: 'Took the BigLab offer at 420k' });
      expect(closed.statusCode).toBe(200);
      expect(closed.headers.etag).toBe(`"${app.version + 1}"`);
      expect(closed.json()).toMatchObject({ status: 'lost', lossReason: 'accepted-other-offer', closedAt: h.clock.now().toISOString() });
      expect((await detail(app.id)).daysSinceFirstContact).toBeCloseTo(12, 9);

      // Two days pass while it is closed: the day count stays where it ended.
      h.clock.advanceHours(2 * DAY);
      const whileClosed = await detail(app.id);
      expect(whileClosed).toMatchObject({ status: 'lost', overTarget: false });
      expect(whileClosed.daysSinceFirstContact).toBeCloseTo(12, 9);
      expect(whileClosed.clocks.find((c: { id: string }) => c.id === 'cycle.total')).toMatchObject({ state: 'stopped' });

      const reopened = await patch(app.id, app.version + 1, { status: 'active', stage: 'technical', note: 'They came back' });
      expect(reopened.statusCode).toBe(200);
      expect(reopened.json()).toMatchObject({ status: 'active', stage: 'technical', lossReason: null, closedAt: null, version: app.version + 2 });
      const after = await detail(app.id);
      expect(after).toMatchObject({ status: 'active', stage: 'technical', overTarget: true });
      // Days since first contact: 14, counting the days it was closed, from the cycle clock that runs again.
      expect(after.daysSinceFirstContact).toBeCloseTo(14, 9);
      const cycle = after.clocks.find((c: { id: string }) => c.id === 'cycle.total');
      expect(cycle.state).toBe('warning');
      expect(cycle).not.toHaveProperty('stoppedAt');
      expect(after.clocks.find((c: { id: string }) => c.id === 'stage.idle')).toMatchObject({ state: 'ok', startedAt: h.clock.now().toISOString() });

      expect((await events(app.id)).slice(-2)).toEqual([
        expect.objectContaining({ type: 'application.closed', data: { status: 'lost', lossReason: 'accepted-other-offer', note: 'Took the BigLab offer at 420k' } }),
        expect.objectContaining({ type: 'application.reopened', data: { stage: 'technical', note: 'They came back' } }),
      ]);
      const audit = (await h.call('GET', `/api/v1/audit?entity=application&entityId=${app.id}`, { token: h.ownerToken })).json().items as Array<{ action: string; fields: string[] }>;
      expect(audit.slice(0, 2).map((a) => a.fields)).toEqual([
        ['lossReason', 'stage', 'status'],
        ['lossReason', 'status'],
      ]);
      expect(JSON.stringify(audit)).not.toContain('420k');
    });

    it('reopens at the stage it was closed at when no stage is given', async () => {
      const app = await kit.application({ stage: 'screen' });
      const closed = (await patch(app.id, app.version, { status: 'withdrawn' })).json();
      const reopened = await patch(app.id, closed.version, { status: 'active' });
      expect(reopened.json()).toMatchObject({ status: 'active', stage: 'screen' });
      expect((await events(app.id)).at(-1)).toMatchObject({ type: 'application.reopened', data: { stage: 'screen' } });
    });

    it('hides the close and reopen notes from interviewers, who still see the outcome', async () => {
      const app = await kit.application();
      const closed = (await patch(app.id, app.version, { status: 'lost', lossReason: 'compensation', note: 'Asked for 500k base' })).json();
      await patch(app.id, closed.version, { status: 'active', note: 'Agreed to 450k' });
      const seen = await events(app.id, interviewer.token);
      expect(seen.map((e) => e.data)).toEqual([{ status: 'lost', lossReason: 'compensation' }, { stage: 'sourced' }]);
      expect(JSON.stringify(await detail(app.id, interviewer.token))).not.toMatch(/500k|450k/);
    });

    it.each([
      ['a stale If-Match', 'stale', { status: 'lost', lossReason: 'role-fit' }, 412, 'PRECONDITION_FAILED', 'If-Match'],
      ['no If-Match', undefined, { status: 'lost', lossReason: 'role-fit' }, 428, 'PRECONDITION_REQUIRED', 'If-Match'],
      ['lost without a reason', 'current', { status: 'lost' }, 400, 'VALIDATION_FAILED', 'lossReason'],
      ['an unknown loss reason', 'current', { status: 'lost', lossReason: 'vibes' }, 400, 'VALIDATION_FAILED', 'lossReason'],
      ['a reason on a hire', 'current', { status: 'hired', lossReason: 'other' }, 400, 'VALIDATION_FAILED', 'lossReason'],
      ['a note without a close or reopening', 'current', { note: 'just a note' }, 400, 'VALIDATION_FAILED', 'note'],
      ['a note that is too long', 'current', { status: 'withdrawn', note: 'x'.repeat(2_001) }, 400, 'VALIDATION_FAILED', 'note'],
      ['a status that is not one', 'current', { status: 'archived' }, 400, 'VALIDATION_FAILED', 'status'],
    ] as const)('refuses %s and changes nothing', async (_what, version, body, status, code, field) => {
      const app = await kit.application();
      const res = await patch(app.id, version === 'current' ? app.version : version === 'stale' ? app.version + 1 : undefined, body);
      expect([res.statusCode, res.json().code, res.json().field]).toEqual([status, code, field]);
      expect(await detail(app.id)).toMatchObject({ status: 'active', version: app.version });
      expect(await events(app.id)).toEqual([]);
    });

    it('refuses a stage change on a closed application (409): reopen it instead', async () => {
      const app = await kit.application();
      const closed = (await patch(app.id, app.version, { status: 'lost', lossReason: 'unresponsive' })).json();
      const res = await patch(app.id, closed.version, { stage: 'technical' });
      expect([res.statusCode, res.json().code, res.json().field]).toEqual([409, 'CONFLICT', 'stage']);
      expect(await detail(app.id)).toMatchObject({ status: 'lost', stage: 'sourced' });
    });

    it('refuses to reopen into a closed role, or when another application of the person is active in the role', async () => {
      const role = await kit.role();
      const candidate = await kit.candidate();
      const first = await kit.application({ roleId: role.id, candidateId: candidate.id });
      const firstClosed = (await patch(first.id, first.version, { status: 'withdrawn' })).json();
      const second = await kit.application({ roleId: role.id, candidateId: candidate.id });
      const dup = await patch(first.id, firstClosed.version, { status: 'active' });
      expect([dup.statusCode, dup.json().code]).toEqual([409, 'DUPLICATE_APPLICATION']);
      await patch(second.id, second.version, { status: 'withdrawn' });
      const r = (await h.call('GET', `/api/v1/roles/${role.id}`, { token: h.ownerToken })).json();
      await h.call('PATCH', `/api/v1/roles/${role.id}`, { token: h.ownerToken, body: { status: 'closed' }, headers: { 'if-match': `"${r.version}"` } });
      const closedRole = await patch(first.id, firstClosed.version, { status: 'active' });
      expect([closedRole.statusCode, closedRole.json().code]).toEqual([409, 'CONFLICT']);
      expect(await detail(first.id)).toMatchObject({ status: 'withdrawn' });
    });

    it('takes application.reopened through the events route too, and refuses it on an open application', async () => {
      const app = await kit.application();
      const open = await h.call('POST', `/api/v1/applications/${app.id}/events`, { token: h.ownerToken, body: { type: 'application.reopened', data: { stage: 'screen' } } });
      expect([open.statusCode, open.json().code]).toEqual([409, 'APPLICATION_NOT_CLOSED']);
      await kit.event(app.id, 'application.closed', hoursAgo(h, 3), { status: 'lost', lossReason: 'not-selected' });
      const badStage = await h.call('POST', `/api/v1/applications/${app.id}/events`, { token: h.ownerToken, body: { type: 'application.reopened', data: { stage: 'limbo' } } });
      expect([badStage.statusCode, badStage.json().field]).toEqual([400, 'data.stage']);
      const res = await kit.event(app.id, 'application.reopened', hoursAgo(h, 1), { stage: 'final' });
      expect(res.application).toMatchObject({ status: 'active', stage: 'final', lossReason: null, closedAt: null });
    });

    it('is refused to an interviewer (403)', async () => {
      const app = await kit.application();
      expect((await patch(app.id, app.version, { status: 'lost', lossReason: 'other' }, interviewer.token)).statusCode).toBe(403);
    });
  });
}
