// The table behind each report: the same rows the web shows beside its chart, the CLI prints and the CSV holds.
// Inputs are the reports' answers (GET /api/v1/reports/{name}); only the fields read here are named, so the web can
// call these with the API's types without importing the server's schemas.

export type Cell = string | number | null;
/** How a column's numbers read: whole counts, percentages (0-100, one decimal) or days and hours (one decimal). */
export type CellKind = 'text' | 'count' | 'percent' | 'decimal';
export interface ReportTable {
  columns: string[];
  kinds: CellKind[];
  rows: Cell[][];
}

interface Spread {
  count: number;
  p50: number | null;
  p90: number | null;
}
type Rate = number | null;

const pct = (r: Rate): Cell => (r === null ? null : Math.round(r * 1000) / 10);
const days = (d: number | null): Cell => (d === null ? null : Math.round(d * 10) / 10);

export function funnelTable(data: { groups: Array<{ label: string; applications: number; hired: number; hireRate: Rate; stages: Array<{ stage: string; reached: number; conversion: Rate }> }> }, stageName: (id: string) => string = (s) => s): ReportTable {
  const rows: Cell[][] = [];
  for (const g of data.groups) {
    for (const s of g.stages) rows.push([g.label, stageName(s.stage), s.reached, pct(s.conversion)]);
    rows.push([g.label, 'Hired', g.hired, pct(g.hireRate)]);
  }
  return { columns: ['Group', 'Stage', 'Reached', 'Conversion from the step before (%)'], kinds: ['text', 'text', 'count', 'percent'], rows };
}

export function cycleTable(data: { groups: Array<{ label: string; hires: Spread; shareWithinTarget: Rate; targetDays: number }> }): ReportTable {
  return {
    columns: ['Group', 'Hires', 'Median days to accept', '90th percentile days', 'Target days', 'Within target (%)'],
    kinds: ['text', 'count', 'decimal', 'decimal', 'decimal', 'percent'],
    rows: data.groups.map((g) => [g.label, g.hires.count, days(g.hires.p50), days(g.hires.p90), g.targetDays, pct(g.shareWithinTarget)]),
  };
}

export function stageTimeTable(data: { stages: Array<{ stage: string; days: Spread }> }, stageName: (id: string) => string = (s) => s): ReportTable {
  return { columns: ['Stage', 'Visits', 'Median days', '90th percentile days'], kinds: ['text', 'count', 'decimal', 'decimal'], rows: data.stages.map((s) => [stageName(s.stage), s.days.count, days(s.days.p50), days(s.days.p90)]) };
}

interface Breach {
  runs: number;
  warning: number;
  critical: number;
  warningRate: Rate;
  criticalRate: Rate;
}

export function breachTable(data: { clocks: Array<Breach & { clock: string }> }, clockName: (id: string) => string = (c) => c): ReportTable {
  return {
    columns: ['Clock', 'Started', 'Past warning', 'Past critical', 'Past warning (%)', 'Past critical (%)'],
    kinds: ['text', 'count', 'count', 'count', 'percent', 'percent'],
    rows: data.clocks.map((c) => [clockName(c.clock), c.runs, c.warning, c.critical, pct(c.warningRate), pct(c.criticalRate)]),
  };
}

export function peopleBreachTable(data: { people: Array<Breach & { personName: string; clock: string }> }, clockName: (id: string) => string = (c) => c): ReportTable {
  return {
    columns: ['Person', 'Clock', 'Started', 'Past warning', 'Past critical', 'Past critical (%)'],
    kinds: ['text', 'text', 'count', 'count', 'count', 'percent'],
    rows: data.people.map((p) => [p.personName, clockName(p.clock), p.runs, p.warning, p.critical, pct(p.criticalRate)]),
  };
}

interface Outcomes {
  extended: number;
  accepted: number;
  declined: number;
  acceptanceRate: Rate;
}

export function offersTable(data: { groups: Array<Outcomes & { label: string; open: number; hoursAfterFinal: Spread; shareWithinClock: Rate }> }): ReportTable {
  return {
    columns: ['Group', 'Extended', 'Accepted', 'Declined', 'Open', 'Acceptance (%)', 'Median hours after the final interview', 'Within the offer clock (%)'],
    kinds: ['text', 'count', 'count', 'count', 'count', 'percent', 'decimal', 'percent'],
    rows: data.groups.map((g) => [g.label, g.extended, g.accepted, g.declined, g.open, pct(g.acceptanceRate), days(g.hoursAfterFinal.p50), pct(g.shareWithinClock)]),
  };
}

/** Acceptance by whether the base cleared the candidate's threshold: pay, so only for readers who may see it. */
export function offerPayTable(pay: { clearedThreshold: Outcomes; belowThreshold: Outcomes }): ReportTable {
  const row = (label: string, o: Outcomes): Cell[] => [label, o.extended, o.accepted, o.declined, pct(o.acceptanceRate)];
  return { columns: ['Base against threshold', 'Extended', 'Accepted', 'Declined', 'Acceptance (%)'], kinds: ['text', 'count', 'count', 'count', 'percent'], rows: [row('Cleared the threshold', pay.clearedThreshold), row('Below the threshold', pay.belowThreshold)] };
}

export function lossesTable(data: { reasons: Array<{ reason: string; count: number; share: number }> }, reasonName: (id: string) => string = (r) => r): ReportTable {
  return { columns: ['Reason', 'Losses', 'Share (%)'], kinds: ['text', 'count', 'percent'], rows: data.reasons.map((r) => [reasonName(r.reason), r.count, pct(r.share)]) };
}

export function lossSignalsTable(data: { signals: Array<{ signal: string; count: number; share: number }> }, signalName: (id: string) => string = (s) => s): ReportTable {
  return { columns: ['Warning sign', 'Losses', 'Share (%)'], kinds: ['text', 'count', 'percent'], rows: data.signals.map((s) => [signalName(s.signal), s.count, pct(s.share)]) };
}

interface SourceRow {
  key: string;
  candidates: number;
  interviewed: number;
  offered: number;
  hired: number;
}

export function sourcesTable(rows: readonly SourceRow[], name: (key: string) => string = (k) => k, first = 'Source'): ReportTable {
  return { columns: [first, 'Candidates', 'Interviewed', 'Offered', 'Hired'], kinds: ['text', 'count', 'count', 'count', 'count'], rows: rows.map((r) => [name(r.key), r.candidates, r.interviewed, r.offered, r.hired]) };
}

/** A cell that a spreadsheet would run as a formula is written as text (a leading apostrophe), then CSV-quoted. */
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  let text = String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tableToCsv(table: ReportTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
