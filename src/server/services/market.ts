import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { benchmark, BENCHMARK_FALLBACK, EXPERIENCE_LEVELS, listDatasets, parseSalaryCsv, ROLE_GROUPS } from '../../domain/market/index.js';
import type { Benchmark, BenchmarkFallback, DatasetInfo, ExperienceLevel, SalaryDataset } from '../../domain/market/index.js';
import { DomainError, NotFoundError } from '../../domain/shared/errors.js';
import {
  getCompany,
  getMarketDataset,
  getMarketDatasetCsv,
  getMarketSelection,
  insertMarketDataset,
  listMarketDatasets,
  putMarketSelection,
  recordAudit,
} from '../../storage/index.js';
import type { MarketDatasetRecord, Store, Tx, UserRecord } from '../../storage/index.js';

/**
 * Market benchmarks (compensation-model.md 4.5) over the bundled aijobs.net file or an imported
 * survey. The bundled file is read and indexed once per process; imported files are parsed once per
 * server and cached by id. Datasets are immutable once imported, so a cached parse never goes stale.
 */

/** Largest CSV an import accepts (characters); the bundled 74,301-row file is about 4 MB. */
export const MAX_IMPORT_CSV_CHARS = 8 * 1024 * 1024;
/** Request body limit of an import: the CSV as a JSON string (escaped newlines, multi-byte text) plus the metadata. */
export const MAX_IMPORT_BODY_BYTES = 12 * 1024 * 1024;
/** How many parsed imported datasets a server keeps in memory (a parsed 4 MB file is about 1.5 MB of typed arrays). */
const MAX_CACHED_DATASETS = 8;

export interface DatasetView {
  id: string;
  name: string;
  source: string;
  sourceUrl: string | null;
  asOf: string;
  licence: string;
  rows: number;
  builtIn: boolean;
  selected: boolean;
}

export interface DatasetRef {
  id: string;
  name: string;
  source: string;
  sourceUrl: string | null;
  asOf: string;
  licence: string;
}

export interface MarketTableRow {
  roleGroup: string;
  level: ExperienceLevel;
  n: number;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  fallback: BenchmarkFallback;
}

export interface MarketTable {
  dataset: DatasetRef;
  country: string;
  roleGroups: Array<{ id: string; label: string }>;
  levels: ExperienceLevel[];
  rows: MarketTableRow[];
}

export interface DatasetImport {
  name: string;
  source: string;
  sourceUrl?: string;
  asOf: string;
  licence?: string;
  csv: string;
}

const BUNDLED: readonly DatasetInfo[] = listDatasets();
const DEFAULT_ID = (BUNDLED.find((d) => d.isDefault) ?? BUNDLED[0]!).id;
const UNSTATED_LICENCE = 'not stated';
/** Table cells are money: whole USD. */
const whole = (x: number | null): number | null => (x === null ? null : Math.round(x));
/** Bound on cached tables (datasets x countries). */
const MAX_CACHED_TABLES = 256;

function bundledRef(d: DatasetInfo): DatasetRef {
  return { id: d.id, name: `aijobs.net salaries (${d.asOf})`, source: d.source, sourceUrl: d.sourceUrl, asOf: d.asOf, licence: d.licence };
}

function importedRef(d: MarketDatasetRecord): DatasetRef {
  return { id: d.id, name: d.name, source: d.source, sourceUrl: d.sourceUrl, asOf: d.asOf, licence: d.licence };
}

const bundledMemo = new Map<string, Promise<SalaryDataset>>();

/** The bundled dataset, read from data/market and indexed on first use, then shared by every request of the process. */
export function loadBundledDataset(id: string = DEFAULT_ID): Promise<SalaryDataset> {
  let memo = bundledMemo.get(id);
  if (!memo) {
    const info = BUNDLED.find((d) => d.id === id);
    if (!info) return Promise.reject(new NotFoundError('DATASET_NOT_FOUND', `No bundled dataset ${id}.`, 'datasetId'));
    memo = readFile(new URL(`../../../data/market/${info.file}`, import.meta.url), 'utf8').then((text) =>
      parseSalaryCsv(text, { id: info.id, source: info.source, asOf: info.asOf, licence: info.licence }),
    );
    // A failed read is not memoised: the next request tries again.
    memo.catch(() => bundledMemo.delete(id));
    bundledMemo.set(id, memo);
  }
  return memo;
}

/** Parses an import: DATASET_INVALID with the line as `csv` field context when the file is malformed. */
function parseImport(id: string, body: DatasetImport): SalaryDataset {
  try {
    return parseSalaryCsv(body.csv, { id, source: body.source, asOf: body.asOf, licence: body.licence ?? UNSTATED_LICENCE });
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, `csv: ${error.message}`, 'csv');
    throw error;
  }
}

/** One per server: the parsed-dataset cache lives as long as the app. */
export class MarketService {
  private readonly imported = new Map<string, Promise<SalaryDataset>>();
  private readonly tables = new Map<string, MarketTable>();

  constructor(private readonly store: Store) {}

  private remember(id: string, ds: Promise<SalaryDataset>): void {
    this.imported.delete(id);
    this.imported.set(id, ds);
    ds.catch(() => this.imported.delete(id));
    while (this.imported.size > MAX_CACHED_DATASETS) {
      const oldest = this.imported.keys().next().value as string;
      this.imported.delete(oldest);
      for (const key of [...this.tables.keys()]) if (key.startsWith(`${oldest}|`)) this.tables.delete(key);
    }
  }

  private async loadImported(id: string): Promise<SalaryDataset> {
    const cached = this.imported.get(id);
    if (cached) {
      // Most recently used goes to the end of the eviction order.
      this.imported.delete(id);
      this.imported.set(id, cached);
      return cached;
    }
    const parsing = getMarketDatasetCsv(this.store.db, id).then((csv) => {
      if (csv === undefined) throw new NotFoundError('DATASET_NOT_FOUND', 'No such dataset.', 'datasetId');
      return getMarketDataset(this.store.db, id).then((rec) => parseSalaryCsv(csv, { id, source: rec!.source, asOf: rec!.asOf, licence: rec!.licence }));
    });
    this.remember(id, parsing);
    return parsing;
  }

  /** The company's selected dataset id (the bundled default when none was chosen). */
  async selectedId(db: Tx = this.store.db): Promise<string> {
    const company = await getCompany(db);
    if (!company) return DEFAULT_ID;
    return (await getMarketSelection(db, company.id))?.datasetId ?? DEFAULT_ID;
  }

  /** A dataset's reference; NOT_FOUND for an unknown id. */
  async describe(id: string, db: Tx = this.store.db): Promise<DatasetRef> {
    const bundled = BUNDLED.find((d) => d.id === id);
    if (bundled) return bundledRef(bundled);
    const rec = await getMarketDataset(db, id);
    if (!rec) throw new NotFoundError('DATASET_NOT_FOUND', 'No such dataset.', 'datasetId');
    return importedRef(rec);
  }

  /** The parsed dataset: `datasetId` when given, else the company's selection. */
  async resolve(datasetId?: string): Promise<{ ref: DatasetRef; ds: SalaryDataset }> {
    const id = datasetId ?? (await this.selectedId());
    const ref = await this.describe(id);
    const ds = BUNDLED.some((d) => d.id === id) ? await loadBundledDataset(id) : await this.loadImported(id);
    return { ref, ds };
  }

  async listDatasets(): Promise<DatasetView[]> {
    const [selected, imported] = await Promise.all([this.selectedId(), listMarketDatasets(this.store.db)]);
    return [
      ...BUNDLED.map((d) => ({ ...bundledRef(d), rows: d.rows, builtIn: true, selected: d.id === selected })),
      ...imported.map((d) => ({ ...importedRef(d), rows: d.rows, builtIn: false, selected: d.id === selected })),
    ];
  }

  /** Parses an import (outside any transaction: a 4 MB file takes a few hundred ms); the caller stores it with storeImport. */
  prepareImport(body: DatasetImport): { id: string; ds: SalaryDataset } {
    const id = randomUUID();
    return { id, ds: parseImport(id, body) };
  }

  /** Stores a prepared import with its audit entry (field names only) in the caller's transaction, and caches the parse. */
  async storeImport(tx: Tx, actor: UserRecord, body: DatasetImport, prepared: { id: string; ds: SalaryDataset }, now: Date): Promise<DatasetView> {
    const rec = await insertMarketDataset(tx, {
      id: prepared.id,
      name: body.name,
      source: body.source,
      sourceUrl: body.sourceUrl ?? null,
      asOf: body.asOf,
      licence: body.licence ?? UNSTATED_LICENCE,
      rows: prepared.ds.rowCount,
      records: prepared.ds.recordCount,
      byteSize: Buffer.byteLength(body.csv, 'utf8'),
      sha256: createHash('sha256').update(body.csv).digest('hex'),
      csv: body.csv,
      createdBy: actor.id,
      createdAt: now.toISOString(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'market.dataset.import',
      entity: 'market_dataset',
      entityId: rec.id,
      fields: ['name', 'source', 'asOf', 'licence', 'csv', ...(body.sourceUrl !== undefined ? ['sourceUrl'] : [])],
      at: now,
    });
    this.remember(rec.id, Promise.resolve(prepared.ds));
    const selected = await this.selectedId(tx);
    return { ...importedRef(rec), rows: rec.rows, builtIn: false, selected: selected === rec.id };
  }

  /** Makes a dataset the company's source of benchmarks (audited). */
  async select(tx: Tx, actor: UserRecord, datasetId: string, now: Date): Promise<DatasetView> {
    const ref = await this.describe(datasetId, tx);
    const company = await getCompany(tx);
    if (!company) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
    await putMarketSelection(tx, { companyId: company.id, datasetId, updatedBy: actor.id, updatedAt: now.toISOString() });
    await recordAudit(tx, { actorId: actor.id, action: 'market.selection.update', entity: 'market_selection', entityId: company.id, fields: ['datasetId'], at: now });
    const bundled = BUNDLED.find((d) => d.id === datasetId);
    const rows = bundled ? bundled.rows : (await getMarketDataset(tx, datasetId))!.rows;
    return { ...ref, rows, builtIn: bundled !== undefined, selected: true };
  }

  async benchmark(query: { roleGroup: string; level: string; country?: string; datasetId?: string }): Promise<{ dataset: DatasetRef; benchmark: Benchmark }> {
    const { ref, ds } = await this.resolve(query.datasetId);
    return { dataset: ref, benchmark: benchmark(ds, { roleGroup: query.roleGroup, level: query.level, country: query.country }) };
  }

  /** Every role group x level for one country; computed once per dataset and country. */
  async table(country: string = BENCHMARK_FALLBACK.defaultCountry, datasetId?: string): Promise<MarketTable> {
    const { ref, ds } = await this.resolve(datasetId);
    const code = country.toUpperCase();
    const key = `${ref.id}|${code}`;
    const cached = this.tables.get(key);
    if (cached) return cached;
    const rows: MarketTableRow[] = [];
    for (const group of ROLE_GROUPS) {
      for (const level of EXPERIENCE_LEVELS) {
        const b = benchmark(ds, { roleGroup: group.id, level, country: code });
        rows.push({ roleGroup: group.id, level, n: b.n, p10: whole(b.p10), p25: whole(b.p25), p50: whole(b.p50), p75: whole(b.p75), p90: whole(b.p90), fallback: b.fallback });
      }
    }
    const table: MarketTable = {
      dataset: ref,
      country: code,
      roleGroups: ROLE_GROUPS.map((g) => ({ id: g.id, label: g.label })),
      levels: [...EXPERIENCE_LEVELS],
      rows,
    };
    if (this.tables.size >= MAX_CACHED_TABLES) this.tables.clear();
    this.tables.set(key, table);
    return table;
  }
}
