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
 * CLOSER_SESSION_IDLE_MINUTES and CLOSER_SESSION_ABSOLUTE_HOURS, and CLOSER_PUBLIC_URL (the origin people reach Closer at,
 * for the single sign-on redirect; without it the request's own origin is used). The trusted proxies (CLOSER_TRUST_PROXY, whose
 * X-Forwarded-For / -Proto give the client address for the login limits and HTTPS for HSTS) are read with the other
 * serve options in main.ts (`parseTrustProxy`).
 */
export function signInConfigFromEnv(env: NodeJS.ProcessEnv): Partial<ServerConfig> {
  const idle = positive(env, 'CLOSER_SESSION_IDLE_MINUTES');
  const absolute = positive(env, 'CLOSER_SESSION_ABSOLUTE_HOURS');
  const publicUrl = env.CLOSER_PUBLIC_URL?.trim();
  if (publicUrl && !/^https?:\/\/[^/?#]+$/.test(publicUrl.replace(/\/$/, ''))) throw new Error(`CLOSER_PUBLIC_URL must be an origin such as https://closer.example.com, not "${publicUrl}"`);
  return {
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/$/, '') } : {}),
    ...(idle !== undefined ? { sessionIdleMinutes: idle } : {}),
    ...(absolute !== undefined ? { sessionTtlHours: absolute } : {}),
  };
}
