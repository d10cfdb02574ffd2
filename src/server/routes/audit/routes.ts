import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { listAudit } from '../../../storage/index.js';
import { errorResponses } from '../common-schemas.js';

const AuditView = z.object({ id: z.string(), at: z.string(), actorId: z.string().nullable(), action: z.string(), entity: z.string(), entityId: z.string(), fields: z.array(z.string()) });

export function registerAuditRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/audit', {
    preValidation: requireAction('audit.read'),
    schema: {
      tags: ['audit'],
      querystring: z.strictObject({ limit: z.string().regex(/^\d{1,4}$/).optional(), entity: z.string().max(64).optional(), entityId: z.string().max(64).optional() }),
      response: { 200: z.object({ items: z.array(AuditView) }), ...errorResponses },
    },
  }, async (request) => {
    const limit = Math.min(Number(request.query.limit ?? 100), 1000);
    const items = await listAudit(ctx.store.db, { limit, entity: request.query.entity, entityId: request.query.entityId });
    return { items: items.map(({ seq: _seq, ...rest }) => rest) };
  });
}
