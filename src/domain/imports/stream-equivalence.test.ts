// The parsers read files as streams of text chunks. Whatever the chunks (the whole file as one string, as a reader
// that held it in memory would hand it over, or a few characters at a time), every source gives the same batch: the
// same records, the same problems at the same file and line. Checked on the fixtures of each system, with a malformed
// record at a known line, a byte-order mark and CSV formula cells beside them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourcePlaceOf, type ImportBatch, type ImportFile, type ImportParser } from './canonical.js';
import { parseAshby } from './ashby.js';
import { createCsvParser } from './csv.js';
import { parseGreenhouse } from './greenhouse.js';
import { parseLever } from './lever.js';
import { fileFromText } from '../../test-support/import-files.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const NOW = new Date('2026-12-01T00:00:00Z');

function texts(dir: string): Array<[string, string]> {
  const names = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => statSync(join(dir, n)).isFile()).sort();
  return names.map((n) => [n.split(sep).join('/'), readFileSync(join(dir, n), 'utf8')]);
}

/** The batch with where each record was read (kept beside the records), so places are compared too. */
function withPlaces(batch: ImportBatch): unknown {
  const lists = ['users', 'roles', 'stages', 'candidates', 'applications', 'interviews', 'feedback', 'offers', 'notes'] as const;
  return { ...batch, ...Object.fromEntries(lists.map((k) => [k, (batch[k] as object[]).map((r) => ({ r, at: sourcePlaceOf(r) }))])) };
}

async function parseCut(parser: ImportParser, files: ReadonlyArray<[string, string]>, chunkSize: number): Promise<ImportBatch> {
  const inputs: ImportFile[] = files.map(([name, text]) => fileFromText(name, text, chunkSize === Infinity ? Math.max(1, text.length) : chunkSize));
  return parser(inputs);
}

const BAD_JSON = '\ufeff[\n{"id": 9001, "first_name": "Ingrid", "last_name": "Ødegaard", "created_at": "2026-09-01T00:00:00Z"},\n{"id": 9002, "first_name": }\n]\n';

const SOURCES: Array<[string, ImportParser, Array<[string, string]>]> = [
  ['greenhouse', parseGreenhouse, [...texts(join(FIXTURES, 'greenhouse')), ['harvest-v3/candidates/page-9.json', BAD_JSON]]],
  ['lever', parseLever, [...texts(join(FIXTURES, 'lever')), ['opportunities/page-9.json', '[\n{"id": "x", "name": "Li Na"},\n{"id": tru}\n]']]],
  ['ashby', parseAshby, [...texts(join(FIXTURES, 'ashby')), ['candidate.list/page-9.json', '\ufeff{"success": true, "results": [\n{"id": "c9", "name": "Kwame"},\n{"id": \n]}']]],
  [
    'csv',
    createCsvParser({ now: NOW }),
    [['people.csv', '\ufeffName,Email,Job,Stage,Applied At\r\nZoë Ångström,zoe@example.com,ML Engineer,Phone Screen,2026-01-02\r\n"=HYPERLINK(""http://x"")",eve@example.com,ML Engineer,"Onsite, final",2026-01-03\r\n"Ada\nLovelace",ada@example.com,ML Engineer,Screen,2026-01-04\r\n']],
  ],
];

describe('streamed reading gives what reading each file whole gives', () => {
  for (const [system, parser, files] of SOURCES) {
    it(`${system}: the same records and problems, at the same lines, in one chunk or in chunks of 1 and 7 characters`, async () => {
      const whole = await parseCut(parser, files, Infinity);
      expect(whole.candidates.length).toBeGreaterThan(0);
      for (const size of [1, 7]) expect(withPlaces(await parseCut(parser, files, size))).toEqual(withPlaces(whole));
      if (system === 'csv') {
        expect(whole.problems).toEqual([expect.objectContaining({ code: 'formula-cell', file: 'people.csv', line: 3 })]);
        expect(whole.candidates.map((c) => c.name)).toEqual(['Zoë Ångström', '=HYPERLINK("http://x")', 'Ada\nLovelace']);
      } else {
        const bad = files.at(-1)![0];
        expect(whole.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'malformed-json', file: bad, line: 3 }));
      }
    });
  }
});
