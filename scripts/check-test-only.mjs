#!/usr/bin/env node
// Fails when a module under src/ (outside src/test-support/) is imported by tests only: such a module is a
// test helper and belongs in src/test-support/, where production code cannot reach it (check-boundaries.mjs).
// Importers are looked up in src/ and, beside it, in e2e/ (tests) and bin/, scripts/, bench/ (entry points and tools);
// a module nothing imports (an entry point, or dead code) is not this check's business.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ? resolve(process.argv[2]) : join(root, 'src');
const besides = ['e2e', 'bin', 'scripts', 'bench'].map((d) => join(dirname(src), d)).filter((d) => existsSync(d));

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts')) yield p;
  }
}

/** The file an import specifier names (`./a.js` may be `a.ts` or `a.tsx`), or undefined when it is not a file here. */
function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  for (const c of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.mjs`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return undefined;
}

const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith(join(src, 'test-support') + sep) || file.startsWith(join(dirname(src), 'e2e') + sep);
const importRe = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g;

/** importers.get(module) = files that import it */
const importers = new Map();
for (const file of [...files(src), ...besides.flatMap((d) => [...files(d)])]) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const target = resolveImport(file, m[1] ?? m[2] ?? m[3]);
    if (!target || target === file) continue;
    if (!importers.has(target)) importers.set(target, new Set());
    importers.get(target).add(file);
  }
}

const problems = [];
for (const [module, by] of importers) {
  if (!module.startsWith(src + sep) || isTest(module)) continue;
  if ([...by].every(isTest)) {
    const names = [...by].map((f) => relative(dirname(src), f)).sort();
    problems.push(`${relative(src, module)}: only tests import it (${names.slice(0, 3).join(', ')}${names.length > 3 ? `, +${names.length - 3}` : ''}); move it to src/test-support/`);
  }
}

if (problems.length) {
  console.error(`Test-only modules outside src/test-support (${problems.length}):\n  ${problems.sort().join('\n  ')}`);
  process.exit(1);
}
console.log('Test helpers ok: every module only tests import lives in src/test-support/.');
