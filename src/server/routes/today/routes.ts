import { z } from 'zod';
import { TODAY_SCOPES, UNDO_WINDOW_MS } from '../../../domain/pipeline/index.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { runWrite } from '../../plugins/idempotency.js';
import '../../services/pipeline-demo.js';
import { computePersonalToday, recordTodayAction, undoTodayMark } from '../../services/today.js';
import { presentEvent } from '../shared/event-presenter.js';
import { EventView } from '../applications/schema.js';
import { QueryInt } from '../candidates/schema.js';
import { errorResponses, IdParams, writeErrorResponses } from '../common-schemas.js';
import { presentMark, presentToday, TodayMarkView, TodayView } from './presenter.js';
import { registerPipelineSettingsRoutes } from './settings.js';

export { TodayItemView, TodayView } from './presenter.js';

const TodayQuery = z.strictObject({ limit: QueryInt.optional(), scope: z.enum(TODAY_SCOPES).optional() });
const TodayActionBody = z.strictObject({ applicationId: z.string().min(1).max(64), key: z.string().min(1).max(1_000) });

export function registerTodayRoutes(app: App, ctx: ServerContext): void {
  registerPipelineSettingsRoutes(app, ctx);

  app.get('/api/v1/today', {
    preValidation: requireAction('today.read'),
    schema: { tags: ['today'], querystring: TodayQuery, response: { 200: TodayView, ...errorResponses } },
  }, async (request) => {
    const limit = request.query.limit === undefined ? 500 : Number(request.query.limit);
    if (limit < 1 || limit > 10_000) throw new DomainError('VALIDATION_FAILED', 'limit is a whole number from 1 to 10000.', 'limit');
    const now = ctx.now();
    const user = request.auth!.user;
    const today = await computePersonalToday(ctx.store.db, user, request.query.scope ?? 'mine', now);
    return presentToday(today, limit, now, UNDO_WINDOW_MS / 1000);
  });

  app.post('/api/v1/today/actions', {
    preValidation: requireAction('applications.write'),
    schema: { tags: ['today'], body: TodayActionBody, response: { 201: z.object({ mark: TodayMarkView, event: EventView }), ...writeErrorResponses } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const user = request.auth!.user;
      const { mark, event } = await recordTodayAction(tx, user, request.body, ctx.now());
      return { status: 201, body: { mark: presentMark(mark), event: presentEvent(event, user) } };
    }),
  );

  app.post('/api/v1/today/marks/:id/undo', {
    preValidation: requireAction('applications.write'),
    schema: {
      tags: ['today'],
      params: IdParams,
      body: z.strictObject({}).nullish(),
      response: { 200: z.object({ markId: z.string(), eventId: z.string(), retractionId: z.string() }), ...writeErrorResponses },
    },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const undone = await undoTodayMark(tx, request.auth!.user, request.params.id, ctx.now());
      return { status: 200, body: { markId: undone.markId, eventId: undone.eventId, retractionId: undone.retraction.id } };
    }),
  );
}
