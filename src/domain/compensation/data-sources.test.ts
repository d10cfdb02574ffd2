import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every figure in data/compensation and data/market carries its source ("assumption" plus a note for design choices).
const root = join(import.meta.dirname, '../../../data');
const files = ['compensation', 'market'].flatMap((area) =>
  readdirSync(join(root, area))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: `${area}/${f}`, json: JSON.parse(readFileSync(join(root, area, f), 'utf8')) as unknown })),
);

function parametersOf(node: unknown, path: string, out: { path: string; entry: Record<string, unknown> }[] = []): { path: string; entry: Record<string, unknown> }[] {
  if (Array.isArray(node)) node.forEach((v, i) => parametersOf(v, `${path}[${i}]`, out));
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('value' in o) out.push({ path, entry: o });
    for (const [k, v] of Object.entries(o)) if (k !== 'value') parametersOf(v, `${path}.${k}`, out);
  }
  return out;
}

describe('data files carry their sources', () => {
  it('finds the compensation and market data files', () => {
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['compensation/model-parameters.json', 'compensation/threshold-defaults.json', 'compensation/stage-bands.json', 'market/role-groups.json', 'market/datasets.json']),
    );
    // The per-file check below loops over each file's parameters, so there must be some to check.
    expect(files.flatMap((f) => parametersOf(f.json, '')).length).toBeGreaterThan(10);
  });

  it.each(files)('every { value } parameter in $name has a source, and assumptions have a note', ({ json }) => {
    const params = parametersOf(json, '');
    for (const { path, entry } of params) {
      expect(typeof entry.source, path).toBe('string');
      expect((entry.source as string).length, path).toBeGreaterThan(0);
      if (entry.source === 'assumption') expect(typeof entry.note, `${path} is an assumption without a note`).toBe('string');
    }
  });

  it('stage bands, presets and datasets name their source', () => {
    // The loops below check nothing if the files lose their lists, so each kind must be there.
    const items = (key: string) => files.flatMap((f) => Object.values((f.json as Record<string, object>)[key] ?? {}));
    for (const key of ['bands', 'presets', 'datasets']) expect(items(key).length, key).toBeGreaterThan(0);
    for (const f of files) {
      const j = f.json as Record<string, any>;
      for (const b of j.bands ?? []) expect(b.source).toBeTruthy();
      for (const p of Object.values(j.presets ?? {}) as Record<string, unknown>[]) expect(p.source).toBeTruthy();
      for (const d of j.datasets ?? []) expect([d.source, d.asOf, d.licence]).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    }
  });

  it('the copied salary file and licence are unchanged (sha256 of datasets.json)', () => {
    const datasets = files.find((f) => f.name === 'market/datasets.json')!.json as { datasets: { file: string; sha256: string }[] };
    for (const d of datasets.datasets) {
      const hash = createHash('sha256').update(readFileSync(join(root, 'market', d.file))).digest('hex');
      expect(hash).toBe(d.sha256);
    }
  });
});
