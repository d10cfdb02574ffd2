import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.js';
import { captureIo } from '../../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, testClock, type Harness } from '../../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { makeInterview, makeOffer, makePipeline } from '../../../test-support/offer-fixtures.js';
import { EXPORT_ENTITIES, type CompanyExportView } from '../../../api/export.js';
import type { ApplicationDetailView } from '../../../api/applications.js';
import type { ImportJobView } from '../../../api/imports.js';
import { parseCloser } from '../../../domain/imports/closer.js';
import { fileFromText, filesFromDir } from '../../../test-support/import-files.js';
import { settledImport } from '../../services/imports.js';
import { closerRenames, withRenames } from '../../../test-support/export-renames.js';

/** What a user sees of an application: where it is, its clocks and its risk (ids differ between workspaces). */
function answers(d: ApplicationDetailView) {
  return { stage: d.stage, status: d.status, lossReason: d.lossReason, closedAt: d.closedAt, lastEventAt: d.lastEventAt, firstContactAt: d.firstContactAt, clocks: d.clocks, risk: d.risk, events: d.events.map((e) => [e.type, e.occurredAt, e.data]) };
}

for (const dialect of dialectsUnderTest()) {
  describe(`GET /api/v1/export [${dialect.name}]`, () => {
    const clock = testClock();
    let h: Harness;
    let x: CompanyExportView;
    let download: string;
    let ids: { role: string; candidate: string; active: string; lost: string; offered: string; offer: string; interview: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore(), { clock });
      const kit = pipelineKit(h);
      const { role, candidate, application } = await makePipeline(h, { candidate: { name: 'Zoë =cmd|calc', email: 'zoe.export@example.com', source: 'referral' } });
      clock.advanceHours(30);
      await kit.event(application.id, 'note', hoursAgo(h, 28), { text: '=HYPERLINK("http://x") said hi' });
      await kit.event(application.id, 'stage.changed', hoursAgo(h, 26), { from: application.stage, to: 'screen' });
      const lost = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Łukasz Lost' })).id });
      await kit.event(lost.id, 'stage.changed', hoursAgo(h, 20), { from: lost.stage, to: 'technical' });
      await kit.event(lost.id, 'application.closed', hoursAgo(h, 10), { status: 'lost', lossReason: 'compensation' });
      const offered = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Olu Offer' })).id });
      const interviewer = await h.tokenFor('interviewer');
      const interview = await makeInterview(h, offered.id, { kind: 'onsite', interviewerIds: [interviewer.userId], scheduledAt: hoursAgo(h, 5), final: true });
      const offer = await makeOffer(h, offered.id);
      clock.advanceHours(3);
      ids = { role: role.id, candidate: candidate.id, active: application.id, lost: lost.id, offered: offered.id, offer: offer.id, interview: interview.id };
      const res = await h.call('GET', '/api/v1/export', { token: (await h.tokenFor('admin')).token });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.headers['content-disposition']).toContain('attachment');
      download = res.body;
      x = res.json() as CompanyExportView;
    });
    afterAll(async () => h.close());

    it('gives owners and admins every entity in its API shape, without secrets, and audits the export', async () => {
      expect(x).toMatchObject({ format: 'closer-company-export', version: 2 });
      expect(Object.keys(x)).toEqual(['format', 'version', 'exportedAt', 'counts', ...EXPORT_ENTITIES]);
      for (const e of EXPORT_ENTITIES) expect(x.counts[e]).toBe(x[e].length);
      const e = x;
      expect(e.company).toHaveLength(1);
      expect(e.roles.find((r) => r.id === ids.role)?.band).toMatchObject({ currency: 'USD' });
      expect(e.roleBands.map((b) => b.roleId)).toContain(ids.role);
      expect(e.candidates.find((c) => c.id === ids.candidate)).toMatchObject({ name: 'Zoë =cmd|calc', email: 'zoe.export@example.com', source: 'referral' });
      const active = e.applications.find((a) => a.id === ids.active)!;
      expect(active.stage).toBe('screen');
      expect(active.events.map((ev) => ev.type)).toEqual(expect.arrayContaining(['note', 'stage.changed']));
      expect(active.clocks.length).toBeGreaterThan(0);
      expect(active.risk).toHaveProperty('level');
      expect(e.interviews.map((i) => i.id)).toContain(ids.interview);
      expect(e.offers.find((o) => o.id === ids.offer)).toMatchObject({ applicationId: ids.offered, base: 200_000, currency: 'USD' });
      expect(e.offerVersions.filter((v) => v.offerId === ids.offer).map((v) => v.version)).toEqual([1]);
      expect(e.auditLog.length).toBeGreaterThan(0);
      expect(e.auditLog.at(-1)).toMatchObject({ action: 'company.exported', entity: 'company' });
      expect(Date.parse(e.auditLog[0]!.at)).toBeLessThanOrEqual(Date.parse(e.auditLog.at(-1)!.at));
      const text = JSON.stringify(x);
      expect(text).not.toContain('correct horse battery'); // the owner's password
      expect(text).not.toContain(h.ownerToken);
      expect(text).not.toMatch(/"(passwordHash|password_hash|totpSecret|totp_secret|secret|tokenHash)"/);
      for (const u of e.users) expect(Object.keys(u).sort()).toEqual(['createdAt', 'disabled', 'email', 'id', 'mfaEnabled', 'name', 'role', 'version']);
    });

    it('refuses interviewers, recruiters and anonymous callers', async () => {
      for (const role of ['interviewer', 'recruiter', 'hiring-manager', 'approver'] as const) {
        const { token } = await h.tokenFor(role);
        expect((await h.call('GET', '/api/v1/export', { token })).statusCode).toBe(403);
      }
      expect((await h.call('GET', '/api/v1/export', {})).statusCode).toBe(401);
    });

    it('closer export --out DIR writes JSON and formula-escaped CSV per entity, the audit log and a manifest', async () => {
      const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const dir = mkdtempSync(join(tmpdir(), 'closer-export-'));
      try {
        const io = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
        expect(await main(['export', '--out', dir, '--json'], io)).toBe(0);
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: number; counts: Record<string, number>; files: string[] };
        expect(manifest.version).toBe(2);
        expect(Object.keys(manifest.counts)).toEqual([...EXPORT_ENTITIES]);
        for (const f of manifest.files) expect(existsSync(join(dir, f))).toBe(true);
        const rows = JSON.parse(readFileSync(join(dir, 'candidates.json'), 'utf8')) as { name: string }[];
        expect(rows).toHaveLength(manifest.counts.candidates);
        // The folder reads back as an import source: every application, with the offer and the interview.
        const fromDir = await parseCloser(filesFromDir(dir));
        expect(fromDir.applications.map((a) => a.externalId).sort()).toEqual(x.applications.map((a) => a.id).sort());
        expect([fromDir.offers.length, fromDir.interviews.length]).toEqual([1, 1]);
        const csv = readFileSync(join(dir, 'candidates.csv'), 'utf8');
        expect(csv.split('\r\n')[0]).toContain('name');
        expect(csv).toContain('Zoë =cmd|calc');
        // A cell that starts like a formula is text in a spreadsheet: the note event inside applications.csv too.
        expect(readFileSync(join(dir, 'applications.csv'), 'utf8')).not.toMatch(/(^|,)=/m);
        expect(readFileSync(join(dir, 'auditLog.csv'), 'utf8')).toContain('company.exported');
        const noDir = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
        expect(await main(['export'], noDir)).toBe(2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('imported into an empty Closer, the export gives the same applications, stage history, clocks and risks; interviews and offers come in once', async () => {
      const files = EXPORT_ENTITIES.map((e) => ({ name: `${e}.json`, text: JSON.stringify(x[e]) }));
      const batch = await parseCloser(files.map((f) => fileFromText(f.name, f.text, 997)));
      expect(batch.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(batch.interviews.map((i) => i.externalId)).toContain(ids.interview);
      expect(batch.offers.find((o) => o.externalId === ids.offer)).toMatchObject({ applicationExternalId: ids.offered, status: 'draft', versions: [expect.objectContaining({ version: 1, base: { amount: 200_000, currency: 'USD' } })] });
      expect(batch.applications.find((a) => a.externalId === ids.lost)).toMatchObject({ status: 'rejected', rejectionReason: 'compensation' });

      const empty = await createHarness(await dialect.createStore(), { clock });
      try {
        const created = (await empty.call('POST', '/api/v1/imports', { token: empty.ownerToken, body: { system: 'closer' } })).json() as ImportJobView;
        // The Settings download as it is: one file.
        const up = await empty.app.inject({ method: 'POST', url: `/api/v1/imports/${created.id}/files?name=closer-export.json`, headers: { authorization: `Bearer ${empty.ownerToken}`, 'content-type': 'application/json' }, payload: download });
        expect(up.statusCode).toBe(200);
        expect((await empty.call('POST', `/api/v1/imports/${created.id}/dry-run`, { token: empty.ownerToken })).statusCode).toBe(202);
        await settledImport(created.id);
        const checked = (await empty.call('GET', `/api/v1/imports/${created.id}`, { token: empty.ownerToken })).json() as ImportJobView;
        expect(checked.dryRun!.stages.filter((s) => s.mappedTo === null)).toEqual([]);
        expect(checked.dryRun!.counts.applications.create).toBe(x.applications.length);
        // Interviews and offers come in as records too, their events once (from the application's own timeline).
        expect(checked.dryRun!.counts.offers.create).toBe(x.offers.length);
        expect(checked.dryRun!.counts.interviews.create).toBe(x.interviews.length);
        expect((await empty.call('POST', `/api/v1/imports/${created.id}/run`, { token: empty.ownerToken })).statusCode).toBe(202);
        await settledImport(created.id);
        expect(((await empty.call('GET', `/api/v1/imports/${created.id}`, { token: empty.ownerToken })).json() as ImportJobView).status).toBe('done');

        // The restored events name the new interview and offer records.
        const renames = await closerRenames(empty);
        expect(renames.size).toBe(x.interviews.length + x.offers.length);
        const candidates = new Map(x.candidates.map((c) => [c.id, c.name]));
        const after = ((await empty.call('GET', '/api/v1/applications?limit=100', { token: empty.ownerToken })).json() as { items: { id: string; candidateId: string }[] }).items;
        const names = new Map(((await empty.call('GET', '/api/v1/candidates?limit=100', { token: empty.ownerToken })).json() as { items: { id: string; name: string }[] }).items.map((c) => [c.id, c.name]));
        expect(after).toHaveLength(x.applications.length);
        for (const before of x.applications) {
          const match = after.find((a) => names.get(a.candidateId) === candidates.get(before.candidateId))!;
          const now = (await empty.call('GET', `/api/v1/applications/${match.id}`, { token: empty.ownerToken })).json() as ApplicationDetailView;
          expect(answers(now), candidates.get(before.candidateId)).toEqual(withRenames(answers(before), renames));
        }
      } finally {
        await empty.close();
      }
    });
  });
}
