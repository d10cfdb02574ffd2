import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchmark, BENCHMARK_FALLBACK, EXPERIENCE_LEVELS, listDatasets, parseSalaryCsv, ROLE_GROUPS } from '../../domain/market/index.js';
import type { Benchmark, DatasetInfo, ExperienceLevel, SalaryDataset } from '../../domain/market/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  getCompany,
  getMarketDatasetOrThrow,
  getMarketDatasetCsv,
  getMarketSelection,
  insertMarketDataset,
  listMarketDatasets,
  putMarketSelection,
  recordAudit,
} from '../../storage/index.js';
import type { MarketDatasetRecord, Store, Tx, UserRecord } from '../../storage/index.js';
import { PROJECT_ROOT } from '../paths.js';

/**
 * Market benchmarks (compensation-model.md 4.5) over the bundled aijobs.net file or an imported
 * survey. The bundled file is read and indexed once per process; imported files are parsed once per
 * server and cached by id. Datasets are immutable once imported, so a cached parse never goes stale.
 */

/** Request body limit of an import: the CSV as a JSON string (escaped newlines, multi-byte text) plus the metadata. */
export const MAX_IMPORT_BODY_BYTES = 12 * 1024 * 1024;
/** How many parsed imported datasets a server keeps in memory (a parsed 4 MB file is about 1.5 MB of typed arrays). */
const MAX_CACHED_DATASETS = 8;

/** What every benchmark names as its source: the descriptive fields of a dataset record. */
export type DatasetRef = Pick<MarketDatasetRecord, 'id' | 'name' | 'source' | 'sourceUrl' | 'asOf' | 'licence'>;

export interface DatasetView extends DatasetRef {
  rows: number;
  builtIn: boolean;
  selected: boolean;
}

/** One cell of the table: a benchmark's percentiles rounded to whole USD. */
export interface MarketTableRow extends Pick<Benchmark, 'n' | 'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'fallback'> {
  roleGroup: string;
  level: ExperienceLevel;
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
const BUNDLED_BY_ID: ReadonlyMap<string, DatasetInfo> = new Map(BUNDLED.map((d) => [d.id, d]));
const DEFAULT_ID = (BUNDLED.find((d) => d.isDefault) ?? BUNDLED[0]!).id;
/** The table's axes do not depend on the dataset. */
const TABLE_ROLE_GROUPS = ROLE_GROUPS.map((g) => ({ id: g.id, label: g.label }));
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

function bundledView(d: DatasetInfo, selectedId: string): DatasetView {
  return { ...bundledRef(d), rows: d.rows, builtIn: true, selected: d.id === selectedId };
}

function importedView(d: MarketDatasetRecord, selectedId: string): DatasetView {
  return { ...importedRef(d), rows: d.rows, builtIn: false, selected: d.id === selectedId };
}

/** A parsed dataset with the reference every answer from it names. */
interface ResolvedDataset {
  ref: DatasetRef;
  ds: SalaryDataset;
}

const bundledMemo = new Map<string, Promise<SalaryDataset>>();

/** The bundled dataset, read from data/market and indexed on first use, then shared by every request of the process. */
export function loadBundledDataset(id: string = DEFAULT_ID): Promise<SalaryDataset> {
  let memo = bundledMemo.get(id);
  if (!memo) {
    const info = BUNDLED_BY_ID.get(id);
    if (!info) return Promise.reject(new DomainError('DATASET_NOT_FOUND', `No bundled dataset ${id}.`, 'datasetId'));
    memo = readFile(join(PROJECT_ROOT, 'data/market', info.file), 'utf8').then((text) =>
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
  /** Imported datasets by id, with their reference: datasets are immutable, so a hit needs no query at all. */
  private readonly imported = new Map<string, Promise<ResolvedDataset>>();
  private readonly tables = new Map<string, MarketTable>();

  constructor(private readonly store: Store) {}

  private remember(id: string, ds: Promise<ResolvedDataset>): void {
    this.imported.delete(id);
    this.imported.set(id, ds);
    ds.catch(() => this.imported.delete(id));
    while (this.imported.size > MAX_CACHED_DATASETS) {
      const oldest = this.imported.keys().next().value as string;
      this.imported.delete(oldest);
      for (const key of [...this.tables.keys()]) if (key.startsWith(`${oldest}|`)) this.tables.delete(key);
    }
  }

  private async loadImported(id: string): Promise<ResolvedDataset> {
    const cached = this.imported.get(id);
    if (cached) {
      // Most recently used goes to the end of the eviction order.
      this.imported.delete(id);
      this.imported.set(id, cached);
      return cached;
    }
    const parsing = Promise.all([getMarketDatasetOrThrow(this.store.db, id), getMarketDatasetCsv(this.store.db, id)]).then(([rec, csv]) => ({
      ref: importedRef(rec),
      ds: parseSalaryCsv(csv!, { id, source: rec.source, asOf: rec.asOf, licence: rec.licence }),
    }));
    this.remember(id, parsing);
    return parsing;
  }

  /** The company's selected dataset id (the bundled default when none was chosen). */
  async selectedId(db: Tx = this.store.db): Promise<string> {
    const company = await getCompany(db);
    if (!company) return DEFAULT_ID;
    return (await getMarketSelection(db, company.id))?.datasetId ?? DEFAULT_ID;
  }

  /** The parsed dataset and its reference: `datasetId` when given, else the company's selection; DATASET_NOT_FOUND for an unknown id. */
  async resolve(datasetId?: string): Promise<ResolvedDataset> {
    const id = datasetId ?? (await this.selectedId());
    const bundled = BUNDLED_BY_ID.get(id);
    return bundled ? { ref: bundledRef(bundled), ds: await loadBundledDataset(id) } : this.loadImported(id);
  }

  async listDatasets(): Promise<DatasetView[]> {
    const [selected, imported] = await Promise.all([this.selectedId(), listMarketDatasets(this.store.db)]);
    return [...BUNDLED.map((d) => bundledView(d, selected)), ...imported.map((d) => importedView(d, selected))];
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
    this.remember(rec.id, Promise.resolve({ ref: importedRef(rec), ds: prepared.ds }));
    return importedView(rec, await this.selectedId(tx));
  }

  /** Makes a dataset the company's source of benchmarks (audited). */
  async select(tx: Tx, actor: UserRecord, datasetId: string, now: Date): Promise<DatasetView> {
    const bundled = BUNDLED_BY_ID.get(datasetId);
    const view = bundled ? bundledView(bundled, datasetId) : importedView(await getMarketDatasetOrThrow(tx, datasetId), datasetId);
    const company = await getCompany(tx);
    if (!company) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
    await putMarketSelection(tx, { companyId: company.id, datasetId, updatedBy: actor.id, updatedAt: now.toISOString() });
    await recordAudit(tx, { actorId: actor.id, action: 'market.selection.update', entity: 'market_selection', entityId: company.id, fields: ['datasetId'], at: now });
    return view;
  }

  async benchmark(query: { roleGroup: string; level: string; country?: string; datasetId?: string }): Promise<{ dataset: DatasetRef; benchmark: Benchmark }> {
    const { ref, ds } = await this.resolve(query.datasetId);
    return { dataset: ref, benchmark: benchmark(ds, { roleGroup: query.roleGroup, level: query.level, country: query.country }) };
  }

  /** Every role group x level for one country; computed once per dataset and country (a cached table needs no dataset lookup). */
  async table(country: string = BENCHMARK_FALLBACK.defaultCountry, datasetId?: string): Promise<MarketTable> {
    const id = datasetId ?? (await this.selectedId());
    const code = country.toUpperCase();
    const key = `${id}|${code}`;
    const cached = this.tables.get(key);
    if (cached) return cached;
    const { ref, ds } = await this.resolve(id);
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
      roleGroups: TABLE_ROLE_GROUPS,
      levels: [...EXPERIENCE_LEVELS],
      rows,
    };
    if (this.tables.size >= MAX_CACHED_TABLES) this.tables.clear();
    this.tables.set(key, table);
    return table;
  }
}
