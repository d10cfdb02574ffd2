import { z } from 'zod';
import { cleanText } from '../domain/company/company.js';
import { IMPORT_SYSTEMS } from '../domain/imports/canonical.js';
import { CSV_FIELDS } from '../domain/imports/csv.js';
import { IMPORT_ENTITIES } from '../domain/imports/plan.js';

/** The systems an import can read (those with a parser on this server; others answer 400 IMPORT_SYSTEM_UNSUPPORTED). */
export const ImportSystemName = z.enum(IMPORT_SYSTEMS);

/** POST /api/v1/imports: a new import of one system's files; for CSV, optionally the column mapping (header -> field). */
export const ImportCreateBody = z.strictObject({
  system: ImportSystemName,
  csvMapping: z.record(cleanText(200), z.enum(CSV_FIELDS).nullable()).optional(),
});
export type ImportCreateBody = z.infer<typeof ImportCreateBody>;

/** POST /api/v1/imports/{id}/files?name=: the file's name (its path inside the export, as the user knows it). */
export const ImportFileQuery = z.strictObject({ name: cleanText(300).refine((s) => s.trim() !== '', { message: 'Name the file' }) });
export type ImportFileQuery = z.infer<typeof ImportFileQuery>;

/** PUT /api/v1/imports/{id}/stage-mapping (If-Match of the import): stage name as the source writes it -> Closer stage id. */
export const ImportStageMappingBody = z.strictObject({
  mapping: z.record(cleanText(200), z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'A Closer stage id' })),
});
export type ImportStageMappingBody = z.infer<typeof ImportStageMappingBody>;

export const ImportProblemView = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  recordId: z.string().optional(),
  field: z.string().optional(),
});
export type ImportProblemView = z.infer<typeof ImportProblemView>;

const Counts = z.object({ create: z.number(), merge: z.number(), skip: z.number() });

/** The dry run's report (what will happen) and the final one (what happened): counts per entity and every problem. */
export const ImportReportView = z.object({
  system: ImportSystemName,
  counts: z.record(z.enum(IMPORT_ENTITIES), Counts),
  stages: z.array(z.object({ name: z.string(), label: z.string().optional(), mappedTo: z.string().nullable() })),
  problems: z.array(ImportProblemView),
  /** How many problems the list holds in all; the job view shows the first ones, the report download all of them. */
  problemCount: z.number(),
  errors: z.number(),
  warnings: z.number(),
});
export type ImportReportView = z.infer<typeof ImportReportView>;

export const ImportStatusName = z.enum(['uploading', 'checking', 'checked', 'running', 'done', 'failed']);
export type ImportStatusName = z.infer<typeof ImportStatusName>;

export const ImportJobView = z.object({
  id: z.string(),
  system: ImportSystemName,
  status: ImportStatusName,
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
  /** The stages an imported stage can be mapped to. */
  closerStages: z.array(z.object({ id: z.string(), name: z.string() })),
  dryRun: ImportReportView.nullable(),
  report: ImportReportView.nullable(),
  error: z.string().nullable(),
  /** While a step runs: how far it is. */
  progress: z.object({ phase: z.enum(['reading', 'planning', 'writing']), done: z.number(), total: z.number() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  version: z.number(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

export const ImportJobList = z.object({ items: z.array(ImportJobView) });
export type ImportJobList = z.infer<typeof ImportJobList>;
