import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { readOfferBandCheck, readRoleBands, removeRoleBand, setRoleBand } from '../../services/role-bands.js';
import { namesOfPeople } from '../../services/people.js';
import { errorResponses, IdParams, WriteErrors } from '../../../api/shared.js';
import { presentOfferBandCheck, presentRoleBands } from './presenter.js';
import { OfferBandCheckQuery, OfferBandCheckView, RoleBandBody, RoleBandsView, RoleStageParams } from '../../../api/role-bands.js';


/**
 * Board-approved bands per role and company funding stage (docs/api-pipeline.md "Bands"). Reading needs
 * compensation.read, so interviewers never see them; writing needs roles.write, under If-Match of the role.
 */
export function registerRoleBandRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/roles/:id/bands', {
    preValidation: requireAction('compensation.read'),
    schema: { tags: ['roles'], params: IdParams, response: { 200: RoleBandsView, ...errorResponses } },
  }, async (request, reply) => {
    const state = await readRoleBands(ctx.store.db, request.params.id);
    setEtag(reply, state.role.version);
    return presentRoleBands(state, await namesOfPeople(ctx.store.db));
  });

  app.put('/api/v1/roles/:id/bands/:stage', {
    preValidation: [requireAction('roles.write'), requireAction('compensation.read')],
    schema: { tags: ['roles'], params: RoleStageParams, body: RoleBandBody, response: { 200: RoleBandsView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const state = await setRoleBand(tx, request.auth!.user, request.params.id, request.params.stage, expected, request.body, ctx.now());
      return { status: 200, body: presentRoleBands(state, await namesOfPeople(tx)), version: state.role.version };
    });
  });

  app.delete('/api/v1/roles/:id/bands/:stage', {
    preValidation: [requireAction('roles.write'), requireAction('compensation.read')],
    schema: { tags: ['roles'], params: RoleStageParams, response: { 200: RoleBandsView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const state = await removeRoleBand(tx, request.auth!.user, request.params.id, request.params.stage, expected, ctx.now());
      return { status: 200, body: presentRoleBands(state, await namesOfPeople(tx)), version: state.role.version };
    });
  });

  app.get('/api/v1/offers/:id/band-check', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['offers'], params: IdParams, querystring: OfferBandCheckQuery, response: { 200: OfferBandCheckView, ...errorResponses } },
  }, async (request) => {
    const version = request.query.version === undefined ? undefined : Number(request.query.version);
    const check = await readOfferBandCheck(ctx.store.db, request.params.id, version);
    return presentOfferBandCheck(check, await namesOfPeople(ctx.store.db));
  });
}
