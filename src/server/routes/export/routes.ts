import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { exportCompany } from '../../services/company-export.js';
import { errorResponses } from '../../../api/shared.js';
import { CompanyExportView } from '../../../api/export.js';
import { presentCompanyExport } from '../shared/export-presenter.js';

/** The company's full export as one JSON document; `closer export --out DIR` writes it as JSON and CSV per entity. */
export function registerExportRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/export', {
    preValidation: requireAction('company.export'),
    schema: {
      tags: ['export'],
      description: 'Every record of the company, one array per entity in the shapes of its own API route (applications with their events, clocks and risk; offers with versions and approvals), with the audit log (owners and admins). Audited.',
      response: { 200: CompanyExportView, ...errorResponses },
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    const at = ctx.now();
    reply.header('Content-Disposition', `attachment; filename="closer-export-${at.toISOString().slice(0, 10)}.json"`);
    return presentCompanyExport(await exportCompany(ctx.store, request.auth!.user, at));
  });
}
