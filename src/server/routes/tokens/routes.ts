import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { createApiToken, listTokensOf, revokeToken } from '../../services/accounts.js';
import { cleanText } from '../../../domain/company/company.js';
import { errorResponses, IdParams } from '../common-schemas.js';
import type { ApiTokenRecord } from '../../services/records.js';

const TokenView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });

function presentToken(t: ApiTokenRecord): z.infer<typeof TokenView> {
  return { id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt };
}

export function registerTokenRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/tokens', {
    preValidation: requireAction('tokens.manage-own'),
    schema: { tags: ['tokens'], response: { 200: z.object({ items: z.array(TokenView) }), ...errorResponses } },
  }, async (request) => ({ items: (await listTokensOf(ctx.store, request.auth!.user.id)).map(presentToken) }));

  app.post('/api/v1/tokens', {
    preValidation: requireAction('tokens.manage-own'),
    schema: { tags: ['tokens'], body: z.strictObject({ name: cleanText(100) }), response: { 201: z.object({ token: TokenView, secret: z.string() }), ...errorResponses } },
  }, async (request, reply) => {
    const user = request.auth!.user;
    const { token, secret } = await createApiToken(ctx.store, user.id, user.id, request.body.name, ctx.now());
    return reply.status(201).send({ token: presentToken(token), secret });
  });

  app.delete('/api/v1/tokens/:id', {
    preValidation: requireAction('tokens.manage-own'),
    schema: { tags: ['tokens'], params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await revokeToken(ctx.store, request.auth!.user, request.params.id, ctx.now());
    return reply.status(204).send(null);
  });
}
