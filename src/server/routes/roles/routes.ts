import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { invalidateBoard } from '../../services/board-cache.js';
import { changeRole, createRole } from '../../services/pipeline.js';
import { computeBoard, computeSourceMix } from '../../services/pipeline-views.js';
import { findRoles, readRole } from '../../services/roles.js';
import { errorResponses, IdParams, WriteErrors } from '../../../api/shared.js';
import { presentBoard, presentRole, presentSourceMix } from './presenter.js';
import { BoardView, RoleCreateBody, RoleListQuery, RoleListView, RolePatchBody, RoleView, SourceMixView } from '../../../api/roles.js';


export function registerRoleRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/roles', {
    preValidation: requireAction('roles.read'),
    schema: { tags: ['roles'], querystring: RoleListQuery, response: { 200: RoleListView, ...errorResponses } },
  }, async (request) => {
    const roles = await findRoles(ctx.store.db, { status: request.query.status });
    return { items: roles.map((r) => presentRole(r, request.auth!.user)) };
  });

  app.post('/api/v1/roles', {
    preValidation: requireAction('roles.write'),
    schema: { tags: ['roles'], body: RoleCreateBody, response: { 201: RoleView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const role = await createRole(tx, request.auth!.user, request.body, ctx.now());
      return { status: 201, body: presentRole(role, request.auth!.user), version: role.version };
    }),
  );

  app.get('/api/v1/roles/:id', {
    preValidation: requireAction('roles.read'),
    schema: { tags: ['roles'], params: IdParams, response: { 200: RoleView, ...errorResponses } },
  }, async (request, reply) => {
    const role = await readRole(ctx.store.db, request.params.id);
    setEtag(reply, role.version);
    return presentRole(role, request.auth!.user);
  });

  app.patch('/api/v1/roles/:id', {
    preValidation: requireAction('roles.write'),
    schema: { tags: ['roles'], params: IdParams, body: RolePatchBody, response: { 200: RoleView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    const result = await runWrite(ctx, request, reply, async (tx) => {
      const role = await changeRole(tx, request.auth!.user, request.params.id, expected, request.body, ctx.now());
      return { status: 200, body: presentRole(role, request.auth!.user), version: role.version };
    });
    // The public board shows only open roles' postings, with their specializations: a closed (filled) role leaves it at once.
    invalidateBoard(ctx.store);
    return result;
  });

  app.get('/api/v1/roles/:id/board', {
    preValidation: requireAction('roles.read'),
    schema: { tags: ['roles'], params: IdParams, response: { 200: BoardView, ...errorResponses } },
  }, async (request) => {
    return presentBoard(await computeBoard(ctx.store.db, request.params.id, ctx.now()));
  });

  app.get('/api/v1/roles/:id/source-mix', {
    preValidation: requireAction('roles.read'),
    schema: { tags: ['roles'], params: IdParams, response: { 200: SourceMixView, ...errorResponses } },
  }, async (request) => {
    return presentSourceMix(await computeSourceMix(ctx.store.db, request.params.id));
  });
}
