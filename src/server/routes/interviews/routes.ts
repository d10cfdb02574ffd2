import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import {
  cancelInterview,
  changeInterview,
  completeInterview,
  createInterview,
  getInterviewDetail,
  getRoleTemplate,
  listVisibleInterviews,
} from '../../services/interviews.js';
import '../../services/interviews-demo.js';
import { getApplicationOrThrow } from '../../../storage/index.js';
import { errorResponses, IdParams } from '../common-schemas.js';
import { InterviewDetailView, InterviewView, presentInterview, presentInterviewDetail, presentTemplate, TemplateView } from './presenter.js';
import { InterviewCompleteBody, InterviewCreateBody, InterviewListQuery, InterviewPatchBody, pageWindow } from './schema.js';

const WriteErrors = { ...errorResponses, 412: errorResponses[409], 428: errorResponses[409] } as const;

export function registerInterviewRoutes(app: App, ctx: ServerContext): void {
  app.post('/api/v1/applications/:id/interviews', {
    preValidation: requireAction('interviews.write'),
    schema: { tags: ['interviews'], params: IdParams, body: InterviewCreateBody, response: { 201: InterviewDetailView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const interview = await createInterview(tx, request.auth!.user, request.params.id, request.body, ctx.now());
      const detail = await getInterviewDetail(tx, request.auth!.user, interview.id);
      return { status: 201, body: presentInterviewDetail(detail), version: interview.version };
    }),
  );

  app.get('/api/v1/applications/:id/interviews', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], params: IdParams, querystring: InterviewListQuery.omit({ applicationId: true }), response: { 200: z.object({ items: z.array(InterviewView) }), ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    await getApplicationOrThrow(ctx.store.db, request.params.id);
    const items = await listVisibleInterviews(ctx.store.db, request.auth!.user, { applicationId: request.params.id, status: q.status, mine: q.mine === 'true', ...pageWindow(q.limit, q.offset) });
    return { items: items.map(presentInterview) };
  });

  app.get('/api/v1/interviews', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], querystring: InterviewListQuery, response: { 200: z.object({ items: z.array(InterviewView) }), ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    const items = await listVisibleInterviews(ctx.store.db, request.auth!.user, { applicationId: q.applicationId, status: q.status, mine: q.mine === 'true', ...pageWindow(q.limit, q.offset) });
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
    schema: { tags: ['interviews'], params: IdParams, body: InterviewPatchBody, response: { 200: InterviewDetailView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const interview = await changeInterview(tx, request.auth!.user, request.params.id, expected, request.body, ctx.now());
      return { status: 200, body: presentInterviewDetail(await getInterviewDetail(tx, request.auth!.user, interview.id)), version: interview.version };
    });
  });

  app.post('/api/v1/interviews/:id/complete', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], params: IdParams, body: InterviewCompleteBody, response: { 200: InterviewDetailView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const interview = await completeInterview(tx, request.auth!.user, request.params.id, ctx.now(), request.body?.occurredAt);
      return { status: 200, body: presentInterviewDetail(await getInterviewDetail(tx, request.auth!.user, interview.id)), version: interview.version };
    }),
  );

  app.post('/api/v1/interviews/:id/cancel', {
    preValidation: requireAction('interviews.write'),
    schema: { tags: ['interviews'], params: IdParams, body: z.strictObject({}).nullish(), response: { 200: InterviewDetailView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const interview = await cancelInterview(tx, request.auth!.user, request.params.id, ctx.now());
      return { status: 200, body: presentInterviewDetail(await getInterviewDetail(tx, request.auth!.user, interview.id)), version: interview.version };
    }),
  );

  app.get('/api/v1/roles/:id/scorecard-template', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['interviews'], params: IdParams, response: { 200: z.object({ roleId: z.string(), template: TemplateView }), ...errorResponses } },
  }, async (request) => {
    const { role, template } = await getRoleTemplate(ctx.store.db, request.params.id);
    return { roleId: role.id, template: presentTemplate(template) };
  });
}
