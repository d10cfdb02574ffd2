import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { runWrite } from '../../plugins/idempotency.js';
import { changePipelineSettings, readPipelineSettings } from '../../services/pipeline-settings.js';
import { errorResponses, WriteErrors } from '../../../api/shared.js';
import { PipelineSettingsBody, PipelineSettingsView } from '../../../api/pipeline-settings.js';
import { presentPipelineSettings } from './presenter.js';

/** The company's clock and risk settings: GET for everyone who sees Today, PUT for owners and admins. */
export function registerPipelineSettingsRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/pipeline/settings', {
    preValidation: requireAction('today.read'),
    schema: { tags: ['today'], response: { 200: PipelineSettingsView, ...errorResponses } },
  }, async () => presentPipelineSettings(await readPipelineSettings(ctx.store.db)));

  app.put('/api/v1/pipeline/settings', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['today'], body: PipelineSettingsBody, response: { 200: PipelineSettingsView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const settings = await changePipelineSettings(tx, request.auth!.user, request.body, ctx.now());
      return { status: 200, body: presentPipelineSettings(settings) };
    }),
  );
}
