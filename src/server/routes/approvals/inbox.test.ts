import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';

for (const dialect of dialectsUnderTest()) {
  describe(`GET /api/v1/approvals [${dialect.name}]`, () => {
    let h: Harness;
    let approver: { token: string; userId: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      approver = await h.tokenFor('approver', `inbox-approver-${dialect.name}@test.example`);
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [approver.userId], mode: 'parallel' } }), 200, 'approvers');
    });
    afterAll(async () => h.close());

    const inbox = async () =>
      new Map(((await expectOk(h.call('GET', '/api/v1/approvals', { token: approver.token }), 200, 'inbox')).items as Array<{ id: string; currentVersion: number; requestedAt: string }>).map((i) => [i.id, i]));

    it('gives each offer the time the approval of its current version was requested', async () => {
      const outsideBand = terms({ base: 260_000 });
      const first = await makeOffer(h, (await makePipeline(h)).application.id, outsideBand);
      const second = await makeOffer(h, (await makePipeline(h)).application.id, outsideBand);
      h.clock.set('2026-11-03T09:00:00.000Z');
      await expectOk(h.call('POST', `/api/v1/offers/${first.id}/submit`, { token: h.ownerToken }), 200, 'submit first');
      h.clock.set('2026-11-03T10:30:00.000Z');
      await expectOk(h.call('POST', `/api/v1/offers/${second.id}/submit`, { token: h.ownerToken }), 200, 'submit second');
      let items = await inbox();
      expect(items.get(first.id)).toMatchObject({ currentVersion: 1, requestedAt: '2026-11-03T09:00:00.000Z' });
      expect(items.get(second.id)).toMatchObject({ currentVersion: 1, requestedAt: '2026-11-03T10:30:00.000Z' });

      // Rejected, revised and sent again: the request of the new version counts, not the first one.
      h.clock.set('2026-11-04T08:00:00.000Z');
      await expectOk(h.call('POST', `/api/v1/offers/${first.id}/reject`, { token: approver.token, body: { comment: 'Too high.' } }), 200, 'reject');
      const current = await h.call('GET', `/api/v1/offers/${first.id}`, { token: h.ownerToken });
      await expectOk(h.call('PUT', `/api/v1/offers/${first.id}`, { token: h.ownerToken, body: terms({ base: 250_000 }), headers: { 'if-match': current.headers.etag as string } }), 200, 'revise');
      h.clock.set('2026-11-04T12:15:00.000Z');
      await expectOk(h.call('POST', `/api/v1/offers/${first.id}/submit`, { token: h.ownerToken }), 200, 'resubmit');
      items = await inbox();
      expect(items.get(first.id)).toMatchObject({ currentVersion: 2, requestedAt: '2026-11-04T12:15:00.000Z' });
      expect(items.get(second.id)).toMatchObject({ currentVersion: 1, requestedAt: '2026-11-03T10:30:00.000Z' });
    });
  });
}
