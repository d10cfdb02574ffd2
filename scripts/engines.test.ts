import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } }>;
};

/** The runtime dependencies docs/decisions/001-stack-versions.md names as declaring Node 22 while we run 20.19+. */
const ACCEPTED_NODE_22 = ['content-disposition', 'cookie', 'kysely'];

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/\.(x|\*)/g, '').split('.').map(Number);
  return [a, b, c];
};
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether one comparator of an engines range (`>=20`, `^20.19.0`, `20.x`, `*`) admits the version. */
function admits(comparator: string, v: Version): boolean {
  if (comparator === '*' || comparator === '') return true;
  const m = /^(>=|\^|~)?v?(\d+(?:\.(?:\d+|x|\*))*)$/.exec(comparator);
  if (!m) throw new Error(`unknown engines comparator "${comparator}"`);
  const [, op, version] = m;
  const bound = parse(version!);
  if (op === '>=') return cmp(v, bound) >= 0;
  if (op === '^') return v[0] === bound[0] && cmp(v, bound) >= 0;
  if (op === '~') return v[0] === bound[0] && v[1] === bound[1] && cmp(v, bound) >= 0;
  const parts = version!.split('.').filter((p) => p !== 'x' && p !== '*').length;
  return bound.slice(0, parts).every((n, i) => n === v[i]);
}

/** Whether a whole range (`18 || 20 || >=22`, `>=14 <20`) admits the version. */
function rangeAdmits(range: string, version: string): boolean {
  const v = parse(version);
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/(>=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .every((c) => admits(c, v)),
  );
}

describe('Node version (package.json engines)', () => {
  const floor = /^>=(\d+\.\d+(?:\.\d+)?)$/.exec(pkg.engines.node)?.[1];

  it('reads ranges the way npm does', () => {
    expect(rangeAdmits('18 || 20 || >=22', '20.19.0')).toBe(true);
    expect(rangeAdmits('^20.19.0 || >=22.12.0', '20.19.0')).toBe(true);
    expect(rangeAdmits('^20.19.0 || >=22.12.0', '20.18.9')).toBe(false);
    expect(rangeAdmits('>=22.0.0', '20.19.0')).toBe(false);
    expect(rangeAdmits('20.x || 22.x', '20.19.0')).toBe(true);
    expect(rangeAdmits('>= 10.x', '20.19.0')).toBe(true);
    expect(rangeAdmits('>=16 || 14 >=14.17', '14.18.0')).toBe(true);
  });

  it('is a lower bound of Node 20.19 or later', () => {
    expect(floor).toBeDefined();
    expect(cmp(parse(floor!), [20, 19, 0])).toBeGreaterThanOrEqual(0);
  });

  it('is met by every runtime dependency, except the Node-22 declarations decision 001 explains', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && p.engines?.node && !rangeAdmits(p.engines.node, floor!))
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect([...new Set(refusing)].sort()).toEqual(ACCEPTED_NODE_22);
    const decision = readFileSync(new URL('docs/decisions/001-stack-versions.md', root), 'utf8');
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    for (const name of ACCEPTED_NODE_22) expect(decision).toContain(name);
    expect(readme).toContain('docs/decisions/001-stack-versions.md');
  });

  it('is met by every build and test tool (they support Node 20.19)', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path.startsWith('node_modules/') && p.dev && p.engines?.node && !rangeAdmits(p.engines.node, floor!))
      .map(([path]) => path);
    expect(refusing).toEqual([]);
  });
});
