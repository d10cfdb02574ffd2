import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { getCompany } from '../../../storage/index.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { COMPANY_STAGES } from '../../../domain/company/company.js';
import { errorResponses } from '../common-schemas.js';

export const CompanyView = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.enum(COMPANY_STAGES),
  raisedUsd: z.number().int(),
  headcount: z.number().int(),
  aiTeamSize: z.number().int(),
  currency: z.string(),
  timeZone: z.string(),
  isDemo: z.boolean(),
});

export function registerCompanyRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/company', {
    preValidation: requireAction('company.read'),
    schema: { tags: ['company'], response: { 200: CompanyView, ...errorResponses } },
  }, async () => {
    const c = await getCompany(ctx.store.db);
    if (!c) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
    return { id: c.id, name: c.name, stage: c.stage as z.infer<typeof CompanyView>['stage'], raisedUsd: c.raisedUsd, headcount: c.headcount, aiTeamSize: c.aiTeamSize, currency: c.currency, timeZone: c.timeZone, isDemo: c.isDemo };
  });
}
