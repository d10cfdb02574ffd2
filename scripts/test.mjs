#!/usr/bin/env node
// `npm test`: the unit, storage and API suites (SQLite and PostgreSQL), then the browser suite; ends with one
// closing line "Total: N passed, N failed, N skipped" over both.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = resolve(root, 'node_modules/.bin/vitest');
const steps = [
  ['unit, storage and API tests', ['run'], resolve(root, '.tmp/test-counts-main.json')],
  ['browser tests', ['run', '--config', 'vitest.e2e.config.ts'], resolve(root, '.tmp/test-counts-e2e.json')],
];
const total = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
for (const [name, args, countsFile] of steps) {
  console.log(`\n== ${name} ==`);
  rmSync(countsFile, { force: true });
  const r = spawnSync(vitest, args, { stdio: 'inherit', cwd: root, env: { ...process.env, CLOSER_TEST_COUNTS_FILE: countsFile } });
  if (existsSync(countsFile)) {
    const c = JSON.parse(readFileSync(countsFile, 'utf8')).total;
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  if (r.status !== 0) {
    console.error(`\n${name} failed`);
    status = r.status ?? 1;
    break;
  }
}
console.log(`\nTotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(status);
