// Authenticated API reads over loopback with autocannon: requests/s and latency percentiles, statuses counted by us.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/storage/index.js';

async function measure(url: string, token: string, seconds: number, connections: number) {
  const statuses: Record<string, number> = {};
  // The types describe the promise form only; the returned object is also an EventEmitter.
  const instance = autocannon({ url, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } }) as unknown as Promise<autocannon.Result> & import('node:events').EventEmitter;
  instance.on('response', (_client: unknown, statusCode: number) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const r = await instance;
  return {
    url: new URL(url).pathname,
    connections,
    seconds,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    statuses,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

export async function runApiReadsBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-bench-'));
  const store = await openDatabase({ url: `sqlite:${join(dir, 'bench.db')}` });
  const app = await buildApp({ db: store, config: { secureCookies: false } });
  const demo = await app.inject({ method: 'POST', url: '/api/v1/setup/demo', payload: {} });
  const cookie = demo.cookies.find((c) => c.name === 'closer_session')!;
  const tok = await app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    payload: { name: 'bench' },
    headers: { cookie: `closer_session=${cookie.value}`, 'x-csrf-token': demo.json().csrfToken },
  });
  const token = tok.json().secret as string;
  // 127.0.0.1, not localhost: autocannon and Node disagree on IPv6 resolution (reliability.md #10).
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const results = [];
  for (const path of ['/api/v1/company', '/api/v1/users', '/api/v1/today']) {
    results.push(await measure(`${address}${path}`, token, seconds, 10));
  }
  await app.close();
  await store.close();
  return { dialect: 'sqlite', note: 'demo workspace; each request authenticates a Bearer token (hash lookup) and reads through Kysely', results };
}
