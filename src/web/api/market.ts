import { api } from './client.js';
import type { BenchmarkResponse, DatasetView, TableResponse } from '../../api/market.js';

/** The market endpoints (GET /api/v1/market/...). The shapes are the contract's (src/api/market.ts), imported as types only. */

export const MARKET_LEVELS = ['EN', 'MI', 'SE', 'EX'] as const;
export type MarketLevel = (typeof MARKET_LEVELS)[number];

export const LEVEL_LABELS: Record<string, string> = { EN: 'Entry', MI: 'Mid', SE: 'Senior', EX: 'Executive' };

/** A dataset as the datasets list sends it; `selected` marks the one the company uses. */
export type MarketDataset = DatasetView;
export type MarketTable = TableResponse;
/** One cell of the table: a benchmark's count, percentiles and fallback for a role group and level. */
export type MarketTableRow = MarketTable['rows'][number];
export type MarketBenchmark = BenchmarkResponse;

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
