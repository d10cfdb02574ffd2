import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluateOffer, normalizeIncumbentOffer, simulateIncumbent, simulateStartupEquity, summarize } from '../src/domain/compensation/index.js';
import { benchmark, parseSalaryCsv } from '../src/domain/market/index.js';
import { defaultStartupConfig, offerInput } from './offer-model.js';
import { runOfferWorkerBench } from './offer-worker.js';

/**
 * Offer-evaluation benchmark: the startup equity Monte Carlo of the default model, the incumbent
 * simulation and the full comparison (evaluateOffer). Each figure is the median of several timed
 * runs after warm-up runs, measured with performance.now() on one thread.
 */

const WARMUP = 5;
const RUNS = 15;

interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

function time(run: () => unknown, runs = RUNS, warmup = WARMUP): Timing {
  for (let i = 0; i < warmup; i++) run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { medianMs: round(ms[Math.floor(ms.length / 2)]), minMs: round(ms[0]), maxMs: round(ms[ms.length - 1]), runs };
}

const perSecond = (paths: number, ms: number) => Math.round((paths / ms) * 1000);

export async function runOfferBench(): Promise<Record<string, unknown>> {
  const paths = 100_000;

  const startupConfig = defaultStartupConfig(paths);
  const startup = time(() => simulateStartupEquity(startupConfig));
  const startupWithSummary = time(() => summarize(simulateStartupEquity(startupConfig).pv));

  const incumbentOffer = normalizeIncumbentOffer({ base: 220_000, bonusTargetPct: 15, grantValue: 800_000, preset: 'google', stock: { sigma: 0.3 } });
  const incumbent = time(() => simulateIncumbent({ offer: incumbentOffer, horizonYears: 4, rCash: 0.04, paths, seed: 2 }));
  const incumbentQuarterlyOffer = normalizeIncumbentOffer({ base: 220_000, bonusTargetPct: 15, grantValue: 800_000, preset: 'meta', stock: { sigma: 0.3 } });
  const incumbentQuarterly = time(() => simulateIncumbent({ offer: incumbentQuarterlyOffer, horizonYears: 4, rCash: 0.04, paths, seed: 2 }));

  const defaultPaths = 20_000;
  const evaluateDefault = time(() => evaluateOffer(offerInput(defaultPaths)));
  const evaluateLarge = time(() => evaluateOffer(offerInput(paths)), 7, 3);

  const csvPath = join(fileURLToPath(new URL('.', import.meta.url)), '../data/market/aijobs-salaries-2025-01-19.csv');
  const csv = readFileSync(csvPath, 'utf8');
  const parse = time(() => parseSalaryCsv(csv), 5, 1);
  const dataset = parseSalaryCsv(csv);
  const query = time(() => benchmark(dataset, { roleGroup: 'ml-engineer', level: 'SE' }), 50, 5);
  // Measured after the Node figures so Chromium does not compete with them for the CPU.
  const browserWorker = await runOfferWorkerBench();

  return {
    model: 'startup-equity-default',
    paths,
    pathsPerSecond: perSecond(paths, startup.medianMs),
    medianMs: startup.medianMs,
    startup: {
      description: 'stage-funnel Monte Carlo, seed company at 19.2M post, 0.5% ISO, 4y monthly vesting 1y cliff, default preset',
      ...startup,
      pathsPerSecond: perSecond(paths, startup.medianMs),
      withPercentiles: { ...startupWithSummary, pathsPerSecond: perSecond(paths, startupWithSummary.medianMs) },
    },
    incumbent: {
      description: 'GBM share price sampled at every vest date (Google preset: 48 monthly vests over 4 years), sigma 0.30',
      paths,
      ...incumbent,
      pathsPerSecond: perSecond(paths, incumbent.medianMs),
      quarterlyMeta: { ...incumbentQuarterly, pathsPerSecond: perSecond(paths, incumbentQuarterly.medianMs) },
    },
    evaluateOffer: {
      description: 'full comparison (validation, threshold, startup + incumbent simulations, cash, percentiles, histograms, break-even, scenario table, findings)',
      defaultPaths: { paths: defaultPaths, ...evaluateDefault, pathsPerSecond: perSecond(defaultPaths, evaluateDefault.medianMs) },
      largePaths: { paths, ...evaluateLarge, pathsPerSecond: perSecond(paths, evaluateLarge.medianMs) },
    },
    browserWorker,
    market: {
      parseSalaryCsvMs: parse.medianMs,
      benchmarkQueryMs: query.medianMs,
    },
    environment: {
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
      warmupRuns: WARMUP,
      timedRuns: RUNS,
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runOfferBench().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
