import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { openFileDirectory } from '../../services/file-store.js';
import { exportPerson, readConsent, setConsent } from '../../services/privacy.js';
import { changeRetention, readRetention, runRetentionNow, type RetentionState } from '../../services/retention.js';
import { describeRetention } from '../../../domain/privacy/retention.js';
import type { RetentionRun } from '../../services/records.js';
import { errorResponses, IdParams, NoBody, WriteErrors } from '../../../api/shared.js';
import { PersonExportView, RetentionBody, RetentionRunView, RetentionView, TalentPoolBody, TalentPoolView } from '../../../api/privacy.js';

function presentRun(r: RetentionRun): RetentionRunView {
  return {
    id: r.id,
    ranAt: r.ranAt,
    trigger: r.trigger === 'manual' ? 'manual' : 'schedule',
    rejectedAfterMonths: r.rejectedAfterMonths,
    cutoff: r.cutoff,
    candidatesErased: r.candidatesErased,
    applicationsErased: r.applicationsErased,
    keptForConsent: r.keptForConsent,
  };
}

function presentRetention(state: RetentionState): RetentionView {
  const months = state.settings.rejectedAfterMonths;
  return { rejectedAfterMonths: months, summary: describeRetention(months), updatedAt: state.settings.updatedAt, version: state.settings.version, runs: state.runs.map(presentRun) };
}

/**
 * Privacy rights (docs/privacy.md): a person's data export, their talent-pool consent, and the company's retention
 * rule with its runs. Erasure itself is `DELETE /api/v1/candidates/{id}`.
 */
export function registerPrivacyRoutes(app: App, ctx: ServerContext): void {
  const files = ctx.config.filesDir ? openFileDirectory(ctx.config.filesDir) : undefined;

  app.get('/api/v1/candidates/:id/export', {
    preValidation: requireAction('candidates.export'),
    schema: { tags: ['privacy'], description: 'Everything Closer holds about the person, as JSON (files base64).', params: IdParams, response: { 200: PersonExportView, ...errorResponses } },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    return exportPerson(ctx.store.db, request.params.id, ctx.now(), files);
  });

  app.get('/api/v1/candidates/:id/talent-pool', {
    preValidation: requireAction('candidates.read'),
    schema: { tags: ['privacy'], params: IdParams, response: { 200: TalentPoolView, ...errorResponses } },
  }, async (request, reply) => {
    const consent = await readConsent(ctx.store.db, request.params.id);
    setEtag(reply, consent.version);
    return consent;
  });

  app.put('/api/v1/candidates/:id/talent-pool', {
    preValidation: requireAction('candidates.write'),
    schema: { tags: ['privacy'], params: IdParams, body: TalentPoolBody, response: { 200: TalentPoolView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const r = await setConsent(tx, request.auth!.user.id, request.params.id, expected, request.body.consent, ctx.now());
      return { status: 200, body: { candidateId: r.id, consentAt: r.talentPoolConsentAt, version: r.version }, version: r.version };
    });
  });

  app.get('/api/v1/privacy/retention', {
    preValidation: requireAction('privacy.manage'),
    schema: { tags: ['privacy'], response: { 200: RetentionView, ...errorResponses } },
  }, async (_request, reply) => {
    const state = await readRetention(ctx.store.db);
    setEtag(reply, state.settings.version);
    return presentRetention(state);
  });

  app.put('/api/v1/privacy/retention', {
    preValidation: requireAction('privacy.manage'),
    schema: { tags: ['privacy'], body: RetentionBody, response: { 200: RetentionView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const state = await changeRetention(tx, request.auth!.user.id, expected, request.body.rejectedAfterMonths, ctx.now());
      return { status: 200, body: presentRetention(state), version: state.settings.version };
    });
  });

  app.post('/api/v1/privacy/retention/run', {
    preValidation: requireAction('privacy.manage'),
    schema: { tags: ['privacy'], body: NoBody, response: { 200: RetentionRunView, ...WriteErrors } },
  }, async (request) => presentRun(await runRetentionNow(ctx, request.auth!.user.id, files, ctx.now())));
}
