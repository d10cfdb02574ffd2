import { z } from 'zod';
import { cleanText } from '../domain/company/company.js';
import { listOf } from './shared.js';

/** Request and response schemas of the market routes (docs/api-compensation.md). Querystrings are strings, parsed here explicitly. */

/** Largest CSV an import accepts (characters); the bundled 74,301-row file is about 4 MB. */
export const MAX_IMPORT_CSV_CHARS = 8 * 1024 * 1024;

const CountryParam = z.string().regex(/^[A-Za-z]{2}$/, { message: 'country: use an ISO 3166 alpha-2 code such as US' });
const DatasetIdParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, { message: 'datasetId: letters, digits, dot, dash or underscore' });

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export const DatasetImportBody = z.strictObject({
  name: cleanText(120),
  source: cleanText(200),
  sourceUrl: cleanText(500).pipe(z.url({ protocol: /^https?$/ })).optional(),
  asOf: z.string().refine(isCalendarDate, { message: 'asOf: a calendar date as YYYY-MM-DD' }),
  licence: cleanText(100).optional(),
  csv: z.string().min(1).max(MAX_IMPORT_CSV_CHARS),
});
export type DatasetImportBody = z.infer<typeof DatasetImportBody>;

export const SelectionBody = z.strictObject({ datasetId: DatasetIdParam });
export type SelectionBody = z.infer<typeof SelectionBody>;

export const BenchmarkQuery = z.strictObject({
  roleGroup: z.string().min(1).max(100),
  level: z.string().min(1).max(40),
  country: CountryParam.optional(),
  datasetId: DatasetIdParam.optional(),
});
export type BenchmarkQuery = z.infer<typeof BenchmarkQuery>;

export const TableQuery = z.strictObject({
  country: CountryParam.optional(),
  datasetId: DatasetIdParam.optional(),
});
export type TableQuery = z.infer<typeof TableQuery>;

const Level = z.enum(['EN', 'MI', 'SE', 'EX']);
const Fallback = z.enum(['none', 'years', 'roleGroup', 'allTitles']);

export const DatasetView = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  asOf: z.string(),
  licence: z.string(),
  rows: z.number().int(),
  builtIn: z.boolean(),
  selected: z.boolean(),
});
export type DatasetView = z.infer<typeof DatasetView>;

export const DatasetRefView = z.object({ id: z.string(), name: z.string(), source: z.string(), asOf: z.string() });
export type DatasetRefView = z.infer<typeof DatasetRefView>;
export const DatasetFullRefView = DatasetRefView.extend({ sourceUrl: z.string().nullable(), licence: z.string() });
export type DatasetFullRefView = z.infer<typeof DatasetFullRefView>;

export const BenchmarkView = z.object({
  n: z.number().int(),
  p10: z.number().nullable(),
  p25: z.number().nullable(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
  rangeLowP50: z.number().nullable(),
  rangeHighP50: z.number().nullable(),
  fallback: Fallback,
  used: z.object({
    roleGroup: z.string(),
    level: Level,
    country: z.string(),
    residence: z.string().nullable(),
    years: z.array(z.number().int()),
    titles: z.number().int(),
    unit: z.enum(['pairMidpoint', 'row']),
  }),
  currency: z.literal('USD'),
  asOf: z.string(),
  source: z.string(),
  datasetId: z.string(),
});
export type BenchmarkView = z.infer<typeof BenchmarkView>;

export const BenchmarkResponse = z.object({ dataset: DatasetRefView, benchmark: BenchmarkView });
export type BenchmarkResponse = z.infer<typeof BenchmarkResponse>;

export const TableResponse = z.object({
  dataset: DatasetFullRefView,
  country: z.string(),
  roleGroups: z.array(z.object({ id: z.string(), label: z.string() })),
  levels: z.array(Level),
  rows: z.array(
    z.object({
      roleGroup: z.string(),
      level: Level,
      n: z.number().int(),
      p10: z.number().int().nullable(),
      p25: z.number().int().nullable(),
      p50: z.number().int().nullable(),
      p75: z.number().int().nullable(),
      p90: z.number().int().nullable(),
      fallback: Fallback,
    }),
  ),
});
export type TableResponse = z.infer<typeof TableResponse>;

export const DatasetListView = listOf(DatasetView);
export type DatasetListView = z.infer<typeof DatasetListView>;
