import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { createApiToken, listTokensOf, revokeToken } from '../../services/accounts.js';
import { errorResponses, IdParams, NoContent } from '../../../api/shared.js';
import { TokenCreateBody, TokenCreatedView, TokenListView } from '../../../api/tokens.js';
import { presentToken } from './presenter.js';

export function registerTokenRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/tokens', {
    preValidation: requireAction('tokens.manage-own'),
    schema: { tags: ['tokens'], response: { 200: TokenListView, ...errorResponses } },
  }, async (request) => ({ items: (await listTokensOf(ctx.store, request.auth!.user.id)).map(presentToken) }));

  app.post('/api/v1/tokens', {
    preValidation: requireAction('tokens.manage-own'),
    schema: { tags: ['tokens'], body: TokenCreateBody, response: { 201: TokenCreatedView, ...errorResponses } },
  }, async (request, reply) => {
    const user = request.auth!.user;
    const { token, secret } = await createApiToken(ctx.store, user.id, user.id, request.body.name, ctx.now());
    return reply.status(201).send({ token: presentToken(token), secret });
  });

  app.delete('/api/v1/tokens/:id', {
    preValidation: requireAction('tokens.manage-own'),
    schema: { tags: ['tokens'], params: IdParams, response: { 204: NoContent, ...errorResponses } },
  }, async (request, reply) => {
    await revokeToken(ctx.store, request.auth!.user, request.params.id, ctx.now());
    return reply.status(204).send(null);
  });
}
