import type { App, ServerContext } from '../context.js';
import { registerAuditRoutes } from './audit/routes.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerCompanyRoutes } from './company/routes.js';
import { registerHealthRoutes } from './health/routes.js';
import { registerSetupRoutes } from './setup/routes.js';
import { registerTokenRoutes } from './tokens/routes.js';
import { registerUserRoutes } from './users/routes.js';

/** Every resource's routes; a new resource adds its register function here. */
export const ROUTE_MODULES: ReadonlyArray<(app: App, ctx: ServerContext) => void> = [
  registerHealthRoutes,
  registerSetupRoutes,
  registerAuthRoutes,
  registerCompanyRoutes,
  registerUserRoutes,
  registerTokenRoutes,
  registerAuditRoutes,
];
