import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyReportFacts } from '../../domain/reports/facts.js';
import { listEpochEventsOfApplications, listStoredReportFacts, REPORT_DATA } from '../../storage/index.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { hoursAgo, pipelineKit } from '../../test-support/pipeline-kit.js';
import { rebuildProjections } from './projections.js';

for (const dialect of dialectsUnderTest()) {
  describe(`stored report facts [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    it('kept with each append, under concurrent writes, equal the facts rebuilt from the events', async () => {
      const kit = pipelineKit(h);
      const role = await kit.role();
      const stages = ((await kit.ok('GET', `/api/v1/roles/${role.id}`)) as { processPlan: { stages: Array<{ id: string }> } }).processPlan.stages.map((s) => s.id);
      const apps = [await kit.application({ roleId: role.id }), await kit.application({ roleId: role.id })];
      // Concurrent appends to both applications, some back-dated (out of order), an offer declined and re-issued.
      const writes = apps.flatMap((a, i) => [
        kit.event(a.id, 'outreach.sent', hoursAgo(h, 300), { channel: 'email' }),
        kit.event(a.id, 'stage.changed', hoursAgo(h, 200), { from: stages[0], to: stages[1] }),
        kit.event(a.id, 'interview.completed', hoursAgo(h, 150), { interviewId: `int-${i}`, final: true, interviewerIds: ['someone'] }),
        kit.event(a.id, 'candidate.replied', hoursAgo(h, 280), { latencyHours: 3, length: 120, asksQuestion: true }),
        kit.event(a.id, 'offer.extended', hoursAgo(h, 120), { offerId: `offer-${i}-1` }),
        kit.event(a.id, 'offer.declined', hoursAgo(h, 100), { offerId: `offer-${i}-1` }),
        kit.event(a.id, 'offer.extended', hoursAgo(h, 90), { offerId: `offer-${i}-2` }),
        kit.event(a.id, 'signal.observed', hoursAgo(h, 95), { signal: 'equity-questions' }),
      ]);
      await Promise.all(writes);
      await kit.event(apps[0]!.id, 'offer.accepted', hoursAgo(h, 10), { offerId: 'offer-0-2' });

      const ids = apps.map((a) => a.id);
      const stored = await listStoredReportFacts(h.store.db, ids);
      const events = await listEpochEventsOfApplications(h.store.db, ids, REPORT_DATA);
      for (const id of ids) {
        expect(stored.get(id)).toEqual(JSON.parse(JSON.stringify(historyReportFacts(events.get(id)!))));
      }
      expect(stored.get(ids[0]!)).toMatchObject({ status: 'accepted', offers: [{ outcome: 'declined' }, { outcome: 'accepted' }] });
      expect(stored.get(ids[1]!)!.offers.map((o) => o.outcome)).toEqual(['declined', 'open']);

      const rebuilt = await rebuildProjections(h.store, h.clock.now());
      expect(rebuilt.reportFacts).toEqual({ created: 0, corrected: 0, unchanged: 2 });
    });
  });
}
