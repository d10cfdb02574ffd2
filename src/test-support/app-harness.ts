import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../server/app.js';
import type { App } from '../server/context.js';
import type { Store } from '../storage/index.js';

export interface TestClock {
  now: () => Date;
  set(iso: string | Date): void;
  advanceHours(h: number): void;
}

export function testClock(start = '2026-11-02T15:00:00.000Z'): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = new Date(iso).getTime();
    },
    advanceHours: (h) => {
      t += h * 3_600_000;
    },
  };
}

export interface Harness {
  app: App;
  store: Store;
  clock: TestClock;
  ownerToken: string;
  /** Creates a user of a role and returns an API token for it. */
  tokenFor(role: string, email?: string): Promise<{ token: string; userId: string }>;
  call(method: string, url: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

/** A set-up workspace with an owner's API token: the starting point of most API tests. */
export async function createHarness(store: Store, opts: { clock?: TestClock; demo?: boolean; logger?: Record<string, unknown> } = {}): Promise<Harness> {
  const clock = opts.clock ?? testClock();
  const app = await buildApp({ db: store, clock: clock.now, config: { secureCookies: false }, ...(opts.logger ? { logger: opts.logger } : {}) });
  const call: Harness['call'] = (method, url, o = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
      ...(o.body !== undefined ? { payload: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}),
    });
  const setup = opts.demo
    ? await call('POST', '/api/v1/setup/demo', { body: {} })
    : await call('POST', '/api/v1/setup', {
        body: {
          company: { name: 'Test Co', stage: 'seed', raisedUsd: 4_000_000, headcount: 10, aiTeamSize: 1 },
          owner: { name: 'Olive Owner', email: 'owner@test.example', password: 'correct horse battery' },
        },
      });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.body}`);
  const cookie = setup.cookies.find((c) => c.name === 'closer_session')!;
  const csrf = (setup.json() as { csrfToken: string }).csrfToken;
  const tokenRes = await call('POST', '/api/v1/tokens', { body: { name: 'tests' }, headers: { cookie: `closer_session=${cookie.value}`, 'x-csrf-token': csrf } });
  if (tokenRes.statusCode !== 201) throw new Error(`token failed: ${tokenRes.body}`);
  const ownerToken = (tokenRes.json() as { secret: string }).secret;

  const tokenFor: Harness['tokenFor'] = async (role, email) => {
    counter += 1;
    const u = await call('POST', '/api/v1/users', { token: ownerToken, body: { email: email ?? `${role}-${counter}@test.example`, name: `${role} ${counter}`, role, password: 'long enough password' } });
    if (u.statusCode !== 201) throw new Error(`user failed: ${u.body}`);
    const userId = (u.json() as { user: { id: string } }).user.id;
    const { createApiToken } = await import('../server/services/accounts.js');
    const { secret } = await createApiToken(store, null, userId, 'tests', clock.now());
    return { token: secret, userId };
  };

  return {
    app,
    store,
    clock,
    ownerToken,
    tokenFor,
    call,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
