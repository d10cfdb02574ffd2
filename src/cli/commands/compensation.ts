import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { evaluateOffer, OfferEvaluation } from '../../domain/compensation/index.js';
import { evaluateThresholdRequest, ThresholdResult } from '../../domain/compensation/threshold-request.js';
import { benchmark, BENCHMARK_FALLBACK, getRoleGroupOrThrow, listDatasets, parseSalaryCsv, ROLE_GROUPS, toExperienceLevel } from '../../domain/market/index.js';
import type { Benchmark, DatasetInfo, SalaryDataset } from '../../domain/market/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../io.js';
import { readInputText } from '../input.js';

/**
 * Offline compensation commands: `closer offer evaluate`, `closer threshold`, `closer market`. They
 * run the domain directly (no server, no token) and print the same JSON as the matching API routes
 * (docs/api-compensation.md).
 */

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (p: number, digits = 1): string => `${(p * 100).toFixed(digits)}%`;

/** Reads a JSON document from FILE, or stdin for `-` or no argument; malformed JSON is bad input (exit 2). */
async function readJsonInput(ctx: CommandContext, what: string): Promise<unknown> {
  const { text } = await readInputText(ctx.io, ctx.positionals);
  if (text.trim() === '') throw new UsageError(`No input: pass ${what} as a JSON file, or pipe it on stdin.`, 'file');
  try {
    return JSON.parse(text, (key, v) => (key === '__proto__' ? undefined : v)) as unknown;
  } catch (error) {
    throw new DomainError('MALFORMED_JSON', `The input is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}


// ---- closer offer evaluate ---------------------------------------------------------------------

/** A few lines a founder reads before deciding; --json has everything. */
export function formatEvaluation(e: OfferEvaluation): string {
  const c = e.currency;
  const s = e.startup;
  const lines = [
    `Candidate threshold: ${int(e.threshold.amount)} ${c} base (${e.threshold.binding === 'risk' ? 'the risk floor binds' : 'obligations bind'})`,
    `Startup equity: ${s.fullyDilutedPct}% of fully diluted, paper value ${int(s.paperValue)} ${c}`,
    `  present value: mean ${int(s.equityPv.mean)}, p10 ${int(s.equityPv.p10)}, p50 ${int(s.equityPv.p50)}, p90 ${int(s.equityPv.p90)} ${c}; worth nothing in ${pct(s.pZero)} of paths`,
    `Startup offer, present value over ${e.simulation.horizonYears} years (cash + equity): mean ${int(s.totalPv.mean)}, p50 ${int(s.totalPv.p50)} ${c}`,
  ];
  if (e.incumbent) lines.push(`Incumbent offer, present value over ${e.simulation.horizonYears} years: mean ${int(e.incumbent.pv.mean)}, p50 ${int(e.incumbent.pv.p50)} ${c}`);
  if (e.pStartupBeatsIncumbent !== undefined) lines.push(`P(startup offer beats the incumbent): ${pct(e.pStartupBeatsIncumbent)}`);
  if (e.breakEvenGrant) {
    const b = e.breakEvenGrant;
    lines.push(
      b.reachable && b.shares !== null
        ? `Break-even grant: ${int(b.shares)} shares (${b.fullyDilutedPct}% of fully diluted)`
        : `Break-even grant: not reachable with a plausible grant${b.fullyDilutedPct !== null ? ` (would need ${b.fullyDilutedPct}% of fully diluted)` : ''}`,
    );
  }
  if (e.ownership.length > 0) lines.push(`Ownership after expected dilution: ${e.ownership.map((o) => `${o.stage} ${o.fullyDilutedPct}%`).join(' -> ')}`);
  for (const f of e.findings) lines.push(`${f.severity.toUpperCase()} ${f.rule}: ${f.message}`);
  lines.push(`(${int(e.simulation.paths)} paths, seed ${e.simulation.seed}, ${e.simulation.horizonYears}-year horizon; --json for distributions and assumptions)`);
  return lines.join('\n');
}

export const offerEvaluateCommand: Command = {
  path: ['offer', 'evaluate'],
  summary: 'Evaluate an offer offline: threshold, equity Monte Carlo, incumbent comparison, findings',
  usage: 'closer offer evaluate [FILE|-] [--json]   (input: the JSON of POST /api/v1/offers/evaluate, from FILE or stdin)',
  allowPositionals: true,
  async run(ctx) {
    const input = await readJsonInput(ctx, 'the offer-evaluation input');
    // Through the response schema, as the API serialises it: same keys in the same order.
    const result = OfferEvaluation.parse(evaluateOffer(input));
    ctx.print(result, formatEvaluation(result));
    return 0;
  },
};

// ---- closer threshold ---------------------------------------------------------------------------

/** Flag -> field of the threshold request; numbers are parsed explicitly, never coerced from odd text. */
const THRESHOLD_FLAGS = {
  'current-base': 'candidate.currentBase',
  'current-bonus': 'candidate.currentBonus',
  'current-equity': 'candidate.currentEquityAnnual',
  obligations: 'candidate.annualObligations',
  'tax-rate': 'candidate.effectiveTaxRate',
  'savings-share': 'candidate.savingsShare',
  'failure-probability': 'candidate.perceivedFailureProbability',
  'loss-tolerance': 'candidate.lossTolerance',
  'search-years': 'candidate.searchYears',
  'horizon-years': 'horizonYears',
} as const;
const FLAG_OF_FIELD: Record<string, string> = { currency: 'currency', stage: 'stage', ...Object.fromEntries(Object.entries(THRESHOLD_FLAGS).map(([flag, field]) => [field, flag])) };
const NUMBER = /^-?\d+(\.\d+)?$/;

function thresholdRequestFromFlags(ctx: CommandContext): Record<string, unknown> {
  const candidate: Record<string, unknown> = {};
  const request: Record<string, unknown> = { currency: typeof ctx.values.currency === 'string' ? ctx.values.currency : 'USD', candidate };
  for (const [flag, field] of Object.entries(THRESHOLD_FLAGS)) {
    const raw = ctx.values[flag];
    if (raw === undefined) continue;
    if (typeof raw !== 'string' || !NUMBER.test(raw.trim())) throw new UsageError(`--${flag} must be a number, e.g. 250000 or 0.3 (got ${JSON.stringify(raw)})`, field);
    const value = Number(raw.trim());
    if (field.startsWith('candidate.')) candidate[field.slice('candidate.'.length)] = value;
    else request[field] = value;
  }
  if (typeof ctx.values.stage === 'string') request.stage = ctx.values.stage;
  return request;
}

/** Names the flag next to the field, so `closer threshold` errors say what to change on the command line. */
function withFlag(error: unknown): unknown {
  if (error instanceof DomainError && error.field && FLAG_OF_FIELD[error.field]) {
    return new DomainError(error.code, `${error.message} (--${FLAG_OF_FIELD[error.field]})`, error.field);
  }
  return error;
}

export function formatThreshold(t: ThresholdResult): string {
  const lines = [
    `Cash threshold: ${int(t.amount)} ${t.currency} base before equity counts (${t.binding === 'risk' ? 'the risk floor binds' : 'obligations bind'})`,
    `  obligations floor ${int(t.floors.obligations)} ${t.currency}; risk floor ${t.floors.risk === null ? 'none (no failure risk)' : `${int(t.floors.risk)} ${t.currency}`}`,
    `  current total comp ${int(t.currentTotalComp)} ${t.currency}; failure probability ${pct(t.perceivedFailureProbability)}; loss tolerance ${int(t.lossTolerance)} ${t.currency}/year`,
  ];
  if (t.exceedsCurrentTotalComp) lines.push('  Note: obligations put the threshold above current total comp.');
  for (const a of t.assumptions) lines.push(`  assumed ${a.name} = ${a.value}`);
  return lines.join('\n');
}

export const thresholdCommand: Command = {
  path: ['threshold'],
  summary: "A candidate's cash threshold: the minimum base before equity matters (offline)",
  usage: [
    'closer threshold --current-base N --current-bonus N --current-equity N --obligations N --tax-rate R',
    '                 [--savings-share R] [--failure-probability P | --stage STAGE] [--loss-tolerance N]',
    '                 [--search-years Y] [--horizon-years Y] [--currency USD] [--json]',
    '       closer threshold FILE|-   (the JSON of POST /api/v1/compensation/threshold)',
  ].join('\n'),
  allowPositionals: true,
  options: {
    ...Object.fromEntries(Object.keys(THRESHOLD_FLAGS).map((f) => [f, { type: 'string' as const }])),
    currency: { type: 'string' },
    stage: { type: 'string' },
  },
  async run(ctx) {
    const flagged = [...Object.keys(THRESHOLD_FLAGS), 'currency', 'stage'].filter((f) => ctx.values[f] !== undefined);
    let request: unknown;
    if (ctx.positionals.length > 0) {
      if (flagged.length > 0) throw new UsageError(`Give the input as a JSON file or as flags, not both (--${flagged[0]}).`, flagged[0]);
      request = await readJsonInput(ctx, 'the threshold request');
    } else {
      if (flagged.length === 0) throw new UsageError(`Give the candidate's pay and obligations.\nUsage: ${thresholdCommand.usage}`);
      request = thresholdRequestFromFlags(ctx);
    }
    let result: ThresholdResult;
    try {
      result = ThresholdResult.parse(evaluateThresholdRequest(request));
    } catch (error) {
      throw ctx.positionals.length > 0 ? error : withFlag(error);
    }
    ctx.print(result, formatThreshold(result));
    return 0;
  },
};

// ---- closer market ------------------------------------------------------------------------------

const BUNDLED: readonly DatasetInfo[] = listDatasets();
const DEFAULT_DATASET = BUNDLED.find((d) => d.isDefault) ?? BUNDLED[0]!;
let bundledMemo: Promise<SalaryDataset> | undefined;

/** The bundled file of data/market, parsed once per process. */
function loadBundled(): Promise<SalaryDataset> {
  bundledMemo ??= readFile(fileURLToPath(new URL(`../../../data/market/${DEFAULT_DATASET.file}`, import.meta.url)), 'utf8').then((text) =>
    parseSalaryCsv(text, { id: DEFAULT_DATASET.id, source: DEFAULT_DATASET.source, asOf: DEFAULT_DATASET.asOf, licence: DEFAULT_DATASET.licence }),
  );
  return bundledMemo;
}

export function formatBenchmark(dataset: { name: string; asOf: string }, b: Benchmark, label: string): string {
  const cell = (x: number | null): string => (x === null ? '-' : int(x));
  const lines = [
    `${label}, level ${b.used.level}, company in ${b.used.country}: n = ${b.n} (${dataset.name})`,
    `  base salary ${b.currency}: p10 ${cell(b.p10)}  p25 ${cell(b.p25)}  p50 ${cell(b.p50)}  p75 ${cell(b.p75)}  p90 ${cell(b.p90)}`,
  ];
  if (b.fallback !== 'none') lines.push(`  fewer than 30 records for the exact cut: widened (${b.fallback}) to ${b.used.roleGroup}, years ${b.used.years.join(', ')}`);
  if (b.n === 0) lines.push('  No records: try another country (ISO code of the company location) or level.');
  return lines.join('\n');
}

export const marketCommand: Command = {
  path: ['market'],
  summary: 'Market base-salary percentiles by role group, level and country (bundled aijobs.net data, offline)',
  usage: `closer market --role-group GROUP --level EN|MI|SE|EX|senior|... [--country ${BENCHMARK_FALLBACK.defaultCountry}] [--json]\n  groups: ${ROLE_GROUPS.map((g) => g.id).join(', ')}`,
  options: { 'role-group': { type: 'string' }, level: { type: 'string' }, country: { type: 'string' } },
  async run(ctx) {
    const roleGroup = ctx.values['role-group'];
    const level = ctx.values.level;
    const country = ctx.values.country ?? BENCHMARK_FALLBACK.defaultCountry;
    if (typeof roleGroup !== 'string' || roleGroup.trim() === '') throw new UsageError(`--role-group is required\nUsage: ${marketCommand.usage}`, 'roleGroup');
    if (typeof level !== 'string' || level.trim() === '') throw new UsageError(`--level is required\nUsage: ${marketCommand.usage}`, 'level');
    if (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country)) throw new UsageError(`--country must be an ISO 3166 alpha-2 code such as US (got ${JSON.stringify(country)})`, 'country');
    // Checked before the 4 MB file is read, so a typo answers at once.
    const group = getRoleGroupOrThrow(roleGroup);
    toExperienceLevel(level);
    const ds = await loadBundled();
    const result = {
      dataset: { id: DEFAULT_DATASET.id, name: `aijobs.net salaries (${DEFAULT_DATASET.asOf})`, source: DEFAULT_DATASET.source, asOf: DEFAULT_DATASET.asOf },
      benchmark: benchmark(ds, { roleGroup, level, country }),
    };
    ctx.print(result, formatBenchmark(result.dataset, result.benchmark, group.label));
    return 0;
  },
};
