import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { insertApplication, insertCandidate, insertEvents, insertRole, listEventsOfApplication, listEpochEventsOfApplications, nextEventSeq, type Store } from '../index.js';

const NOW = new Date('2026-11-02T15:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`application events storage [${dialect.name}]`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await dialect.createStore();
      await insertRole(store.db, { id: 'r1', title: 'R', specializations: [], seniority: 'senior', hiringManagerId: null, processPlan: { stages: [{ id: 'screen', name: 'Screen', plannedDays: 1 }] }, clockOverrides: {}, band: null, pedigreeBlind: true, status: 'open', createdBy: null }, NOW);
      for (const id of ['c1', 'c2']) {
        await insertCandidate(store.db, { id, name: id, email: `${id}@x.example`, phone: null, links: [], location: null, currentEmployer: null, source: 'other', passive: false, specializations: [], productionMlYears: null, currentCompensation: null, createdBy: null }, NOW);
        await insertApplication(store.db, { id: `a-${id}`, candidateId: id, roleId: 'r1', stage: 'screen', status: 'active', lossReason: null, labels: [], closedAt: null, createdBy: null }, NOW);
      }
      const ev = (applicationId: string, seq: number, occurredAt: string, text: string) => ({ id: `${applicationId}-${seq}`, applicationId, seq, type: 'note', occurredAt, recordedAt: NOW.toISOString(), actorId: null, data: { text } });
      await insertEvents(store.db, [
        ev('a-c1', 1, '2026-10-03T00:00:00.000Z', 'third'),
        ev('a-c1', 2, '2026-10-01T00:00:00.000Z', 'first'),
        ev('a-c1', 3, '2026-10-01T00:00:00.000Z', 'second (same instant, recorded later)'),
        ev('a-c2', 1, '2026-10-02T00:00:00.000Z', 'other app'),
      ]);
    });
    afterAll(async () => store.close());

    it('refuses UPDATE of events at the database', async () => {
      await expect(sql`update application_events set type = 'tampered'`.execute(store.db)).rejects.toThrow(/append-only/);
      expect((await listEventsOfApplication(store.db, 'a-c1')).every((e) => e.type === 'note')).toBe(true);
    });

    it('refuses DELETE of events at the database', async () => {
      await expect(sql`delete from application_events`.execute(store.db)).rejects.toThrow(/append-only/);
      expect(await listEventsOfApplication(store.db, 'a-c1')).toHaveLength(3);
    });

    it('returns a timeline oldest first, ties in recording order', async () => {
      const texts = (await listEventsOfApplication(store.db, 'a-c1')).map((e) => (e.data as { text: string }).text);
      expect(texts).toEqual(['first', 'second (same instant, recorded later)', 'third']);
    });

    it('loads the events of many applications in one ordered query, grouped by application, times as epoch ms', async () => {
      const grouped = await listEpochEventsOfApplications(store.db, ['a-c1', 'a-c2', 'a-none'], ['note']);
      expect([...grouped.keys()]).toEqual(['a-c1', 'a-c2', 'a-none']);
      expect(grouped.get('a-c1')!.map((e) => e.t)).toEqual([Date.parse('2026-10-01T00:00:00.000Z'), Date.parse('2026-10-01T00:00:00.000Z'), Date.parse('2026-10-03T00:00:00.000Z')]);
      expect(grouped.get('a-c1')!.map((e) => (e.data as { text: string }).text)).toEqual(['first', 'second (same instant, recorded later)', 'third']);
      expect(grouped.get('a-c2')).toEqual([{ type: 'note', t: Date.parse('2026-10-02T00:00:00.000Z'), data: { text: 'other app' } }]);
      expect(grouped.get('a-none')).toEqual([]);
    });

    it('decodes data only for the types asked for; the others carry empty data', async () => {
      const grouped = await listEpochEventsOfApplications(store.db, ['a-c2'], ['stage.changed']);
      expect(grouped.get('a-c2')).toEqual([{ type: 'note', t: Date.parse('2026-10-02T00:00:00.000Z'), data: {} }]);
      expect((await listEpochEventsOfApplications(store.db, ['a-c2'], [])).get('a-c2')![0]!.data).toEqual({});
    });

    it('returns each history in timeline order when events were logged late (backdated) and at equal instants', async () => {
      await insertCandidate(store.db, { id: 'c3', name: 'c3', email: 'c3@x.example', phone: null, links: [], location: null, currentEmployer: null, source: 'other', passive: false, specializations: [], productionMlYears: null, currentCompensation: null, createdBy: null }, NOW);
      await insertApplication(store.db, { id: 'a-c3', candidateId: 'c3', roleId: 'r1', stage: 'screen', status: 'active', lossReason: null, labels: [], closedAt: null, createdBy: null }, NOW);
      const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T09:00:00.000Z`;
      const rows: Array<[string, string, unknown]> = [
        ['outreach.sent', at(5), { channel: 'email' }],
        ['candidate.replied', at(7), { latencyHours: 3, length: 200, asksQuestion: true }],
        ['note', at(2), { text: 'backdated' }],
        ['team.replied', at(7), {}],
        ['stage.changed', at(6), { from: 'screen', to: 'technical' }],
        ['note', at(7), { text: 'same instant, recorded last' }],
      ];
      await insertEvents(store.db, rows.map(([type, occurredAt, data], i) => ({ id: `a-c3-${i + 1}`, applicationId: 'a-c3', seq: i + 1, type, occurredAt, recordedAt: NOW.toISOString(), actorId: null, data })));
      const grouped = await listEpochEventsOfApplications(store.db, ['a-c3', 'a-c1'], ['candidate.replied', 'stage.changed']);
      for (const id of ['a-c3', 'a-c1']) {
        const timeline = await listEventsOfApplication(store.db, id);
        expect(grouped.get(id)!.map((e) => [e.type, e.t])).toEqual(timeline.map((e) => [e.type, Date.parse(e.occurredAt)]));
      }
      expect(grouped.get('a-c3')!.map((e) => e.data)).toEqual([{}, {}, { from: 'screen', to: 'technical' }, { latencyHours: 3, length: 200, asksQuestion: true }, {}, {}]);
    });

    it('numbers each application history from 1', async () => {
      expect(await nextEventSeq(store.db, 'a-c1')).toBe(4);
      expect(await nextEventSeq(store.db, 'a-missing')).toBe(1);
    });

    it('refuses two events at the same position of one history', async () => {
      await expect(insertEvents(store.db, [{ id: 'dup', applicationId: 'a-c2', seq: 1, type: 'note', occurredAt: NOW.toISOString(), recordedAt: NOW.toISOString(), actorId: null, data: { text: 'x' } }])).rejects.toThrow();
    });
  });
}
