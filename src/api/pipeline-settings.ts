import { z } from 'zod';
import { ClockSettingsOverride, RiskSettingsOverride, SIGNAL_TYPES } from '../domain/pipeline/index.js';

/** Request and response schemas of the company's pipeline settings: clock targets and risk weights (docs/api-pipeline.md). */

export const PipelineSettingsBody = z.strictObject({ clocks: ClockSettingsOverride.optional(), risk: RiskSettingsOverride.optional() });
export type PipelineSettingsBody = z.infer<typeof PipelineSettingsBody>;

export const PipelineSettingsView = z.object({
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
export type PipelineSettingsView = z.infer<typeof PipelineSettingsView>;
