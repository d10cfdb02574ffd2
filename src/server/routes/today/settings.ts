import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { runWrite } from '../../plugins/idempotency.js';
import { companyPipelineSettings, putPipelineSettings } from '../../services/pipeline.js';
import { PipelineSettingsResolver } from '../../services/pipeline-views.js';
import { getCompany, type Company } from '../../../storage/index.js';
import { errorResponses, WriteErrors } from '../../../api/shared.js';
import { SIGNAL_TYPES } from '../../../domain/pipeline/index.js';
import { PipelineSettingsBody, PipelineSettingsView } from '../../../api/pipeline-settings.js';

function presentSettings(company: Company | undefined): PipelineSettingsView {
  const resolver = new PipelineSettingsResolver(company);
  const clocks = resolver.clocksFor({ id: '', clockOverrides: {} });
  const risk = resolver.risk;
  const stored = companyPipelineSettings(company?.settings);
  return {
    overrides: { ...(stored.clocks !== undefined ? { clocks: stored.clocks } : {}), ...(stored.risk !== undefined ? { risk: stored.risk } : {}) },
    effective: {
      clocks: { targets: clocks.targets, hours: clocks.hours as Record<string, unknown> },
      risk: {
        weights: Object.fromEntries(SIGNAL_TYPES.map((t) => [t, risk.signals[t].weight])) as Record<(typeof SIGNAL_TYPES)[number], number>,
        halfLifeDays: risk.halfLifeDays,
        levels: risk.levels,
        engagementReplies: risk.engagementReplies,
      },
    },
  };
}

/** The company's clock and risk settings: GET for everyone who sees Today, PUT for owners and admins. */
export function registerPipelineSettingsRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/pipeline/settings', {
    preValidation: requireAction('today.read'),
    schema: { tags: ['today'], response: { 200: PipelineSettingsView, ...errorResponses } },
  }, async () => presentSettings(await getCompany(ctx.store.db)));

  app.put('/api/v1/pipeline/settings', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['today'], body: PipelineSettingsBody, response: { 200: PipelineSettingsView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const company = await putPipelineSettings(tx, request.auth!.user, request.body, ctx.now());
      return { status: 200, body: presentSettings(company) };
    }),
  );
}
