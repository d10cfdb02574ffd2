import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../domain/access/policy.js';
import { InboundEmail } from '../../../domain/outreach/index.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import {
  activateSequence,
  changeTemplate,
  checkOptOutToken,
  completeTaskStep,
  createSequence,
  createTemplate,
  enrollProspects,
  findEnrollments,
  findSequences,
  findTemplates,
  readInboundSecret,
  optOut,
  pauseSequence,
  previewTemplate,
  readEnrollment,
  readSequence,
  readTemplate,
  receiveInboundEmail,
  rotateInboundSecret,
  stopEnrollment,
} from '../../services/sequences.js';
import { errorResponses, IdParams, PreconditionErrors, WriteErrors } from '../../../api/shared.js';
import {
  AudienceQuery,
  EnrollBody,
  EnrollmentListView,
  EnrollmentView,
  EnrollResultView,
  InboundResultView,
  InboundSecretView,
  SequenceCreateBody,
  SequenceDetailView,
  SequenceListView,
  TaskCompleteBody,
  TemplateCreateBody,
  TemplateLintView,
  TemplateListView,
  TemplatePatchBody,
  TemplatePreviewBody,
  TemplatePreviewView,
  TemplateView,
} from '../../../api/sequences.js';
import { lintOutreachTemplate } from '../../../domain/outreach/index.js';
import { presentEnrollments, presentLint, presentSequence, presentSequenceDetail, presentTemplate } from './presenter.js';
import { renderOptOutConfirm, renderOptOutDone, renderOptOutProblem } from './pages.js';

/** The public opt-out pages, for the access matrix: method and URL pattern. */
export const PUBLIC_OPT_OUT_ROUTES = ['GET /o/:token', 'POST /o/:token'] as const;

const INBOUND_PATH = '/api/v1/inbound/email';
const SIGNATURE_HEADER = 'x-closer-signature';

/**
 * Outreach sequences (docs/sequences.md): templates, sequences, enrollments and manual task steps under
 * sourcing.read / sourcing.write (interviewers have neither); the inbound e-mail webhook (a shared-secret HMAC
 * signature instead of a sign-in) and its secret (owners only); the public one-click opt-out pages at /o/:token.
 */
export function registerSequenceRoutes(app: App, ctx: ServerContext): void {
  /* ---------------------------------------------------------------- templates */

  app.get('/api/v1/templates', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], querystring: AudienceQuery, response: { 200: TemplateListView, ...errorResponses } },
  }, async (request) => ({ items: (await findTemplates(ctx.store.db)).map((t) => presentTemplate(t, request.query.audience)) }));

  app.post('/api/v1/templates', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sequences'], body: TemplateCreateBody, response: { 201: TemplateView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const template = await createTemplate(tx, request.auth!.user, request.body, ctx.now());
      return { status: 201, body: presentTemplate(template), version: template.version };
    }),
  );

  app.get('/api/v1/templates/:id', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], params: IdParams, querystring: AudienceQuery, response: { 200: TemplateView, ...errorResponses } },
  }, async (request, reply) => {
    const template = await readTemplate(ctx.store.db, request.params.id);
    setEtag(reply, template.version);
    return presentTemplate(template, request.query.audience);
  });

  app.patch('/api/v1/templates/:id', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sequences'], params: IdParams, body: TemplatePatchBody, response: { 200: TemplateView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const template = await changeTemplate(tx, request.auth!.user, request.params.id, expected, request.body, ctx.now());
      return { status: 200, body: presentTemplate(template), version: template.version };
    });
  });

  app.get('/api/v1/templates/:id/lint', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], params: IdParams, querystring: AudienceQuery, response: { 200: TemplateLintView, ...errorResponses } },
  }, async (request) => {
    const template = await readTemplate(ctx.store.db, request.params.id);
    const audience = request.query.audience ?? 'passive';
    return presentLint(lintOutreachTemplate(template, audience), audience);
  });

  app.post('/api/v1/templates/:id/preview', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], params: IdParams, body: TemplatePreviewBody, response: { 200: TemplatePreviewView, ...errorResponses } },
  }, async (request) => {
    const p = await previewTemplate(ctx.store.db, request.params.id, request.body, can(request.auth!.user.role, 'compensation.read'));
    return { templateId: p.template.id, prospectId: p.prospectId, subject: p.subject, body: p.body, missing: p.missing, hidden: p.hidden, lint: presentLint(p.lint, p.audience) };
  });

  /* ---------------------------------------------------------------- sequences */

  app.get('/api/v1/sequences', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], response: { 200: SequenceListView, ...errorResponses } },
  }, async () => ({ items: (await findSequences(ctx.store.db)).map(presentSequence) }));

  app.post('/api/v1/sequences', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sequences'], body: SequenceCreateBody, response: { 201: SequenceDetailView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const created = await createSequence(tx, request.auth!.user, request.body, ctx.now());
      return { status: 201, body: presentSequenceDetail(await readSequence(tx, created.id)), version: created.version };
    }),
  );

  app.get('/api/v1/sequences/:id', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], params: IdParams, response: { 200: SequenceDetailView, ...errorResponses } },
  }, async (request, reply) => {
    const sequence = await readSequence(ctx.store.db, request.params.id);
    setEtag(reply, sequence.version);
    return presentSequenceDetail(sequence);
  });

  for (const [path, change] of [['activate', activateSequence], ['pause', pauseSequence]] as const) {
    app.post(`/api/v1/sequences/:id/${path}`, {
      preValidation: requireAction('sourcing.write'),
      schema: { tags: ['sequences'], params: IdParams, response: { 200: SequenceDetailView, ...WriteErrors } },
    }, async (request, reply) => {
      const expected = requireIfMatch(request);
      return runWrite(ctx, request, reply, async (tx) => {
        const moved = await change(tx, request.auth!.user, request.params.id, expected, ctx.now());
        return { status: 200, body: presentSequenceDetail(await readSequence(tx, moved.id)), version: moved.version };
      });
    });
  }

  /* ---------------------------------------------------------------- enrollments */

  app.post('/api/v1/sequences/:id/enrollments', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sequences'], params: IdParams, body: EnrollBody, response: { 200: EnrollResultView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const r = await enrollProspects(tx, request.auth!.user, request.params.id, request.body.prospectIds, ctx.now());
      const skipped = new Map(r.skipped.map((s) => [s.prospectId, s.reason]));
      const results = request.body.prospectIds.map((prospectId) => {
        const reason = skipped.get(prospectId);
        const outcome = reason === undefined ? 'enrolled' : reason === 'already-enrolled' ? 'already' : reason === 'closed' ? 'not-eligible' : 'suppressed';
        return { prospectId, outcome: outcome as 'enrolled' | 'already' | 'suppressed' | 'not-eligible', reason: reason ?? null };
      });
      return { status: 200, body: { sequenceId: request.params.id, results, enrolled: r.enrolled.length } };
    }),
  );

  app.get('/api/v1/sequences/:id/enrollments', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], params: IdParams, response: { 200: EnrollmentListView, ...errorResponses } },
  }, async (request) => ({ items: presentEnrollments(await findEnrollments(ctx.store.db, { sequenceId: request.params.id })) }));

  app.get('/api/v1/prospects/:id/enrollments', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], params: IdParams, response: { 200: EnrollmentListView, ...errorResponses } },
  }, async (request) => ({ items: presentEnrollments(await findEnrollments(ctx.store.db, { prospectId: request.params.id })) }));

  // The pool page shows each person's place in their sequences: one indexed read instead of every sequence's list.
  app.get('/api/v1/pools/:id/enrollments', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], params: IdParams, response: { 200: EnrollmentListView, ...errorResponses } },
  }, async (request) => ({ items: presentEnrollments(await findEnrollments(ctx.store.db, { poolId: request.params.id })) }));

  app.get('/api/v1/enrollments/:id', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sequences'], params: IdParams, response: { 200: EnrollmentView, ...errorResponses } },
  }, async (request, reply) => {
    const [view] = presentEnrollments(await readEnrollment(ctx.store.db, request.params.id));
    setEtag(reply, view!.version);
    return view!;
  });

  app.post('/api/v1/enrollments/:id/stop', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sequences'], params: IdParams, response: { 200: EnrollmentView, ...PreconditionErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const [view] = presentEnrollments(await stopEnrollment(tx, request.auth!.user, request.params.id, expected, ctx.now()));
      return { status: 200, body: view!, version: view!.version };
    });
  });

  app.post('/api/v1/enrollments/:id/complete-task', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sequences'], params: IdParams, body: TaskCompleteBody, response: { 200: EnrollmentView, ...PreconditionErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const [view] = presentEnrollments(await completeTaskStep(tx, request.auth!.user, request.params.id, expected, ctx.now(), request.body?.note));
      return { status: 200, body: view!, version: view!.version };
    });
  });

  /* ---------------------------------------------------------------- inbound e-mail */

  const secretView = (secret: string) => ({ secret, header: 'X-Closer-Signature', scheme: 'sha256=<hex HMAC-SHA256 of the raw body>', path: INBOUND_PATH });

  app.get('/api/v1/inbound/secret', {
    preValidation: requireAction('outreach.inbound-secret'),
    schema: { tags: ['sequences'], response: { 200: InboundSecretView, ...errorResponses } },
  }, async () => secretView(await readInboundSecret(ctx.store, ctx.now())));

  app.post('/api/v1/inbound/secret/rotate', {
    preValidation: requireAction('outreach.inbound-secret'),
    schema: { tags: ['sequences'], response: { 200: InboundSecretView, ...errorResponses } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => ({ status: 200, body: secretView(await rotateInboundSecret(tx, request.auth!.user, ctx.now())) })),
  );

  // The webhook reads its body as the raw text the signature was made over; the schema documents it, and the
  // service checks the signature first, then the body (so a bad signature is a 401 whatever the body).
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, String(body)));
    scope.addContentTypeParser('*', (_request, _payload, done) => done(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON with Content-Type: application/json.'), undefined));
    scope.post(INBOUND_PATH, {
      validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidatorCompiler(route as unknown as Parameters<typeof zodValidatorCompiler>[0])),
      schema: { tags: ['sequences'], body: InboundEmail as unknown as z.ZodType<unknown>, response: { 200: InboundResultView, ...errorResponses } },
    }, async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const header = request.headers[SIGNATURE_HEADER];
      const outcome = await receiveInboundEmail(ctx.store, raw, Array.isArray(header) ? header[0] : header, ctx.now());
      if (outcome.outcome === 'unauthorized') throw new DomainError('INBOUND_SIGNATURE_INVALID', 'The X-Closer-Signature header is missing or does not match the body.', 'X-Closer-Signature');
      if (outcome.outcome === 'invalid') throw new DomainError('VALIDATION_FAILED', outcome.message, outcome.field);
      return reply.status(200).send({ outcome: outcome.outcome });
    });
  });

  /* ---------------------------------------------------------------- the public opt-out */

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // RFC 8058 one-click: the mail client posts `List-Unsubscribe=One-Click` (urlencoded or multipart); the body says
    // nothing more, so it is read and dropped.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (_request, _body, done) => done(null, undefined));
    const send = (reply: FastifyReply, status: number, html: string) => reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
    scope.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'opt-out page failed');
      return send(reply, status, status >= 500 ? 'Something went wrong on our side. Try again in a moment.' : 'This request could not be read.');
    });
    const Params = z.strictObject({ token: z.string().max(200) });
    scope.get('/o/:token', { schema: { hide: true, params: Params } }, async (request, reply) => {
      const check = await checkOptOutToken(ctx.store, request.params.token);
      if (check.state !== 'valid') return send(reply, check.state === 'malformed' ? 400 : 404, renderOptOutProblem(check.companyName, check.state === 'malformed' ? 400 : 404));
      return send(reply, 200, renderOptOutConfirm(check.companyName, request.params.token));
    });
    scope.post('/o/:token', { schema: { hide: true, params: Params } }, async (request, reply) => {
      const check = await checkOptOutToken(ctx.store, request.params.token);
      if (check.state !== 'valid') return send(reply, check.state === 'malformed' ? 400 : 404, renderOptOutProblem(check.companyName, check.state === 'malformed' ? 400 : 404));
      await optOut(ctx.store, request.params.token, ctx.now());
      return send(reply, 200, renderOptOutDone(check.companyName));
    });
  });
}
