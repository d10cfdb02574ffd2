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

// ---- contract layer (src/api, issue 10) ----------------------------------------------------------------------
// src/api holds the request and response schemas of the HTTP API (Zod) and their types: it may import only the
// domain and zod. The server and the CLI may import it; the web only with `import type`, or from the zod-free
// constant modules (src/api/constants.ts, src/api/*-constants.ts), so zod never reaches the web's first load.
ALLOWED.api = ['domain', 'api'];
for (const layer of ['server', 'cli', 'web']) ALLOWED[layer].push('api');
const API_PACKAGES = new Set(['zod']);
const isApiConstants = (rel) => /^api[\\/](?:constants|[\w-]+-constants)\.ts$/.test(rel);
const statementRe = /^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Value imports (not `import type`) of a file: [{ spec, line }]. */
function valueImports(text) {
  const found = [];
  for (const m of text.matchAll(statementRe)) {
    const spec = m[4] ?? m[5] ?? m[6];
    if (m[4] !== undefined && m[2]) continue; // import type / export type
    found.push(spec);
  }
  return found;
}

/** The packages a module brings along at run time, following relative value imports. */
function packagesReached(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const reached = [];
  for (const spec of valueImports(readFileSync(file, 'utf8'))) {
    if (!spec.startsWith('.')) {
      reached.push(`${spec} (via ${relative(src, file)})`);
      continue;
    }
    const target = resolve(dirname(file), spec).replace(/\.js$/, '');
    const candidates = [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts')];
    const found = candidates.find((c) => { try { return statSync(c).isFile(); } catch { return false; } });
    if (found) reached.push(...packagesReached(found, seen));
    else if (/\.json$/.test(spec)) reached.push(`${spec} (data, via ${relative(src, file)})`);
  }
  return reached;
}

function checkContractLayer(rel, file, text, problems) {
  const layer = rel.split(sep)[0];
  if (layer === 'api') {
    for (const spec of valueImports(text)) {
      if (spec.startsWith('.')) continue;
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (!API_PACKAGES.has(pkg)) problems.push(`${rel}: the API contract may import only the domain and zod, not ${spec}`);
    }
    if (isApiConstants(rel)) for (const p of packagesReached(file)) problems.push(`${rel}: a zod-free constants module may not bring ${p}`);
  }
  if (layer === 'web') {
    for (const spec of valueImports(text)) {
      if (!spec.startsWith('.')) continue;
      const targetRel = relative(src, resolve(dirname(file), spec)).replace(/\.js$/, '.ts');
      if (targetRel.split(sep)[0] === 'api' && !isApiConstants(targetRel)) problems.push(`${rel}: the web may import the API contract only with \`import type\` (or from api/constants.ts): ${spec}`);
    }
  }
}
// ---- end contract layer ------------------------------------------------------------------------------------------

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
// several resources share lives in server/routes/shared or server/plugins; schemas live in the contract, src/api).
const ROUTES_DIR = join('server', 'routes');
function routeRuleProblems(rel, targetRel, spec) {
  if (!rel.startsWith(ROUTES_DIR + sep)) return [];
  const out = [];
  if (targetRel.split(sep)[0] === 'storage') out.push(`${rel}: routes go through services and may not import storage (${spec})`);
  const from = relative(ROUTES_DIR, rel).split(sep);
  const to = relative(ROUTES_DIR, targetRel).split(sep);
  const fromFolder = from.length > 1 ? from[0] : undefined;
  const toFolder = !to[0].startsWith('..') && to.length > 1 ? to[0] : undefined;
  if (fromFolder && fromFolder !== 'shared' && toFolder && toFolder !== fromFolder && toFolder !== 'shared') {
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
  checkContractLayer(rel, file, text, problems); // contract layer (src/api)
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

// --- web pages: one area never imports another (issue 10, owned by the web pages change) ---
// A file under web/pages/<x>/ may not import from web/pages/<y>/: what two areas share lives in web/components
// (UI), web/lib (pure helpers) or web/api (HTTP client). Tests included, static and dynamic imports alike.
const webPages = join(src, 'web', 'pages');
const areaOf = (path) => {
  const rel = relative(webPages, path);
  if (rel.startsWith('..') || !rel.includes(sep)) return undefined;
  return rel.split(sep)[0];
};
if (statSync(webPages, { throwIfNoEntry: false })?.isDirectory()) {
  for (const file of files(webPages)) {
    const area = areaOf(file);
    if (!area) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) continue;
      const targetArea = areaOf(resolve(dirname(file), spec));
      if (targetArea && targetArea !== area) {
        problems.push(`${relative(src, file)}: the ${area} pages may not import another area's folder (pages/${targetArea}: ${spec}); move the shared part to web/components or web/lib`);
      }
    }
  }
}
// --- end web pages ---

if (problems.length) {
  console.error(`Import boundary check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Import boundaries ok: domain <- storage <- server; cli and web use domain and the HTTP API.');
