import { z } from 'zod';
import { ClockSettingsOverride, RiskSettingsOverride, SIGNAL_TYPES } from '../../../domain/pipeline/index.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { runWrite } from '../../plugins/idempotency.js';
import { companyPipelineSettings, putPipelineSettings } from '../../services/pipeline.js';
import { PipelineSettingsResolver } from '../../services/pipeline-views.js';
import { getCompany, type Company } from '../../../storage/index.js';
import { errorResponses, WriteErrors } from '../../../api/shared.js';

export const PipelineSettingsBody = z.strictObject({ clocks: ClockSettingsOverride.optional(), risk: RiskSettingsOverride.optional() });

const PipelineSettingsView = z.object({
  /** What the company changed (as stored). */
  overrides: z.object({ clocks: z.unknown().optional(), risk: z.unknown().optional() }),
  /** The result over the defaults: what every role without its own overrides uses. */
  effective: z.object({
    clocks: z.object({ targets: z.record(z.string(), z.object({ warningHours: z.number(), criticalHours: z.number() })), hours: z.record(z.string(), z.unknown()) }),
    risk: z.object({
      weights: z.record(z.enum(SIGNAL_TYPES), z.number()),
      halfLifeDays: z.number(),
      levels: z.object({ medium: z.number(), high: z.number(), critical: z.number() }),
      engagementReplies: z.number(),
    }),
  }),
});

function presentSettings(company: Company | undefined): z.infer<typeof PipelineSettingsView> {
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
