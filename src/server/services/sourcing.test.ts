import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { collectPersonRows, eraseCandidates, getCompany, getProspect, inTransaction, insertCandidate, insertPool, insertProspect, listAudit, listProspectEvents, getProspectOrThrow, updateProspect } from '../../storage/index.js';
import { recordProspectEvent } from './sourcing.js';

for (const dialect of dialectsUnderTest()) {
  describe(`prospect history: recordProspectEvent [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      const now = h.clock.now();
      const company = (await getCompany(h.store.db))!;
      await insertPool(h.store.db, { id: 'pool1', companyId: company.id, name: 'MLOps, passive, EU', ownerId: null, specializations: ['mlops'], cadenceDays: 21, createdBy: null }, now);
      for (const id of ['c1', 'c2']) {
        await insertCandidate(h.store.db, { id, name: `Person ${id}`, email: `${id}@x.example`, phone: null, links: [], location: null, currentEmployer: null, source: 'outbound', passive: true, specializations: [], productionMlYears: null, currentCompensation: null, createdBy: null }, now);
        await insertProspect(h.store.db, { id: `p-${id}`, poolId: 'pool1', candidateId: id, foundBy: null, foundHow: 'search', foundDetail: null, currentEmployer: null, lab: null, links: [], lawfulBasis: 'legitimate interest', timeZone: null }, now);
      }
    });
    afterAll(async () => h.close());

    const record = (prospectId: string, body: unknown) => inTransaction(h.store.db, (tx) => recordProspectEvent(tx, null, prospectId, body, h.clock.now()));

    it('counts an outreach as a touch (new -> contacted), a reply moves it to replied, a back-dated event does not move the last touch back', async () => {
      const first = await record('p-c1', { type: 'outreach.sent', occurredAt: '2026-11-01T09:00:00.000Z', data: { channel: 'email' } });
      expect(first.prospect).toMatchObject({ status: 'contacted', touches: 1, lastTouchAt: '2026-11-01T09:00:00.000Z', lastReplyAt: null, version: 2 });
      const old = await record('p-c1', { type: 'outreach.sent', occurredAt: '2026-10-20T09:00:00.000Z', data: { channel: 'linkedin' } });
      expect(old.prospect).toMatchObject({ status: 'contacted', touches: 2, lastTouchAt: '2026-11-01T09:00:00.000Z' });
      const reply = await record('p-c1', { type: 'candidate.replied', occurredAt: '2026-11-02T10:00:00.000Z', data: { latencyHours: 25, length: 300, asksQuestion: true } });
      expect(reply.prospect).toMatchObject({ status: 'replied', touches: 2, lastReplyAt: '2026-11-02T10:00:00.000Z' });
      expect((await listProspectEvents(h.store.db, 'p-c1')).map((e) => [e.seq, e.type])).toEqual([[2, 'outreach.sent'], [1, 'outreach.sent'], [3, 'candidate.replied']]);
      const audit = await listAudit(h.store.db, { entity: 'prospect', entityId: 'p-c1', limit: 10 });
      expect(audit.map((a) => a.fields)).toContainEqual(['events', 'lastTouchAt', 'status', 'touches']);
      expect(JSON.stringify(audit)).not.toContain('email');
    });

    it('never moves a status set by hand back, and refuses bad events without writing', async () => {
      const p = await getProspectOrThrow(h.store.db, 'p-c2');
      await updateProspect(h.store.db, 'p-c2', p.version, { status: 'not-now' }, h.clock.now());
      const res = await record('p-c2', { type: 'candidate.replied', data: { latencyHours: 1, length: 10, asksQuestion: false } });
      expect(res.prospect.status).toBe('not-now');
      expect(res.prospect.lastReplyAt).toBe(h.clock.now().toISOString());
      await expect(record('p-c2', { type: 'stage.changed', data: { from: 'a', to: 'b' } })).rejects.toMatchObject({ code: 'EVENT_TYPE_INVALID' });
      await expect(record('p-c2', { type: 'outreach.sent', data: { channel: 'pigeon' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'data.channel' });
      await expect(record('p-c2', { type: 'outreach.sent', occurredAt: '2027-01-01T00:00:00.000Z', data: { channel: 'email' } })).rejects.toMatchObject({ code: 'EVENT_IN_FUTURE' });
      await expect(record('nope', { type: 'note', data: { text: 'x' } })).rejects.toMatchObject({ code: 'PROSPECT_NOT_FOUND' });
      expect(await listProspectEvents(h.store.db, 'p-c2')).toHaveLength(1);
    });

    it('keeps the history append-only at the database while the prospect exists', async () => {
      await expect(sql`update prospect_events set type = 'tampered'`.execute(h.store.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from prospect_events`.execute(h.store.db)).rejects.toThrow(/append-only/);
      expect(await listProspectEvents(h.store.db, 'p-c1')).toHaveLength(3);
    });

    it('is personal data: the export holds the prospect rows and their history, an erasure deletes both', async () => {
      const rows = await collectPersonRows(h.store.db, ['c1'], ['Person c1']);
      expect(rows.prospects!.map((r) => r.id)).toEqual(['p-c1']);
      expect(rows.prospect_events).toHaveLength(3);
      const report = await inTransaction(h.store.db, (tx) => eraseCandidates(tx, ['c1'], ['Person c1'], h.clock.now()));
      expect(report).toMatchObject({ prospects: 1, events: 3 });
      expect(await getProspect(h.store.db, 'p-c1')).toBeUndefined();
      expect(await listProspectEvents(h.store.db, 'p-c1')).toEqual([]);
      expect(await listProspectEvents(h.store.db, 'p-c2')).toHaveLength(1);
    });
  });
}
