import type { Command } from '../command.js';
import { callApi, UsageError } from '../io.js';
import { REPORT_NAMES, type ReportView } from '../../api/reports.js';
import { breachTable, cycleTable, funnelTable, lossesTable, offerPayTable, offersTable, peopleBreachTable, sourcesTable, stageTimeTable, tableToCsv, type ReportTable } from '../../domain/reports/tables.js';

/** The tables of a report, main one first: what `--csv` writes (the first) and what a terminal shows (all). */
export function reportTables(report: ReportView): ReportTable[] {
  switch (report.name) {
    case 'funnel':
      return [funnelTable(report.data)];
    case 'cycle-time':
      return [cycleTable(report.data), stageTimeTable(report.data)];
    case 'clock-breaches':
      return [breachTable(report.data), peopleBreachTable(report.data)];
    case 'offers':
      return [offersTable(report.data), ...(report.data.pay ? [offerPayTable(report.data.pay)] : [])];
    case 'losses':
      return [lossesTable(report.data)];
    case 'sources':
      return [sourcesTable(report.data.sources), sourcesTable(report.data.referrers, (k) => k, 'Referrer')];
  }
}

function formatTable(t: ReportTable): string {
  const text = [t.columns, ...t.rows.map((r) => r.map((c) => (c === null ? '-' : String(c))))];
  const widths = t.columns.map((_, i) => Math.max(...text.map((r) => r[i]!.length)));
  return text.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

const OPTIONS = ['by', 'role', 'source', 'specialization', 'from', 'to'] as const;

export const reportCommand: Command = {
  path: ['report'],
  summary: 'Hiring reports: funnel, cycle time, clock breaches, offers, losses, sources (--csv for a spreadsheet)',
  usage: `closer report ${REPORT_NAMES.join('|')} [--by all|role|specialization|source|month] [--role ID] [--source S] [--specialization S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json|--csv]   (needs CLOSER_URL and CLOSER_TOKEN)`,
  allowPositionals: true,
  options: { by: { type: 'string' }, role: { type: 'string' }, source: { type: 'string' }, specialization: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'boolean' } },
  async run(ctx) {
    const name = ctx.positionals[0];
    if (!name || !(REPORT_NAMES as readonly string[]).includes(name)) throw new UsageError(`Name a report: ${REPORT_NAMES.join(', ')}`, 'name');
    const query = new URLSearchParams();
    for (const option of OPTIONS) {
      const value = ctx.values[option];
      if (typeof value === 'string') query.set(option === 'role' ? 'roleId' : option, value);
    }
    const search = query.toString();
    const report = await callApi<ReportView>(ctx.io, 'GET', `/api/v1/reports/${name}${search ? `?${search}` : ''}`);
    const tables = reportTables(report);
    if (ctx.values.csv === true) {
      ctx.io.stdout(tableToCsv(tables[0]!));
      return 0;
    }
    const hidden = report.payHidden ? ['(Pay columns are left out: your role does not see compensation.)'] : [];
    ctx.print(report, [`${report.applications} application(s), figures as of ${report.asOf}`, ...tables.map(formatTable), ...hidden].join('\n\n'));
    return 0;
  },
};
