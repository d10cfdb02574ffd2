import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../../storage/index.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';
import type { AuditView as Entry } from '../../../api/audit.js';


for (const dialect of dialectsUnderTest()) {
  describe(`GET /api/v1/audit [${dialect.name}]`, () => {
    let h: Harness;
    let rita: { token: string; userId: string };
    let ritaName: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      rita = await h.tokenFor('recruiter', `rita-${dialect.name}@test.example`);
      ritaName = (await expectOk(h.call('PATCH', `/api/v1/users/${rita.userId}`, { token: h.ownerToken, body: { role: 'hiring-manager' }, headers: { 'if-match': '"1"' } }), 200, 'change rita')).user.name;
      // Rita creates a role; the owner later changes it; a candidate, an application and an offer follow.
      const role = await expectOk(h.call('POST', '/api/v1/roles', { token: rita.token, body: { title: 'Staff Inference Engineer', seniority: 'staff+' } }), 201, 'role');
      ids.role = role.id;
      h.clock.advanceHours(2);
      await expectOk(h.call('PATCH', `/api/v1/roles/${role.id}`, { token: h.ownerToken, body: { pedigreeBlind: false }, headers: { 'if-match': '"1"' } }), 200, 'patch role');
      h.clock.advanceHours(2);
      const { candidate, application, role: offerRole } = await makePipeline(h, { candidate: { name: 'Grace Hopper' } });
      Object.assign(ids, { candidate: candidate.id, application: application.id, offerRole: offerRole.id });
      const offer = await makeOffer(h, application.id, terms());
      ids.offer = offer.id;
      // A record that was never stored (or is gone): labelled as such, never an error.
      await recordAudit(h.store.db, { actorId: null, action: 'role.update', entity: 'role', entityId: 'gone-role', fields: ['title'], at: h.clock.now() });
    });
    afterAll(async () => h.close());

    const page = async (query: string, token = h.ownerToken) => {
      const res = await h.call('GET', `/api/v1/audit${query}`, { token });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Entry[]; total: number; nextCursor: string | null };
    };

    it('names the actor and the record of every entry, with words for the action and the kind of record', async () => {
      const { items } = await page('?limit=100');
      const by = (action: string, entityId: string) => items.find((e) => e.action === action && e.entityId === entityId)!;
      expect(by('role.create', ids.role!)).toMatchObject({ actorId: rita.userId, actorName: ritaName, actionLabel: 'Created a role', entityType: 'Role', entityLabel: 'Staff Inference Engineer' });
      expect(by('role.update', ids.role!)).toMatchObject({ actorName: 'Olive Owner', actionLabel: 'Changed a role', fields: ['pedigreeBlind'] });
      expect(by('candidate.create', ids.candidate!)).toMatchObject({ entityType: 'Candidate', entityLabel: 'Grace Hopper' });
      expect(by('application.create', ids.application!).entityLabel).toMatch(/^Grace Hopper \(ML Engineer \d+\)$/);
      expect(by('offer.create', ids.offer!).entityLabel).toMatch(/^Offer to Grace Hopper \(ML Engineer \d+\)$/);
      expect(by('user.update', rita.userId)).toMatchObject({ entityType: 'User', entityLabel: ritaName, fields: ['role'] });
      expect(by('role.update', 'gone-role')).toMatchObject({ actorId: null, actorName: 'System', entityLabel: 'A role that no longer exists' });
      expect(items.find((e) => e.action === 'company.create')).toMatchObject({ entityLabel: 'Test Co', actionLabel: 'Set up the workspace' });
    });

    it('pages newest first with a cursor and a total, without gaps or repeats', async () => {
      const all = await page('?limit=1000');
      expect(all.nextCursor).toBeNull();
      expect(all.total).toBe(all.items.length);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const p = await page(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(p.total).toBe(all.total);
        expect(p.items.length).toBeLessThanOrEqual(3);
        seen.push(...p.items.map((e) => e.id));
        cursor = p.nextCursor;
        pages += 1;
      } while (cursor && pages < 100);
      expect(seen).toEqual(all.items.map((e) => e.id));
      expect(pages).toBe(Math.ceil(all.total / 3));
      const times = all.items.map((e) => e.at);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('filters by actor, entity type, action, entity id and time range, and counts what matches', async () => {
      const byRita = await page(`?actorId=${rita.userId}`);
      expect(byRita.items.map((e) => e.action)).toEqual(['role.create']);
      expect(byRita.total).toBe(1);
      const roleChanges = await page(`?entity=role&action=role.update`);
      expect(roleChanges.items.map((e) => e.entityId).sort()).toEqual(['gone-role', ids.role].sort());
      const oneRole = await page(`?entityId=${ids.role}`);
      expect(oneRole.items.map((e) => e.action)).toEqual(['role.update', 'role.create']);
      // The harness clock started at 2026-11-02T15:00Z; the role was created then, changed at 17:00, the rest at 19:00.
      const window = await page(`?from=2026-11-02T16:00:00Z&to=2026-11-02T18:00:00.000Z`);
      expect(window.items.map((e) => e.action)).toEqual(['role.update']);
      const day = await page(`?entityId=${ids.role}&from=2026-11-02&to=2026-11-02`);
      expect(day.total).toBe(2);
      const after = await page(`?entityId=${ids.role}&from=2026-11-03`);
      expect(after).toEqual({ items: [], total: 0, nextCursor: null });
    });

    it('lists the actions, record kinds and actors in the log for filters, in words', async () => {
      const res = await h.call('GET', '/api/v1/audit/facets', { token: h.ownerToken });
      expect(res.statusCode).toBe(200);
      const facets = res.json();
      expect(facets.actions).toEqual(expect.arrayContaining([{ value: 'role.create', label: 'Created a role' }, { value: 'offer.create', label: 'Drafted an offer' }]));
      expect(facets.entities).toEqual(expect.arrayContaining([{ value: 'role', label: 'Role' }, { value: 'candidate', label: 'Candidate' }]));
      expect(facets.actors.map((a: { name: string }) => a.name)).toEqual(['Olive Owner', ritaName].sort((a, b) => a.localeCompare(b)));
    });

    it('rejects bad paging and filters with 400, and is for owners and admins only', async () => {
      for (const q of ['?limit=abc', '?cursor=x', '?from=yesterday', '?to=2026-13-45', '?colour=red']) {
        const res = await h.call('GET', `/api/v1/audit${q}`, { token: h.ownerToken });
        expect(res.statusCode, q).toBe(400);
        expect(['VALIDATION_FAILED', 'UNKNOWN_FIELD']).toContain(res.json().code);
      }
      expect((await h.call('GET', '/api/v1/audit', { token: rita.token })).statusCode).toBe(403);
      expect((await h.call('GET', '/api/v1/audit/facets', { token: rita.token })).statusCode).toBe(403);
    });
  });
}
