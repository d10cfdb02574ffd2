import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.js';
import { captureIo } from '../../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { DEFAULT_BAND } from '../../../test-support/offer-fixtures.js';
import { COMPANY_EXPORT_TABLES } from '../../../storage/index.js';
import type { CompanyExportView } from '../../../api/export.js';
import { parseCloser } from '../../../domain/imports/closer.js';
import { fileFromText } from '../../../test-support/import-files.js';

for (const dialect of dialectsUnderTest()) {
  describe(`GET /api/v1/export [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    it('gives owners and admins every record of the company without secrets, and audits the export', async () => {
      const kit = pipelineKit(h);
      const role = await kit.ok('POST', '/api/v1/roles', { title: 'Export role', seniority: 'senior', specializations: ['mlops'], band: DEFAULT_BAND });
      const candidate = await kit.ok('POST', '/api/v1/candidates', { name: 'Zoë =cmd|calc', email: 'zoe.export@example.com', source: 'referral' });
      const app = await kit.application({ candidateId: candidate.id, roleId: role.id });
      h.clock.advanceHours(5);
      await kit.event(app.id, 'note', hoursAgo(h, 3), { text: 'exported note' });
      const screenAt = hoursAgo(h, 2);
      await kit.event(app.id, 'stage.changed', screenAt, { from: app.stage, to: 'screen' });
      const admin = await h.tokenFor('admin');

      const res = await h.call('GET', '/api/v1/export', { token: admin.token });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toContain('no-store');
      const x = res.json() as CompanyExportView;
      expect(x.format).toBe('closer-company-export');
      expect(Object.keys(x.tables)).toEqual([...COMPANY_EXPORT_TABLES]);
      expect(x.tables.roles.map((r) => r.id)).toContain(role.id);
      expect(x.tables.candidates.find((c) => c.id === candidate.id)).toMatchObject({ name: 'Zoë =cmd|calc', email: 'zoe.export@example.com' });
      expect(x.tables.applications.map((a) => a.id)).toContain(app.id);
      expect(x.tables.application_events.some((e) => e.application_id === app.id)).toBe(true);
      expect(x.tables.audit_log.length).toBeGreaterThan(0);
      for (const u of x.tables.users) {
        expect(u).not.toHaveProperty('password_hash');
        expect(u).not.toHaveProperty('totp_secret');
      }

      const audit = (await h.call('GET', '/api/v1/export', { token: h.ownerToken })).json() as CompanyExportView;
      expect(audit.tables.audit_log.filter((e) => e.action === 'company.exported' && e.actor_id === admin.userId)).toHaveLength(1);

      // The export read back as an import: the same people, applications and stage history with its real times.
      const batch = await parseCloser(Object.entries(x.tables).map(([table, rows]) => fileFromText(`export/${table}.json`, JSON.stringify(rows, null, 2), 257)));
      expect(batch.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(batch.candidates).toHaveLength(x.tables.candidates.filter((c) => !c.merged_into_id).length);
      expect(batch.applications).toHaveLength(x.tables.applications.length);
      expect(batch.roles.map((r) => r.externalId)).toContain(role.id);
      const imported = batch.applications.find((a) => a.externalId === app.id)!;
      expect(imported).toMatchObject({ externalSystem: 'closer', candidateExternalId: candidate.id, roleExternalId: role.id, status: 'active', currentStageExternalId: 'screen' });
      expect(imported.stageHistory).toEqual([
        { stageExternalId: app.stage, at: new Date(String(x.tables.applications.find((a) => a.id === app.id)!.created_at)).toISOString() },
        { stageExternalId: 'screen', at: new Date(screenAt).toISOString() },
      ]);
      expect(batch.candidates.find((c) => c.externalId === candidate.id)).toMatchObject({ name: 'Zoë =cmd|calc', email: 'zoe.export@example.com' });
    });

    it('closer export --out DIR writes JSON and CSV per table through the API', async () => {
      const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const dir = mkdtempSync(join(tmpdir(), 'closer-export-'));
      try {
        const io = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
        expect(await main(['export', '--out', dir, '--json'], io)).toBe(0);
        const summary = JSON.parse(io.out()) as { counts: Record<string, number> };
        expect(Object.keys(summary.counts)).toEqual([...COMPANY_EXPORT_TABLES]);
        const rows = JSON.parse(readFileSync(join(dir, 'candidates.json'), 'utf8')) as { name: string }[];
        expect(rows).toHaveLength(summary.counts.candidates);
        const csv = readFileSync(join(dir, 'candidates.csv'), 'utf8');
        expect(csv.split('\r\n')[0]).toContain('name');
        expect(csv).toContain('Zoë =cmd|calc');
        expect(existsSync(join(dir, 'audit_log.csv'))).toBe(true);
        const noDir = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
        expect(await main(['export'], noDir)).toBe(2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses interviewers, recruiters and anonymous callers', async () => {
      for (const role of ['interviewer', 'recruiter', 'hiring-manager', 'approver'] as const) {
        const { token } = await h.tokenFor(role);
        const res = await h.call('GET', '/api/v1/export', { token });
        expect(res.statusCode).toBe(403);
      }
      expect((await h.call('GET', '/api/v1/export', {})).statusCode).toBe(401);
    });
  });
}
