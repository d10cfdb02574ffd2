import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAshby } from '../../domain/imports/ashby.js';
import type { ImportBatch } from '../../domain/imports/canonical.js';
import { parseGreenhouse } from '../../domain/imports/greenhouse.js';
import { parseLever } from '../../domain/imports/lever.js';
import { proposeStageMapping, stageNamesOf } from '../../domain/imports/registry.js';
import { listImportedOffersOfApplication } from '../../storage/index.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { fileFromText, filesFromDir } from '../../test-support/import-files.js';
import { CLOSER_IMPORT_STAGES, applyImportBatch } from './imports.js';
import { rebuildProjections } from './projections.js';

// Interviews and offers of the three systems' fixtures, with extra Greenhouse records for the awkward cases: an
// interview still to be scheduled (no start), one ahead of now without an end, and an offer awaiting approval whose
// salary has cents (Closer keeps whole units, so the amount is reported and kept as text, never rounded).
const FIXTURES = fileURLToPath(new URL('../../domain/imports/fixtures', import.meta.url));
const EXTRA = [
  fileFromText('extra/scheduled_interviews.json', JSON.stringify([
    { id: 1102, application_id: 2003, job_interview_id: 1201, starts_at: null, ends_at: null, status: 'to_be_scheduled', unknown_field: { x: 1 } },
    { id: 1103, application_id: 2003, starts_at: '2026-11-20T10:00:00.000Z', status: 'scheduled', interview: { name: 'Founder call' } },
  ])),
  fileFromText('extra/offers.json', JSON.stringify([
    { id: 9901, version: 1, application_id: 2003, job_id: 501, candidate_id: 1003, status: 'Created', created_at: '2026-10-20T09:00:00.000Z', sent_on: null, resolved_at: null, custom_fields: { salary: { amount: '120000.50', unit: 'USD' } } },
  ])),
  fileFromText('extra/approval_flows.json', JSON.stringify([{ id: 7701, offer_id: 9901, job_id: 501, approval_type: 'offer_candidate', sequential: true, version: 1, approval_status: 'pending' }])),
];

function mappingOf(batch: ImportBatch): Record<string, string> {
  const proposed = proposeStageMapping(stageNamesOf(batch), CLOSER_IMPORT_STAGES);
  return Object.fromEntries(stageNamesOf(batch).map((name) => [name.trim().toLowerCase(), proposed[name.trim().toLowerCase()] ?? 'screen']));
}

for (const dialect of dialectsUnderTest()) {
  describe(`imported interviews and offers [${dialect.name}]`, () => {
    let h: Harness;
    let actor: { id: string; role: 'owner' };
    const count = async (t: 'interviews' | 'imported_offers' | 'imported_offer_versions' | 'application_events' | 'import_links' | 'audit_log') =>
      Number((await h.store.db.selectFrom(t).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const counts = async () => ({ interviews: await count('interviews'), offers: await count('imported_offers'), versions: await count('imported_offer_versions'), events: await count('application_events'), links: await count('import_links') });
    const run = (batch: ImportBatch) => applyImportBatch(h.store, actor, randomUUID(), batch, mappingOf(batch), h.clock.now);
    const closerIdOf = async (system: string, entity: string, externalId: string) =>
      (await h.store.db.selectFrom('import_links').select('closer_id').where('system', '=', system).where('entity', '=', entity).where('external_id', '=', externalId).executeTakeFirstOrThrow()).closer_id;
    const eventsOf = async (applicationId: string) =>
      (await h.store.db.selectFrom('application_events').select(['type', 'occurred_at', 'data']).where('application_id', '=', applicationId).orderBy('occurred_at').orderBy('seq').execute()).map((e) => [e.type, e.occurred_at]);

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      actor = { id: (await h.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id, role: 'owner' };
    });
    afterAll(async () => h.close());

    it('Greenhouse v3 and v1: interviews as Closer interviews, offers with versions and approvals, their events at the real times; counted, reported, linked, audited, and idempotent', async () => {
      const batch = await parseGreenhouse([...filesFromDir(`${FIXTURES}/greenhouse`, 4096), ...EXTRA]);
      const report = await run(batch);
      expect(report.counts.interviews).toEqual({ create: 2, merge: 0, skip: 1 });
      expect(report.counts.offers).toEqual({ create: 3, merge: 0, skip: 0 });
      expect(report.problems).toEqual(expect.arrayContaining([
        expect.objectContaining({ code: 'missing-field', file: 'extra/scheduled_interviews.json', recordId: '1102', field: 'startsAt' }),
        expect.objectContaining({ code: 'bad-amount', file: 'extra/offers.json', recordId: '9901', field: 'versions.base' }),
      ]));

      // The hired application 2001: its v3 interview, and offer 901 (v1 Deprecated + v3 Accepted) as two versions.
      const hired = await closerIdOf('greenhouse', 'application', '2001');
      const interview = await h.store.db.selectFrom('interviews').selectAll().where('id', '=', await closerIdOf('greenhouse', 'interview', '1101')).executeTakeFirstOrThrow();
      expect(interview).toMatchObject({ application_id: hired, kind: 'Technical deep dive', scheduled_at: '2026-09-08T14:00:00.000Z', status: 'completed', completed_at: '2026-09-08T15:00:00.000Z' });
      expect(Number(interview.duration_minutes)).toBe(60);
      const [offer] = await listImportedOffersOfApplication(h.store.db, hired);
      expect(offer).toMatchObject({ externalId: '901', status: 'accepted', sourceStatus: 'accepted', currentVersion: 2, sentAt: '2026-09-26T00:00:00.000Z', resolvedAt: '2026-09-28T09:30:00.000Z' });
      expect(offer!.versions.map((v) => [v.version, v.base, v.currency, v.startDate])).toEqual([[1, 180000, 'EUR', '2026-11-01'], [2, 195000, 'EUR', '2026-11-15']]);
      expect(offer!.approvals).toHaveLength(3);
      expect((await eventsOf(hired)).filter(([t]) => t!.startsWith('offer.') || t!.startsWith('interview.'))).toEqual([
        ['interview.scheduled', '2026-09-08T14:00:00.000Z'],
        ['offer.drafted', '2026-09-23T00:00:00.000Z'],
        ['offer.drafted', '2026-09-25T10:00:00.000Z'],
        ['offer.approval-requested', '2026-09-25T10:00:00.000Z'],
        ['offer.approved', '2026-09-25T12:00:00.000Z'],
        ['offer.extended', '2026-09-26T00:00:00.000Z'],
        ['offer.accepted', '2026-09-28T09:30:00.000Z'],
      ]);

      // The active application 2003: an offer awaiting approval runs Closer's approval clock from its draft; its
      // amount with cents is not kept as money; an interview ahead is scheduled, recorded now.
      const active = await closerIdOf('greenhouse', 'application', '2003');
      const [pending] = await listImportedOffersOfApplication(h.store.db, active);
      expect(pending).toMatchObject({ status: 'pending-approval', sentAt: null });
      expect(pending!.versions[0]).toMatchObject({ base: null, currency: null, otherTerms: { 'Base (as in the file)': '120000.5 USD' } });
      const detail = (await h.call('GET', `/api/v1/applications/${active}`, { token: h.ownerToken })).json() as { clocks: Array<{ id: string }> };
      expect(JSON.stringify(detail.clocks.find((c) => c.id === 'approval.pending'))).toContain('2026-10-20T09:00:00.000Z');
      const ahead = await h.store.db.selectFrom('interviews').selectAll().where('id', '=', await closerIdOf('greenhouse', 'interview', '1103')).executeTakeFirstOrThrow();
      expect(ahead).toMatchObject({ kind: 'Founder call', status: 'scheduled', scheduled_at: '2026-11-20T10:00:00.000Z', duration_minutes: null });
      expect(await eventsOf(active)).toContainEqual(['interview.scheduled', h.clock.now().toISOString()]);

      const audits = await h.store.db.selectFrom('audit_log').select(['action', 'fields']).where('action', 'in', ['offer.import', 'interview.import']).execute();
      expect(audits.filter((a) => a.action === 'offer.import')).toHaveLength(3);
      expect(audits.filter((a) => a.action === 'interview.import')).toHaveLength(2);
      expect(audits.every((a) => !a.fields.includes('120000'))).toBe(true);

      // The imported applications have their reports' facts and read-model rows already: a rebuild creates none.
      const rebuilt = await rebuildProjections(h.store, h.clock.now());
      expect([rebuilt.created, rebuilt.reportFacts.created]).toEqual([0, 0]);
      expect(rebuilt.reportFacts.corrected).toBe(0);

      const before = await counts();
      const again = await run(await parseGreenhouse([...filesFromDir(`${FIXTURES}/greenhouse`, 4096), ...EXTRA]));
      expect(again.counts.interviews).toEqual({ create: 0, merge: 0, skip: 3 });
      expect(again.counts.offers).toEqual({ create: 0, merge: 0, skip: 3 });
      expect(await counts()).toEqual(before);
    });

    it('Lever and Ashby: offers with their versions and events, interviews; a second import changes nothing', async () => {
      for (const [system, parse] of [['lever', parseLever], ['ashby', parseAshby]] as const) {
        const report = await run(await parse(filesFromDir(`${FIXTURES}/${system}`, 4096)));
        expect(report.counts.interviews, system).toEqual({ create: 1, merge: 0, skip: 0 });
        expect(report.counts.offers, system).toEqual({ create: 1, merge: 0, skip: 0 });
        const app = await closerIdOf(system, 'application', system === 'lever' ? 'opp-1' : 'app-1');
        const [offer] = await listImportedOffersOfApplication(h.store.db, app);
        expect(offer!.status, system).toBe('accepted');
        expect(offer!.versions.map((v) => [v.base, v.currency]), system).toEqual(system === 'lever' ? [[150000, 'GBP'], [160000, 'GBP']] : [[195000, 'USD'], [210000, 'USD']]);
        const types = (await eventsOf(app)).map(([t]) => t);
        expect(types.filter((t) => t!.startsWith('offer.')), system).toEqual(
          system === 'lever'
            ? ['offer.drafted', 'offer.drafted', 'offer.approval-requested', 'offer.approved', 'offer.extended', 'offer.accepted']
            : ['offer.drafted', 'offer.drafted', 'offer.approval-requested', 'offer.approved', 'offer.accepted'],
        );
        if (system === 'ashby') expect(report.problems).toContainEqual(expect.objectContaining({ code: 'missing-field', recordId: 'off-1', field: 'sentAt', file: 'offer.list.json' }));
        const before = await counts();
        const again = await run(await parse(filesFromDir(`${FIXTURES}/${system}`, 4096)));
        expect(again.counts.offers.skip + again.counts.interviews.skip, system).toBe(2);
        expect(await counts(), system).toEqual(before);
      }
    });
  });
}
