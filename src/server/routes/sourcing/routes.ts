import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import {
  addProspect,
  changePool,
  changeProspect,
  convertProspect,
  createPool,
  DuplicateProspectError,
  findPoolProspects,
  findPools,
  importProspects,
  ImportRefusedError,
  readPool,
  computePoolReach,
  computeRoleReach,
  readProspect,
  recordProspectEvent,
} from '../../services/sourcing.js';
import { ErrorResponse, errorResponses, IdParams, pageWindow, WriteErrors } from '../../../api/shared.js';
import {
  PoolCreateBody,
  PoolListView,
  PoolPatchBody,
  PoolView,
  ProspectConvertBody,
  ProspectConvertedView,
  ProspectCreateBody,
  ProspectDetailView,
  ProspectDuplicateResponse,
  ProspectEventCreateBody,
  ProspectEventRecordedView,
  ProspectImportBody,
  ProspectImportRefused,
  ProspectImportReport,
  ProspectListQuery,
  ProspectListView,
  ProspectPatchBody,
  ProspectView,
  ReachView,
} from '../../../api/sourcing.js';
import { presentConvertedApplication, presentPool, presentProspect, presentProspectEvent } from './presenter.js';

/** Talent pools and prospects (docs/sourcing.md). Interviewers have neither action, so they see no pools. */
export function registerSourcingRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/pools', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sourcing'], response: { 200: PoolListView, ...errorResponses } },
  }, async () => ({ items: (await findPools(ctx.store.db)).map(presentPool) }));

  app.post('/api/v1/pools', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sourcing'], body: PoolCreateBody, response: { 201: PoolView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const pool = await createPool(tx, request.auth!.user, request.body, ctx.now());
      return { status: 201, body: presentPool(pool), version: pool.version };
    }),
  );

  app.get('/api/v1/pools/:id', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sourcing'], params: IdParams, response: { 200: PoolView, ...errorResponses } },
  }, async (request, reply) => {
    const pool = await readPool(ctx.store.db, request.params.id);
    setEtag(reply, pool.version);
    return presentPool(pool);
  });

  app.patch('/api/v1/pools/:id', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sourcing'], params: IdParams, body: PoolPatchBody, response: { 200: PoolView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const pool = await changePool(tx, request.auth!.user, request.params.id, expected, request.body, ctx.now());
      return { status: 200, body: presentPool(pool), version: pool.version };
    });
  });

  app.get('/api/v1/pools/:id/prospects', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sourcing'], params: IdParams, querystring: ProspectListQuery, response: { 200: ProspectListView, ...errorResponses } },
  }, async (request) => {
    const { limit, offset } = pageWindow(request.query);
    const page = await findPoolProspects(ctx.store.db, request.params.id, { ...(request.query.status ? { status: request.query.status } : {}), limit, offset });
    return { items: page.items.map(presentProspect), total: page.total };
  });

  app.post('/api/v1/pools/:id/prospects', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sourcing'], params: IdParams, body: ProspectCreateBody, response: { 201: ProspectView, ...WriteErrors, 409: ProspectDuplicateResponse.or(ErrorResponse) } },
  }, async (request, reply) => {
    try {
      return await runWrite(ctx, request, reply, async (tx) => {
        const prospect = await addProspect(tx, request.auth!.user, request.params.id, request.body, ctx.now());
        return { status: 201, body: presentProspect(prospect), version: prospect.version };
      });
    } catch (error) {
      if (!(error instanceof DuplicateProspectError)) throw error;
      return reply.status(409).send({
        code: error.code,
        message: error.message,
        field: error.field,
        details: { matches: error.matches.map((m) => ({ candidate: { id: m.candidate.id, name: m.candidate.name, email: m.candidate.email, links: m.candidate.links, currentEmployer: m.candidate.currentEmployer }, reasons: m.reasons })) },
      });
    }
  });

  app.post('/api/v1/pools/:id/prospects/import', {
    preValidation: requireAction('sourcing.write'),
    bodyLimit: 6_000_000,
    schema: { tags: ['sourcing'], params: IdParams, body: ProspectImportBody, response: { 200: ProspectImportReport, ...WriteErrors, 422: ProspectImportRefused.or(ErrorResponse) } },
  }, async (request, reply) => {
    try {
      return await runWrite(ctx, request, reply, async (tx) => {
        const report = await importProspects(tx, request.auth!.user, request.params.id, request.body, ctx.now());
        return { status: 200, body: report };
      });
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      return reply.status(422).send({ code: error.code, message: error.message, field: error.field, details: { report: error.report } });
    }
  });

  app.get('/api/v1/prospects/:id', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sourcing'], params: IdParams, response: { 200: ProspectDetailView, ...errorResponses } },
  }, async (request, reply) => {
    const { prospect, events } = await readProspect(ctx.store.db, request.params.id);
    setEtag(reply, prospect.version);
    return { ...presentProspect(prospect), events: events.map(presentProspectEvent) };
  });

  app.patch('/api/v1/prospects/:id', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sourcing'], params: IdParams, body: ProspectPatchBody, response: { 200: ProspectView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const prospect = await changeProspect(tx, request.auth!.user, request.params.id, expected, request.body, ctx.now());
      return { status: 200, body: presentProspect(prospect), version: prospect.version };
    });
  });

  app.post('/api/v1/prospects/:id/events', {
    preValidation: requireAction('sourcing.write'),
    // The schema documents the body; the domain's parseProspectEventInput checks it (with the injected clock) for the stable codes.
    validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidatorCompiler(route as unknown as Parameters<typeof zodValidatorCompiler>[0])),
    schema: { tags: ['sourcing'], params: IdParams, body: ProspectEventCreateBody, response: { 201: ProspectEventRecordedView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const { event, prospect } = await recordProspectEvent(tx, request.auth!.user.id, request.params.id, request.body, ctx.now());
      const view = (await readProspect(tx, prospect.id)).prospect;
      return { status: 201, body: { event: presentProspectEvent(event), prospect: presentProspect(view) }, version: view.version };
    }),
  );

  app.post('/api/v1/prospects/:id/convert', {
    preValidation: requireAction('sourcing.write'),
    schema: { tags: ['sourcing'], params: IdParams, body: ProspectConvertBody, response: { 201: ProspectConvertedView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const r = await convertProspect(tx, request.auth!.user, request.params.id, request.body, ctx.now());
      return { status: 201, body: { application: presentConvertedApplication(r.application), prospect: presentProspect(r.prospect), copiedEvents: r.copiedEvents }, version: r.prospect.version };
    }),
  );

  app.get('/api/v1/pools/:id/reach', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sourcing'], params: IdParams, response: { 200: ReachView, ...errorResponses } },
  }, async (request) => {
    const { pool, reach } = await computePoolReach(ctx.store.db, request.params.id);
    return { subject: { kind: 'pool' as const, id: pool.id, name: pool.name }, ...reach };
  });

  app.get('/api/v1/roles/:id/reach', {
    preValidation: requireAction('sourcing.read'),
    schema: { tags: ['sourcing'], params: IdParams, response: { 200: ReachView, ...errorResponses } },
  }, async (request) => {
    const { role, reach } = await computeRoleReach(ctx.store.db, request.params.id);
    return { subject: { kind: 'role' as const, id: role.id, name: role.title }, ...reach };
  });
}
