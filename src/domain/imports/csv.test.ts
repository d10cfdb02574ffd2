import { describe, expect, it } from 'vitest';
import type { ImportFile } from './canonical.js';
import { createCsvParser, isFormulaCell, parseCsvTime, proposeCsvMapping, readCsvHeaders, readCsvRecords } from './csv.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function records(text: string, size = 3) {
  const out = [];
  for await (const r of readCsvRecords(chunked(text, size))) out.push(r);
  return out;
}

function file(name: string, text: string, size = 7): ImportFile {
  return { name, chunks: () => chunked(text, size) };
}

const NOW = new Date('2026-12-01T00:00:00Z');

describe('readCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes, line breaks, CRLF and a BOM, whatever the chunk size', async () => {
    const text = '\uFEFFname,note\r\n"Łukasz, Jr.","said ""hi""\r\nthen left"\r\n\r\nZoë,plain\n';
    for (const size of [1, 2, 5, 1000]) {
      expect(await records(text, size)).toEqual([
        { line: 1, fields: ['name', 'note'] },
        { line: 2, fields: ['Łukasz, Jr.', 'said "hi"\r\nthen left'] },
        { line: 5, fields: ['Zoë', 'plain'] },
      ]);
    }
  });

  it('keeps a last record without a newline and empty trailing fields', async () => {
    expect(await records('a,b\n1,')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', ''] },
    ]);
  });

  it('refuses an unterminated quote with the line it starts on', async () => {
    await expect(records('a\n"open\nstill open')).rejects.toMatchObject({ line: 2 });
  });
});

describe('proposeCsvMapping', () => {
  it('maps the usual header names and ignores the rest', () => {
    expect(proposeCsvMapping(['First Name', 'Last Name', 'Email', 'Job', 'Current Stage', 'Who gets credit', 'Favourite colour', 'LinkedIn', 'Website'])).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      Job: 'roleTitle',
      'Current Stage': 'stage',
      'Who gets credit': 'referrer',
      'Favourite colour': null,
      LinkedIn: 'links',
      Website: 'links',
    });
  });
});

describe('cells and times', () => {
  it.each([
    ['=1+1', true],
    ['@SUM(A1)', true],
    ['-2+3', true],
    ['-42', false],
    ['+1 (555) 010-2000', false],
    ['+cmd|calc', true],
    ['\tx', true],
    ['Ada', false],
  ])('isFormulaCell(%j) is %s', (cell, expected) => expect(isFormulaCell(cell)).toBe(expected));

  it.each([
    ['2026-03-04', '2026-03-04T00:00:00.000Z'],
    ['2026-03-04 09:30', '2026-03-04T09:30:00.000Z'],
    ['2026-03-04T09:30:00+02:00', '2026-03-04T07:30:00.000Z'],
    ['2026-02-31', undefined],
    ['03/04/2026', undefined],
  ])('parseCsvTime(%j) is %j', (text, expected) => expect(parseCsvTime(text)).toBe(expected));
});

describe('the CSV source', () => {
  it('reads candidates, roles by title, stages and applications; formula cells stay text with a warning', async () => {
    const csv = [
      'Name,Email,Job,Stage,Status,Source,Rejection Reason,Applied At,Notes',
      'Zoë Ångström,ZOE@example.com,ML Engineer,Phone Screen,active,LinkedIn,,2026-01-02,',
      'Zoë Ångström,zoe@example.com,Research Scientist,Onsite,rejected,Referral,Went with another offer,2026-01-05,',
      '"=HYPERLINK(""http://x"")",eve@example.com,ML Engineer,Phone Screen,,,,2026-01-03,x',
    ].join('\n');
    const batch = await createCsvParser({ now: NOW })([file('people.csv', csv)]);
    expect(batch.candidates.map((c) => [c.externalId, c.name])).toEqual([
      ['email:zoe@example.com', 'Zoë Ångström'],
      ['email:eve@example.com', '=HYPERLINK("http://x")'],
    ]);
    expect(batch.roles.map((r) => r.title)).toEqual(['ML Engineer', 'Research Scientist']);
    expect(batch.stages.map((s) => s.name)).toEqual(['Phone Screen', 'Onsite']);
    expect(batch.applications[1]).toMatchObject({ status: 'rejected', rejectionReason: 'Went with another offer', closedAt: '2026-01-05T00:00:00.000Z', sourceName: 'Referral' });
    expect(batch.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'formula-cell', file: 'people.csv', line: 4, field: 'Name' })]);
  });

  it('reports bad rows with file and line and keeps the good ones', async () => {
    const csv = ['Name,Email,Job,Applied At,Stage Entered', 'Ada,ada@example.com,ML', ',,ML,2026-01-01,', 'Bob,bob@example.com,ML,01/02/2026,', 'Cy,cy@example.com,ML,2026-01-05,2026-01-01', 'Di,not-an-email,ML,2026-01-01,'].join('\r\n');
    const batch = await createCsvParser({ now: NOW })([file('bad.csv', csv)]);
    expect(batch.problems.map((p) => [p.code, p.line, p.severity])).toEqual([
      ['bad-row', 2, 'error'],
      ['missing-name', 3, 'error'],
      ['bad-date', 4, 'error'],
      ['out-of-order', 5, 'error'],
      ['bad-email', 6, 'warning'],
    ]);
    expect(batch.candidates.map((c) => c.name)).toEqual(['Cy', 'Di']);
    expect(batch.applications.map((a) => a.candidateExternalId)).toEqual(['name:di']);
  });

  it('takes the user mapping over the proposal and says when no column names the candidate', async () => {
    const csv = 'Who,Mail\nAda,ada@example.com\n';
    expect((await createCsvParser({ now: NOW })([file('x.csv', csv)])).problems[0]).toMatchObject({ code: 'no-name-column', file: 'x.csv', line: 1 });
    const mapped = await createCsvParser({ now: NOW, mapping: { who: 'name', Mail: 'email' } })([file('x.csv', csv)]);
    expect(mapped.candidates).toEqual([expect.objectContaining({ name: 'Ada', email: 'ada@example.com', createdAt: NOW.toISOString() })]);
  });

  it('reports an unterminated quote and an empty file as errors; reads headers', async () => {
    const batch = await createCsvParser({ now: NOW })([file('a.csv', 'Name\n"Ada\n'), file('b.csv', '')]);
    expect(batch.problems.map((p) => [p.code, p.file])).toEqual([
      ['malformed-csv', 'a.csv'],
      ['empty-file', 'b.csv'],
    ]);
    expect(await readCsvHeaders(file('h.csv', '\uFEFF Name , Email\n'))).toEqual(['Name', 'Email']);
  });
});
