#!/usr/bin/env node
// `npm start`: build the web app when it is missing or stale, then run the server on SQLite (or DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webBuildIsStale } from './web-freshness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (webBuildIsStale(root)) {
  console.log('Building the web app (first start or sources changed)...');
  const r = spawnSync(process.execPath, [resolve(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root, env: { ...process.env, CLOSER_BUILD_QUIET: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/server/main.ts')], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
