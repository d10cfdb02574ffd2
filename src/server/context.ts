import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../storage/index.js';
import type { LoginLimits, LoginThrottle, RateLimiter } from './services/rate-limit.js';
import signIn from '../../data/security/sign-in.json' with { type: 'json' };

export interface ServerConfig {
  /** Folder of the built web app (index.html); the API alone runs without it. */
  webRoot?: string;
  /** Secure + __Host- cookies; on by default, off only for plain-HTTP local use and tests. */
  secureCookies: boolean;
  bodyLimitBytes: number;
  /** Absolute session lifetime from sign-in (data/security/sign-in.json sessionAbsoluteHours). */
  sessionTtlHours: number;
  /** A session with no request for this long ends (data/security/sign-in.json sessionIdleMinutes). */
  sessionIdleMinutes: number;
  /** Exact proxy addresses to trust for the client IP; never a hop count or `true`. */
  trustProxy: string[];
  loginLimit: LoginLimits;
  /** Anonymous POST /setup and /setup/demo per address and window. */
  setupLimit: { perIp: number; windowMinutes: number };
  /**
   * Directory for uploaded files (CVs), from CLOSER_FILES_DIR; unset = the bytes are stored in the database
   * (docs/decisions/006-candidate-files.md).
   */
  filesDir?: string;
  /** The origin people reach Closer at (CLOSER_PUBLIC_URL), for the single sign-on redirect; unset = the request's. */
  publicUrl?: string;
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
  loginLimiter: LoginThrottle;
  setupLimiter: RateLimiter;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: true,
  bodyLimitBytes: 1_048_576,
  sessionTtlHours: signIn.sessionAbsoluteHours.value,
  sessionIdleMinutes: signIn.sessionIdleMinutes.value,
  trustProxy: [],
  loginLimit: {
    perAccount: signIn.loginFailuresPerAccountAndAddress.value,
    perIp: signIn.loginFailuresPerAddress.value,
    perAccountAnyAddress: signIn.loginFailuresPerAccountFromNewAddresses.value,
    windowMinutes: signIn.loginWindowMinutes.value,
  },
  setupLimit: { perIp: signIn.setupAttemptsPerAddress.value, windowMinutes: signIn.loginWindowMinutes.value },
};
