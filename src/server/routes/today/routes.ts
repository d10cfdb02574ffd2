import { UNDO_WINDOW_MS } from '../../../domain/pipeline/index.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { runWrite } from '../../plugins/idempotency.js';
import { computePersonalToday, recordTodayAction, undoTodayMark } from '../../services/today.js';
import { computeNurtureToday } from '../../services/sourcing.js';
import { can } from '../../../domain/access/policy.js';
import { presentEvent } from '../shared/event-presenter.js';
import { errorResponses, IdParams, PAGE_EXCEPTIONS, pageWindow, WriteErrors } from '../../../api/shared.js';
import { presentMark, presentToday } from './presenter.js';
import { TodayActionBody, TodayActionResultView, TodayQuery, TodayUndoBody, TodayUndoView, TodayView } from '../../../api/today.js';
import { registerPipelineSettingsRoutes } from './settings.js';

export function registerTodayRoutes(app: App, ctx: ServerContext): void {
  registerPipelineSettingsRoutes(app, ctx);

  app.get('/api/v1/today', {
    preValidation: requireAction('today.read'),
    schema: { tags: ['today'], querystring: TodayQuery, response: { 200: TodayView, ...errorResponses } },
  }, async (request) => {
    const { limit } = pageWindow(request.query, PAGE_EXCEPTIONS.today);
    const now = ctx.now();
    const user = request.auth!.user;
    const offset = request.query.cursor === undefined ? 0 : Number(request.query.cursor);
    const today = await computePersonalToday(ctx.store.db, user, request.query.scope ?? 'mine', now, offset + limit);
    const view = presentToday(today, { offset, limit }, now, UNDO_WINDOW_MS / 1000);
    // Sourcing's nurture items (issue 13): a separate, small query; absent when there are none.
    const sourcing = can(user.role, 'sourcing.read') ? await computeNurtureToday(ctx.store.db, now) : [];
    return sourcing.length > 0 ? { ...view, sourcing } : view;
  });

  app.post('/api/v1/today/actions', {
    preValidation: requireAction('applications.write'),
    schema: { tags: ['today'], body: TodayActionBody, response: { 201: TodayActionResultView, ...WriteErrors } },
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
      body: TodayUndoBody,
      response: { 200: TodayUndoView, ...WriteErrors },
    },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const undone = await undoTodayMark(tx, request.auth!.user, request.params.id, ctx.now());
      return { status: 200, body: { markId: undone.markId, eventId: undone.eventId, retractionId: undone.retraction.id } };
    }),
  );
}
