import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { openDatabase } from '../../src/storage/index.js';
import { WEB_ROOT, ensureWebBuild } from './build.js';

export interface TestServer {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  close: () => Promise<void>;
}

export interface StartServerOptions {
  /** The server's clock (default: the real time); e2e/support/travel.ts gives one that can jump ahead. */
  now?: () => Date;
  /** Sessions last this many hours, used or not (default: the product's timeouts). */
  sessionHours?: number;
}

/**
 * Starts the real Closer server in this process on a free port, with a fresh SQLite database and the built
 * web app (built first when missing or stale).
 */
export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  ensureWebBuild();
  const dir = await mkdtemp(join(tmpdir(), 'closer-e2e-'));
  const db = await openDatabase({ url: `sqlite:${join(dir, 'closer.db')}` });
  const config = {
    webRoot: WEB_ROOT,
    secureCookies: false,
    ...(options.sessionHours ? { sessionTtlHours: options.sessionHours, sessionIdleMinutes: options.sessionHours * 60 } : {}),
  };
  const app = await buildApp({ db, ...(options.now ? { clock: options.now } : {}), config });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    await db.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
