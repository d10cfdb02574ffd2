import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { changeCompany, readCompany } from '../../services/company.js';
import { CompanyEquityFigures, CompanyProfile } from '../../../domain/company/company.js';
import { errorResponses, writeErrorResponses } from '../common-schemas.js';
import { CompanyView, presentCompany } from './presenter.js';

/** Any subset of the profile; defaults do not apply to a patch, so an omitted field stays as it is. */
const CompanyPatchBody = z
  .strictObject({
    name: CompanyProfile.shape.name,
    stage: CompanyProfile.shape.stage,
    raisedUsd: CompanyProfile.shape.raisedUsd,
    headcount: CompanyProfile.shape.headcount,
    aiTeamSize: CompanyProfile.shape.aiTeamSize,
    currency: z.string().regex(/^[A-Z]{3}$/),
    timeZone: CompanyProfile.shape.timeZone.unwrap(),
    ...CompanyEquityFigures.shape,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Send at least one field to change' });


export function registerCompanyRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/company', {
    preValidation: requireAction('company.read'),
    schema: { tags: ['company'], response: { 200: CompanyView, ...errorResponses } },
  }, async (request, reply) => {
    const c = await readCompany(ctx.store.db);
    setEtag(reply, c.version);
    return presentCompany(c, request.auth!.user);
  });

  app.patch('/api/v1/company', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['company'], body: CompanyPatchBody, response: { 200: CompanyView, ...writeErrorResponses } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const updated = await changeCompany(tx, request.auth!.user, expected, request.body, ctx.now());
      return { status: 200, body: presentCompany(updated, request.auth!.user), version: updated.version };
    });
  });
}
