import { describe, expect, it } from 'vitest';
import candidateFiles from '../../../data/pipeline/candidate-files.json' with { type: 'json' };
import clocks from '../../../data/pipeline/clocks.json' with { type: 'json' };
import duplicates from '../../../data/pipeline/duplicates.json' with { type: 'json' };
import nextActions from '../../../data/pipeline/next-actions.json' with { type: 'json' };
import risk from '../../../data/pipeline/risk.json' with { type: 'json' };
import sourcing from '../../../data/pipeline/sourcing.json' with { type: 'json' };
import todayActions from '../../../data/pipeline/today-actions.json' with { type: 'json' };

/** Every `{ value }` parameter in a data file, with its JSON path. */
function parameters(node: unknown, path = ''): { path: string; param: Record<string, unknown> }[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
  const record = node as Record<string, unknown>;
  if ('value' in record) return [{ path, param: record }];
  return Object.entries(record).flatMap(([key, child]) => parameters(child, path ? `${path}.${key}` : key));
}

describe.each([
  ['clocks.json', clocks],
  ['risk.json', risk],
  ['sourcing.json', sourcing],
  ['duplicates.json', duplicates],
  ['next-actions.json', nextActions],
  ['candidate-files.json', candidateFiles],
  ['today-actions.json', todayActions],
])('data/pipeline/%s', (_file, data) => {
  const params = parameters(data);
  it('has parameters', () => expect(params.length).toBeGreaterThan(0));
  it.each(params.map((p) => [p.path, p.param] as const))('%s carries a source, and a note when it is an assumption', (_path, param) => {
    expect(typeof param.source).toBe('string');
    expect((param.source as string).length).toBeGreaterThan(0);
    if (param.source === 'assumption') expect(typeof param.note).toBe('string');
  });
});
