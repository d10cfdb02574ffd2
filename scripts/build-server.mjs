#!/usr/bin/env node
// Compiles the server for `npm start` (docs/decisions/009-compiled-server.md): src/server/main.ts and everything
// it imports from src/ (domain, storage, server, the data/*.json they import) into one ES module,
// dist/server/main.mjs, and the offer-evaluation worker beside it. Packages in node_modules stay imports.
// esbuild only strips types; `npm run typecheck` is what checks them.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/server');

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
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
