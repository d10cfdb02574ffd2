import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { databaseIsUp } from '../../services/health.js';

export function registerHealthRoutes(app: App, ctx: ServerContext): void {
  app.get('/healthz', {
    schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }), 503: z.object({ status: z.literal('unavailable'), database: z.enum(['sqlite', 'postgres']) }) } },
  }, async (_request, reply) => {
    const up = await databaseIsUp(ctx.store);
    if (!up) return reply.status(503).send({ status: 'unavailable' as const, database: ctx.store.dialect });
    return { status: 'ok' as const, database: ctx.store.dialect };
  });
}
