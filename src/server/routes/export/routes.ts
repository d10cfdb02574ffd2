import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { exportCompany } from '../../services/company-export.js';
import { errorResponses } from '../../../api/shared.js';
import { CompanyExportView } from '../../../api/export.js';

/** The company's full export: `closer export --out DIR` writes it as JSON and CSV files per table. */
export function registerExportRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/export', {
    preValidation: requireAction('company.export'),
    schema: { tags: ['export'], description: 'Every record of the company, one array of rows per table, with the audit log (owners and admins). Audited.', response: { 200: CompanyExportView, ...errorResponses } },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    return exportCompany(ctx.store, request.auth!.user.id, ctx.now());
  });
}
