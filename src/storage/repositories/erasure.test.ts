import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { eraseCandidates, insertApplication, insertCompany, insertUser, insertCandidate, insertEvents, insertRole, listCandidateWithMerged, listEventsOfApplication, updateCandidate, type Store } from '../index.js';

const NOW = new Date('2026-11-02T15:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`erasure and the append-only events guard [${dialect.name}]`, () => {
    let store: Store;
    const candidate = (id: string, name = id) =>
      insertCandidate(store.db, { id, name, email: `${id}@x.example`, phone: null, links: [], location: null, currentEmployer: null, source: 'other', passive: false, specializations: [], productionMlYears: null, currentCompensation: null, createdBy: null }, NOW);
    const application = (id: string, candidateId: string) =>
      insertApplication(store.db, { id, candidateId, roleId: 'r1', stage: 'screen', status: 'active', lossReason: null, labels: [], closedAt: null, createdBy: null }, NOW);
    const note = (applicationId: string, seq: number, text: string) => ({ id: `${applicationId}-${seq}`, applicationId, seq, type: 'note', occurredAt: NOW.toISOString(), recordedAt: NOW.toISOString(), actorId: null, data: { text } });

    beforeAll(async () => {
      store = await dialect.createStore();
      await insertRole(store.db, { id: 'r1', title: 'R', specializations: [], seniority: 'senior', hiringManagerId: null, recruiterId: null, processPlan: { stages: [{ id: 'screen', name: 'Screen', plannedDays: 1 }] }, clockOverrides: {}, band: null, pedigreeBlind: true, status: 'open', createdBy: null }, NOW);
    });
    afterAll(async () => store.close());

    it('still refuses to delete or update the events of an application that is not in the erasure ledger', async () => {
      await candidate('keep');
      await application('a-keep', 'keep');
      await insertEvents(store.db, [note('a-keep', 1, 'stays')]);
      await expect(sql`delete from application_events where application_id = 'a-keep'`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`update application_events set type = 'x' where application_id = 'a-keep'`.execute(store.db)).rejects.toThrow(/append-only/);
      expect(await listEventsOfApplication(store.db, 'a-keep')).toHaveLength(1);
    });

    it('lets the events of a ledgered application be deleted, but never updated, and only those', async () => {
      await candidate('gone');
      await application('a-gone', 'gone');
      await insertEvents(store.db, [note('a-gone', 1, 'x')]);
      await sql`insert into erased_applications (application_id, erased_at) values ('a-gone', ${NOW.toISOString()})`.execute(store.db);
      await expect(sql`update application_events set type = 'x' where application_id = 'a-gone'`.execute(store.db)).rejects.toThrow(/append-only/);
      // A delete that also reaches another application's events is refused as a whole.
      await expect(sql`delete from application_events where application_id in ('a-gone', 'a-keep')`.execute(store.db)).rejects.toThrow(/append-only/);
      expect(await listEventsOfApplication(store.db, 'a-gone')).toHaveLength(1);
      await sql`delete from application_events where application_id = 'a-gone'`.execute(store.db);
      expect(await listEventsOfApplication(store.db, 'a-gone')).toHaveLength(0);
      expect(await listEventsOfApplication(store.db, 'a-keep')).toHaveLength(1);
    });

    it('keeps the ledger itself append-only', async () => {
      await expect(sql`delete from erased_applications`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`update erased_applications set erased_at = 'x'`.execute(store.db)).rejects.toThrow(/append-only/);
    });

    it('erases a person with the records merged into them, and nobody else', async () => {
      await candidate('p-main', 'Wanda Erased');
      await candidate('p-dup', 'W. Erased');
      await candidate('p-older', 'Wanda E.');
      await candidate('bystander', 'Bea Stander');
      const main = await store.db.selectFrom('candidates').select('version').where('id', '=', 'p-dup').executeTakeFirstOrThrow();
      await updateCandidate(store.db, 'p-dup', main.version, { mergedIntoId: 'p-main' }, NOW);
      await updateCandidate(store.db, 'p-older', 1, { mergedIntoId: 'p-dup' }, NOW);
      expect((await listCandidateWithMerged(store.db, 'p-main')).sort()).toEqual(['p-dup', 'p-main', 'p-older']);
      await application('a-main', 'p-main');
      await application('a-by', 'bystander');
      await insertEvents(store.db, [note('a-main', 1, 'Wanda is great'), note('a-by', 1, 'Bea is great')]);
      const mark = (id: string, applicationId: string, text: string) => ({ id, user_id: 'u1', day: '2026-11-02', item_key: `${applicationId}|clock|stage.idle`, application_id: applicationId, action_id: 'log-contact', event_id: `${applicationId}-1`, text, created_at: NOW.toISOString() });
      await insertCompany(store.db, { id: 'c1', name: 'Co', stage: 'seed', raisedUsd: 1, headcount: 2, aiTeamSize: 0, currency: 'USD', timeZone: 'UTC', settings: {}, isDemo: false }, NOW);
      await insertUser(store.db, { id: 'u1', companyId: 'c1', email: 'marker@x.example', name: 'Marker', role: 'recruiter', passwordHash: null, disabled: false }, NOW);
      await store.db.insertInto('today_marks').values([mark('m-main', 'a-main', 'Log that I contacted Wanda'), mark('m-by', 'a-by', 'Log that I contacted Bea')]).execute();

      const report = await eraseCandidates(store.db, await listCandidateWithMerged(store.db, 'p-main'), ['Wanda Erased'], NOW);
      expect(report).toMatchObject({ applicationIds: ['a-main'], events: 1 });
      const left = await store.db.selectFrom('candidates').select('id').where('id', 'in', ['p-main', 'p-dup', 'p-older', 'bystander']).execute();
      expect(left.map((r) => r.id)).toEqual(['bystander']);
      expect(await listEventsOfApplication(store.db, 'a-main')).toEqual([]);
      expect(await listEventsOfApplication(store.db, 'a-by')).toHaveLength(1);
      expect((await store.db.selectFrom('today_marks').select('id').execute()).map((r) => r.id)).toEqual(['m-by']);
      expect((await store.db.selectFrom('erased_applications').select('application_id').execute()).map((r) => r.application_id).sort()).toEqual(['a-gone', 'a-main']);
    });
  });
}
