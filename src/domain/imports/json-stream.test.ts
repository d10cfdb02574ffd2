import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readJsonRecords, type JsonRecord } from './json-stream.js';
import { fileFromChunks } from '../../test-support/import-files.js';

async function readAll(chunks: string[], recordKeys?: (key: string) => boolean) {
  const records: JsonRecord[] = [];
  const summary = await readJsonRecords(fileFromChunks('x.json', chunks), (r) => records.push(r), recordKeys ? { recordKeys } : {});
  return { ...summary, count: summary.records, records };
}

describe('readJsonRecords', () => {
  it('reads a top-level array record by record with the line each record starts on', async () => {
    const text = '[\n  {"id": 1, "name": "Zoë"},\n  {"id": 2,\n   "name": "李雷"},\n  3, "x", null\n]\n';
    const { records, problems, meta } = await readAll([text]);
    expect(problems).toEqual([]);
    expect(meta).toEqual({});
    expect(records.map((r) => [r.value, r.line, r.index])).toEqual([
      [{ id: 1, name: 'Zoë' }, 2, 0],
      [{ id: 2, name: '李雷' }, 3, 1],
      [3, 5, 2],
      ['x', 5, 3],
      [null, 5, 4],
    ]);
  });

  it('reads the results array of an object page and keeps its other small fields as meta', async () => {
    const text = '\ufeff{"success": true, "results": [{"id": "a"}, {"id": "b"}], "moreDataAvailable": false, "nextCursor": null}';
    const { records, problems, meta } = await readAll([text]);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.value, r.key])).toEqual([[{ id: 'a' }, 'results'], [{ id: 'b' }, 'results']]);
    expect(meta).toEqual({ success: true, moreDataAvailable: false, nextCursor: null });
  });

  it('reads named arrays when asked and keeps other arrays as meta', async () => {
    const text = '{"candidates": [{"id": 1}], "jobs": [{"id": 2}], "errors": ["x"]}';
    const { records, meta } = await readAll([text], (k) => k === 'candidates' || k === 'jobs');
    expect(records.map((r) => [r.key, r.value])).toEqual([['candidates', { id: 1 }], ['jobs', { id: 2 }]]);
    expect(meta).toEqual({ errors: ['x'] });
  });

  it('turns a malformed record into a problem with its line and goes on with the next record', async () => {
    const text = '[\n{"id": 1},\n{"id": 2, "name": tru},\n{"id": 3}\n]';
    const { records, problems } = await readAll([text]);
    expect(records.map((r) => r.value)).toEqual([{ id: 1 }, { id: 3 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'malformed-json', file: 'x.json', line: 3 });
  });

  it('reports a file cut short, text that is not JSON, text after the end and an empty file', async () => {
    expect((await readAll(['[{"id": 1}, {"id": 2, "n'])).problems).toEqual([
      expect.objectContaining({ code: 'malformed-json', line: 1, message: expect.stringContaining('inside a record') }),
    ]);
    expect((await readAll(['id,name\n1,x'])).problems[0]).toMatchObject({ code: 'malformed-json', line: 1 });
    expect((await readAll(['[1]\n[2]'])).problems[0]).toMatchObject({ code: 'malformed-json', line: 2 });
    expect((await readAll(['  \n'])).problems[0]).toMatchObject({ severity: 'warning', code: 'empty-file' });
    expect((await readAll(['[1 2]'])).problems[0]).toMatchObject({ code: 'malformed-json' });
  });

  it('keeps brackets, quotes and escapes inside strings out of the structure', async () => {
    const text = '[{"a": "}]\\"[{", "b": "\\\\"}, {"c": "\\u00e9\\n"}]';
    const { records, problems } = await readAll([text]);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.value)).toEqual([{ a: '}]"[{', b: '\\' }, { c: 'é\n' }]);
  });

  it('skips a record larger than the limit with a problem', async () => {
    const records: JsonRecord[] = [];
    const summary = await readJsonRecords(fileFromChunks('big.json', ['[{"a": "', 'x'.repeat(100), '"}, {"b": 1}]']), (r) => records.push(r), { maxRecordChars: 50 });
    expect(records.map((r) => r.value)).toEqual([{ b: 1 }]);
    expect(summary.problems[0]).toMatchObject({ code: 'record-too-large', line: 1 });
  });

  it('gives the same records, lines, meta and problems however the text is cut into chunks', async () => {
    const doc = fc.oneof(
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }).map((values) => values.map((v, i) => (i % 2 ? JSON.stringify(v, null, 2) : JSON.stringify(v))).join(',\n')).map((body) => `[\n${body}\n]`),
      fc.tuple(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.string()).map(([values, s]) => `{"note": ${JSON.stringify(s)},\n "results": [${values.map((v) => JSON.stringify(v, null, 1)).join(',')}], "more": {"a": [1, "]"]}}`),
      fc.constantFrom('[{"a": 1}, {"b": tru}, {"c": "\\"}"}]', '[{"a": [1, 2}', '{"results": [1, 2], "x": }', '\ufeff[1,2]'),
    );
    await fc.assert(
      fc.asyncProperty(doc, fc.array(fc.nat(), { maxLength: 8 }), async (text, cuts) => {
        const whole = await readAll([text]);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const p of points) {
          chunks.push(text.slice(from, p));
          from = p;
        }
        chunks.push(text.slice(from));
        const cut = await readAll(chunks);
        expect(cut).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('reads what JSON.parse reads for any array of JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), async (values) => {
        const { records, problems } = await readAll([JSON.stringify(values, null, 2)]);
        expect(problems).toEqual([]);
        expect(records.map((r) => r.value)).toEqual(JSON.parse(JSON.stringify(values)));
      }),
      { numRuns: 100 },
    );
  });
});
