// Issue 15, more than one server: concurrent requests with the same Idempotency-Key sent to two servers on one
// database, on routes that do not run in runWrite (their response used to be stored after the write, so both ran).
// The key is now claimed in the database before the write runs: one request runs, the other replays its response.
// PostgreSQL: each server with its own pool; SQLite: each with its own handle on the same file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { App } from '../context.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { openDatabase, type Store } from '../../storage/index.js';

for (const dialect of dialectsUnderTest()) {
  describe(`one Idempotency-Key sent to two servers at once [${dialect.name}]`, () => {
    let h: Harness;
    let storeB: Store;
    let apps: App[];

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      storeB = await openDatabase({ url: h.store.url, migrate: false });
      apps = [h.app, await buildApp({ db: storeB, clock: h.clock.now, config: { secureCookies: false } })];
    });
    afterAll(async () => {
      await apps[1]!.close();
      await storeB.close();
      await h.close();
    });

    const send = (server: number, method: string, url: string, key: string, body: unknown) =>
      apps[server]!.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${h.ownerToken}`, 'content-type': 'application/json', 'idempotency-key': key }, payload: JSON.stringify(body) });
    const count = async (table: 'api_tokens' | 'users' | 'audit_log') => Number((await h.store.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('creates one user: the other server replays the same 201', async () => {
      const [users, audit] = [await count('users'), await count('audit_log')];
      const body = { email: `twice-${dialect.name}@test.example`, name: 'Twice Sent', role: 'recruiter', password: 'long enough password' };
      const results = await Promise.all([send(0, 'POST', '/api/v1/users', 'user-twice', body), send(1, 'POST', '/api/v1/users', 'user-twice', body)]);
      expect(results.map((r) => r.statusCode)).toEqual([201, 201]);
      expect(results[0]!.json().user.id).toBe(results[1]!.json().user.id);
      expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
      expect(await count('users')).toBe(users + 1);
      expect(await count('audit_log')).toBe(audit + 1);
    });

    it('creates one API token from four requests over both servers; the others are told it was done', async () => {
      const tokens = await count('api_tokens');
      const results = await Promise.all([0, 1, 0, 1].map((s) => send(s, 'POST', '/api/v1/tokens', 'token-twice', { name: 'ci' })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json()).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
      expect(await count('api_tokens')).toBe(tokens + 1);
    });

    it('a failed request gives the key up, so a retry with it runs again', async () => {
      const bad = await send(0, 'POST', '/api/v1/users', 'user-retry', { email: 'owner@test.example', name: 'Taken', role: 'recruiter', password: 'long enough password' });
      expect(bad.statusCode).toBe(409);
      const pending = await h.store.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'user-retry').execute();
      expect(pending).toEqual([]);
      const again = await send(1, 'POST', '/api/v1/users', 'user-retry', { email: 'owner@test.example', name: 'Taken', role: 'recruiter', password: 'long enough password' });
      expect(again.statusCode).toBe(409);
      expect(again.headers['idempotent-replayed']).toBeUndefined();
    });
  });
}
