import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, resolveDatabaseUrl } from '../storage/index.js';
import { buildApp } from './app.js';
import { PROJECT_ROOT } from './paths.js';
import { startBackgroundJobs } from './services/outbox.js';
import { serverLogger } from './logging.js';
import { signInConfigFromEnv } from './sign-in-config.js';

export interface ServeOptions {
  databaseUrl: string;
  port: number;
  host: string;
  webRoot?: string;
  secureCookies?: boolean;
  log?: (line: string) => void;
  /** false for tests and one-off commands that must not send notifications */
  backgroundJobs?: boolean;
  /** Directory for uploaded files (CLOSER_FILES_DIR); unset = in the database. */
  filesDir?: string;
  /** Addresses of the proxies in front (CLOSER_TRUST_PROXY): their X-Forwarded-For/-Proto are believed. */
  trustProxy?: string[];
  /** How long after listening the background jobs start (JOBS_START_DELAY_MS unless given). */
  jobsStartDelayMs?: number;
}

/** The background jobs' first pass waits this long after the server listens, so that the first requests come first. */
export const JOBS_START_DELAY_MS = 2_000;

/** Opens and migrates the database, builds the app and listens; resolves with a function that stops it. */
export async function serve(options: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const store = await openDatabase({ url: options.databaseUrl, migrate: true });
  const app = await buildApp({
    db: store,
    logger: serverLogger(process.env.CLOSER_LOG === 'debug' ? 'debug' : 'warn'),
    config: {
      webRoot: options.webRoot ?? resolve(PROJECT_ROOT, 'dist/web'),
      secureCookies: options.secureCookies ?? false,
      ...(options.filesDir ? { filesDir: options.filesDir } : {}),
      // Session timeouts and trusted proxies (data/security/sign-in.json has the defaults).
      ...signInConfigFromEnv(process.env),
      ...(options.trustProxy?.length ? { trustProxy: options.trustProxy } : {}),
    },
  });
  const address = await app.listen({ port: options.port, host: options.host });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  // Notifications, offer expiry and clock scans run beside the server; with several instances on one PostgreSQL the
  // outbox leases rows and the scans take an advisory lock, so each item is handled once (docs/deploy.md).
  // They start a moment after the server listens: their first pass (a clock scan over every open application)
  // keeps the event loop busy for a few hundred milliseconds, which would otherwise delay the first requests.
  let jobs: ReturnType<typeof startBackgroundJobs> | undefined;
  const jobsTimer =
    options.backgroundJobs === false ? undefined : setTimeout(() => (jobs = startBackgroundJobs({ store, now: () => new Date() })), options.jobsStartDelayMs ?? JOBS_START_DELAY_MS);
  const close = async () => {
    clearTimeout(jobsTimer);
    await jobs?.stop();
    await app.close();
    await store.close();
  };
  return { url, close };
}

export function serveOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServeOptions {
  return {
    databaseUrl: resolveDatabaseUrl({ env }),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    // Secure cookies need HTTPS; a self-hosted instance behind TLS sets CLOSER_SECURE_COOKIES=1.
    secureCookies: env.CLOSER_SECURE_COOKIES === '1',
    // Uploaded CVs go to this directory instead of the database (docs/decisions/006-candidate-files.md).
    ...(env.CLOSER_FILES_DIR ? { filesDir: env.CLOSER_FILES_DIR } : {}),
    // Behind a proxy or load balancer: its addresses, so that the client address and https come through.
    ...(env.CLOSER_TRUST_PROXY ? { trustProxy: parseTrustProxy(env.CLOSER_TRUST_PROXY) } : {}),
  };
}

/** Names proxy-addr accepts for whole address ranges. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * CLOSER_TRUST_PROXY: a comma-separated list of proxy addresses, CIDR ranges, or `loopback`, `linklocal`,
 * `uniquelocal`. Never a hop count or `true` (both let any client forge its address): those throw, and so does
 * anything else that is not an address.
 * @example parseTrustProxy('127.0.0.1, 10.0.0.0/8') // ['127.0.0.1', '10.0.0.0/8']
 */
export function parseTrustProxy(value: string): string[] {
  const entries = value.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (PROXY_RANGES.has(entry) || (family !== 0 && validBits && rest.length === 0)) continue;
    throw new Error(`CLOSER_TRUST_PROXY: "${entry}" is not a proxy address or range; give addresses such as 127.0.0.1 or 10.0.0.0/8, never a hop count or true`);
  }
  return entries;
}

/** Serves with the settings from the environment until SIGINT or SIGTERM: what `npm start` runs (scripts/start.mjs). */
export function runFromEnv(): void {
  const options = serveOptionsFromEnv();
  serve(options)
    .then(({ url, close }) => {
      console.log(`Closer is running at ${url} (database: ${options.databaseUrl.startsWith('sqlite:') ? options.databaseUrl.slice(7) : 'PostgreSQL'})`);
      // Once: Ctrl-C reaches both npm start and this process, and npm start passes it on as well.
      let stopping: Promise<void> | undefined;
      const stop = () => void (stopping ??= close().then(() => process.exit(0)));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(`Closer could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) runFromEnv();
