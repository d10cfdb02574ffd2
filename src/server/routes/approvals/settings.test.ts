import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';

for (const dialect of dialectsUnderTest()) {
  describe(`approval settings [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    const get = (token = h.ownerToken) => h.call('GET', '/api/v1/approvals/settings', { token });
    const put = (body: unknown, etag?: string, token = h.ownerToken) => h.call('PUT', '/api/v1/approvals/settings', { token, body, headers: etag ? { 'if-match': etag } : {} });

    it('starts with no approvers (the owners decide) at version 1, and saves approvers in order with If-Match', async () => {
      const first = await get();
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toBe('"1"');
      expect(first.json()).toMatchObject({ approverIds: [], ownersDecide: true, version: 1 });

      const pat = await h.tokenFor('approver', `pat-${dialect.name}@test.example`);
      const ada = await h.tokenFor('admin', `ada-${dialect.name}@test.example`);
      const res = await put({ approverIds: [ada.userId, pat.userId], mode: 'sequential' }, '"1"');
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.json()).toMatchObject({ approverIds: [ada.userId, pat.userId], mode: 'sequential', ownersDecide: false, version: 2 });
      expect(res.json().approvers.map((a: { role: string; active: boolean }) => [a.role, a.active])).toEqual([['admin', true], ['approver', true]]);

      // Someone else's older copy is refused; nothing changes.
      const stale = await put({ approverIds: [pat.userId], mode: 'parallel' }, '"1"');
      expect([stale.statusCode, stale.json().code, stale.json().field]).toEqual([412, 'PRECONDITION_FAILED', 'If-Match']);
      expect((await get()).json()).toMatchObject({ approverIds: [ada.userId, pat.userId], mode: 'sequential', version: 2 });

      // The change is in the audit log by name, without values.
      const audit = (await h.call('GET', '/api/v1/audit?entity=company&action=company.update', { token: h.ownerToken })).json().items;
      expect(audit[0]).toMatchObject({ actorName: 'Olive Owner', actionLabel: 'Changed the approval settings', entityLabel: 'Test Co', fields: ['settings.approvals'] });
      expect(JSON.stringify(audit)).not.toContain(pat.userId);
    });

    it('refuses someone who may not approve, names the place to fix it, and changes nothing', async () => {
      const before = (await get()).json();
      const recruiter = await h.tokenFor('recruiter', `rita-${dialect.name}@test.example`);
      const res = await put({ approverIds: [recruiter.userId], mode: 'parallel' }, `"${before.version}"`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'approverIds[0]' });
      expect(res.json().message).toContain('Settings → Users');
      expect(res.json().message).toContain('Settings → Approvals');
      const ghost = await put({ approverIds: ['no-such-user'], mode: 'parallel' }, `"${before.version}"`);
      expect([ghost.statusCode, ghost.json().field]).toEqual([400, 'approverIds[0]']);
      expect((await get()).json()).toEqual(before);
    });

    it('lets only owners and admins change the setting; interviewers cannot read it', async () => {
      const recruiter = await h.tokenFor('recruiter');
      expect((await put({ approverIds: [], mode: 'parallel' }, undefined, recruiter.token)).statusCode).toBe(403);
      expect((await get(recruiter.token)).statusCode).toBe(200);
      const interviewer = await h.tokenFor('interviewer');
      expect((await get(interviewer.token)).statusCode).toBe(403);
    });

    it('points to Settings → Approvals when an offer outside the band has no one who could approve it', async () => {
      const { application } = await makePipeline(h, { role: { band: null } });
      const offer = await makeOffer(h, application.id, terms());
      const admin = await h.tokenFor('admin');
      const current = (await get()).json();
      await expectOk(put({ approverIds: [], mode: 'parallel' }, `"${current.version}"`), 200, 'clear approvers');
      // No approvers and no active owner: nobody could decide.
      await h.store.db.updateTable('users').set({ disabled: 1 }).where('role', '=', 'owner').execute();
      try {
        const res = await h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: admin.token });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ code: 'APPROVERS_NOT_CONFIGURED', field: 'approverIds' });
        expect(res.json().message).toMatch(/choose approvers in Settings → Approvals/);
      } finally {
        await h.store.db.updateTable('users').set({ disabled: 0 }).where('role', '=', 'owner').execute();
      }
    });

    it('tells a person who is not an approver of an offer where approvers are chosen', async () => {
      const pat = await h.tokenFor('approver');
      const other = await h.tokenFor('approver');
      const current = (await get()).json();
      await expectOk(put({ approverIds: [pat.userId], mode: 'parallel' }, `"${current.version}"`), 200, 'approvers');
      const { application } = await makePipeline(h, { role: { band: null } });
      const offer = await makeOffer(h, application.id, terms());
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
      const res = await h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: other.token, body: {} });
      expect([res.statusCode, res.json().code]).toEqual([403, 'NOT_AN_APPROVER']);
      expect(res.json().message).toContain('Settings → Approvals');
    });
  });
}
