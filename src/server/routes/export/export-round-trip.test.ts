import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetailView } from '../../../api/applications.js';
import { EXPORT_ENTITIES, type CompanyExportView } from '../../../api/export.js';
import type { ImportJobView } from '../../../api/imports.js';
import type { ImportBatch } from '../../../domain/imports/canonical.js';
import { parseGreenhouse } from '../../../domain/imports/greenhouse.js';
import { proposeStageMapping, stageNamesOf } from '../../../domain/imports/registry.js';
import { createHarness, testClock, type Harness } from '../../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { filesFromDir } from '../../../test-support/import-files.js';
import { DEFAULT_BAND, expectOk, makeInterview, makeOffer, terms } from '../../../test-support/offer-fixtures.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { CLOSER_IMPORT_STAGES, applyImportBatch, settledImport } from '../../services/imports.js';
import { closerRenames, withRenames } from '../../../test-support/export-renames.js';

// A company export imported into an empty Closer gives the same answers: stage history, clock levels and deadlines at
// one fixed time, risk, offers (Closer's own with versions and approvals, and imported ones), imported feedback and
// the funnel, for a role with its own process plan and clock settings under business hours; and the vendor files the
// first Closer had imported, imported again into the second, create nothing.
const GREENHOUSE = fileURLToPath(new URL('../../../domain/imports/fixtures/greenhouse/harvest-v3', import.meta.url));

const PLAN = { stages: [
  { id: 'sourced', name: 'Sourced', plannedDays: 1 },
  { id: 'screen', name: 'Screen', plannedDays: 2 },
  { id: 'take-home', name: 'Take-home project', plannedDays: 4 },
  { id: 'final', name: 'Final interviews (one day)', plannedDays: 2 },
  { id: 'offer', name: 'Offer', plannedDays: 2 },
] };
const ROLE_CLOCKS = { targets: { 'stage.idle': { warningHours: 30, criticalHours: 60 }, 'cycle.total': { warningHours: 200, criticalHours: 300 } } };
const BUSINESS_HOURS = { hours: { mode: 'business', workdays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } };

function mappingOf(batch: ImportBatch): Record<string, string> {
  const proposed = proposeStageMapping(stageNamesOf(batch), CLOSER_IMPORT_STAGES);
  return Object.fromEntries(stageNamesOf(batch).map((name) => [name.trim().toLowerCase(), proposed[name.trim().toLowerCase()] ?? 'screen']));
}

/** What a user sees of an application: where it is, its history, its clocks (levels, deadlines) and its risk. */
const answers = (d: ApplicationDetailView) => ({ stage: d.stage, status: d.status, lossReason: d.lossReason, closedAt: d.closedAt, lastEventAt: d.lastEventAt, clocks: d.clocks, risk: d.risk, events: d.events.map((e) => [e.type, e.occurredAt, e.data]) });

const dialects = dialectsUnderTest();
for (const dialect of dialects) {
  describe(`export, then import into an empty Closer [${dialect.name}]`, () => {
    const clock = testClock();
    let source: Harness;
    let empty: Harness;
    let x: CompanyExportView;
    let y: CompanyExportView;
    let greenhouse: ImportBatch;
    const owner = async (h: Harness) => ({ id: (await h.store.db.selectFrom('users').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow()).id, role: 'owner' as const });
    const exportOf = async (h: Harness) => (await h.call('GET', '/api/v1/export', { token: h.ownerToken })).json() as CompanyExportView;
    const detail = async (h: Harness, id: string) => (await h.call('GET', `/api/v1/applications/${id}`, { token: h.ownerToken })).json() as ApplicationDetailView;
    const rows = async (h: Harness) => Promise.all((['candidates', 'applications', 'application_events', 'interviews', 'imported_offers', 'imported_feedback', 'roles', 'import_links'] as const).map(async (t) => Number((await h.store.db.selectFrom(t).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));

    beforeAll(async () => {
      source = await createHarness(await dialect.createStore(), { clock });
      empty = await createHarness(await dialect.createStore(), { clock });
      const kit = pipelineKit(source);
      // Greenhouse history first (imported offers, interviews and scorecards), then the company's own work.
      greenhouse = await parseGreenhouse(filesFromDir(GREENHOUSE, 4096));
      await applyImportBatch(source.store, await owner(source), randomUUID(), greenhouse, mappingOf(greenhouse), clock.now);
      await expectOk(source.call('PUT', '/api/v1/pipeline/settings', { token: source.ownerToken, body: { clocks: BUSINESS_HOURS } }), 200, 'business hours');
      const approver = await source.tokenFor('approver');
      await expectOk(source.call('PUT', '/api/v1/approvals/settings', { token: source.ownerToken, body: { approverIds: [approver.userId], mode: 'sequential' } }), 200, 'approvers');
      const role = await kit.role({ title: 'Research Engineer', band: DEFAULT_BAND, processPlan: PLAN, clockOverrides: ROLE_CLOCKS });
      const takeHome = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Tove Take-home', source: 'referral' })).id });
      const archived = await kit.candidate({ name: 'Arne Archived' });
      await expectOk(source.call('POST', `/api/v1/candidates/${archived.id}/archive`, { token: source.ownerToken, headers: { 'if-match': `"${archived.version}"` } }), 200, 'archive');
      await kit.event(takeHome.id, 'stage.changed', hoursAgo(source, 50), { from: takeHome.stage, to: 'take-home' });
      await kit.event(takeHome.id, 'note', hoursAgo(source, 40), { text: 'Sent the take-home.' });
      const offered = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Ola Offer' })).id });
      await makeInterview(source, offered.id, { kind: 'onsite', interviewerIds: [(await source.tokenFor('interviewer')).userId], scheduledAt: hoursAgo(source, 30), final: true });
      const offer = await makeOffer(source, offered.id);
      const current = await source.call('GET', `/api/v1/offers/${offer.id}`, { token: source.ownerToken });
      await expectOk(source.call('PUT', `/api/v1/offers/${offer.id}`, { token: source.ownerToken, body: terms({ base: 230_000 }), headers: { 'if-match': current.headers.etag as string } }), 200, 'version 2');
      await expectOk(source.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: source.ownerToken }), 200, 'submit');
      clock.advanceHours(5);
      await expectOk(source.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: approver.token, body: {} }), 200, 'approve');
      clock.advanceHours(20);
      x = await exportOf(source);

      // The Settings download, as one file, through the import's API: upload, dry run, run.
      const download = JSON.stringify(x);
      const job = (await empty.call('POST', '/api/v1/imports', { token: empty.ownerToken, body: { system: 'closer' } })).json() as ImportJobView;
      const up = await empty.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/files?name=closer-export.json`, headers: { authorization: `Bearer ${empty.ownerToken}`, 'content-type': 'application/json' }, payload: download });
      expect(up.statusCode).toBe(200);
      expect((await empty.call('POST', `/api/v1/imports/${job.id}/dry-run`, { token: empty.ownerToken })).statusCode).toBe(202);
      await settledImport(job.id);
      const checked = (await empty.call('GET', `/api/v1/imports/${job.id}`, { token: empty.ownerToken })).json() as ImportJobView;
      expect(checked.dryRun!.stages.filter((s) => s.mappedTo === null)).toEqual([]);
      // The role's own stage is a stage to map to (the review offers it) and is where its application goes.
      // Stages go by id; the review shows the names the roles' plans give them, never the ids.
      expect(checked.dryRun!.stages).toContainEqual({ name: 'take-home', label: 'Take-home project', mappedTo: 'take-home' });
      expect(checked.dryRun!.stages.every((s) => s.label !== undefined)).toBe(true);
      expect(checked.closerStages).toContainEqual({ id: 'take-home', name: 'Take-home project' });
      expect((await empty.call('POST', `/api/v1/imports/${job.id}/run`, { token: empty.ownerToken })).statusCode).toBe(202);
      await settledImport(job.id);
      expect(((await empty.call('GET', `/api/v1/imports/${job.id}`, { token: empty.ownerToken })).json() as ImportJobView).status).toBe('done');
      y = await exportOf(empty);
    });
    afterAll(async () => {
      await source.close();
      await empty.close();
    });

    it('keeps the company settings, the role plan and clock settings, and candidates with their creation times', () => {
      // The exporting company's time zone is written into business hours that named none.
      expect(y.pipelineSettings[0]!.overrides).toEqual({ clocks: { hours: { ...BUSINESS_HOURS.hours, timeZone: x.company[0]!.timeZone } } });
      expect(y.pipelineSettings[0]!.effective).toEqual(x.pipelineSettings[0]!.effective);
      expect(y.pipelineSettings[0]!.effective.clocks.hours).toMatchObject({ mode: 'business', start: '09:00', end: '17:00' });
      const role = (v: CompanyExportView) => v.roles.find((r) => r.title === 'Research Engineer')!;
      expect([role(y).processPlan, role(y).clockOverrides]).toEqual([role(x).processPlan, role(x).clockOverrides]);
      const people = (v: CompanyExportView) => v.candidates.map((c) => [c.name, c.createdAt, c.source, c.archivedAt]).sort();
      expect(people(y).filter((p) => p[3] !== null).map((p) => p[0])).toEqual(['Arne Archived']);
      expect(people(y)).toEqual(people(x));
    });

    it('gives every application the same stage history, clock levels and deadlines, and risk at the same time', async () => {
      const name = (v: CompanyExportView) => new Map(v.candidates.map((c) => [c.id, c.name]));
      const [was, now] = [name(x), name(y)];
      expect(y.applications).toHaveLength(x.applications.length);
      // The restored events (and the clocks they start) name the new interview and offer records.
      const renames = await closerRenames(empty);
      expect([...renames.values()].every((id) => y.interviews.some((i) => i.id === id) || y.importedOffers.some((o) => o.id === id))).toBe(true);
      for (const a of x.applications) {
        const twin = y.applications.find((b) => now.get(b.candidateId) === was.get(a.candidateId))!;
        expect(answers(await detail(empty, twin.id)), was.get(a.candidateId)).toEqual(withRenames(answers(await detail(source, a.id)), renames));
      }
      const tove = y.applications.find((b) => now.get(b.candidateId) === 'Tove Take-home')!;
      expect(tove.stage).toBe('take-home');
      // The role's 30 calendar hours are 10 working hours of an 8-hour day.
      expect(tove.clocks.find((c) => c.id === 'stage.idle')).toMatchObject({ targetHours: 10, basis: 'business' });
    });

    it('brings the offers with their versions and approvals, the imported feedback, and the same funnel', async () => {
      const own = x.offers[0]!;
      const moved = y.importedOffers.find((o) => o.system === 'closer' && o.externalId === own.id)!;
      expect(moved).toMatchObject({ status: 'approved', currentVersion: 2, approvals: [expect.objectContaining({ status: 'approved' })] });
      expect(moved.versions.map((v) => [v.version, v.base, v.currency])).toEqual([[1, 200_000, 'USD'], [2, 230_000, 'USD']]);
      const imported = (v: CompanyExportView) => v.importedOffers.filter((o) => o.system === 'greenhouse').map(({ id: _id, applicationId: _a, ...o }) => o).sort((a, b) => a.externalId.localeCompare(b.externalId));
      expect(imported(y)).toEqual(imported(x));
      expect(x.importedFeedback.length).toBeGreaterThan(0);
      const feedback = (v: CompanyExportView) => v.importedFeedback.map(({ id: _id, applicationId: _a, ...f }) => f).sort((a, b) => a.externalId.localeCompare(b.externalId));
      expect(feedback(y)).toEqual(feedback(x));
      const funnel = async (h: Harness) => ((await h.call('GET', '/api/v1/reports/funnel', { token: h.ownerToken })).json() as { applications: number; data: unknown });
      const [before, after] = [await funnel(source), await funnel(empty)];
      expect(before.applications).toBe(x.applications.length);
      expect(after).toEqual(before);
    });

    // The document does not depend on the database: built once (it takes a while), with the first dialect.
    if (dialect === dialects[0]) it('is in OpenAPI: the export with every entity, and each step of an import (upload, dry run, mapping, run, poll, report)', async () => {
      const doc = (await empty.call('GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }> }>> };
      const exported = doc.paths['/api/v1/export']?.get?.responses?.['200']?.content?.['application/json']?.schema?.properties ?? {};
      expect(Object.keys(exported)).toEqual(expect.arrayContaining(['format', 'version', 'counts', ...EXPORT_ENTITIES]));
      for (const [path, method] of [['/api/v1/imports', 'post'], ['/api/v1/imports', 'get'], ['/api/v1/imports/{id}', 'get'], ['/api/v1/imports/{id}/files', 'post'], ['/api/v1/imports/{id}/dry-run', 'post'], ['/api/v1/imports/{id}/stage-mapping', 'put'], ['/api/v1/imports/{id}/run', 'post'], ['/api/v1/imports/{id}/report', 'get']] as const) {
        expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      }
    });

    it('carries the links of the first import: the Greenhouse files imported again create nothing', async () => {
      expect(y.importLinks.filter((l) => l.system === 'greenhouse').length).toBe(x.importLinks.filter((l) => l.system === 'greenhouse').length);
      const before = await rows(empty);
      const report = await applyImportBatch(empty.store, await owner(empty), randomUUID(), greenhouse, mappingOf(greenhouse), clock.now);
      for (const [entity, c] of Object.entries(report.counts)) expect([entity, c.create, c.merge]).toEqual([entity, 0, 0]);
      expect(await rows(empty)).toEqual(before);
    });
  });
}
