import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { listDatasets } from './datasets.js';
import { collapseAdjacentPairs, parseSalaryCsv, parseSalaryRows, safeParseSalaryCsv } from './salary-csv.js';

const HEADER = 'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

function datasetError(text: string): { code: string; message: string } {
  const r = safeParseSalaryCsv(text);
  if (r.ok) throw new Error('expected DATASET_INVALID');
  return { code: r.error.code, message: r.error.message };
}

describe('parseSalaryCsv', () => {
  it('parses rows and collapses an adjacent min/max pair into one record', () => {
    const ds = parseSalaryCsv(
      csv(
        '2024,SE,FT,ML Engineer,250000,USD,250000,US,0,US,M',
        '2024,SE,FT,ML Engineer,200000,USD,200000,US,0,US,M',
        '2024,SE,FT,ML Engineer,180000,USD,180000,US,0,US,M',
        '2024,MI,FT,"Engineer, ""AI""",100000,EUR,105000,DE,100,DE,S',
      ),
    );
    expect(ds.rowCount).toBe(4);
    expect(ds.recordCount).toBe(3);
    expect(ds.pairCount).toBe(1);
    expect([ds.low[0], ds.high[0]]).toEqual([200_000, 250_000]);
    expect(ds.pair[1]).toBe(0);
    expect(ds.titles).toContain('Engineer, "AI"');
    expect(ds.meta.source).toBe('aijobs.net CC0');
  });

  it('does not pair rows with the same salary or different non-salary columns', () => {
    const rows = parseSalaryRows(
      csv('2024,SE,FT,A,1,USD,100,US,0,US,M', '2024,SE,FT,A,1,USD,100,US,0,US,M', '2024,SE,FT,A,1,USD,120,US,0,US,L', '2024,SE,FT,A,1,USD,90,US,0,US,L'),
    );
    const records = collapseAdjacentPairs(rows);
    expect(records.map((r) => r.pair)).toEqual([false, false, true]);
    expect(records[2].mid).toBe(105);
  });

  it('accepts columns in another order and LF line endings', () => {
    const text = 'job_title,work_year,experience_level,employment_type,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size,extra\nX,2024,EN,FT,1,USD,50000,US,0,US,M,ignored\n';
    expect(parseSalaryCsv(text).recordCount).toBe(1);
  });

  it.each([
    ['', 'line 1'],
    ['work_year,experience_level\n2024,SE\n', 'line 1: missing column employment_type'],
    [csv('2024,SE,FT,A,1,USD,100,US,0,US'), 'line 2: expected 11 fields, found 10'],
    [csv('2024,SE,FT,A,1,USD,100,US,0,US,M', '2024,XX,FT,A,1,USD,100,US,0,US,M'), 'line 3: experience_level'],
    [csv('2024,SE,FT,A,1,USD,abc,US,0,US,M'), 'line 2: salary_in_usd is not a number'],
    [csv('2024,SE,FT,A,1,USD,0,US,0,US,M'), 'line 2: salary_in_usd must be above 0'],
    [csv('2024,SE,FT,A,1,USD,100,USA,0,US,M'), 'line 2: employee_residence'],
    [csv('1900,SE,FT,A,1,USD,100,US,0,US,M'), 'line 2: work_year out of range'],
    [csv('2024,SE,FT,"A,1,USD,100,US,0,US,M'), 'unterminated quoted field'],
    [HEADER + '\n', 'line 2: the file has a header but no rows'],
  ])('throws DATASET_INVALID with the line (%#)', (text, message) => {
    const e = datasetError(text);
    expect(e.code).toBe('DATASET_INVALID');
    expect(e.message).toContain(message);
  });

  it('parseSalaryCsv throws a DomainError', () => {
    expect(() => parseSalaryCsv('nope')).toThrow(DomainError);
  });
});

describe('the shipped aijobs.net file (data/market)', () => {
  const text = readFileSync(join(import.meta.dirname, '../../../data/market/aijobs-salaries-2025-01-19.csv'), 'utf8');
  const ds = parseSalaryCsv(text);

  it('has 74,301 rows that collapse to 38,575 records, as datasets.json records', () => {
    const info = listDatasets().find((d) => d.isDefault)!;
    expect(ds.rowCount).toBe(info.rows);
    expect(ds.recordCount).toBe(info.collapsedRecords);
    expect(ds.rowCount).toBe(74_301);
    expect(ds.recordCount).toBe(38_575);
    expect(ds.rowCount - ds.recordCount).toBe(ds.pairCount);
    expect(ds.meta).toEqual({ id: 'aijobs-2025-01-19', source: 'aijobs.net CC0', asOf: '2025-01-19', licence: 'CC0-1.0' });
  });
});
