import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_ENTITIES, type CompanyExportView } from '../../../api/export.js';
import type { ApplicationDetailView } from '../../../api/applications.js';
import type { ImportBatch } from '../../../domain/imports/canonical.js';
import { parseCloser } from '../../../domain/imports/closer.js';
import { toCsv } from '../../../domain/imports/export-csv.js';
import { parseGreenhouse } from '../../../domain/imports/greenhouse.js';
import { proposeStageMapping, stageNamesOf } from '../../../domain/imports/registry.js';
import { createHarness, testClock, type Harness } from '../../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { fileFromText, filesFromDir } from '../../../test-support/import-files.js';
import { CLOSER_IMPORT_STAGES, applyImportBatch } from '../../services/imports.js';
import { closerRenames, withRenames } from '../../../test-support/export-renames.js';

// Offers imported from Greenhouse travel through the company export and come back once when the export is imported
// into an empty Closer: same status, versions, pay and approvals, and the same clocks on their applications.
const FIXTURES = fileURLToPath(new URL('../../../domain/imports/fixtures/greenhouse', import.meta.url));
const EXTRA = [
  // Awaiting approval (Closer's approval clock runs from its draft); a custom field that starts like a formula.
  fileFromText('extra/offers.json', JSON.stringify([
    { id: 9901, version: 1, application_id: 2003, job_id: 501, candidate_id: 1003, status: 'Created', created_at: '2026-10-20T09:00:00.000Z', sent_on: null, resolved_at: null, custom_fields: { salary: { amount: '120000.50', unit: 'USD' } } },
  ])),
  fileFromText('extra/approval_flows.json', JSON.stringify([{ id: 7701, offer_id: 9901, job_id: 501, approval_type: 'offer_candidate', sequential: true, version: 1, approval_status: 'pending' }])),
];

function mappingOf(batch: ImportBatch): Record<string, string> {
  const proposed = proposeStageMapping(stageNamesOf(batch), CLOSER_IMPORT_STAGES);
  return Object.fromEntries(stageNamesOf(batch).map((name) => [name.trim().toLowerCase(), proposed[name.trim().toLowerCase()] ?? 'screen']));
}

type Offer = CompanyExportView['importedOffers'][number];
/** What a user compares of an imported offer (ids differ between workspaces). */
const offerAnswers = (o: Offer) => ({ system: o.system, externalId: o.externalId, status: o.status, sourceStatus: o.sourceStatus, draftedAt: o.draftedAt, sentAt: o.sentAt, resolvedAt: o.resolvedAt, currentVersion: o.currentVersion, approvals: o.approvals, versions: o.versions });

for (const dialect of dialectsUnderTest()) {
  describe(`imported offers in the company export [${dialect.name}]`, () => {
    const clock = testClock();
    let source: Harness;
    let empty: Harness;
    let x: CompanyExportView;
    const owner = async (h: Harness) => ({ id: (await h.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id, role: 'owner' as const });
    const exportOf = async (h: Harness) => (await h.call('GET', '/api/v1/export', { token: h.ownerToken })).json() as CompanyExportView;
    const count = async (h: Harness, t: 'imported_offers' | 'imported_offer_versions') => Number((await h.store.db.selectFrom(t).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      source = await createHarness(await dialect.createStore(), { clock });
      empty = await createHarness(await dialect.createStore(), { clock });
      const batch = await parseGreenhouse([...filesFromDir(FIXTURES, 4096), ...EXTRA]);
      await applyImportBatch(source.store, await owner(source), randomUUID(), batch, mappingOf(batch), clock.now);
      x = await exportOf(source);
    });
    afterAll(async () => {
      await source.close();
      await empty.close();
    });

    it('exports the imported offers with versions, pay and approvals, counted, and as formula-escaped CSV', () => {
      expect(Object.keys(x)).toEqual(['format', 'version', 'exportedAt', 'counts', ...EXPORT_ENTITIES]);
      expect(x.counts.importedOffers).toBe(3);
      expect(x.importedOffers).toHaveLength(3);
      const accepted = x.importedOffers.find((o) => o.externalId === '901')!;
      expect(accepted).toMatchObject({ system: 'greenhouse', status: 'accepted', sourceStatus: 'accepted', currentVersion: 2, sentAt: '2026-09-26T00:00:00.000Z', resolvedAt: '2026-09-28T09:30:00.000Z' });
      expect(accepted.versions.map((v) => [v.version, v.base, v.currency, v.startDate])).toEqual([[1, 180000, 'EUR', '2026-11-01'], [2, 195000, 'EUR', '2026-11-15']]);
      expect(accepted.approvals).toHaveLength(3);
      const pending = x.importedOffers.find((o) => o.externalId === '9901')!;
      expect(pending).toMatchObject({ status: 'pending-approval', sourceStatus: 'draft', versions: [expect.objectContaining({ base: null, currency: null, otherTerms: { 'Base (as in the file)': '120000.5 USD' } })] });
      // The CSV (as `closer export` writes it): nested versions as JSON in one cell, no cell a spreadsheet would run.
      const csv = toCsv(x.importedOffers as unknown as Record<string, unknown>[]);
      expect(csv.split('\r\n')[0]).toBe('id,applicationId,system,externalId,status,sourceStatus,draftedAt,sentAt,resolvedAt,currentVersion,approvals,versions');
      expect(csv).toContain('195000');
      expect(toCsv([{ ...pending, externalId: '=HYPERLINK("x")' }])).toContain(`'=HYPERLINK`);
    });

    it('imported into an empty Closer, the export brings the same imported offers once, and the same clocks', async () => {
      const files = EXPORT_ENTITIES.map((e) => fileFromText(`${e}.json`, JSON.stringify(x[e]), 997));
      const batch = await parseCloser(files);
      expect(batch.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const report = await applyImportBatch(empty.store, await owner(empty), randomUUID(), batch, mappingOf(batch), clock.now);
      expect(report.counts.offers).toEqual({ create: 3, merge: 0, skip: 0 });
      const y = await exportOf(empty);
      const byOrigin = (list: Offer[]) => [...list].sort((a, b) => a.externalId.localeCompare(b.externalId)).map(offerAnswers);
      expect(byOrigin(y.importedOffers)).toEqual(byOrigin(x.importedOffers));

      // The same applications' timelines (offer events once, not twice) and clocks, read through the API.
      const names = (v: CompanyExportView) => new Map(v.candidates.map((c) => [c.id, c.name]));
      const [before, after] = [names(x), names(y)];
      const renames = await closerRenames(empty);
      for (const offer of x.importedOffers) {
        const app = x.applications.find((a) => a.id === offer.applicationId)!;
        const twin = y.applications.find((a) => after.get(a.candidateId) === before.get(app.candidateId))!;
        const now = (await empty.call('GET', `/api/v1/applications/${twin.id}`, { token: empty.ownerToken })).json() as ApplicationDetailView;
        const was = (await source.call('GET', `/api/v1/applications/${app.id}`, { token: source.ownerToken })).json() as ApplicationDetailView;
        expect(now.clocks, offer.externalId).toEqual(withRenames(was.clocks, renames));
        expect(now.events.map((e) => [e.type, e.occurredAt]), offer.externalId).toEqual(was.events.map((e) => [e.type, e.occurredAt]));
      }
      const pendingApp = y.importedOffers.find((o) => o.externalId === '9901')!.applicationId;
      const detail = (await empty.call('GET', `/api/v1/applications/${pendingApp}`, { token: empty.ownerToken })).json() as ApplicationDetailView;
      expect(JSON.stringify(detail.clocks.find((c) => c.id === 'approval.pending'))).toContain('2026-10-20T09:00:00.000Z');

      // A second import of the same export changes nothing.
      const counts = [await count(empty, 'imported_offers'), await count(empty, 'imported_offer_versions')];
      const again = await applyImportBatch(empty.store, await owner(empty), randomUUID(), await parseCloser(files), mappingOf(batch), clock.now);
      expect(again.counts.offers).toEqual({ create: 0, merge: 0, skip: 3 });
      expect([await count(empty, 'imported_offers'), await count(empty, 'imported_offer_versions')]).toEqual(counts);
    });
  });
}
