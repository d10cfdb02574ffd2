import { describe, expect, it } from 'vitest';
import { parseTrustProxy, serveOptionsFromEnv } from './main.js';

describe('settings from the environment (docs/deploy.md)', () => {
  it('takes the proxy addresses from CLOSER_TRUST_PROXY: addresses, ranges and the named ranges', () => {
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8, loopback')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    expect(serveOptionsFromEnv({ CLOSER_TRUST_PROXY: '10.1.2.3', DATABASE_URL: 'postgres://db/closer' }).trustProxy).toEqual(['10.1.2.3']);
    expect(serveOptionsFromEnv({ DATABASE_URL: 'postgres://db/closer' }).trustProxy).toBeUndefined();
  });

  it('refuses a hop count, true, or anything that is not an address', () => {
    for (const bad of ['1', 'true', '*', '10.0.0.0/33', 'proxy.internal', '127.0.0.1/8/8', '::1/129']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/CLOSER_TRUST_PROXY/);
    }
  });

  it('reads the port, the secure-cookie switch and the database URL', () => {
    const o = serveOptionsFromEnv({ PORT: '8080', CLOSER_SECURE_COOKIES: '1', DATABASE_URL: 'postgres://db/closer' });
    expect(o).toMatchObject({ port: 8080, secureCookies: true, databaseUrl: 'postgres://db/closer', host: '0.0.0.0' });
  });
});
