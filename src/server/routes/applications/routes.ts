import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { presentedSerializerCompiler } from '../../plugins/serializer.js';
import { appendEvent, changeApplication, createApplication } from '../../services/pipeline.js';
import { findApplications, listApplicationEvents, readApplicationDetail } from '../../services/applications.js';
import { errorResponses, IdParams, PAGE_EXCEPTIONS, pageWindow, WriteErrors } from '../../../api/shared.js';
import { presentEvent } from '../shared/event-presenter.js';
import { presentApplication, presentApplicationDetail } from './presenter.js';
import { ApplicationCreateBody, ApplicationDetailView, ApplicationListQuery, ApplicationListView, ApplicationPatchBody, ApplicationView, EventCreateBody, EventListView, EventRecordedView } from '../../../api/applications.js';


export function registerApplicationRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/applications', {
    preValidation: requireAction('applications.read'),
    // The presenter builds each row field by field (typed as ApplicationView); the tests check the body against the schema.
    serializerCompiler: presentedSerializerCompiler,
    schema: { tags: ['applications'], querystring: ApplicationListQuery, response: { 200: ApplicationListView, ...errorResponses } },
  }, async (request) => {
    const { roleId, candidateId, status, limit, offset } = request.query;
    const items = await findApplications(ctx.store.db, { roleId, candidateId, status, ...pageWindow({ limit, offset }, PAGE_EXCEPTIONS.applications) });
    return { items: items.map(presentApplication) };
  });

  app.post('/api/v1/applications', {
    preValidation: requireAction('applications.write'),
    schema: { tags: ['applications'], body: ApplicationCreateBody, response: { 201: ApplicationView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const application = await createApplication(tx, request.auth!.user, request.body, ctx.now());
      return { status: 201, body: presentApplication(application), version: application.version };
    }),
  );

  app.get('/api/v1/applications/:id', {
    preValidation: requireAction('applications.read'),
    schema: { tags: ['applications'], params: IdParams, response: { 200: ApplicationDetailView, ...errorResponses } },
  }, async (request, reply) => {
    const { detail, names } = await readApplicationDetail(ctx.store.db, request.params.id, ctx.now());
    setEtag(reply, detail.application.version);
    return presentApplicationDetail(detail, names, request.auth!.user);
  });

  app.patch('/api/v1/applications/:id', {
    preValidation: requireAction('applications.write'),
    schema: { tags: ['applications'], params: IdParams, body: ApplicationPatchBody, response: { 200: ApplicationView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const application = await changeApplication(tx, request.auth!.user, request.params.id, expected, request.body, ctx.now());
      return { status: 200, body: presentApplication(application), version: application.version };
    });
  });

  app.get('/api/v1/applications/:id/events', {
    preValidation: requireAction('applications.read'),
    schema: { tags: ['applications'], params: IdParams, response: { 200: EventListView, ...errorResponses } },
  }, async (request) => {
    return { items: (await listApplicationEvents(ctx.store.db, request.params.id)).map((e) => presentEvent(e, request.auth!.user)) };
  });

  app.post('/api/v1/applications/:id/events', {
    preValidation: requireAction('applications.write'),
    // The schema documents the body; the domain's parseEventInput checks it (with the injected clock) for the stable codes.
    validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidatorCompiler(route as unknown as Parameters<typeof zodValidatorCompiler>[0])),
    schema: { tags: ['applications'], params: IdParams, body: EventCreateBody, response: { 201: EventRecordedView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const { event, application } = await appendEvent(tx, request.auth!.user, request.params.id, request.body as unknown, ctx.now());
      return { status: 201, body: { event: presentEvent(event, request.auth!.user), application: presentApplication(application) } };
    }),
  );
}
