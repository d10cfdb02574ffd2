import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const op = (limitPattern: string, extra: Record<string, unknown> = {}) => ({
  parameters: [{ in: 'query', name: 'limit', required: false, schema: { type: 'string', pattern: limitPattern } }],
  responses: { 200: { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } } } },
  ...extra,
});
const doc = (paths: Record<string, unknown>) => ({ openapi: '3.0.3', paths });

function compare(before: unknown, after: unknown): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'closer-openapi-'));
  writeFileSync(join(dir, 'a.json'), JSON.stringify(before));
  writeFileSync(join(dir, 'b.json'), JSON.stringify(after));
  try {
    return { code: 0, output: execFileSync('node', ['scripts/openapi-compare.mjs', join(dir, 'a.json'), join(dir, 'b.json')], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, output: e.stdout };
  }
}

describe('scripts/openapi-compare.mjs', () => {
  const before = doc({ '/x': { get: op('^\\d{1,4}$') } });

  it('passes an equal document, additions and widened digit patterns', () => {
    expect(compare(before, before).code).toBe(0);
    const r = compare(before, doc({ '/x': { get: op('^\\d{1,6}$'), post: op('^\\d{1,4}$') }, '/y': { get: op('^\\d{1,4}$') } }));
    expect(r.code).toBe(0);
    expect(r.output).toContain('added   /paths//y');
    expect(r.output).toContain('widened /paths//x/get/parameters[query.limit]/schema/pattern');
  });

  it('fails when a path, a parameter or a response field is removed or changed, or a pattern narrows', () => {
    expect(compare(before, doc({})).output).toContain('CHANGED /paths//x: removed');
    expect(compare(before, doc({ '/x': { get: { ...op('^\\d{1,4}$'), parameters: [] } } })).output).toContain('parameter query.limit removed');
    expect(compare(before, doc({ '/x': { get: op('^\\d{1,2}$') } })).code).toBe(1);
    const changed = op('^\\d{1,4}$');
    changed.responses[200].content['application/json'].schema.properties.id.type = 'integer';
    const r = compare(before, doc({ '/x': { get: changed } }));
    expect(r.code).toBe(1);
    expect(r.output).toContain('properties/id/type');
  });
});
