import type { FastifyInstance, RouteOptions } from 'fastify';

/** One registered route: method, URL pattern (`/api/v1/roles/:id`) and the policy action its preValidation requires, if any. */
export interface RouteEntry {
  method: string;
  url: string;
  action?: string;
}

const tables = new WeakMap<object, RouteEntry[]>();

function actionOf(hook: RouteOptions['preValidation']): string | undefined {
  const hooks = Array.isArray(hook) ? hook : hook ? [hook] : [];
  for (const h of hooks) {
    const action = (h as { action?: unknown }).action;
    if (typeof action === 'string') return action;
  }
  return undefined;
}

/**
 * Records every route as it is registered (Fastify's `onRoute`), so tests can walk the real route table: a route
 * added without an entry in the fuzz, access or audit tables fails them. HEAD routes Fastify adds for GETs are left out.
 */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      const action = actionOf(route.preValidation);
      table.push(action ? { method, url: route.url, action } : { method, url: route.url });
    }
  });
}

/** The routes of an app built by buildApp, in registration order. */
export function routeTableOf(app: object): readonly RouteEntry[] {
  const table = tables.get(app);
  if (!table) throw new Error('This app was not built with recordRoutes.');
  return table;
}
