import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { getNextStep } from '../../services/next-step.js';
import { errorResponses, IdParams } from '../../../api/shared.js';
import { NextStepView } from '../../../api/next-step.js';

export function registerNextStepRoutes(app: App, ctx: ServerContext): void {
  // Everyone who reads applications; the rule itself keeps offers and pay from viewers without offers.read.
  app.get('/api/v1/applications/:id/next-step', {
    preValidation: requireAction('applications.read'),
    schema: { tags: ['applications'], params: IdParams, response: { 200: NextStepView, ...errorResponses } },
  }, async (request) => getNextStep(ctx.store.db, request.auth!.user, request.params.id, ctx.now()));
}
