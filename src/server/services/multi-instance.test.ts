// Two Closer servers on one database (issue 15, "More than one server"): each with its own app and its own
// background jobs, as two processes behind a proxy would run. PostgreSQL: each server has its own connection pool
// on the same database. SQLite serves one instance per file (docs/deploy.md); there both servers share the one
// store, which still runs two sets of job loops side by side. (Two better-sqlite3 handles in one process would block
// each other's event loop, which says nothing about separate processes.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { App } from '../context.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { expectOk, makeOffer, makePipeline, terms, type Caller } from '../../test-support/offer-fixtures.js';
import { claimOutbox, inTransaction, listOutbox, openDatabase, withJobLock, type Store } from '../../storage/index.js';
import { runOutboxOnce, startBackgroundJobs, type BackgroundJobs } from './outbox.js';

/** A chat webhook receiver counting the posts per delivery id (the `Idempotency-Key` header); `onPost` runs first. */
async function startReceiver(): Promise<{ url: string; deliveries: Map<string, number>; posts: () => number; onPost?: () => void; close(): Promise<void> }> {
  const deliveries = new Map<string, number>();
  let posts = 0;
  const receiver = {
    url: '',
    deliveries,
    posts: () => posts,
    onPost: undefined as (() => void) | undefined,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      posts += 1;
      receiver.onPost?.();
      const key = String(req.headers['idempotency-key'] ?? 'missing');
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

/** Calls an app the way the harness does (API token), for the second server. */
function callerOn(app: App, ownerToken: string): Caller {
  return {
    ownerToken,
    call: (method, url, o = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
        ...(o.body !== undefined ? { payload: JSON.stringify(o.body) } : {}),
      }),
  };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const dialect of dialectsUnderTest()) {
  describe(`two servers on one database [${dialect.name}]`, () => {
    let h: Harness;
    let storeB: Store;
    let appB: App;
    let hook: Awaited<ReturnType<typeof startReceiver>>;
    let servers: Caller[];

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      storeB = dialect.name === 'postgres' ? await openDatabase({ url: h.store.url, migrate: false }) : h.store;
      appB = await buildApp({ db: storeB, clock: h.clock.now, config: { secureCookies: false } });
      servers = [h, callerOn(appB, h.ownerToken)];
      hook = await startReceiver();
      const approvers = [await h.tokenFor('approver'), await h.tokenFor('approver')];
      await expectOk(h.call('PUT', '/api/v1/notifications/settings', { token: h.ownerToken, body: { email: null, chat: { webhookUrl: hook.url } } }), 200, 'settings');
      for (const u of approvers) await expectOk(h.call('PUT', '/api/v1/notifications/preferences', { token: u.token, body: { email: false, chat: true, digest: 'off' } }), 200, 'prefs');
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: approvers.map((u) => u.userId), mode: 'parallel' } }), 200, 'approvers');
    });
    afterAll(async () => {
      await appB.close();
      if (storeB !== h.store) await storeB.close();
      await h.close();
      await hook.close();
    });

    /** An offer outside the band sent for approval through `server`: both approvers are notified on chat. */
    async function requestApproval(server: Caller): Promise<void> {
      const { application } = await makePipeline(server);
      const offer = await makeOffer(server, application.id, terms({ base: 250_000 }));
      await expectOk(server.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
    }

    const allSent = async () => (await listOutbox(h.store.db, { status: 'pending' })).length === 0;

    it('delivers every notification exactly once while both servers take requests and run their jobs', async () => {
      const errors: unknown[] = [];
      const log = (_m: string, e?: unknown) => errors.push(e);
      const jobs: BackgroundJobs[] = [
        startBackgroundJobs({ store: h.store, now: h.clock.now }, { dispatchIntervalMs: 15, scanIntervalMs: 250, log }),
        startBackgroundJobs({ store: storeB, now: h.clock.now }, { dispatchIntervalMs: 15, scanIntervalMs: 250, log }),
      ];
      try {
        // 10 offers, half through each server: 20 approval requests.
        for (let i = 0; i < 10; i++) await requestApproval(servers[i % 2]!);
        await until('the approval requests to go out', allSent);
        // A day later the approvals are overdue: both servers' scans find the same 10 breaches at once.
        h.clock.advanceHours(25);
        await until('the overdue reminders', async () => (await listOutbox(h.store.db, { channel: 'chat' })).length >= 40 && (await allSent()));
      } finally {
        await Promise.all(jobs.map((j) => j.stop()));
      }
      const rows = await listOutbox(h.store.db, { channel: 'chat' });
      expect(rows.length).toBe(40);
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
      expect([...hook.deliveries.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
      expect([...hook.deliveries.values()].every((n) => n === 1)).toBe(true);
      expect(hook.posts()).toBe(40);
      expect(errors).toEqual([]);
    });

    it('a message claimed by a server that dies goes out once, from the other server, when the lease runs out', async () => {
      const posts = hook.posts();
      await requestApproval(servers[0]!);
      // The dying server: its own connections (PostgreSQL), which end with it.
      const dying = dialect.name === 'postgres' ? await openDatabase({ url: h.store.url, migrate: false }) : h.store;
      const leased = await inTransaction(dying.db, (tx) => claimOutbox(tx, dying.dialect, 'server-that-dies', h.clock.now(), new Date(h.clock.now().getTime() + 120_000), 100));
      expect(leased).toHaveLength(2);
      if (dying !== h.store) await dying.close();
      const b = { store: storeB, now: h.clock.now };
      expect(await runOutboxOnce(b)).toMatchObject({ claimed: 0 });
      h.clock.advanceHours(121 / 3600);
      expect(await runOutboxOnce(b)).toMatchObject({ claimed: 2, sent: 2 });
      expect(await runOutboxOnce(b)).toMatchObject({ claimed: 0 });
      expect(await runOutboxOnce({ store: h.store, now: h.clock.now })).toMatchObject({ claimed: 0 });
      expect(hook.posts() - posts).toBe(2);
      for (const m of leased) expect(hook.deliveries.get(m.id)).toBe(1);
    });

    it('hands back the rest of a batch when a slow receiver eats the lease, instead of racing another server for it', async () => {
      await requestApproval(servers[0]!);
      await requestApproval(servers[1]!);
      // Each post takes 50 s of the (test) clock; with a 120 s lease and a 30 s send timeout, two fit.
      hook.onPost = () => h.clock.advanceHours(50 / 3600);
      try {
        const slow = await runOutboxOnce({ store: h.store, now: h.clock.now }, { leaseSeconds: 120, sendTimeoutMs: 30_000 });
        expect(slow).toMatchObject({ claimed: 4, sent: 2, released: 2 });
      } finally {
        hook.onPost = undefined;
      }
      // The other server takes the two at once, without waiting for a lease to run out.
      expect(await runOutboxOnce({ store: storeB, now: h.clock.now })).toMatchObject({ claimed: 2, sent: 2 });
      expect([...hook.deliveries.values()].every((n) => n === 1)).toBe(true);
    });

    // PostgreSQL only: SQLite has no connection to lose.
    if (dialect.name === 'postgres') {
      it('keeps running when PostgreSQL drops its connections (a database restart) and serves again on new ones', async () => {
        const server = await openDatabase({ url: h.store.url, migrate: false, poolSize: 1 });
        try {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(server.db);
          // Dropped from outside, as a PostgreSQL restart drops every connection; unhandled, the idle connection's
          // error event would end the process (and fail this run).
          await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(h.store.db);
          await until('a query on a new connection', async () => {
            try {
              return (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(server.db)).rows[0]!.pid !== rows[0]!.pid;
            } catch {
              return false;
            }
          });
          // The same for a connection in use between two queries (a transaction, a job's advisory lock).
          await server.db.connection().execute(async (conn) => {
            const own = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn)).rows[0]!.pid;
            await sql`select pg_terminate_backend(${own})`.execute(h.store.db);
            await until('the cut connection to fail', async () => {
              try {
                await sql`select 1`.execute(conn);
                return false;
              } catch {
                return true;
              }
            });
          });
          // The cut connection can be handed out once more before the pool sees it is dead (a socket reset is
          // reported a moment later); from then on queries run on a new one.
          await until('a query after the cut', async () => {
            try {
              return (await sql<{ one: number }>`select 1 as one`.execute(server.db)).rows[0]!.one === 1;
            } catch {
              return false;
            }
          });
        } finally {
          await server.close();
        }
      });
    }

    it('runs a job tick on one server at a time (PostgreSQL advisory lock); SQLite, one server, always runs it', async () => {
      let release!: () => void;
      const held = new Promise<void>((ok) => (release = ok));
      let entered!: () => void;
      const inside = new Promise<void>((ok) => (entered = ok));
      const first = withJobLock(h.store, 'test-job', async () => {
        entered();
        await held;
        return 'a';
      });
      await inside;
      const second = await withJobLock(storeB, 'test-job', async () => 'b');
      release();
      expect(await first).toEqual({ ran: true, value: 'a' });
      expect(second).toEqual(dialect.name === 'postgres' ? { ran: false } : { ran: true, value: 'b' });
      // Released afterwards: the next tick runs, on either server.
      expect(await withJobLock(storeB, 'test-job', async () => 'c')).toEqual({ ran: true, value: 'c' });
    });
  });
}
