// Sign-in limits across server instances (issue 15 item 4): two apps on one database, each with its own store
// (PostgreSQL: its own pool; SQLite: its own handle on the same file), share the counters in `sign_in_counters`.
// With the counters in each process's memory, an attacker alternating between two servers got twice the attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { App } from '../context.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { openDatabase, type Store } from '../../storage/index.js';
import { purgeExpiredSessions } from './housekeeping.js';

const PASSWORD = 'long enough password';
const LIMITS = { perAccount: 3, perIp: 5, perAccountAnyAddress: 6, windowMinutes: 15 };

for (const dialect of dialectsUnderTest()) {
  describe(`sign-in limits shared by two servers [${dialect.name}]`, () => {
    let h: Harness;
    let storeB: Store;
    let apps: App[];

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      storeB = await openDatabase({ url: h.store.url, migrate: false });
      apps = [
        await buildApp({ db: h.store, clock: h.clock.now, config: { secureCookies: false, loginLimit: LIMITS, setupLimit: { perIp: 2, windowMinutes: 15 } } }),
        await buildApp({ db: storeB, clock: h.clock.now, config: { secureCookies: false, loginLimit: LIMITS, setupLimit: { perIp: 2, windowMinutes: 15 } } }),
      ];
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await storeB.close();
      await h.close();
    });

    const attempt = (server: number, email: string, ip: string, password = 'wrong password here') =>
      apps[server]!.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email, password } });

    it('counts failures on either server against one per account+address limit, with Retry-After', async () => {
      const email = `shared-pair-${dialect.name}@test.example`;
      await h.tokenFor('recruiter', email);
      const codes: number[] = [];
      // Alternating servers: in-memory limits would allow 3 failures on each (6 in all).
      for (let i = 0; i < 4; i++) codes.push((await attempt(i % 2, email, '10.1.0.1')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const blocked = await attempt(0, email, '10.1.0.1', PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      // Another address is not locked out by this one, on either server.
      expect((await attempt(1, email, '10.1.0.2', PASSWORD)).statusCode).toBe(200);
    });

    it('holds the per-address limit over all accounts, and the per-account limit for new addresses, across servers', async () => {
      const accounts = [`shared-a-${dialect.name}@test.example`, `shared-b-${dialect.name}@test.example`, `shared-c-${dialect.name}@test.example`];
      for (const a of accounts) await h.tokenFor('recruiter', a);
      // Per address: 5 failures over three accounts, split over the servers, then even a right password waits.
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt(i % 2, accounts[i % 3]!, '10.2.0.1')).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 401]);
      expect((await attempt(1, accounts[2]!, '10.2.0.1', PASSWORD)).statusCode).toBe(429);

      // Per account from new addresses: the owner of the account signs in from a usual address first.
      const target = accounts[1]!;
      expect((await attempt(0, target, '10.3.0.1', PASSWORD)).statusCode).toBe(200);
      // 6 failures from 6 addresses (2 of them already counted above), half on each server: a new address waits...
      for (let i = 0; i < 4; i++) await attempt(i % 2, target, `10.4.0.${i + 1}`);
      expect((await attempt(1, target, '10.5.0.1', PASSWORD)).statusCode).toBe(429);
      // ...the known address does not, on either server.
      expect((await attempt(1, target, '10.3.0.1', PASSWORD)).statusCode).toBe(200);
    });

    it('counts concurrent failures on both servers exactly', async () => {
      const email = `shared-burst-${dialect.name}@test.example`;
      await h.tokenFor('recruiter', email);
      const codes = (await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(i % 2, email, '10.6.0.1')))).map((r) => r.statusCode);
      const failures = codes.filter((c) => c === 401).length;
      expect(failures).toBeGreaterThanOrEqual(3);
      // Every failure was counted (one upsert each, none lost to a race between the servers).
      const counters = await h.store.db.selectFrom('sign_in_counters').select('count').execute();
      expect(counters.some((c) => Number(c.count) === failures)).toBe(true);
      expect((await attempt(0, email, '10.6.0.1', PASSWORD)).statusCode).toBe(429);
      expect((await attempt(1, email, '10.6.0.1', PASSWORD)).statusCode).toBe(429);
    });

    it('limits anonymous set-up per address across servers', async () => {
      const setup = (server: number) => apps[server]!.inject({ method: 'POST', url: '/api/v1/setup/demo', remoteAddress: '10.7.0.1', payload: {} });
      expect([(await setup(0)).statusCode, (await setup(1)).statusCode]).toEqual([409, 409]);
      const limited = await setup(0);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('stores no e-mail or address, and the housekeeping purge deletes counters whose window is over', async () => {
      const rows = await h.store.db.selectFrom('sign_in_counters').selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      const text = JSON.stringify(rows);
      expect(text).not.toMatch(/@test\.example|10\.\d+\.0\.\d/);
      const known = rows.filter((r) => Number(r.count) === 0).length;
      h.clock.advanceHours(1);
      const purged = await purgeExpiredSessions({ store: storeB, now: h.clock.now });
      expect(purged.signInCounters).toBe(rows.length - known);
      expect(await h.store.db.selectFrom('sign_in_counters').selectAll().execute()).toHaveLength(known);
      // The window is over: the address that was locked out may try again.
      expect((await attempt(1, `shared-pair-${dialect.name}@test.example`, '10.1.0.1', PASSWORD)).statusCode).toBe(200);
    });
  });
}
