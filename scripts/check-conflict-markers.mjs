#!/usr/bin/env node
// Fails when a tracked file still holds a merge's conflict markers (a resolved merge once committed them in a doc).
import { spawnSync } from 'node:child_process';

const found = spawnSync('git', ['grep', '-nE', '^(<<<<<<<|>>>>>>>)( |$)', '--', '.'], { encoding: 'utf8' });
if (found.error) {
  console.log(`Conflict markers not checked: git is not available (${found.error.message}).`);
} else if (found.status === 0) {
  console.error(`Merge conflict markers left in:\n${found.stdout}`);
  process.exit(1);
} else if (found.status === 1) {
  console.log('Conflict markers ok: none in tracked files.');
} else {
  console.log(`Conflict markers not checked: ${found.stderr.trim() || 'not a git checkout'}.`);
}
