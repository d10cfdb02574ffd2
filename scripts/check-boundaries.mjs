#!/usr/bin/env node
// Fails when an import points against the layering: domain <- storage <- server; cli and web use domain
// (and cli the server's admin entry points), never storage. Tests and test support are exempt.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ? resolve(process.argv[2]) : join(root, 'src');

const ALLOWED = {
  domain: ['domain'],
  storage: ['domain', 'storage'],
  server: ['domain', 'storage', 'server'],
  cli: ['domain', 'cli', 'server'],
  web: ['domain', 'web'],
};
// Packages each layer may import besides Node built-ins; the domain runs in the browser, so it gets only pure,
// I/O-free parsers: zod for schemas, yaml for plan documents (shared by the API and `closer check`).
const DOMAIN_PACKAGES = new Set(['zod', 'yaml']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield p;
  }
}

// --- thin routes (issue 10) ------------------------------------------------------------------------------------
// Route handlers are schema -> policy -> service -> presenter: no file under server/routes imports storage (the
// services own repositories and transactions), and a route folder never imports another route folder (what
// several resources share lives in server/routes/shared or server/plugins). Until the contract layer (src/api)
// replaces them, the folders' schema.ts modules may still be imported across folders.
const ROUTES_DIR = join('server', 'routes');
function routeRuleProblems(rel, targetRel, spec) {
  if (!rel.startsWith(ROUTES_DIR + sep)) return [];
  const out = [];
  if (targetRel.split(sep)[0] === 'storage') out.push(`${rel}: routes go through services and may not import storage (${spec})`);
  const from = relative(ROUTES_DIR, rel).split(sep);
  const to = relative(ROUTES_DIR, targetRel).split(sep);
  const fromFolder = from.length > 1 ? from[0] : undefined;
  const toFolder = !to[0].startsWith('..') && to.length > 1 ? to[0] : undefined;
  const schemaModule = /(^|[\\/])schema(\.[jt]s)?$/.test(targetRel) || /(^|[\\/])schema\.ts$/.test(rel);
  if (fromFolder && fromFolder !== 'shared' && toFolder && toFolder !== fromFolder && toFolder !== 'shared' && !schemaModule) {
    out.push(`${rel}: a route folder may not import another route folder (${spec}); move what both need to server/routes/shared or server/plugins`);
  }
  return out;
}
// --- end of thin routes -----------------------------------------------------------------------------------------

const importRe = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];
for (const file of files(src)) {
  const rel = relative(src, file);
  const layer = rel.split(sep)[0];
  if (!(layer in ALLOWED)) continue;
  if (/\.test\.tsx?$/.test(file) || rel.startsWith(`test-support${sep}`)) continue;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const targetRel = relative(src, target);
      if (targetRel.startsWith('..')) {
        // Outside src/: only the data folder (editable defaults) may be imported.
        if (!relative(dirname(src), target).startsWith(`data${sep}`)) problems.push(`${rel}: imports ${spec} outside src/ and data/`);
        continue;
      }
      const targetLayer = targetRel.split(sep)[0];
      if (targetLayer === 'test-support') problems.push(`${rel}: production code imports test support (${spec})`);
      else if (!ALLOWED[layer].includes(targetLayer)) problems.push(`${rel}: ${layer} may not import ${targetLayer} (${spec})`);
      if (layer === 'cli' && targetLayer === 'server' && !/server[\\/](admin|main)/.test(targetRel)) problems.push(`${rel}: cli may use only server/admin and server/main (${spec})`);
      problems.push(...routeRuleProblems(rel, targetRel, spec));
    } else if (layer === 'domain') {
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (!DOMAIN_PACKAGES.has(pkg)) problems.push(`${rel}: the domain is pure and may not import ${spec}`);
    }
  }
}

if (problems.length) {
  console.error(`Import boundary check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Import boundaries ok: domain <- storage <- server; cli and web use domain and the HTTP API.');
