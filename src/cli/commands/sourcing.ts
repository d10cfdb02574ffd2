import { readFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { callApi, HttpError, UsageError } from '../io.js';
import type { PoolListView, PoolView, ProspectImportReport } from '../../api/sourcing.js';
import { FOUND_HOW, PROSPECT_IMPORT_FIELDS } from '../../domain/sourcing/index.js';

/** The pool named NAME (case-insensitive), or a usage error listing the pools there are. */
async function poolNamed(ctx: Parameters<Command['run']>[0], name: string): Promise<PoolView> {
  const { items } = await callApi<PoolListView>(ctx.io, 'GET', '/api/v1/pools');
  const pool = items.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  if (!pool) throw new UsageError(`No pool called "${name}". Pools: ${items.map((p) => p.name).join(', ') || 'none yet (closer pools create NAME)'}`, 'pool');
  return pool;
}

/** The import report in lines a person reads: the mapping, then each bad row and each duplicate by row number. */
export function reportLines(r: ProspectImportReport, poolName: string): string {
  const lines = [`Columns: ${Object.entries(r.mapping).map(([h, f]) => `${h} -> ${f ?? '(ignored)'}`).join(', ') || '(none)'}`];
  for (const p of r.problems) lines.push(`  row ${p.row}${p.field ? ` (${p.field})` : ''}: ${p.message}`);
  for (const d of r.duplicates) lines.push(`  row ${d.row}: ${d.name} may be ${d.candidateName} (same ${d.reasons.join(' and ')})${d.inPool ? ', already in this pool' : ''}`);
  if (r.dryRun) lines.push(`Dry run: ${r.ready} of ${r.rows} rows ready, ${r.problems.length} problem(s), ${r.duplicates.length} possible duplicate(s). Nothing was written.`);
  else lines.push(`Imported ${r.imported} prospect(s) into ${poolName}${r.skipped > 0 ? `, skipped ${r.skipped} duplicate(s)` : ''}.`);
  return lines.join('\n');
}

function parseMapping(values: string[] | undefined): Record<string, string | null> | undefined {
  if (!values || values.length === 0) return undefined;
  const out: Record<string, string | null> = {};
  for (const v of values) {
    const i = v.lastIndexOf('=');
    const header = v.slice(0, i);
    const field = v.slice(i + 1);
    if (i <= 0 || !(field === '' || (PROSPECT_IMPORT_FIELDS as readonly string[]).includes(field))) {
      throw new UsageError(`--map takes "Column header=field" with a field of ${PROSPECT_IMPORT_FIELDS.join(', ')} (or nothing to ignore the column)`, 'map');
    }
    out[header] = field === '' ? null : field;
  }
  return out;
}

export const prospectsImportCommand: Command = {
  path: ['prospects', 'import'],
  summary: 'Import prospects into a talent pool from a CSV file, all rows or none (--dry-run to check first)',
  usage: 'closer prospects import FILE --pool NAME [--dry-run] [--map "Header=field" ...] [--found-how HOW] [--lawful-basis TEXT] [--skip-duplicates] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  options: {
    pool: { type: 'string' },
    'dry-run': { type: 'boolean' },
    map: { type: 'string', multiple: true },
    'found-how': { type: 'string' },
    'lawful-basis': { type: 'string' },
    'skip-duplicates': { type: 'boolean' },
  },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('Name the CSV file: closer prospects import FILE --pool NAME', 'file');
    const poolName = ctx.values.pool;
    if (typeof poolName !== 'string' || poolName.trim() === '') throw new UsageError('Name the pool: --pool NAME', 'pool');
    const foundHow = ctx.values['found-how'];
    if (foundHow !== undefined && !(FOUND_HOW as readonly string[]).includes(String(foundHow))) throw new UsageError(`--found-how must be one of ${FOUND_HOW.join(', ')}`, 'found-how');
    const mapping = parseMapping(ctx.values.map as string[] | undefined);
    let csv: string;
    try {
      csv = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, 'file');
    }
    const pool = await poolNamed(ctx, poolName);
    const body = {
      csv,
      ...(mapping ? { mapping } : {}),
      ...(foundHow ? { foundHow } : {}),
      ...(typeof ctx.values['lawful-basis'] === 'string' ? { lawfulBasis: ctx.values['lawful-basis'] } : {}),
      ...(ctx.values['dry-run'] === true ? { dryRun: true } : {}),
      ...(ctx.values['skip-duplicates'] === true ? { skipDuplicates: true } : {}),
    };
    try {
      const report = await callApi<ProspectImportReport>(ctx.io, 'POST', `/api/v1/pools/${encodeURIComponent(pool.id)}/prospects/import`, body);
      ctx.print(report, reportLines(report, pool.name));
      return report.dryRun && (report.problems.length > 0 || report.duplicates.length > 0) ? 1 : 0;
    } catch (error) {
      const report = error instanceof HttpError ? (error.details?.report as ProspectImportReport | undefined) : undefined;
      if (!report) throw error;
      ctx.print(report, `${reportLines(report, pool.name)}\nNothing was imported: fix these rows (or add --skip-duplicates) and run again.`);
      return 2;
    }
  },
};

export const poolsCommand: Command = {
  path: ['pools'],
  summary: 'List talent pools, or create one',
  usage: 'closer pools [list | create NAME [--cadence DAYS]] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  options: { cadence: { type: 'string' } },
  async run(ctx) {
    const [action = 'list', ...rest] = ctx.positionals;
    if (action === 'create') {
      const name = rest.join(' ').trim();
      if (name === '') throw new UsageError('Name the pool: closer pools create NAME', 'name');
      const cadence = ctx.values.cadence;
      if (cadence !== undefined && !/^\d{1,3}$/.test(String(cadence))) throw new UsageError('--cadence is a whole number of days', 'cadence');
      const pool = await callApi<PoolView>(ctx.io, 'POST', '/api/v1/pools', { name, ...(cadence !== undefined ? { cadenceDays: Number(cadence) } : {}) });
      ctx.print(pool, `Created ${pool.name} (a touch every ${pool.cadenceDays} days)`);
      return 0;
    }
    if (action !== 'list') throw new UsageError('Use: closer pools list | create NAME', 'action');
    const { items } = await callApi<PoolListView>(ctx.io, 'GET', '/api/v1/pools');
    ctx.print({ items }, items.length === 0 ? 'No talent pools yet: closer pools create NAME' : items.map((p) => `${p.name.padEnd(32)}  ${String(p.prospects).padStart(5)} prospects  every ${p.cadenceDays} days`).join('\n'));
    return 0;
  },
};
