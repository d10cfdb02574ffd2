// Writes the OpenAPI document of the app built in-process (no server, no network) to a file:
//   npx tsx scripts/openapi-dump.ts out.json
// Used with scripts/openapi-compare.mjs to prove a refactor changes the API only by additions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/storage/index.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/openapi-dump.ts <out.json>');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'closer-openapi-'));
const store = await openDatabase({ url: `sqlite:${join(dir, 'openapi.db')}` });
try {
  const app = await buildApp({ db: store, clock: () => new Date('2026-01-01T00:00:00Z'), config: { secureCookies: false } });
  const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json answered ${res.statusCode}`);
  writeFileSync(out, `${JSON.stringify(res.json(), null, 2)}\n`);
  await app.close();
  console.log(`wrote ${out}`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
