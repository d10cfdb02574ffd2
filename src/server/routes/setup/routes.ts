import { z } from 'zod';
import type { App, ServerContext } from '../../context.js';
import { isSetUp, setUpWorkspace } from '../../services/accounts.js';
import { createDemoWorkspace } from '../../services/demo.js';
import { CompanyProfile, cleanText, Email } from '../../../domain/company/company.js';
import { errorResponses } from '../common-schemas.js';
import { presentUser, UserView } from '../shared/user-presenter.js';
import { setSessionCookie } from '../../plugins/session-cookie.js';
import { Password } from '../users/schema.js';

const SetupBody = z.strictObject({
  company: CompanyProfile,
  owner: z.strictObject({ name: cleanText(200), email: Email, password: Password }),
});

export function registerSetupRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/setup/status', {
    schema: { tags: ['setup'], response: { 200: z.object({ setUp: z.boolean() }) } },
  }, async () => ({ setUp: await isSetUp(ctx.store) }));

  app.post('/api/v1/setup', {
    schema: { tags: ['setup'], body: SetupBody, response: { 201: z.object({ user: UserView, csrfToken: z.string() }), ...errorResponses } },
  }, async (request, reply) => {
    const { user, session } = await setUpWorkspace(ctx.store, request.body, ctx.now(), ctx.config.sessionTtlHours);
    setSessionCookie(reply, ctx, session);
    return reply.status(201).send({ user: presentUser(user), csrfToken: session.csrfToken });
  });

  app.post('/api/v1/setup/demo', {
    schema: {
      tags: ['setup'],
      body: z.strictObject({}).optional(),
      response: { 201: z.object({ user: UserView, csrfToken: z.string(), credentials: z.object({ email: z.string(), password: z.string() }) }), ...errorResponses },
    },
  }, async (_request, reply) => {
    const { user, session, credentials } = await createDemoWorkspace(ctx.store, ctx.now(), ctx.config.sessionTtlHours);
    setSessionCookie(reply, ctx, session);
    return reply.status(201).send({ user: presentUser(user), csrfToken: session.csrfToken, credentials });
  });
}
