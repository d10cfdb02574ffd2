#!/usr/bin/env node
// Compares two OpenAPI documents (written by scripts/openapi-dump.ts) and fails unless the second one equals the
// first apart from additions: every path, method, parameter, request body and response of the first must be in the
// second, unchanged. New paths, methods, responses and optional properties are additions and are listed; so are
// widened digit patterns (`^\\d{1,4}$` -> `^\\d{1,6}$`: every value accepted before is still accepted).
//   node scripts/openapi-compare.mjs before.json after.json
import { readFileSync } from 'node:fs';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: node scripts/openapi-compare.mjs <before.json> <after.json>');
  process.exit(2);
}
const before = JSON.parse(readFileSync(beforeFile, 'utf8'));
const after = JSON.parse(readFileSync(afterFile, 'utf8'));
const changes = [];
const additions = [];
const widened = [];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every value of `a` is in `b` unchanged; keys only in `b` are additions. Arrays are compared whole. */
function compare(a, b, where) {
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (!(key in b)) changes.push(`${where}/${key}: removed`);
      else compare(a[key], b[key], `${where}/${key}`);
    }
    for (const key of Object.keys(b)) if (!(key in a)) additions.push(`${where}/${key}`);
    return;
  }
  // A parameter list is matched by name and place; a `required` list may only stay the same.
  if (Array.isArray(a) && Array.isArray(b) && a.every((p) => isObject(p) && 'name' in p && 'in' in p)) {
    for (const p of a) {
      const q = b.find((x) => isObject(x) && x.name === p.name && x.in === p.in);
      if (!q) changes.push(`${where}: parameter ${p.in}.${p.name} removed`);
      else compare(p, q, `${where}[${p.in}.${p.name}]`);
    }
    for (const q of b) if (!a.some((p) => p.name === q.name && p.in === q.in)) {
      if (q.required) changes.push(`${where}: new required parameter ${q.in}.${q.name}`);
      else additions.push(`${where}[${q.in}.${q.name}]`);
    }
    return;
  }
  const digits = (p) => (typeof p === 'string' ? /^\^\\d\{1,(\d+)\}\$$/.exec(p) : null);
  if (where.endsWith('/pattern') && digits(a) && digits(b) && Number(digits(b)[1]) >= Number(digits(a)[1])) {
    if (a !== b) widened.push(`${where}: ${a} -> ${b}`);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(`${where}: ${JSON.stringify(a).slice(0, 200)} -> ${JSON.stringify(b).slice(0, 200)}`);
}

compare(before, after, '');
for (const a of additions) console.log(`added   ${a}`);
for (const w of widened) console.log(`widened ${w}`);
for (const c of changes) console.log(`CHANGED ${c}`);
const paths = Object.keys(before.paths ?? {}).length;
const ops = Object.values(before.paths ?? {}).reduce((n, p) => n + Object.keys(p).length, 0);
console.log(`${paths} paths and ${ops} operations before; ${changes.length} changed, ${additions.length} added, ${widened.length} widened.`);
process.exit(changes.length ? 1 : 0);
