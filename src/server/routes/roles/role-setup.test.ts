import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { pipelineKit } from '../../../test-support/pipeline-kit.js';
import type { RoleStageView } from '../../../api/roles.js';

type Stage = RoleStageView;

for (const dialect of dialectsUnderTest()) {
  describe(`setting up a role's process and clocks [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
    });
    afterAll(async () => h.close());

    const patch = (id: string, body: unknown, version: number) => h.call('PATCH', `/api/v1/roles/${id}`, { token: h.ownerToken, body, headers: { 'if-match': `"${version}"` } });
    const get = async (id: string) => (await h.call('GET', `/api/v1/roles/${id}`, { token: h.ownerToken })).json();
    const stagesOf = (role: { processPlan: { stages: Stage[] } }) => role.processPlan.stages;

    it('adds, renames, reorders and re-plans stages in one PATCH; the board follows the new order and the plan adds up the days', async () => {
      const role = await kit.role();
      const stages: Stage[] = stagesOf(await get(role.id));
      const next: Stage[] = [
        stages[0]!,
        { ...stages[2]!, name: 'Take-home review', plannedDays: 2 },
        { ...stages[1]!, plannedDays: 1 },
        { id: 'founder-call', name: 'Founder call', plannedDays: 1 },
        ...stages.slice(3),
      ];
      const res = await patch(role.id, { processPlan: { stages: next } }, 1);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.json().processPlan).toEqual({ stages: next, plannedDays: next.reduce((n, s) => n + s.plannedDays, 0) });
      expect(res.json().processPlan.plannedDays).toBe(9);
      const board = (await h.call('GET', `/api/v1/roles/${role.id}/board`, { token: h.ownerToken })).json();
      expect(board.columns.filter((c: { kind: string }) => c.kind === 'stage').map((c: { stage: string; name: string }) => [c.stage, c.name])).toEqual(next.map((s) => [s.id, s.name]));
      const audit = (await h.call('GET', `/api/v1/audit?entity=role&entityId=${role.id}`, { token: h.ownerToken })).json().items;
      expect(audit[0]).toMatchObject({ action: 'role.update', actionLabel: 'Changed a role', fields: ['processPlan'], entityLabel: 'Founding ML Engineer' });
    });

    it('refuses to remove a stage that still has active applications, names the stage, and changes nothing', async () => {
      const role = await kit.role();
      await kit.application({ roleId: role.id, stage: 'technical' });
      const stages: Stage[] = stagesOf(await get(role.id));
      const res = await patch(role.id, { processPlan: { stages: stages.filter((s) => s.id !== 'technical') } }, 1);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'processPlan.stages' });
      expect(res.json().message).toBe('Stage "Technical interview" still has 1 active application: move it to another stage on the board first, then remove the stage.');
      const after = await get(role.id);
      expect(after.version).toBe(1);
      expect(stagesOf(after).map((s) => s.id)).toContain('technical');
      // Removing a stage nobody is in is fine.
      const ok = await patch(role.id, { processPlan: { stages: stages.filter((s) => s.id !== 'screen') } }, 1);
      expect(ok.statusCode).toBe(200);
      expect(stagesOf(ok.json()).map((s) => s.id)).toEqual(['sourced', 'technical', 'final', 'offer']);
    });

    it('rejects a stage with negative planned days or an empty name with 400, beside the field', async () => {
      const role = await kit.role();
      const days = await patch(role.id, { processPlan: { stages: [{ id: 'screen', name: 'Screen', plannedDays: -1 }] } }, 1);
      expect([days.statusCode, days.json().field]).toEqual([400, 'processPlan.stages[0].plannedDays']);
      const name = await patch(role.id, { processPlan: { stages: [{ id: 'screen', name: '', plannedDays: 1 }] } }, 1);
      expect([name.statusCode, name.json().field]).toEqual([400, 'processPlan.stages[0].name']);
      expect((await get(role.id)).version).toBe(1);
    });

    it('overrides clocks per role over the company defaults, counts business hours, and clears the override', async () => {
      const role = await kit.role();
      const overrides = { targets: { 'cycle.total': { warningHours: 168, criticalHours: 336 }, 'offer.after-final': { warningHours: 12 } }, hours: { mode: 'business' } };
      const res = await patch(role.id, { clockOverrides: overrides }, 1);
      expect(res.statusCode).toBe(200);
      expect(res.json().clockOverrides).toEqual(overrides);
      expect((await h.call('GET', `/api/v1/roles/${role.id}/board`, { token: h.ownerToken })).json().targetDays).toBe(7);
      // The company's defaults are unchanged by a role's override.
      const company = (await h.call('GET', '/api/v1/pipeline/settings', { token: h.ownerToken })).json();
      expect(company.effective.clocks.targets['cycle.total']).toEqual({ warningHours: 240, criticalHours: 504 });
      // The application's clocks count in business hours with the role's targets.
      const app = await kit.application({ roleId: role.id });
      await kit.event(app.id, 'outreach.sent', new Date(h.clock.now().getTime() - 3_600_000).toISOString(), { channel: 'email' });
      const clocks = (await h.call('GET', `/api/v1/applications/${app.id}`, { token: h.ownerToken })).json().clocks;
      expect(clocks.find((c: { id: string }) => c.id === 'cycle.total')).toMatchObject({ basis: 'business' });
      const cleared = await patch(role.id, { clockOverrides: {} }, 2);
      expect(cleared.json().clockOverrides).toEqual({});
      expect((await h.call('GET', `/api/v1/roles/${role.id}/board`, { token: h.ownerToken })).json().targetDays).toBe(10);
      const audit = (await h.call('GET', `/api/v1/audit?entity=role&entityId=${role.id}&action=role.update`, { token: h.ownerToken })).json();
      expect(audit.total).toBe(2);
      expect(audit.items.every((e: { fields: string[] }) => e.fields.includes('clockOverrides'))).toBe(true);
    });

    it('refuses a role override whose warning comes after the critical time it keeps from the company, naming the field', async () => {
      const role = await kit.role();
      const res = await patch(role.id, { clockOverrides: { targets: { 'stage.idle': { warningHours: 200 } } } }, 1);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'CLOCK_SETTINGS_INVALID', field: 'clockOverrides.targets.stage.idle.criticalHours' });
      expect((await get(role.id)).clockOverrides).toEqual({});
    });

    it('sets the recruiter and hiring manager, turns blind review off and closes the role', async () => {
      const role = await kit.role();
      const recruiter = await h.tokenFor('recruiter');
      const manager = await h.tokenFor('hiring-manager');
      const res = await patch(role.id, { recruiterId: recruiter.userId, hiringManagerId: manager.userId, pedigreeBlind: false, status: 'closed' }, 1);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ recruiterId: recruiter.userId, hiringManagerId: manager.userId, pedigreeBlind: false, status: 'closed' });
      const audit = (await h.call('GET', `/api/v1/audit?entityId=${role.id}&actorId=${(await h.call('GET', '/api/v1/session', { token: h.ownerToken })).json().user.id}`, { token: h.ownerToken })).json();
      expect(audit.items[0].fields).toEqual(['hiringManagerId', 'pedigreeBlind', 'recruiterId', 'status']);
    });
  });
}
