import datasetsJson from '../../../data/market/datasets.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';
import { toResult } from '../shared/errors.js';
import type { Result } from '../shared/errors.js';

/**
 * The aijobs.net salary file format (compensation-model.md 3.1): parsing with validation, and the
 * collapse of adjacent min/max pairs (4.5.1) into one record each, stored column-wise in typed arrays.
 */

export const SALARY_COLUMNS = [
  'work_year',
  'experience_level',
  'employment_type',
  'job_title',
  'salary',
  'salary_currency',
  'salary_in_usd',
  'employee_residence',
  'remote_ratio',
  'company_location',
  'company_size',
] as const;

export const EXPERIENCE_LEVELS = ['EN', 'MI', 'SE', 'EX'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export const EMPLOYMENT_TYPES = ['FT', 'PT', 'CT', 'FL'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
const COMPANY_SIZES = ['S', 'M', 'L'] as const;

export interface DatasetMeta {
  id: string;
  source: string;
  asOf: string;
  licence: string;
}

/** Metadata of the dataset shipped in data/market (datasets.json). */
export const DEFAULT_DATASET_META: DatasetMeta = (() => {
  const d = datasetsJson.datasets.find((x) => x.id === datasetsJson.default);
  if (!d) throw new Error('data/market/datasets.json: default dataset missing');
  return { id: d.id, source: d.source, asOf: d.asOf, licence: d.licence };
})();

/** One parsed row of the file. */
export interface SalaryRow {
  line: number;
  workYear: number;
  experienceLevel: ExperienceLevel;
  employmentType: EmploymentType;
  jobTitle: string;
  salary: number;
  salaryCurrency: string;
  salaryInUsd: number;
  employeeResidence: string;
  remoteRatio: number;
  companyLocation: string;
  companySize: string;
}

/** One record after collapsing: a posted range (pair) or a single figure. */
export interface SalaryRecord {
  row: SalaryRow;
  low: number;
  high: number;
  mid: number;
  pair: boolean;
}

/** Column-wise records for fast filtering. */
export interface SalaryDataset {
  meta: DatasetMeta;
  rowCount: number;
  recordCount: number;
  pairCount: number;
  titles: string[];
  countries: string[];
  year: Int16Array;
  level: Uint8Array;
  employment: Uint8Array;
  title: Uint16Array;
  residence: Uint16Array;
  company: Uint16Array;
  low: Float64Array;
  high: Float64Array;
  pair: Uint8Array;
}

function invalid(line: number, message: string): never {
  throw new DomainError('DATASET_INVALID', `line ${line}: ${message}`, `line ${line}`);
}

/** Splits CSV text (RFC 4180 quoting, LF or CRLF) into records with the line each starts on. */
function splitCsv(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let ended = false;
    while (!ended) {
      if (i < n && src.charCodeAt(i) === 34) {
        // quoted field
        i++;
        for (;;) {
          if (i >= n) invalid(startLine, 'unterminated quoted field');
          const c = src.charCodeAt(i);
          if (c === 34) {
            if (src.charCodeAt(i + 1) === 34) {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === 10) line++;
          field += src[i];
          i++;
        }
      } else {
        const start = i;
        while (i < n) {
          const c = src.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) invalid(line, 'quote inside an unquoted field');
          i++;
        }
        field += src.slice(start, i);
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        ended = true;
      } else {
        const c = src.charCodeAt(i);
        if (c === 44) {
          i++;
        } else if (c === 13 || c === 10) {
          if (c === 13 && src.charCodeAt(i + 1) === 10) i++;
          i++;
          line++;
          ended = true;
        } else {
          invalid(line, 'text after a closing quote');
        }
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: startLine, fields });
  }
  return out;
}

const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Parses and validates the rows of a salary file (header required; columns may come in any order, extra columns are ignored). */
export function parseSalaryRows(text: string): SalaryRow[] {
  if (typeof text !== 'string' || text.length === 0) invalid(1, 'the file is empty');
  const records = splitCsv(text);
  if (records.length === 0) invalid(1, 'the file is empty');
  const header = records[0].fields.map((h) => h.trim());
  const index = {} as Record<(typeof SALARY_COLUMNS)[number], number>;
  for (const col of SALARY_COLUMNS) {
    const at = header.indexOf(col);
    if (at < 0) invalid(1, `missing column ${col}; expected ${SALARY_COLUMNS.join(', ')}`);
    if (header.indexOf(col, at + 1) >= 0) invalid(1, `column ${col} appears twice`);
    index[col] = at;
  }
  const rows: SalaryRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const { line, fields } = records[r];
    if (fields.length !== header.length) invalid(line, `expected ${header.length} fields, found ${fields.length}`);
    const get = (col: (typeof SALARY_COLUMNS)[number]): string => fields[index[col]];
    const num = (col: (typeof SALARY_COLUMNS)[number]): number => {
      const raw = get(col);
      if (!NUMBER.test(raw)) invalid(line, `${col} is not a number: ${JSON.stringify(raw)}`);
      return Number(raw);
    };
    const workYear = num('work_year');
    if (!Number.isInteger(workYear) || workYear < 1990 || workYear > 2100) invalid(line, `work_year out of range: ${workYear}`);
    const level = get('experience_level');
    if (!(EXPERIENCE_LEVELS as readonly string[]).includes(level)) invalid(line, `experience_level must be one of ${EXPERIENCE_LEVELS.join('/')}: ${JSON.stringify(level)}`);
    const employment = get('employment_type');
    if (!(EMPLOYMENT_TYPES as readonly string[]).includes(employment)) invalid(line, `employment_type must be one of ${EMPLOYMENT_TYPES.join('/')}: ${JSON.stringify(employment)}`);
    const jobTitle = get('job_title').trim();
    if (jobTitle === '') invalid(line, 'job_title is empty');
    const salary = num('salary');
    if (salary < 0) invalid(line, 'salary is negative');
    const salaryCurrency = get('salary_currency');
    if (!CURRENCY.test(salaryCurrency)) invalid(line, `salary_currency is not an ISO 4217 code: ${JSON.stringify(salaryCurrency)}`);
    const salaryInUsd = num('salary_in_usd');
    if (!(salaryInUsd > 0)) invalid(line, 'salary_in_usd must be above 0');
    const employeeResidence = get('employee_residence');
    const companyLocation = get('company_location');
    if (!COUNTRY.test(employeeResidence)) invalid(line, `employee_residence is not an ISO 3166 alpha-2 code: ${JSON.stringify(employeeResidence)}`);
    if (!COUNTRY.test(companyLocation)) invalid(line, `company_location is not an ISO 3166 alpha-2 code: ${JSON.stringify(companyLocation)}`);
    const remoteRatio = num('remote_ratio');
    if (!Number.isInteger(remoteRatio) || remoteRatio < 0 || remoteRatio > 100) invalid(line, `remote_ratio must be 0-100: ${remoteRatio}`);
    const companySize = get('company_size');
    if (!(COMPANY_SIZES as readonly string[]).includes(companySize)) invalid(line, `company_size must be S, M or L: ${JSON.stringify(companySize)}`);
    rows.push({
      line,
      workYear,
      experienceLevel: level as ExperienceLevel,
      employmentType: employment as EmploymentType,
      jobTitle,
      salary,
      salaryCurrency,
      salaryInUsd,
      employeeResidence,
      remoteRatio,
      companyLocation,
      companySize,
    });
  }
  if (rows.length === 0) invalid(2, 'the file has a header but no rows');
  return rows;
}

function sameExceptSalary(a: SalaryRow, b: SalaryRow): boolean {
  return (
    a.workYear === b.workYear &&
    a.experienceLevel === b.experienceLevel &&
    a.employmentType === b.employmentType &&
    a.jobTitle === b.jobTitle &&
    a.salaryCurrency === b.salaryCurrency &&
    a.employeeResidence === b.employeeResidence &&
    a.remoteRatio === b.remoteRatio &&
    a.companyLocation === b.companyLocation &&
    a.companySize === b.companySize
  );
}

/**
 * Collapses adjacent rows that are identical except for the salary columns and differ in
 * salary_in_usd (the min and max of one posted range) into one record {low, high, mid}; other rows
 * stay single records. Greedy from the top of the file, so a row belongs to at most one pair.
 */
export function collapseAdjacentPairs(rows: readonly SalaryRow[]): SalaryRecord[] {
  const out: SalaryRecord[] = [];
  let i = 0;
  while (i < rows.length) {
    const a = rows[i];
    const b = rows[i + 1];
    if (b !== undefined && sameExceptSalary(a, b) && a.salaryInUsd !== b.salaryInUsd) {
      const low = Math.min(a.salaryInUsd, b.salaryInUsd);
      const high = Math.max(a.salaryInUsd, b.salaryInUsd);
      out.push({ row: a, low, high, mid: (low + high) / 2, pair: true });
      i += 2;
    } else {
      out.push({ row: a, low: a.salaryInUsd, high: a.salaryInUsd, mid: a.salaryInUsd, pair: false });
      i += 1;
    }
  }
  return out;
}

/** Parses a salary file into an indexed dataset with pairs collapsed; throws DATASET_INVALID with the line. */
export function parseSalaryCsv(text: string, meta: DatasetMeta = DEFAULT_DATASET_META): SalaryDataset {
  const rows = parseSalaryRows(text);
  const records = collapseAdjacentPairs(rows);
  const n = records.length;
  const titles: string[] = [];
  const titleIds = new Map<string, number>();
  const countries: string[] = [];
  const countryIds = new Map<string, number>();
  const idOf = (map: Map<string, number>, list: string[], key: string): number => {
    let id = map.get(key);
    if (id === undefined) {
      id = list.length;
      list.push(key);
      map.set(key, id);
    }
    return id;
  };
  const ds: SalaryDataset = {
    meta,
    rowCount: rows.length,
    recordCount: n,
    pairCount: 0,
    titles,
    countries,
    year: new Int16Array(n),
    level: new Uint8Array(n),
    employment: new Uint8Array(n),
    title: new Uint16Array(n),
    residence: new Uint16Array(n),
    company: new Uint16Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    pair: new Uint8Array(n),
  };
  records.forEach((r, i) => {
    ds.year[i] = r.row.workYear;
    ds.level[i] = EXPERIENCE_LEVELS.indexOf(r.row.experienceLevel);
    ds.employment[i] = EMPLOYMENT_TYPES.indexOf(r.row.employmentType);
    ds.title[i] = idOf(titleIds, titles, r.row.jobTitle);
    ds.residence[i] = idOf(countryIds, countries, r.row.employeeResidence);
    ds.company[i] = idOf(countryIds, countries, r.row.companyLocation);
    ds.low[i] = r.low;
    ds.high[i] = r.high;
    ds.pair[i] = r.pair ? 1 : 0;
    if (r.pair) ds.pairCount++;
  });
  if (titles.length > 65535 || countries.length > 65535) invalid(1, 'too many distinct titles or countries');
  return ds;
}

/** Result form of parseSalaryCsv. */
export function safeParseSalaryCsv(text: string, meta?: DatasetMeta): Result<SalaryDataset> {
  return toResult(() => parseSalaryCsv(text, meta));
}
