import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../storage/index.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';

/**
 * A TCP relay between the server and PostgreSQL that can be cut and restored: the outage a database restart or a
 * network cut causes, without stopping the shared test database.
 */
async function relayTo(target: URL): Promise<{ url: string; cut: () => Promise<void>; restore: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server;
  const listen = () =>
    new Promise<void>((ok) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as { port: number }).port;
        ok();
      });
    });
  await listen();
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    cut: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
    restore: listen,
  };
}

// PostgreSQL only: an embedded SQLite file cannot become unreachable.
for (const postgres of dialectsUnderTest().filter((d) => d.name === 'postgres')) describe('the database is unreachable [postgres]', () => {
  let direct: Store;
  let h: Harness;
  let relay: Awaited<ReturnType<typeof relayTo>>;

  beforeAll(async () => {
    direct = await postgres.createStore();
    relay = await relayTo(new URL(direct.url));
    h = await createHarness(await openDatabase({ url: relay.url, migrate: false, poolSize: 2 }));
  });
  afterAll(async () => {
    await h?.close();
    await direct?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while it is cut, changes nothing, and serves again once it is back', async () => {
    expect((await h.call('GET', '/api/v1/roles', { token: h.ownerToken })).statusCode).toBe(200);
    await relay.cut();
    const during = await h.call('POST', '/api/v1/candidates', { token: h.ownerToken, body: { name: 'Outage Person', email: 'outage@test.example' } });
    expect(during.statusCode).toBe(503);
    expect(during.json()).toEqual({ code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/cannot be reached/) });
    expect(during.headers['retry-after']).toBe('5');
    await relay.restore();
    let back = await h.call('GET', '/api/v1/roles', { token: h.ownerToken });
    // The pool may hand out one connection that died with the cut before it notices; the next one is new.
    if (back.statusCode === 503) back = await h.call('GET', '/api/v1/roles', { token: h.ownerToken });
    expect(back.statusCode).toBe(200);
    const found = await direct.db.selectFrom('candidates').select('id').where('email', '=', 'outage@test.example').execute();
    expect(found).toEqual([]);
  });
});
