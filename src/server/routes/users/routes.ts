import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { changeUser, createUser, listAccounts } from '../../services/accounts.js';
import { resetUserMfa } from '../../services/mfa.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { errorResponses, IdParams, NoContent } from '../../../api/shared.js';
import { presentPerson, presentUser } from '../shared/user-presenter.js';
import { PersonListView, UserChangedView, UserCreateBody, UserCreatedView, UserListView, UserPatchBody } from '../../../api/users.js';

export function registerUserRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/users', {
    preValidation: requireAction('users.read'),
    schema: { tags: ['users'], response: { 200: UserListView, ...errorResponses } },
  }, async () => ({ items: (await listAccounts(ctx.store)).map(presentUser) }));

  app.get('/api/v1/people', {
    preValidation: requireAction('people.read'),
    schema: { tags: ['users'], response: { 200: PersonListView, ...errorResponses } },
  }, async () => ({ items: (await listAccounts(ctx.store)).map(presentPerson) }));

  app.post('/api/v1/users', {
    preValidation: requireAction('users.manage'),
    schema: { tags: ['users'], body: UserCreateBody, response: { 201: UserCreatedView, ...errorResponses } },
  }, async (request, reply) => {
    const { user, invitePassword } = await createUser(ctx.store, request.auth!.user.id, request.body, ctx.now(), request.auth!.user.role);
    return reply.status(201).send(invitePassword ? { user: presentUser(user), invitePassword } : { user: presentUser(user) });
  });

  app.patch('/api/v1/users/:id', {
    preValidation: requireAction('users.manage'),
    schema: { tags: ['users'], params: IdParams, body: UserPatchBody, response: { 200: UserChangedView, ...errorResponses } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    const user = await changeUser(ctx.store, request.auth!.user, request.params.id, expected, request.body, ctx.now());
    setEtag(reply, user.version);
    return { user: presentUser(user) };
  });

  // A lost phone: an owner or admin clears a user's two-step sign-in; they set it up again.
  app.delete('/api/v1/users/:id/mfa', {
    preValidation: requireAction('users.manage'),
    schema: { tags: ['users'], params: IdParams, response: { 204: NoContent, ...errorResponses } },
  }, async (request, reply) => {
    await resetUserMfa(ctx.store, request.auth!.user, request.params.id, ctx.now());
    return reply.status(204).send(null);
  });
}
