import type { App, ServerContext } from '../../context.js';
import { assertSetupAllowed, isSetUp, setUpWorkspace } from '../../services/accounts.js';
import { createDemoWorkspace } from '../../services/demo.js';
import { DemoSetupView, SetupBody, SetupStatusView, SetupView } from '../../../api/setup.js';
import { EmptyBody, errorResponses } from '../../../api/shared.js';
import { presentUser } from '../shared/user-presenter.js';
import { setSessionCookie } from '../../plugins/session-cookie.js';

export function registerSetupRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/setup/status', {
    schema: { tags: ['setup'], response: { 200: SetupStatusView } },
  }, async () => ({ setUp: await isSetUp(ctx.store) }));

  app.post('/api/v1/setup', {
    schema: { tags: ['setup'], body: SetupBody, response: { 201: SetupView, ...errorResponses } },
  }, async (request, reply) => {
    await assertSetupAllowed(ctx, reply, request.ip);
    const { user, session } = await setUpWorkspace(ctx.store, request.body, ctx.now(), ctx.config.sessionTtlHours);
    setSessionCookie(reply, ctx, session);
    return reply.status(201).send({ user: presentUser(user), csrfToken: session.csrfToken, mfaEnrolmentRequired: false });
  });

  app.post('/api/v1/setup/demo', {
    schema: {
      tags: ['setup'],
      body: EmptyBody,
      response: { 201: DemoSetupView, ...errorResponses },
    },
  }, async (request, reply) => {
    await assertSetupAllowed(ctx, reply, request.ip);
    const { user, session, credentials } = await createDemoWorkspace(ctx.store, ctx.now(), ctx.config.sessionTtlHours);
    setSessionCookie(reply, ctx, session);
    return reply.status(201).send({ user: presentUser(user), csrfToken: session.csrfToken, mfaEnrolmentRequired: false, credentials });
  });
}
