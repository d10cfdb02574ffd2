import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from '../command.js';
import { callApi, HttpError, UsageError, type CliIo } from '../io.js';
import type { ImportJobView, ImportReportView } from '../../api/imports.js';
import { CSV_FIELDS } from '../../domain/imports/csv.js';

const SYSTEMS = ['greenhouse', 'lever', 'ashby', 'csv', 'closer'] as const;
const POLL_MS = 250;

/** The files of PATH: the file itself, or every data file under the folder (.csv for CSV; .json, .ndjson and .csv otherwise), named relative to it. */
function filesOf(path: string, system: string): Array<{ name: string; path: string }> {
  const wanted = system === 'csv' ? /\.csv$/i : /\.(json|ndjson|jsonl|csv)$/i;
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new UsageError(`${path} does not exist. Give the exported file or the folder that holds the export.`, 'path');
  }
  if (info.isFile()) return [{ name: basename(path), path }];
  const out: Array<{ name: string; path: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (wanted.test(entry.name)) out.push({ name: relative(path, full), path: full });
    }
  };
  walk(path);
  if (out.length === 0) throw new UsageError(`${path} holds no ${system === 'csv' ? '.csv' : '.json or .csv'} files.`, 'path');
  return out;
}

function readStageMap(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`${file} is not a JSON file like {"Phone Screen": "screen", "Onsite": "final"}.`, 'map-stages');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new UsageError(`${file} must map stage names to Closer stage ids, like {"Phone Screen": "screen"}.`, 'map-stages');
  }
  return parsed as Record<string, string>;
}

/** A spreadsheet's column mapping (`--map-columns FILE`): header -> Closer field, or null to leave a column out. */
function readColumnMap(file: string): Record<string, string | null> {
  const example = '{"Full name": "name", "E-mail": "email", "Internal notes": null}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`${file} is not a JSON file like ${example}.`, 'map-columns');
  }
  const fields: readonly string[] = CSV_FIELDS;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => v !== null && (typeof v !== 'string' || !fields.includes(v)))) {
    throw new UsageError(`${file} must map column headers to Closer fields (${fields.join(', ')}) or null, like ${example}.`, 'map-columns');
  }
  return parsed as Record<string, string | null>;
}

/** Streams one file to the import (bounded memory whatever its size). */
async function upload(io: CliIo, jobId: string, file: { name: string; path: string }): Promise<ImportJobView> {
  const base = (io.env.CLOSER_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const res = await fetch(`${base}/api/v1/imports/${jobId}/files?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${io.env.CLOSER_TOKEN ?? ''}`, 'content-type': 'application/octet-stream' },
    body: Readable.toWeb(createReadStream(file.path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const json = (await res.json().catch(() => ({}))) as ImportJobView & { code?: string; message?: string; field?: string };
  if (!res.ok) throw new HttpError(res.status, json.code ?? `HTTP_${res.status}`, `${file.name}: ${json.message ?? res.statusText}`, json.field);
  return json;
}

async function waitFor(io: CliIo, jobId: string, busy: string): Promise<ImportJobView> {
  for (;;) {
    const job = await callApi<ImportJobView>(io, 'GET', `/api/v1/imports/${jobId}`);
    if (job.status !== busy) {
      io.progress?.('');
      return job;
    }
    if (io.progress && job.progress) {
      const { phase, done, total } = job.progress;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
      const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
      io.progress(`${phase} [${bar}] ${pct}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')})`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function summary(report: ImportReportView, verb: string): string {
  const lines = Object.entries(report.counts)
    .filter(([, c]) => c.create + c.merge + c.skip > 0)
    .map(([entity, c]) => `  ${entity.padEnd(13)} ${verb} ${c.create}, merged ${c.merge}, skipped ${c.skip}`);
  const problems = report.problems.map((p) => `  ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.message}`);
  const more = report.problemCount > report.problems.length ? [`  ... and ${report.problemCount - report.problems.length} more (download the report for all)`] : [];
  return [...lines, ...(problems.length > 0 ? [`${report.errors} errors, ${report.warnings} warnings:`, ...problems, ...more] : [])].join('\n');
}

export const importCommand: Command = {
  path: ['import'],
  summary: 'Import candidates, jobs and stage history from Greenhouse, Lever, Ashby or a CSV file',
  usage: 'closer import greenhouse|lever|ashby|csv|closer PATH [--dry-run] [--json] [--map-stages FILE] [--map-columns FILE (csv)]   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean' }, 'map-stages': { type: 'string' }, 'map-columns': { type: 'string' } },
  async run(ctx) {
    const [system, path] = ctx.positionals;
    if (!system || !(SYSTEMS as readonly string[]).includes(system)) throw new UsageError(`Name the system: ${this.usage}`, 'system');
    if (!path) throw new UsageError(`Name the file or folder to import: ${this.usage}`, 'path');
    const files = filesOf(resolve(ctx.io.cwd, path), system);
    const mapFile = ctx.values['map-stages'];
    const stageMap = typeof mapFile === 'string' ? readStageMap(resolve(ctx.io.cwd, mapFile)) : undefined;

    const columnsFile = ctx.values['map-columns'];
    if (typeof columnsFile === 'string' && system !== 'csv') throw new UsageError('--map-columns is for a spreadsheet (closer import csv PATH --map-columns FILE).', 'map-columns');
    const csvMapping = typeof columnsFile === 'string' ? readColumnMap(resolve(ctx.io.cwd, columnsFile)) : undefined;

    const job = await callApi<ImportJobView>(ctx.io, 'POST', '/api/v1/imports', csvMapping ? { system, csvMapping } : { system });
    for (const f of files) {
      ctx.io.progress?.(`uploading ${f.name}`);
      await upload(ctx.io, job.id, f);
    }
    await callApi(ctx.io, 'POST', `/api/v1/imports/${job.id}/dry-run`);
    let checked = await waitFor(ctx.io, job.id, 'checking');
    if (checked.status === 'failed') throw new Error(checked.error ?? 'The dry run failed.');
    if (stageMap && Object.keys(stageMap).length > 0) {
      checked = await callApi<ImportJobView>(ctx.io, 'PUT', `/api/v1/imports/${job.id}/stage-mapping`, { mapping: stageMap }, { 'if-match': `"${checked.version}"` });
    }
    const report = checked.dryRun!;
    const unmapped = report.stages.filter((s) => s.mappedTo === null).map((s) => s.name);
    if (ctx.values['dry-run'] === true || report.errors > 0 || unmapped.length > 0) {
      const lines = [`Dry run of ${files.length} file${files.length === 1 ? '' : 's'} (import ${job.id}); nothing was written.`, summary(report, 'would create')];
      if (unmapped.length > 0) lines.push(`Stages to map before the import can run: ${unmapped.join(', ')}. Write them to a JSON file such as ${JSON.stringify(Object.fromEntries(unmapped.map((n) => [n, checked.closerStages[0]?.id ?? 'screen'])))} (Closer stages: ${checked.closerStages.map((s) => s.id).join(', ')}) and pass --map-stages FILE.`);
      ctx.print({ job: job.id, dryRun: true, report, unmappedStages: unmapped }, lines.join('\n'));
      if (report.errors > 0) {
        ctx.io.stderr(`The files have ${report.errors} error${report.errors === 1 ? '' : 's'}; fix them and run the import again.`);
        return 2;
      }
      if (unmapped.length > 0 && ctx.values['dry-run'] !== true) return 2;
      return 0;
    }
    await callApi(ctx.io, 'POST', `/api/v1/imports/${job.id}/run`);
    const done = await waitFor(ctx.io, job.id, 'running');
    if (done.status !== 'done') throw new Error(done.error ?? 'The import failed; nothing was imported.');
    ctx.print({ job: job.id, dryRun: false, report: done.report }, [`Imported (import ${job.id}).`, summary(done.report!, 'created')].join('\n'));
    return 0;
  },
};
