import { sql } from 'kysely';
import { DomainError } from '../../domain/shared/errors.js';
import type { MarketDatasetTable } from '../schema.js';
import type { Tx } from '../transaction.js';

/** An imported salary survey, without its CSV text (lists never carry the file). */
export interface MarketDatasetRecord {
  id: string;
  name: string;
  source: string;
  sourceUrl: string | null;
  asOf: string;
  licence: string;
  rows: number;
  records: number;
  byteSize: number;
  sha256: string;
  createdBy: string | null;
  createdAt: string;
}

export interface MarketSelectionRecord {
  companyId: string;
  datasetId: string;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
}

const LIST_COLUMNS = ['id', 'name', 'source', 'source_url', 'as_of', 'licence', 'row_count', 'record_count', 'byte_size', 'sha256', 'created_by', 'created_at'] as const;

function toRecord(r: Omit<MarketDatasetTable, 'csv'>): MarketDatasetRecord {
  return {
    id: r.id,
    name: r.name,
    source: r.source,
    sourceUrl: r.source_url,
    asOf: r.as_of,
    licence: r.licence,
    rows: Number(r.row_count),
    records: Number(r.record_count),
    byteSize: Number(r.byte_size),
    sha256: r.sha256,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function insertMarketDataset(tx: Tx, d: MarketDatasetRecord & { csv: string }): Promise<MarketDatasetRecord> {
  await tx
    .insertInto('market_datasets')
    .values({
      id: d.id,
      name: d.name,
      source: d.source,
      source_url: d.sourceUrl,
      as_of: d.asOf,
      licence: d.licence,
      row_count: d.rows,
      record_count: d.records,
      byte_size: d.byteSize,
      sha256: d.sha256,
      csv: d.csv,
      created_by: d.createdBy,
      created_at: d.createdAt,
    })
    .execute();
  const { csv: _csv, ...record } = d;
  return record;
}

/** Imported datasets, oldest first. */
export async function listMarketDatasets(tx: Tx): Promise<MarketDatasetRecord[]> {
  const rows = await tx.selectFrom('market_datasets').select(LIST_COLUMNS).orderBy('created_at').orderBy('id').execute();
  return rows.map(toRecord);
}

async function getMarketDataset(tx: Tx, id: string): Promise<MarketDatasetRecord | undefined> {
  const row = await tx.selectFrom('market_datasets').select(LIST_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function getMarketDatasetOrThrow(tx: Tx, id: string): Promise<MarketDatasetRecord> {
  const d = await getMarketDataset(tx, id);
  if (!d) throw new DomainError('DATASET_NOT_FOUND', 'No such dataset.', 'datasetId');
  return d;
}

/** The stored CSV text of an imported dataset (read only to parse it into the cache). */
export async function getMarketDatasetCsv(tx: Tx, id: string): Promise<string | undefined> {
  const row = await tx.selectFrom('market_datasets').select('csv').where('id', '=', id).executeTakeFirst();
  return row?.csv;
}

export async function getMarketSelection(tx: Tx, companyId: string): Promise<MarketSelectionRecord | undefined> {
  const r = await tx.selectFrom('market_selection').selectAll().where('company_id', '=', companyId).executeTakeFirst();
  return r ? { companyId: r.company_id, datasetId: r.dataset_id, updatedBy: r.updated_by, updatedAt: r.updated_at, version: r.version } : undefined;
}

/** Sets the company's dataset: one row per company, upserted so two first selections at once cannot collide. */
export async function putMarketSelection(tx: Tx, s: { companyId: string; datasetId: string; updatedBy: string | null; updatedAt: string }): Promise<MarketSelectionRecord> {
  await tx
    .insertInto('market_selection')
    .values({ company_id: s.companyId, dataset_id: s.datasetId, updated_by: s.updatedBy, updated_at: s.updatedAt, version: 1 })
    .onConflict((oc) =>
      oc.column('company_id').doUpdateSet({ dataset_id: s.datasetId, updated_by: s.updatedBy, updated_at: s.updatedAt, version: sql<number>`market_selection.version + 1` }),
    )
    .execute();
  const stored = await getMarketSelection(tx, s.companyId);
  if (!stored) throw new Error('market selection vanished after upsert');
  return stored;
}
