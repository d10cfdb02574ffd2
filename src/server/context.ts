import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../storage/index.js';
import type { RateLimiter } from './services/rate-limit.js';

export interface ServerConfig {
  /** Folder of the built web app (index.html); the API alone runs without it. */
  webRoot?: string;
  /** Secure + __Host- cookies; on by default, off only for plain-HTTP local use and tests. */
  secureCookies: boolean;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  /** Exact proxy addresses to trust for the client IP; never a hop count or `true`. */
  trustProxy: string[];
  loginLimit: { perAccount: number; perIp: number; windowMinutes: number };
  /**
   * Directory for uploaded files (CVs), from CLOSER_FILES_DIR; unset = the bytes are stored in the database
   * (docs/decisions/006-candidate-files.md).
   */
  filesDir?: string;
}

export interface ServerDeps {
  db: Store;
  /** Injected time so clocks and SLAs are testable. */
  clock?: () => Date;
  logger?: boolean | Record<string, unknown>;
  config?: Partial<ServerConfig>;
}

export interface ServerContext {
  store: Store;
  now: () => Date;
  config: ServerConfig;
  loginLimiter: RateLimiter;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: true,
  bodyLimitBytes: 1_048_576,
  sessionTtlHours: 24 * 14,
  trustProxy: [],
  loginLimit: { perAccount: 10, perIp: 50, windowMinutes: 15 },
};
