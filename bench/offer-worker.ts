import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

/**
 * The offer engine in a real browser Web Worker: bundles a worker that runs the default model
 * (bench/offer-model.ts) with esbuild, serves it from a throw-away node:http server, opens it in
 * the installed Chromium through playwright-core, and times warm-up then measured runs with
 * performance.now() in the page (postMessage to reply, so the figure includes the hop to the
 * worker and back, as the offer builder sees it). The compute time inside the worker is reported
 * beside it.
 */

const PATHS = 100_000;
const WARMUP = 5;
const RUNS = 15;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const benchDir = dirname(fileURLToPath(import.meta.url));

export interface WorkerTiming {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export type OfferWorkerBench =
  | {
      paths: number;
      medianMs: number;
      runs: number;
      pathsPerSecond: number;
      description: string;
      roundTrip: WorkerTiming;
      insideWorker: WorkerTiming;
      evaluateOffer: { paths: number; roundTrip: WorkerTiming; insideWorker: WorkerTiming; pathsPerSecond: number };
      browser: string;
      warmupRuns: number;
      loadAverage1m: number;
    }
  | { skipped: string };

// Runs inside the worker: `kind` picks the startup Monte Carlo or the full evaluateOffer.
const WORKER_SOURCE = `
import { evaluateOffer, simulateStartupEquity } from '../src/domain/compensation/index.js';
import { defaultStartupConfig, offerInput } from './offer-model.js';
self.onmessage = (event) => {
  const { kind, paths } = event.data;
  const t0 = performance.now();
  let check;
  if (kind === 'startup') {
    const sim = simulateStartupEquity(defaultStartupConfig(paths));
    check = sim.pv.length;
  } else {
    check = evaluateOffer(offerInput(paths)).startup.equityPv.mean;
  }
  self.postMessage({ ms: performance.now() - t0, check });
};
`;

// Runs in the page: warm-up, then timed round trips.
const PAGE_SOURCE = `
window.runBench = async (kind, paths, warmup, runs) => {
  const worker = new Worker('/worker.js');
  const once = () => new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'worker failed'));
    worker.postMessage({ kind, paths });
  });
  for (let i = 0; i < warmup; i++) await once();
  const roundTrip = [];
  const inside = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const reply = await once();
    roundTrip.push(performance.now() - t0);
    inside.push(reply.ms);
    if (!(reply.check > 0)) throw new Error('the worker returned no result');
  }
  worker.terminate();
  return { roundTrip, inside };
};
`;

function summarise(ms: number[]): WorkerTiming {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { medianMs: round(sorted[Math.floor(sorted.length / 2)]), minMs: round(sorted[0]), maxMs: round(sorted[sorted.length - 1]), runs: sorted.length };
}

/** Why the browser figure cannot be measured here, or undefined when it can. */
export function browserWorkerSkipReason(): string | undefined {
  if (!existsSync(CHROMIUM_PATH)) return `Chromium not found at ${CHROMIUM_PATH} (install chromium or set CHROMIUM_PATH)`;
  return undefined;
}

/** Times 100,000 paths of the default model (and the full comparison) in a Chromium Web Worker. */
export async function runOfferWorkerBench(): Promise<OfferWorkerBench> {
  const reason = browserWorkerSkipReason();
  if (reason) {
    console.log(`bench offer: browser worker skipped: ${reason}`);
    return { skipped: reason };
  }
  const dir = await mkdtemp(join(tmpdir(), 'closer-offer-worker-'));
  const server = createServer();
  try {
    await build({
      stdin: { contents: WORKER_SOURCE, resolveDir: benchDir, sourcefile: 'offer-bench-worker.ts', loader: 'ts' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      outfile: join(dir, 'worker.js'),
      logLevel: 'warning',
    });
    const files: Record<string, { type: string; body: string | Buffer }> = {
      '/': { type: 'text/html', body: `<!doctype html><meta charset="utf-8"><title>offer worker bench</title><script>${PAGE_SOURCE}</script>` },
      '/worker.js': { type: 'text/javascript', body: await readFile(join(dir, 'worker.js')) },
    };
    server.on('request', (request, response) => {
      const file = files[request.url ?? ''];
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      type Raw = { roundTrip: number[]; inside: number[] };
      const run = (kind: string, paths: number, warmup: number, runs: number) =>
        page.evaluate(([k, p, w, r]) => (window as unknown as { runBench: (...a: unknown[]) => Promise<Raw> }).runBench(k, p, w, r), [kind, paths, warmup, runs] as const);
      const startup = await run('startup', PATHS, WARMUP, RUNS);
      const full = await run('evaluate', PATHS, 3, 7);
      const roundTrip = summarise(startup.roundTrip);
      const fullRoundTrip = summarise(full.roundTrip);
      return {
        paths: PATHS,
        medianMs: roundTrip.medianMs,
        runs: RUNS,
        pathsPerSecond: Math.round((PATHS / roundTrip.medianMs) * 1000),
        description: 'startup equity Monte Carlo of the default model in a dedicated Web Worker of headless Chromium; medianMs is the page-side round trip (postMessage, simulation, reply) measured with performance.now()',
        roundTrip,
        insideWorker: summarise(startup.inside),
        evaluateOffer: { paths: PATHS, roundTrip: fullRoundTrip, insideWorker: summarise(full.inside), pathsPerSecond: Math.round((PATHS / fullRoundTrip.medianMs) * 1000) },
        browser: `Chromium ${browser.version()}`,
        warmupRuns: WARMUP,
        loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runOfferWorkerBench().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
