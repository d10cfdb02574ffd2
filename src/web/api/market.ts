import { api } from './client.js';
import type { Benchmark } from '../../domain/market/benchmark.js';

/** The market endpoints (GET /api/v1/market/...), typed as the server sends them. */

export const MARKET_LEVELS = ['EN', 'MI', 'SE', 'EX'] as const;
export type MarketLevel = (typeof MARKET_LEVELS)[number];

export const LEVEL_LABELS: Record<string, string> = { EN: 'Entry', MI: 'Mid', SE: 'Senior', EX: 'Executive' };

export interface MarketDataset {
  id: string;
  name: string;
  source: string;
  sourceUrl?: string | null;
  asOf: string;
  licence?: string | null;
  /** rows in the file (datasets list only) */
  rows?: number;
  builtIn?: boolean;
  /** the dataset the company uses (datasets list only) */
  selected?: boolean;
}

/** One cell of the table: a benchmark's count, percentiles and fallback for a role group and level. */
export interface MarketTableRow extends Pick<Benchmark, 'n' | 'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'fallback'> {
  roleGroup: string;
  level: string;
}

export interface MarketTable {
  dataset: MarketDataset;
  country: string;
  roleGroups: { id: string; label: string }[];
  levels: string[];
  rows: MarketTableRow[];
}

export interface MarketBenchmark {
  dataset: MarketDataset;
  benchmark: Benchmark;
}

/** The datasets the company can use; `selected` marks the one it uses. */
export function listMarketDatasets(signal?: AbortSignal): Promise<{ items: MarketDataset[] }> {
  return api.get('/market/datasets', { signal });
}

/** Percentiles for every role group x level in one country; the company's dataset unless `datasetId`. */
export function getMarketTable(query: { country: string; datasetId?: string }, signal?: AbortSignal): Promise<MarketTable> {
  return api.get('/market/table', { query: { country: query.country, datasetId: query.datasetId }, signal });
}

export function getMarketBenchmark(query: { roleGroup: string; level: string; country: string }, signal?: AbortSignal): Promise<MarketBenchmark> {
  return api.get('/market/benchmarks', { query, signal });
}

/** Makes a dataset the one the company uses (needs datasets.manage). */
export function selectMarketDataset(datasetId: string): Promise<MarketDataset> {
  return api.put('/market/selection', { datasetId });
}
