#!/usr/bin/env node
// Compiles the server for `npm start` (docs/decisions/009-compiled-server.md): src/server/main.ts and everything
// it imports from src/ (domain, storage, server, the data/*.json they import) into one ES module,
// dist/server/main.mjs, and the offer-evaluation worker beside it. Most packages stay imports (see BUNDLED).
// esbuild only strips types; `npm run typecheck` is what checks them.
import { readFileSync, rmSync } from 'node:fs';
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
  await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'src/server/main.ts',
      // The pool starts `./offer-evaluation.worker.mjs` beside the module that runs it: here, the bundle.
      'offer-evaluation.worker': 'src/server/services/offer-evaluation.worker.ts',
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    external,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // CommonJS packages in the bundle (@fastify/error) require Node's modules: give them a require.
    banner: { js: "import { createRequire as __closerCreateRequire } from 'node:module'; const require = __closerCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
