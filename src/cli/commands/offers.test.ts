import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { expectOk, makeOffer, makePipeline, terms } from '../../test-support/offer-fixtures.js';

describe('closer offer without a server', () => {
  it('exits 2 on a missing id and a bad --status before calling anything', async () => {
    const env = { CLOSER_URL: 'http://127.0.0.1:9', CLOSER_TOKEN: 'cl_x' };
    const noId = captureIo({ env });
    expect(await main(['offer', 'show'], noId)).toBe(2);
    expect(noId.err()).toContain('Name one offer id');
    const bad = captureIo({ env });
    expect(await main(['offer', 'list', '--status', 'maybe'], bad)).toBe(2);
    expect(bad.err()).toContain('--status must be one of');
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`closer offer list|show|approve against a live server [${dialect.name}]`, () => {
    let h: Harness;
    let url: string;
    let approver: { token: string; userId: string };
    let offerId: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      approver = await h.tokenFor('approver', `cli-approver-${dialect.name}@test.example`);
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [approver.userId], mode: 'parallel' } }), 200, 'approvers');
      const { application } = await makePipeline(h, { candidate: { name: 'Cli Candidate' } });
      const offer = await makeOffer(h, application.id, terms({ base: 240_000, equity: { kind: 'ISO', shares: 50_000, fullyDilutedShares: 10_000_000, strike: 0.5, vesting: { preset: 'standard-4y-1y-cliff-monthly' } } }));
      offerId = offer.id;
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
    });
    afterAll(async () => h.close());

    it('lists offers with equity as shares of the fully diluted total, and shows one with its findings and approvers', async () => {
      const list = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
      expect(await main(['offer', 'list', '--status', 'pending-approval'], list)).toBe(0);
      expect(list.out()).toMatch(/^pending-approval\s+Cli Candidate \(ML Engineer \d+\) v1: 240,000 USD, 50,000 shares of 10,000,000 fully diluted \(0\.5000%\), outside band {2}waiting for approver/m);
      const show = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
      expect(await main(['offer', 'show', offerId], show)).toBe(0);
      expect(show.out()).toContain('Equity: 50,000 shares of 10,000,000 fully diluted (0.5000%)');
      expect(show.out()).toContain('WARNING offer.outside-band');
      expect(show.out()).toMatch(/Approvers \(parallel\): approver \S+ pending/);
      const json = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
      expect(await main(['offer', 'list', '--json'], json)).toBe(0);
      expect(JSON.parse(json.out()).items[0]).toMatchObject({ id: offerId, equity: { fullyDilutedPct: 0.5 } });
    });

    it('approves as the approver, and a second approval exits 2 with ALREADY_DECIDED', async () => {
      const env = { CLOSER_URL: url, CLOSER_TOKEN: approver.token };
      const io = captureIo({ env });
      expect(await main(['offer', 'approve', offerId, '--comment', 'ok'], io)).toBe(0);
      expect(io.out()).toContain('Approved the offer for Cli Candidate');
      expect(io.out()).toContain('it is now approved');
      const again = captureIo({ env });
      expect(await main(['offer', 'approve', offerId, '--json'], again)).toBe(2);
      expect(JSON.parse(again.err()).error.code).toBe('ALREADY_DECIDED');
      const missing = captureIo({ env });
      expect(await main(['offer', 'show', 'no-such-offer'], missing)).toBe(2);
      expect(missing.err()).toContain('No such offer');
    });
  });
}
