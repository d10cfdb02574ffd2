import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_CONFIG, type App, type ServerContext, type ServerDeps } from './context.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './plugins/errors.js';
import { registerJsonBody } from './plugins/json-body.js';
import { registerIdempotency } from './plugins/idempotency.js';
import { registerRequestInputChecks } from './plugins/request-input.js';
import { recordRoutes } from './plugins/route-table.js';
import { serializerCompiler } from './plugins/serializer.js';
import { authenticate } from './plugins/auth.js';
import { LoginThrottle, RateLimiter } from './services/rate-limit.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { ROUTE_MODULES } from './routes/index.js';

/** Fastify's schema compilers, replaced by Zod's before any route is added (setValidatorCompiler and setSerializerCompiler below). */
const ZOD_COMPILERS: FastifyServerOptions['schemaController'] = {
  compilersFactory: { buildValidator: () => validatorCompiler as never, buildSerializer: () => serializerCompiler as never },
};

/** Builds the whole HTTP application without listening: tests call `app.inject()`, main.ts listens. */
export async function buildApp(deps: ServerDeps): Promise<App> {
  const config = { ...DEFAULT_CONFIG, ...deps.config };
  const now = deps.clock ?? (() => new Date());
  const ctx: ServerContext = {
    store: deps.db,
    now,
    config,
    loginLimiter: new LoginThrottle(deps.db, config.loginLimit, now),
    setupLimiter: new RateLimiter(deps.db, 'setup', config.setupLimit.perIp, config.setupLimit.windowMinutes * 60_000, now),
  };

  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    frameworkErrors,
    clientErrorHandler,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    // Zod checks requests and answers (set below for every route): Fastify need not load and build Ajv and
    // fast-json-stringify, its defaults, only to replace them (a good part of the server's start-up).
    schemaController: ZOD_COMPILERS,
  }).withTypeProvider<ZodTypeProvider>();

  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonBody(app);
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  // The routes as added, for the OpenAPI document, which is built at its first request (openApiDocument).
  const documented: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    documented.push(route as RouteOptions);
  });

  const authenticateRequest = authenticate(ctx);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) await authenticateRequest(request);
  });
  registerSecurityHeaders(app);
  registerRequestInputChecks(app);
  registerIdempotency(app, ctx);

  for (const register of ROUTE_MODULES) register(app, ctx);

  let openapi: Promise<unknown> | undefined;
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => {
    openapi ??= openApiDocument(documented);
    // A failed build is tried again at the next request.
    openapi.catch(() => (openapi = undefined));
    return openapi;
  });

  const webRoot = config.webRoot ? resolve(config.webRoot) : undefined;
  const hasWeb = webRoot !== undefined && existsSync(resolve(webRoot, 'index.html'));
  // One wildcard route for the web build's files, looked up on disk per request: listing the build at start-up
  // and adding a GET and a HEAD route per file (wildcard: false) cost a noticeable part of the start.
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: 'index.html' });

  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || request.url.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: 'No such endpoint.' });
    }
    // Client-side routes (/roles/123) get the app shell; the router takes it from there.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}

/**
 * The OpenAPI document of the given routes, made by @fastify/swagger from their Zod schemas. Built on demand, in a
 * Fastify instance of its own that only holds those routes: loading the generator and collecting every route when
 * the server starts cost start-up time for a document few requests ask for. HEAD routes are passed as they were
 * added (the swagger plugin leaves them out as it did in the served app).
 */
async function openApiDocument(routes: RouteOptions[]): Promise<unknown> {
  const { default: fastifySwagger } = await import('@fastify/swagger');
  const docs = Fastify({ exposeHeadRoutes: false, schemaController: ZOD_COMPILERS });
  docs.setValidatorCompiler(validatorCompiler);
  docs.setSerializerCompiler(serializerCompiler);
  await docs.register(fastifySwagger, {
    openapi: {
      info: { title: 'Closer API', version: '1.0.0', description: 'Hiring system for startups that recruit AI talent.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'closer_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  const answer = () => undefined;
  for (const r of routes) {
    docs.route({ method: r.method, url: r.url, ...(r.schema ? { schema: r.schema } : {}), ...(r.config ? { config: r.config } : {}), handler: answer });
  }
  await docs.ready();
  try {
    return docs.swagger();
  } finally {
    await docs.close();
  }
}
