import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engines must run in a browser Web Worker and be reproducible: no I/O, no clock, no Math.random.
const dirs = [join(import.meta.dirname, '.'), join(import.meta.dirname, '../market')];
const sources = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') })),
);

describe('compensation and market domain code is pure', () => {
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(15);
  });

  it.each(['Math.random', 'Date.now', 'new Date', 'performance.now', "from 'node:", 'require(', 'process.', 'toLocaleString', 'Intl.'])('does not use %s', (token) => {
    const offenders = sources.filter((s) => s.text.includes(token)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });
});
