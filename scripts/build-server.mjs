#!/usr/bin/env node
// Compiles the server for `npm start` (docs/decisions/009-compiled-server.md): src/server/main.ts and everything
// it imports from src/ (domain, storage, server, the data/*.json they import) into one CommonJS script,
// dist/server/main.cjs, and the offer-evaluation worker (an ES module) beside it. Most packages stay imports (see BUNDLED).
// esbuild only strips types; `npm run typecheck` is what checks them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/server');

/**
 * Pure-JavaScript packages that read no files of their own, compiled into the bundle: Node then resolves and
 * loads one file instead of hundreds (Kysely alone is ~400 modules). Zod goes with the one package that also
 * imports it, so that there is one copy of its classes. Every other package stays an import from node_modules
 * (some find files beside themselves through __dirname, which a bundle would break).
 */
const BUNDLED = ['kysely', 'zod', 'fastify-type-provider-zod', '@fastify/error', 'yaml'];
const dependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies);
const external = dependencies.filter((d) => !BUNDLED.includes(d)).flatMap((d) => [d, `${d}/*`]);

export async function buildServer() {
  rmSync(outdir, { recursive: true, force: true });
  const common = { absWorkingDir: root, outdir, bundle: true, external, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };
  // The server as one CommonJS script, strict like the modules it is made of, for scripts/start.mjs to compile with
  // V8's code cache (Node 20 keeps no such cache for ES modules). `import.meta.url` becomes the script's own URL.
  await build({
    ...common,
    entryPoints: { main: 'src/server/main.ts' },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    define: { 'import.meta.url': '__closerModuleUrl' },
    banner: {
      js: "'use strict'; const __closerModuleUrl = require('node:url').pathToFileURL(__filename).href; const __closerImport = typeof __closerImportFromLoader === 'function' ? __closerImportFromLoader : (specifier) => import(specifier);",
    },
  });
  // Packages loaded when first used (`await import('pg')`) are imported through the function start.mjs passes in:
  // an import() inside a script compiled with a code cache has no module loader to call in Node 20.
  const main = join(outdir, 'main.cjs');
  writeFileSync(main, readFileSync(main, 'utf8').replace(/(?<![\w$.])import\(("[^"./][^"]*")\)/g, '__closerImport($1)'));
  // The pool starts `./offer-evaluation.worker.mjs` beside the module that runs it: here, the bundle.
  await build({
    ...common,
    entryPoints: { 'offer-evaluation.worker': 'src/server/services/offer-evaluation.worker.ts' },
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // CommonJS packages in the bundle (@fastify/error) require Node's modules: give them a require.
    banner: { js: "import { createRequire as __closerCreateRequire } from 'node:module'; const require = __closerCreateRequire(import.meta.url);" },
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
