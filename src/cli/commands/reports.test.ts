import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../test-support/pipeline-kit.js';

describe('closer report without a server', () => {
  it('exits 2 naming the reports when the name is missing or unknown', async () => {
    const env = { CLOSER_URL: 'http://127.0.0.1:9', CLOSER_TOKEN: 'cl_x' };
    for (const argv of [['report'], ['report', 'velocity']]) {
      const io = captureIo({ env });
      expect(await main(argv, io)).toBe(2);
      expect(io.err()).toContain('funnel, cycle-time, clock-breaches');
    }
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`closer report against a live server [${dialect.name}]`, () => {
    let h: Harness;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      env = { CLOSER_URL: await h.app.listen({ port: 0, host: '127.0.0.1' }), CLOSER_TOKEN: h.ownerToken };
      const kit = pipelineKit(h);
      const lost = await kit.application({ candidateId: (await kit.candidate({ source: 'referral' })).id });
      await kit.event(lost.id, 'application.received', hoursAgo(h, 48), { source: 'referral' });
      await kit.event(lost.id, 'application.closed', hoursAgo(h, 24), { status: 'lost', lossReason: 'compensation' });
    });
    afterAll(async () => h.close());

    it('prints the table, the JSON answer, and a CSV for a spreadsheet; bad filters exit 2 with the API message', async () => {
      const human = captureIo({ env });
      expect(await main(['report', 'losses'], human)).toBe(0);
      expect(human.out()).toMatch(/^compensation\s+1\s+100$/m);

      const json = captureIo({ env });
      expect(await main(['report', 'sources', '--json'], json)).toBe(0);
      expect(JSON.parse(json.out())).toMatchObject({ name: 'sources', applications: 1 });

      const csv = captureIo({ env });
      expect(await main(['report', 'losses', '--csv'], csv)).toBe(0);
      expect(csv.out()).toBe('Reason,Losses,Share (%)\r\ncompensation,1,100\r\n');

      const bad = captureIo({ env });
      expect(await main(['report', 'funnel', '--from', '2026-13-01'], bad)).toBe(2);
      expect(bad.err()).toContain('from');
    });
  });
}
