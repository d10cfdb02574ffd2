import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { changeCompany, readCompany } from '../../services/company.js';
import { CompanyPatchBody, CompanyView } from '../../../api/company.js';
import { errorResponses, PreconditionErrors } from '../../../api/shared.js';
import { presentCompany } from './presenter.js';

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
    schema: { tags: ['company'], body: CompanyPatchBody, response: { 200: CompanyView, ...PreconditionErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const updated = await changeCompany(tx, request.auth!.user, expected, request.body, ctx.now());
      return { status: 200, body: presentCompany(updated, request.auth!.user), version: updated.version };
    });
  });
}
