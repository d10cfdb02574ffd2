import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command.js';
import { callApi, UsageError } from '../io.js';
import { toCsv } from '../../domain/imports/export-csv.js';
import type { CompanyExportView } from '../../api/export.js';

export const exportCommand: Command = {
  path: ['export'],
  summary: 'Every record of the company as JSON and CSV per table, with the audit log (owners and admins)',
  usage: 'closer export --out DIR [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const out = ctx.values.out;
    if (typeof out !== 'string' || out.trim() === '') throw new UsageError('Name a folder: closer export --out DIR', 'out');
    const x = await callApi<CompanyExportView>(ctx.io, 'GET', '/api/v1/export');
    mkdirSync(out, { recursive: true, mode: 0o700 });
    const counts: Record<string, number> = {};
    for (const [table, rows] of Object.entries(x.tables)) {
      writeFileSync(join(out, `${table}.json`), `${JSON.stringify(rows, null, 2)}\n`, { mode: 0o600 });
      writeFileSync(join(out, `${table}.csv`), toCsv(rows), { mode: 0o600 });
      counts[table] = rows.length;
    }
    writeFileSync(join(out, 'export.json'), `${JSON.stringify({ format: x.format, version: x.version, exportedAt: x.exportedAt, counts }, null, 2)}\n`, { mode: 0o600 });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    ctx.print({ dir: out, exportedAt: x.exportedAt, counts }, `Wrote ${total} records in ${Object.keys(counts).length} tables to ${out} (JSON and CSV per table)`);
    return 0;
  },
};
