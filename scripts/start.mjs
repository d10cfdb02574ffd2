#!/usr/bin/env node
// `npm start`: build the web app and the server when missing or stale, then run the compiled server on SQLite
// (or DATABASE_URL) in this process (docs/decisions/009-compiled-server.md).
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { webBuildIsStale } from './web-freshness.mjs';
import { serverBuildIsStale } from './server-freshness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a build script in a child process, so that its tools (Vite, esbuild) leave nothing in the server's memory. */
function runBuild(script, what) {
  console.log(`Building the ${what} (first start or sources changed)...`);
  const r = spawnSync(process.execPath, [resolve(root, script)], { stdio: 'inherit', cwd: root, env: { ...process.env, CLOSER_BUILD_QUIET: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** How long after the start the compiled code is saved to the cache, so that what the start compiled is in it. */
const CODE_CACHE_SAVE_DELAY_MS = 3_000;

/**
 * Runs dist/server/main.cjs the way Node runs a CommonJS file, but compiled with V8's code cache
 * (dist/server/main.cjs.v8-cache, written a few seconds after a start that had none, or at its exit if sooner, or
 * when V8 refused the cache because Node or the bundle changed; a new build deletes it): compiling the 3 MB bundle from source was a good part
 * of the start-up, and Node 20 keeps no code cache of its own.
 */
function loadServer() {
  const file = resolve(root, 'dist/server/main.cjs');
  const cacheFile = `${file}.v8-cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __closerImportFromLoader) { ${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  // The packages the server loads when first used (pg, nodemailer, ...) are imported from here (build-server.mjs).
  const importPackage = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importPackage);
  if (cachedData === undefined || script.cachedDataRejected) {
    let saved = false;
    const save = () => {
      if (saved) return;
      saved = true;
      try {
        // Written beside and renamed, so that a server starting meanwhile never reads half a cache.
        writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
        renameSync(`${cacheFile}.${process.pid}`, cacheFile);
      } catch {
        // a read-only install starts without the cache
      }
    };
    setTimeout(save, CODE_CACHE_SAVE_DELAY_MS).unref();
    process.once('exit', save);
  }
  return module.exports;
}

// One walk of the sources for both checks (their inputs share src/domain, data and the build setup).
const mtimes = new Map();
if (webBuildIsStale(root, mtimes)) runBuild('scripts/build.mjs', 'web app');
if (serverBuildIsStale(root, mtimes)) runBuild('scripts/build-server.mjs', 'server');
loadServer().runFromEnv();
