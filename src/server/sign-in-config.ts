import type { ServerConfig } from './context.js';

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

/**
 * The sign-in settings an operator changes through the environment (defaults: data/security/sign-in.json):
 * CLOSER_SESSION_IDLE_MINUTES, CLOSER_SESSION_ABSOLUTE_HOURS, and CLOSER_TRUST_PROXY (comma-separated proxy
 * addresses whose X-Forwarded-For / X-Forwarded-Proto count: client addresses for the login limits, HTTPS for HSTS).
 */
export function signInConfigFromEnv(env: NodeJS.ProcessEnv): Partial<ServerConfig> {
  const idle = positive(env, 'CLOSER_SESSION_IDLE_MINUTES');
  const absolute = positive(env, 'CLOSER_SESSION_ABSOLUTE_HOURS');
  const proxies = (env.CLOSER_TRUST_PROXY ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return {
    ...(idle !== undefined ? { sessionIdleMinutes: idle } : {}),
    ...(absolute !== undefined ? { sessionTtlHours: absolute } : {}),
    ...(proxies.length > 0 ? { trustProxy: proxies } : {}),
  };
}
