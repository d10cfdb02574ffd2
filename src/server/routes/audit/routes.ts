import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { readAuditFacets, readAuditPage } from '../../services/audit.js';
import { errorResponses } from '../common-schemas.js';
import { AuditFacetsView, AuditPageView, presentAuditFacets, presentAuditPage } from './presenter.js';
import { AuditQuery } from './schema.js';

export function registerAuditRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/audit', {
    preValidation: requireAction('audit.read'),
    schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPageView, ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    const limit = Math.max(1, Math.min(Number(q.limit ?? 100), 1000));
    const page = await readAuditPage(ctx.store.db, {
      entity: q.entity,
      entityId: q.entityId,
      actorId: q.actorId,
      action: q.action,
      from: q.from,
      to: q.to,
      beforeSeq: q.cursor === undefined ? undefined : Number(q.cursor),
      limit,
    });
    return presentAuditPage(page);
  });

  app.get('/api/v1/audit/facets', {
    preValidation: requireAction('audit.read'),
    schema: { tags: ['audit'], response: { 200: AuditFacetsView, ...errorResponses } },
  }, async () => presentAuditFacets(await readAuditFacets(ctx.store.db)));
}
