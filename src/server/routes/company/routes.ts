import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { getCompany, recordAudit, updateCompany } from '../../../storage/index.js';
import type { Company } from '../../../storage/index.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { reprojectForSettings } from '../../services/projections.js';
import { can } from '../../../domain/access/policy.js';
import { CompanyPatchBody, CompanyView } from '../../../api/company.js';
import { errorResponses, PreconditionErrors } from '../../../api/shared.js';

function present(c: Company, viewer: { role: string }): CompanyView {
  const view: CompanyView = { id: c.id, name: c.name, stage: c.stage as CompanyView['stage'], raisedUsd: c.raisedUsd, headcount: c.headcount, aiTeamSize: c.aiTeamSize, currency: c.currency, timeZone: c.timeZone, isDemo: c.isDemo, version: c.version };
  if (can(viewer.role, 'compensation.read')) Object.assign(view, { lastPostMoney: c.lastPostMoney, fullyDilutedShares: c.fullyDilutedShares, strikePrice: c.strikePrice });
  return view;
}

export function registerCompanyRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/company', {
    preValidation: requireAction('company.read'),
    schema: { tags: ['company'], response: { 200: CompanyView, ...errorResponses } },
  }, async (request, reply) => {
    const c = await getCompany(ctx.store.db);
    if (!c) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
    setEtag(reply, c.version);
    return present(c, request.auth!.user);
  });

  app.patch('/api/v1/company', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['company'], body: CompanyPatchBody, response: { 200: CompanyView, ...PreconditionErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const current = await getCompany(tx);
      if (!current) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
      const stale = () => new DomainError('PRECONDITION_FAILED', 'The company profile changed since you read it. Reload and try again.', 'If-Match');
      if (current.version !== expected) throw stale();
      const patch = request.body;
      const changed = (Object.keys(patch) as Array<keyof typeof patch>).filter((k) => patch[k] !== current[k]);
      const now = ctx.now();
      const updated = await updateCompany(tx, current.id, expected, patch, now);
      if (!updated) throw stale();
      // Business hours count in the company's time zone: a new zone moves when applications need attention.
      if (changed.includes('timeZone')) await reprojectForSettings(tx, now);
      await recordAudit(tx, { actorId: request.auth!.user.id, action: 'company.update', entity: 'company', entityId: current.id, fields: changed, at: now });
      return { status: 200, body: present(updated, request.auth!.user), version: updated.version };
    });
  });
}
