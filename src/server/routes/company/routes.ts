import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { getCompany, recordAudit, updateCompany } from '../../../storage/index.js';
import type { Company } from '../../../storage/index.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { reprojectForSettings } from '../../services/projections.js';
import { COMPANY_STAGES, CompanyEquityFigures, CompanyProfile } from '../../../domain/company/company.js';
import { can } from '../../../domain/access/policy.js';
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
  version: z.number().int(),
  /** The figures offers are built on; only for viewers who may read compensation (never interviewers). */
  lastPostMoney: z.number().int().nullable().optional(),
  fullyDilutedShares: z.number().int().nullable().optional(),
  strikePrice: z.number().nullable().optional(),
});

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

const writeErrors = { ...errorResponses, 412: errorResponses[409], 428: errorResponses[409] };

function present(c: Company, viewer: { role: string }): z.infer<typeof CompanyView> {
  const view: z.infer<typeof CompanyView> = { id: c.id, name: c.name, stage: c.stage as z.infer<typeof CompanyView>['stage'], raisedUsd: c.raisedUsd, headcount: c.headcount, aiTeamSize: c.aiTeamSize, currency: c.currency, timeZone: c.timeZone, isDemo: c.isDemo, version: c.version };
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
    schema: { tags: ['company'], body: CompanyPatchBody, response: { 200: CompanyView, ...writeErrors } },
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
