import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { changeUser, createUser, listAccounts } from '../../services/accounts.js';
import { errorResponses, IdParams } from '../common-schemas.js';
import { PersonView, presentPerson, presentUser, UserView } from '../shared/user-presenter.js';
import { UserCreateBody, UserPatchBody } from './schema.js';

export function registerUserRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/users', {
    preValidation: requireAction('users.read'),
    schema: { tags: ['users'], response: { 200: z.object({ items: z.array(UserView) }), ...errorResponses } },
  }, async () => ({ items: (await listAccounts(ctx.store)).map(presentUser) }));

  app.get('/api/v1/people', {
    preValidation: requireAction('people.read'),
    schema: { tags: ['users'], response: { 200: z.object({ items: z.array(PersonView) }), ...errorResponses } },
  }, async () => ({ items: (await listAccounts(ctx.store)).map(presentPerson) }));

  app.post('/api/v1/users', {
    preValidation: requireAction('users.manage'),
    schema: { tags: ['users'], body: UserCreateBody, response: { 201: z.object({ user: UserView, invitePassword: z.string().optional() }), ...errorResponses } },
  }, async (request, reply) => {
    const { user, invitePassword } = await createUser(ctx.store, request.auth!.user.id, request.body, ctx.now());
    return reply.status(201).send(invitePassword ? { user: presentUser(user), invitePassword } : { user: presentUser(user) });
  });

  app.patch('/api/v1/users/:id', {
    preValidation: requireAction('users.manage'),
    schema: { tags: ['users'], params: IdParams, body: UserPatchBody, response: { 200: z.object({ user: UserView }), ...errorResponses } },
  }, async (request) => {
    const user = await changeUser(ctx.store, request.auth!.user.id, request.params.id, request.body, ctx.now());
    return { user: presentUser(user) };
  });
}
