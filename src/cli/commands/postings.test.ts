import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { expectOk, makeRole } from '../../test-support/offer-fixtures.js';

for (const dialect of dialectsUnderTest()) {
  describe(`closer posting show|publish|close against a live server [${dialect.name}]`, () => {
    let h: Harness;
    let url: string;
    let roleId: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      roleId = (await makeRole(h, { title: 'Platform ML Engineer' })).id;
      const body = { title: 'Platform ML Engineer', publicText: 'Own our model deployment, Kubernetes serving and model monitoring; build the training pipelines.', location: 'Remote, EU', remotePolicy: 'remote', signals: [], questions: [] };
      await expectOk(h.call('PUT', `/api/v1/roles/${roleId}/posting`, { token: h.ownerToken, body }), 201, 'posting');
    });
    afterAll(async () => h.close());

    it('shows the findings, refuses to publish before --yes (exit 2), publishes with it, then closes', async () => {
      const env = { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken };
      const show = captureIo({ env });
      expect(await main(['posting', 'show', roleId], show)).toBe(0);
      expect(show.out()).toContain('WARNING posting.no-base-range');
      const refused = captureIo({ env });
      expect(await main(['posting', 'publish', roleId], refused)).toBe(2);
      expect(refused.err()).toContain('--yes');
      const published = captureIo({ env });
      expect(await main(['posting', 'publish', roleId, '--yes', '--json'], published)).toBe(0);
      expect(JSON.parse(published.out())).toMatchObject({ status: 'published', version: 2 });
      const closed = captureIo({ env });
      expect(await main(['posting', 'close', roleId], closed)).toBe(0);
      expect(closed.out()).toContain('(closed');
    });
  });
}
