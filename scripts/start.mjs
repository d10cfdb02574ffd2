#!/usr/bin/env node
// `npm start`: build the web app and the server when missing or stale, then run the compiled server on SQLite
// (or DATABASE_URL) in this process (docs/decisions/009-compiled-server.md).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { webBuildIsStale } from './web-freshness.mjs';
import { serverBuildIsStale } from './server-freshness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a build script in a child process, so that its tools (Vite, esbuild) leave nothing in the server's memory. */
function runBuild(script, what) {
  console.log(`Building the ${what} (first start or sources changed)...`);
  const r = spawnSync(process.execPath, [resolve(root, script)], { stdio: 'inherit', cwd: root, env: { ...process.env, CLOSER_BUILD_QUIET: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// One walk of the sources for both checks (their inputs share src/domain, data and the build setup).
const mtimes = new Map();
if (webBuildIsStale(root, mtimes)) runBuild('scripts/build.mjs', 'web app');
if (serverBuildIsStale(root, mtimes)) runBuild('scripts/build-server.mjs', 'server');
const { runFromEnv } = await import(pathToFileURL(resolve(root, 'dist/server/main.mjs')).href);
runFromEnv();
