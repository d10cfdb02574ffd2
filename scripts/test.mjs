#!/usr/bin/env node
// `npm test`: the unit, storage and API suites (SQLite and PostgreSQL), then the browser suite.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = resolve(root, 'node_modules/.bin/vitest');
const extra = process.argv.slice(2);
const steps = [
  ['unit, storage and API tests', [vitest, 'run', ...extra]],
  ['browser tests', [vitest, 'run', '--config', 'vitest.e2e.config.ts']],
];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n== ${name} ==`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`\n${name} failed`);
    process.exit(r.status ?? 1);
  }
}
