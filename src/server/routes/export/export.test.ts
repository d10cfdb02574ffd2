import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { DEFAULT_BAND } from '../../../test-support/offer-fixtures.js';
import { COMPANY_EXPORT_TABLES } from '../../../storage/index.js';
import type { CompanyExportView } from '../../../api/export.js';

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
      await kit.event(app.id, 'note', hoursAgo(h, 2), { text: 'exported note' });
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
