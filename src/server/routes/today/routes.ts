import { z } from 'zod';
import { CLOCK_IDS } from '../../../domain/pipeline/index.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { computeToday } from '../../services/pipeline-views.js';
import '../../services/pipeline-demo.js';
import { errorResponses } from '../common-schemas.js';
import { QueryInt } from '../candidates/schema.js';
import { registerPipelineSettingsRoutes } from './settings.js';

export const TodayItemView = z.object({
  applicationId: z.string(),
  candidateName: z.string(),
  roleTitle: z.string(),
  kind: z.enum(['clock', 'risk']),
  /** The clock id, or 'risk'. */
  id: z.union([z.enum(CLOCK_IDS), z.literal('risk')]),
  level: z.enum(['warning', 'critical', 'high']),
  action: z.string(),
  /** Unique per item: application, kind, clock and its subject. */
  key: z.string(),
  /** Clock items: hours run and the warning / critical times. */
  elapsedHours: z.number().optional(),
  targetHours: z.number().optional(),
  criticalHours: z.number().optional(),
  /** Risk items: the score and, with a competing offer, hours to its deadline. */
  score: z.number().optional(),
  hoursToDeadline: z.number().optional(),
});
export const TodayView = z.object({ items: z.array(TodayItemView), total: z.number().int(), activeApplications: z.number().int(), at: z.string() });

export function registerTodayRoutes(app: App, ctx: ServerContext): void {
  registerPipelineSettingsRoutes(app, ctx);

  app.get('/api/v1/today', {
    preValidation: requireAction('today.read'),
    schema: { tags: ['today'], querystring: z.strictObject({ limit: QueryInt.optional() }), response: { 200: TodayView, ...errorResponses } },
  }, async (request) => {
    const limit = request.query.limit === undefined ? 500 : Number(request.query.limit);
    if (limit < 1 || limit > 10_000) throw new DomainError('VALIDATION_FAILED', 'limit is a whole number from 1 to 10000.', 'limit');
    const now = ctx.now();
    const today = await computeToday(ctx.store.db, now, limit);
    return {
      items: today.items.map((item) => {
        const base = { applicationId: item.applicationId, candidateName: item.candidateName, roleTitle: item.roleTitle, kind: item.kind, id: item.id, level: item.level, action: item.action, key: item.key };
        if (item.kind === 'clock') return { ...base, elapsedHours: item.clock.elapsedHours, targetHours: item.clock.targetHours, criticalHours: item.clock.criticalHours };
        return item.hoursToDeadline === undefined ? { ...base, score: item.risk.score } : { ...base, score: item.risk.score, hoursToDeadline: item.hoursToDeadline };
      }),
      total: today.total,
      activeApplications: today.activeApplications,
      at: now.toISOString(),
    };
  });
}
