// The public posting page under load (issue 16): Closer's /jobs/:slug (cached in-process, ETag, Cache-Control)
// against a static file server (node:http serving the same bytes from memory) on the same machine, with autocannon.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/storage/index.js';

async function measure(url: string, seconds: number, connections: number) {
  const r = await autocannon({ url, connections, duration: seconds });
  return {
    url: new URL(url).pathname,
    connections,
    seconds,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    bytesPerSecond: Math.round(r.throughput.average),
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

export async function runJobBoardBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-bench-'));
  const store = await openDatabase({ url: `sqlite:${join(dir, 'bench.db')}` });
  const app = await buildApp({ db: store, config: { secureCookies: false } });
  const setup = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { company: { name: 'Bench Co', stage: 'seed', raisedUsd: 4_000_000, headcount: 10, aiTeamSize: 1 }, owner: { name: 'Olive Owner', email: 'owner@bench.example', password: 'correct horse battery' } },
  });
  const cookie = setup.cookies.find((c) => c.name === 'closer_session')!;
  const headers = { cookie: `closer_session=${cookie.value}`, 'x-csrf-token': setup.json().csrfToken as string };
  const role = (await app.inject({ method: 'POST', url: '/api/v1/roles', headers, payload: { title: 'Senior ML Engineer', seniority: 'senior', specializations: ['mlops'], band: { baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' } } })).json();
  const publicText = 'Own the training and serving of our ranking models: PyTorch training pipelines on GPUs, model deployment to Kubernetes, monitoring for drift.\n\nWe have 120 K USD of GPU credits and three years of proprietary logistics data.';
  const posting = (await app.inject({ method: 'PUT', url: `/api/v1/roles/${role.id}/posting`, headers, payload: { title: 'Senior ML Engineer', publicText, location: 'Berlin', remotePolicy: 'hybrid', signals: [{ id: 'compute-budget-stated', text: '120 K USD of GPU credits' }], questions: [{ id: 'shipped', label: 'What have you shipped?', required: true }] } })).json();
  await app.inject({ method: 'POST', url: `/api/v1/roles/${role.id}/posting/publish`, headers: { ...headers, 'if-match': '"1"' }, payload: { acknowledgeFindings: true } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const page = await fetch(`${address}/jobs/${posting.slug}`);
  const html = Buffer.from(await page.arrayBuffer());
  if (page.status !== 200) throw new Error(`posting page answered ${page.status}`);

  // The baseline: the same bytes from memory, with the same cache headers, and nothing else.
  const etag = page.headers.get('etag') ?? '"x"';
  const staticServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': html.length, 'cache-control': 'public, max-age=60', etag });
    res.end(html);
  });
  await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
  const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/jobs/${posting.slug}`;

  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = 10;
  const closer = await measure(`${address}/jobs/${posting.slug}`, seconds, connections);
  const list = await measure(`${address}/jobs`, seconds, connections);
  const baseline = await measure(staticUrl, seconds, connections);
  await new Promise<void>((resolve) => staticServer.close(() => resolve()));
  await app.close();
  await store.close();
  return {
    dialect: 'sqlite',
    note: 'one published posting; Closer serves /jobs/:slug from its in-process cache through Fastify (security headers, ETag, CSP); the static server is node:http with the same bytes from memory',
    pageBytes: html.length,
    results: { closerPostingPage: closer, closerBoardList: list, staticFileServer: baseline },
    ratio: { requestsPerSecond: Number((closer.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)) },
  };
}
