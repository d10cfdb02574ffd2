import type { DatasetRef, DatasetView, MarketTable } from '../../services/market.js';
import type { Benchmark } from '../../../domain/market/index.js';

/** The fields of a dataset that leave the server. Market data is compensation: only roles with market.read reach these. */

export function presentDataset(d: DatasetView): DatasetView {
  return { id: d.id, name: d.name, source: d.source, sourceUrl: d.sourceUrl, asOf: d.asOf, licence: d.licence, rows: d.rows, builtIn: d.builtIn, selected: d.selected };
}

export function presentDatasetRef(d: DatasetRef): { id: string; name: string; source: string; asOf: string } {
  return { id: d.id, name: d.name, source: d.source, asOf: d.asOf };
}

export function presentBenchmark(dataset: DatasetRef, benchmark: Benchmark): { dataset: ReturnType<typeof presentDatasetRef>; benchmark: Benchmark } {
  return { dataset: presentDatasetRef(dataset), benchmark };
}

export function presentTable(t: MarketTable): MarketTable {
  const d = t.dataset;
  return {
    dataset: { id: d.id, name: d.name, source: d.source, sourceUrl: d.sourceUrl, asOf: d.asOf, licence: d.licence },
    country: t.country,
    roleGroups: t.roleGroups,
    levels: t.levels,
    rows: t.rows,
  };
}
