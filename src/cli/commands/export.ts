import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command.js';
import { callApi, UsageError } from '../io.js';
import { toCsv } from '../../domain/imports/export-csv.js';
import { EXPORT_ENTITIES, type CompanyExportView } from '../../api/export.js';

export const exportCommand: Command = {
  path: ['export'],
  summary: 'Every record of the company as JSON and CSV per entity (the API\'s shapes), with the audit log and a manifest (owners and admins)',
  usage: 'closer export --out DIR [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const out = ctx.values.out;
    if (typeof out !== 'string' || out.trim() === '') throw new UsageError('Name a folder: closer export --out DIR', 'out');
    const x = await callApi<CompanyExportView>(ctx.io, 'GET', '/api/v1/export');
    mkdirSync(out, { recursive: true, mode: 0o700 });
    const counts: Record<string, number> = {};
    const files: string[] = [];
    for (const entity of EXPORT_ENTITIES) {
      const rows = x[entity] as readonly Record<string, unknown>[];
      writeFileSync(join(out, `${entity}.json`), `${JSON.stringify(rows, null, 2)}\n`, { mode: 0o600 });
      writeFileSync(join(out, `${entity}.csv`), toCsv(rows), { mode: 0o600 });
      files.push(`${entity}.json`, `${entity}.csv`);
      counts[entity] = rows.length;
    }
    const manifest = { format: x.format, version: x.version, exportedAt: x.exportedAt, counts, files };
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    ctx.print({ dir: out, exportedAt: x.exportedAt, counts }, `Wrote ${total} records of ${EXPORT_ENTITIES.length} kinds to ${out} (JSON and CSV for each, the audit log, and manifest.json)`);
    return 0;
  },
};
