import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_NAMES, ruleName } from './rule-names.js';

const DOMAIN = new URL('../../domain/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every finding rule the domain can emit: `rule: 'x.y'` and `const rule = 'x.y'`. */
function emittedRules(): string[] {
  const found = new Set<string>();
  for (const file of sources(DOMAIN)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\brule(?::|\s*=)\s*'([a-z]+\.[a-z-]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

describe('rule names', () => {
  it('names every rule the domain emits in words', () => {
    const rules = emittedRules();
    expect(rules.length).toBeGreaterThan(15);
    expect(rules.filter((r) => !(r in RULE_NAMES))).toEqual([]);
  });

  it('never shows an id: a rule without a name reads as words', () => {
    expect(ruleName('scope.too-broad')).toBe('Too broad for one role');
    expect(ruleName('interview.panel-too-large')).toBe('Panel too large');
    for (const name of Object.values(RULE_NAMES)) expect(name).not.toMatch(/[a-z]\.[a-z]|^[a-z]+-[a-z]+$/);
  });
});
