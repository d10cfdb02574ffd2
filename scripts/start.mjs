#!/usr/bin/env node
// `npm start`: build the web app when it is missing or stale, then run the server on SQLite (or DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './run-child.mjs';
import { webBuildIsStale } from './web-freshness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (webBuildIsStale(root)) {
  console.log('Building the web app (first start or sources changed)...');
  const r = spawnSync(process.execPath, [resolve(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root, env: { ...process.env, CLOSER_BUILD_QUIET: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The server runs as a child; stopping this process (Ctrl-C, or SIGTERM from a process manager) stops it too.
process.exit(await runChild(process.execPath, ['--import', 'tsx', resolve(root, 'src/server/main.ts')], { cwd: root }));
