import { quantileSorted } from '../compensation/statistics.js';
import { DomainError } from '../shared/errors.js';
import { ALL_ML_AI_GROUP_ID, BENCHMARK_FALLBACK, getRoleGroupOrThrow, toExperienceLevel } from './role-groups.js';
import { EMPLOYMENT_TYPES, EXPERIENCE_LEVELS } from './salary-csv.js';
import type { ExperienceLevel, SalaryDataset } from './salary-csv.js';

/** Salary benchmarks by role group x level x country (compensation-model.md 4.5.1). Base salary only, in USD. */

export interface BenchmarkQuery {
  /** role group id or label, e.g. "ml-engineer" */
  roleGroup: string;
  /** EN/MI/SE/EX or a seniority word */
  level: string;
  /** company_location, default US */
  country?: string;
  /** employee_residence filter: default the same as country; null for any residence */
  residence?: string | null;
  /** work years, default [2024, 2025] */
  years?: readonly number[];
  /** pairMidpoint: one record per posted range (default); row: every row as its own figure */
  unit?: 'pairMidpoint' | 'row';
  /** false: report the requested cut as is, even with n < 30 (default true: follow the fallback chain) */
  fallback?: boolean;
}

export type BenchmarkFallback = 'none' | 'years' | 'roleGroup' | 'allTitles';

export interface Benchmark {
  n: number;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  /** median of the low and high ends of posted ranges (pairs only count once) */
  rangeLowP50: number | null;
  rangeHighP50: number | null;
  fallback: BenchmarkFallback;
  /** the filter that produced the numbers, after any fallback */
  used: { roleGroup: string; level: ExperienceLevel; country: string; residence: string | null; years: number[]; titles: number; unit: 'pairMidpoint' | 'row' };
  currency: 'USD';
  asOf: string;
  source: string;
  datasetId: string;
}

const FT = EMPLOYMENT_TYPES.indexOf('FT');

function checkCountry(value: string, field: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value)) throw new DomainError('BENCHMARK_QUERY_INVALID', `${field}: use an ISO 3166 alpha-2 code`, field);
  return value.toUpperCase();
}

function select(ds: SalaryDataset, level: number, company: number, residence: number, years: ReadonlySet<number>, titleMask: Uint8Array | null): number[] {
  const out: number[] = [];
  for (let i = 0; i < ds.recordCount; i++) {
    if (ds.level[i] !== level || ds.employment[i] !== FT || ds.company[i] !== company) continue;
    if (residence >= 0 && ds.residence[i] !== residence) continue;
    if (!years.has(ds.year[i])) continue;
    if (titleMask && titleMask[ds.title[i]] !== 1) continue;
    out.push(i);
  }
  return out;
}

function maskOf(ds: SalaryDataset, titles: readonly string[]): Uint8Array {
  const mask = new Uint8Array(ds.titles.length);
  const wanted = new Set(titles);
  ds.titles.forEach((t, i) => {
    if (wanted.has(t)) mask[i] = 1;
  });
  return mask;
}

/**
 * Percentiles (type 7) of base salary for full-time roles with the fallback chain: when n < 30,
 * widen years to 2023-2025, then the role group to all ML/AI, then all titles at that level.
 * Always returns n and the fallback used.
 */
export function benchmark(ds: SalaryDataset, query: BenchmarkQuery): Benchmark {
  const group = getRoleGroupOrThrow(query.roleGroup);
  const level = toExperienceLevel(query.level);
  const country = checkCountry(query.country ?? BENCHMARK_FALLBACK.defaultCountry, 'country');
  const residenceCode = query.residence === null ? null : checkCountry(query.residence ?? country, 'residence');
  const years = [...(query.years ?? BENCHMARK_FALLBACK.defaultYears)];
  if (years.length === 0 || !years.every((y) => Number.isInteger(y) && y >= 1990 && y <= 2100)) {
    throw new DomainError('BENCHMARK_QUERY_INVALID', 'years: give one or more whole years', 'years');
  }
  const unit = query.unit ?? 'pairMidpoint';
  if (unit !== 'pairMidpoint' && unit !== 'row') throw new DomainError('BENCHMARK_QUERY_INVALID', 'unit: use pairMidpoint or row', 'unit');

  const levelId = EXPERIENCE_LEVELS.indexOf(level);
  const companyId = ds.countries.indexOf(country);
  const residenceId = residenceCode === null ? -1 : ds.countries.indexOf(residenceCode);
  const widened = [...new Set([...years, ...BENCHMARK_FALLBACK.widenYears])].sort((a, b) => a - b);
  const allMlAi = getRoleGroupOrThrow(ALL_ML_AI_GROUP_ID);
  const steps: { fallback: BenchmarkFallback; years: number[]; group: string; titles: readonly string[] | null }[] = [
    { fallback: 'none', years, group: group.id, titles: group.titles },
    { fallback: 'years', years: widened, group: group.id, titles: group.titles },
    { fallback: 'roleGroup', years: widened, group: allMlAi.id, titles: allMlAi.titles },
    { fallback: 'allTitles', years: widened, group: 'all-titles', titles: null },
  ];
  let chosen = steps[0];
  let picked: number[] = [];
  for (const step of steps) {
    chosen = step;
    picked =
      companyId < 0 || (residenceCode !== null && residenceId < 0)
        ? []
        : select(ds, levelId, companyId, residenceId, new Set(step.years), step.titles ? maskOf(ds, step.titles) : null);
    const n = unit === 'row' ? picked.reduce((a, i) => a + (ds.pair[i] ? 2 : 1), 0) : picked.length;
    if (n >= BENCHMARK_FALLBACK.minN || query.fallback === false) break;
  }

  const values: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  for (const i of picked) {
    if (unit === 'row') {
      values.push(ds.low[i]);
      if (ds.pair[i]) values.push(ds.high[i]);
    } else {
      values.push((ds.low[i] + ds.high[i]) / 2);
    }
    lows.push(ds.low[i]);
    highs.push(ds.high[i]);
  }
  const sorted = Float64Array.from(values).sort();
  lows.sort((a, b) => a - b);
  highs.sort((a, b) => a - b);
  const q = (p: number): number | null => (sorted.length === 0 ? null : quantileSorted(sorted, p));
  return {
    n: sorted.length,
    p10: q(0.1),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    rangeLowP50: lows.length === 0 ? null : quantileSorted(lows, 0.5),
    rangeHighP50: highs.length === 0 ? null : quantileSorted(highs, 0.5),
    fallback: chosen.fallback,
    used: { roleGroup: chosen.group, level, country, residence: residenceCode, years: chosen.years, titles: chosen.titles ? chosen.titles.length : ds.titles.length, unit },
    currency: 'USD',
    asOf: ds.meta.asOf,
    source: ds.meta.source,
    datasetId: ds.meta.id,
  };
}
