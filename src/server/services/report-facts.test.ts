import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareEpochEvents } from '../../domain/pipeline/history.js';
import { historyReportFacts } from '../../domain/reports/facts.js';
import { getReportFactsState, inTransaction, listEpochEventsOfApplications, listStoredReportFacts, listUsers, REPORT_DATA } from '../../storage/index.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { hoursAgo, pipelineKit } from '../../test-support/pipeline-kit.js';
import { retractEvent } from './pipeline.js';
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

    it('an in-order append steps the stored fold state without reading the history; back-dated events, retractions and rows without a state fold it again; all equal a rebuild', async () => {
      const kit = pipelineKit(h);
      const app = await kit.application();
      const db = h.store.db;
      const stored = async () => (await listStoredReportFacts(db, [app.id])).get(app.id)!;
      const fromEvents = async () => {
        const events = (await listEpochEventsOfApplications(db, [app.id], REPORT_DATA)).get(app.id)!;
        return JSON.parse(JSON.stringify(historyReportFacts(prepareEpochEvents(events, Number.POSITIVE_INFINITY)))) as unknown;
      };
      /** Marks the stored state (interviewed, which no event here sets): a fact read from it shows the mark. */
      const markState = async () => {
        const state = (await getReportFactsState(db, app.id))!;
        await db.updateTable('report_facts').set({ fold_state: JSON.stringify({ ...state, interviewed: true }) }).where('application_id', '=', app.id).execute();
      };

      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 50), { channel: 'email' });
      await kit.event(app.id, 'candidate.replied', hoursAgo(h, 40), { latencyHours: 2, length: 300, asksQuestion: true });
      await kit.event(app.id, 'signal.observed', hoursAgo(h, 30), { signal: 'equity-questions' });
      expect(await stored()).toEqual(await fromEvents());
      expect(await getReportFactsState(db, app.id)).toMatchObject({ history: { lastEventAt: Date.parse(hoursAgo(h, 30)) } });

      // In order: the facts come from the stored state stepped by the event (the mark shows), not from the history.
      await markState();
      await kit.event(app.id, 'team.replied', hoursAgo(h, 20));
      expect(await stored()).toMatchObject({ interviewed: true, clockRuns: expect.arrayContaining([{ clock: 'reply.to-candidate', run: { start: Date.parse(hoursAgo(h, 40)), stop: Date.parse(hoursAgo(h, 20)) } }]) });
      // Back-dated: the history is folded again (the mark is gone) and the facts are the history's.
      await kit.event(app.id, 'note', hoursAgo(h, 45), { text: 'An earlier call.' });
      expect(await stored()).toEqual(await fromEvents());
      expect((await stored()).interviewed).toBe(false);

      // A retraction folds the history again too: the retracted signal is gone from the facts.
      await markState();
      const signal = await db.selectFrom('application_events').select('id').where('application_id', '=', app.id).where('type', '=', 'signal.observed').executeTakeFirstOrThrow();
      const owner = (await listUsers(db))[0]!;
      await inTransaction(db, (tx) => retractEvent(tx, { id: owner.id, role: owner.role }, app.id, signal.id, h.clock.now()));
      expect(await stored()).toEqual(await fromEvents());
      expect(await stored()).toMatchObject({ interviewed: false });
      expect(JSON.stringify(await getReportFactsState(db, app.id))).not.toContain('equity-questions');

      // A row without a state (written before migration 025) is folded on the next append and keeps a state from then on.
      await db.updateTable('report_facts').set({ fold_state: null }).where('application_id', '=', app.id).execute();
      await kit.event(app.id, 'stage.changed', hoursAgo(h, 10), { from: app.stage, to: 'screen' });
      expect(await getReportFactsState(db, app.id)).not.toBeNull();
      await kit.event(app.id, 'candidate.replied', hoursAgo(h, 5), { latencyHours: 1, length: 80, asksQuestion: false });
      expect(await stored()).toEqual(await fromEvents());

      // The clock tally the append wrote (under the role settings the append resolved) is the one a rebuild writes.
      const tally = () => db.selectFrom('report_clock_tallies').selectAll().where('application_id', '=', app.id).executeTakeFirstOrThrow();
      const appended = await tally();
      expect(appended.clock_key).not.toBeNull();
      const rebuilt = await rebuildProjections(h.store, h.clock.now());
      expect(rebuilt.reportFacts).toMatchObject({ created: 0, corrected: 0 });
      expect(await tally()).toEqual(appended);
    });
  });
}
