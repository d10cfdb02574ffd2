import type { FastifyReply } from 'fastify';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import {
  cancelInterview,
  changeInterview,
  completeInterview,
  createInterview,
  describeInterviews,
  getInterviewDetail,
  getInterviewInvite,
  getOnsiteInvite,
  getRoleTemplate,
  listVisibleInterviews,
  scheduleOnsite,
  type InviteFile,
} from '../../services/interviews.js';
import { requireApplication } from '../../services/applications.js';
import { errorResponses, IdParams, NoBody, pageWindow, PreconditionErrors } from '../../../api/shared.js';
import { presentTemplate } from '../shared/template-presenter.js';
import { presentInterview, presentInterviewDetail } from './presenter.js';
import { InterviewCompleteBody, InterviewCreateBody, InterviewDetailView, InterviewListQuery, InterviewListView, InterviewPatchBody, InviteQuery, OnsiteCreateBody, OnsiteCreatedView, RoleTemplateView } from '../../../api/interviews.js';


/** Sends an invite as `text/calendar` (RFC 5545 with its iTIP method), as a download, never cached. */
function sendInvite(reply: FastifyReply, file: InviteFile): FastifyReply {
  return reply
    .type(`text/calendar; charset=utf-8; method=${file.method}`)
    .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .header('Cache-Control', 'no-store')
    .send(file.text);
}

export function registerInterviewRoutes(app: App, ctx: ServerContext): void {
  app.post('/api/v1/applications/:id/interviews', {
    preValidation: requireAction('interviews.write'),
    schema: { tags: ['interviews'], params: IdParams, body: InterviewCreateBody, response: { 201: InterviewDetailView, ...PreconditionErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const interview = await createInterview(tx, request.auth!.user, request.params.id, request.body, ctx.now());
      const detail = await getInterviewDetail(tx, request.auth!.user, interview.id);
      return { status: 201, body: presentInterviewDetail(detail), version: interview.version };
    }),
  );

  app.post('/api/v1/applications/:id/onsites', {
    preValidation: requireAction('interviews.write'),
    schema: {
      tags: ['interviews'],
      params: IdParams,
      body: OnsiteCreateBody,
      response: { 201: OnsiteCreatedView, ...PreconditionErrors },
    },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const { onsiteId, interviews } = await scheduleOnsite(tx, request.auth!.user, request.params.id, request.body, ctx.now());
      const details = await describeInterviews(tx, request.auth!.user, interviews);
      return { status: 201, body: { onsiteId, interviews: details.map(presentInterviewDetail) } };
    }),
  );

  app.get('/api/v1/onsites/:id/invite.ics', {
    preValidation: requireAction('interviews.read-all'),
    schema: { tags: ['interviews'], params: IdParams, response: { ...errorResponses } },
  }, async (request, reply) => sendInvite(reply, await getOnsiteInvite(ctx.store.db, request.auth!.user, request.params.id)));

  app.get('/api/v1/interviews/:id/invite.ics', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], params: IdParams, querystring: InviteQuery, response: { ...errorResponses } },
  }, async (request, reply) => sendInvite(reply, await getInterviewInvite(ctx.store.db, request.auth!.user, request.params.id, request.query.for)));

  app.get('/api/v1/applications/:id/interviews', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], params: IdParams, querystring: InterviewListQuery.omit({ applicationId: true }), response: { 200: InterviewListView, ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    await requireApplication(ctx.store.db, request.params.id);
    const items = await listVisibleInterviews(ctx.store.db, request.auth!.user, { applicationId: request.params.id, status: q.status, mine: q.mine === 'true', ...pageWindow(q) });
    return { items: items.map(presentInterview) };
  });

  app.get('/api/v1/interviews', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], querystring: InterviewListQuery, response: { 200: InterviewListView, ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    const items = await listVisibleInterviews(ctx.store.db, request.auth!.user, { applicationId: q.applicationId, status: q.status, mine: q.mine === 'true', ...pageWindow(q) });
    return { items: items.map(presentInterview) };
  });

  app.get('/api/v1/interviews/:id', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], params: IdParams, response: { 200: InterviewDetailView, ...errorResponses } },
  }, async (request, reply) => {
    const detail = await getInterviewDetail(ctx.store.db, request.auth!.user, request.params.id);
    setEtag(reply, detail.interview.version);
    return presentInterviewDetail(detail);
  });

  app.patch('/api/v1/interviews/:id', {
    preValidation: requireAction('interviews.write'),
    schema: { tags: ['interviews'], params: IdParams, body: InterviewPatchBody, response: { 200: InterviewDetailView, ...PreconditionErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const interview = await changeInterview(tx, request.auth!.user, request.params.id, expected, request.body, ctx.now());
      return { status: 200, body: presentInterviewDetail(await getInterviewDetail(tx, request.auth!.user, interview.id)), version: interview.version };
    });
  });

  app.post('/api/v1/interviews/:id/complete', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], params: IdParams, body: InterviewCompleteBody, response: { 200: InterviewDetailView, ...PreconditionErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const interview = await completeInterview(tx, request.auth!.user, request.params.id, ctx.now(), request.body?.occurredAt);
      return { status: 200, body: presentInterviewDetail(await getInterviewDetail(tx, request.auth!.user, interview.id)), version: interview.version };
    }),
  );

  app.post('/api/v1/interviews/:id/cancel', {
    preValidation: requireAction('interviews.write'),
    schema: { tags: ['interviews'], params: IdParams, body: NoBody, response: { 200: InterviewDetailView, ...PreconditionErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const interview = await cancelInterview(tx, request.auth!.user, request.params.id, expected, ctx.now());
      return { status: 200, body: presentInterviewDetail(await getInterviewDetail(tx, request.auth!.user, interview.id)), version: interview.version };
    });
  });

  app.get('/api/v1/roles/:id/scorecard-template', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], params: IdParams, response: { 200: RoleTemplateView, ...errorResponses } },
  }, async (request) => {
    const { role, template } = await getRoleTemplate(ctx.store.db, request.params.id);
    return { roleId: role.id, template: presentTemplate(template) };
  });
}
