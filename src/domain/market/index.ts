/** Public API of the market benchmarks (compensation-model.md 4.5). Pure: the caller reads the file and passes its text. */

export {
  parseSalaryCsv,
  safeParseSalaryCsv,
  parseSalaryRows,
  collapseAdjacentPairs,
  SALARY_COLUMNS,
  EXPERIENCE_LEVELS,
  EMPLOYMENT_TYPES,
  DEFAULT_DATASET_META,
} from './salary-csv.js';
export type { SalaryDataset, SalaryRow, SalaryRecord, DatasetMeta, ExperienceLevel, EmploymentType } from './salary-csv.js';
export { benchmark } from './benchmark.js';
export type { Benchmark, BenchmarkQuery, BenchmarkFallback } from './benchmark.js';
export { ROLE_GROUPS, ALL_ML_AI_GROUP_ID, BENCHMARK_FALLBACK, getRoleGroup, getRoleGroupOrThrow, toExperienceLevel } from './role-groups.js';
export type { RoleGroup } from './role-groups.js';
export { listDatasets } from './datasets.js';
export type { DatasetInfo } from './datasets.js';
