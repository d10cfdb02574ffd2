import { HealthUnavailableView, HealthView } from '../../../api/health.js';
import type { App, ServerContext } from '../../context.js';
import { databaseIsUp } from '../../services/health.js';

export function registerHealthRoutes(app: App, ctx: ServerContext): void {
  app.get('/healthz', {
    schema: { tags: ['health'], response: { 200: HealthView, 503: HealthUnavailableView } },
  }, async (_request, reply) => {
    const up = await databaseIsUp(ctx.store);
    if (!up) return reply.status(503).send({ status: 'unavailable' as const, database: ctx.store.dialect });
    return { status: 'ok' as const, database: ctx.store.dialect };
  });
}
