import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { readAuditFacets, readAuditPage } from '../../services/audit.js';
import { errorResponses, PAGE_EXCEPTIONS, pageWindow } from '../../../api/shared.js';
import { presentAuditFacets, presentAuditPage } from './presenter.js';
import { AuditFacetsView, AuditPageView, AuditQuery } from '../../../api/audit.js';

export function registerAuditRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/audit', {
    preValidation: requireAction('audit.read'),
    schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPageView, ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    const { limit } = pageWindow(q, PAGE_EXCEPTIONS.audit);
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
