import datasetsJson from '../../../data/market/datasets.json' with { type: 'json' };

/** The dataset registry (data/market/datasets.json): which file, source, as-of date and licence every benchmark comes from. */

export interface DatasetInfo {
  id: string;
  file: string;
  licenceFile: string;
  source: string;
  sourceUrl: string;
  asOf: string;
  licence: string;
  sha256: string;
  rows: number;
  collapsedRecords: number;
  isDefault: boolean;
}

export function listDatasets(): DatasetInfo[] {
  return datasetsJson.datasets.map((d) => ({
    id: d.id,
    file: d.file,
    licenceFile: d.licenceFile,
    source: d.source,
    sourceUrl: d.sourceUrl,
    asOf: d.asOf,
    licence: d.licence,
    sha256: d.sha256,
    rows: d.rows,
    collapsedRecords: d.collapsedRecords,
    isDefault: d.id === datasetsJson.default,
  }));
}
