// Regenerates docs/screenshot.png for the README: the demo workspace's Today list in the built web app.
// Run with `npx tsx scripts/screenshot.ts` after `npm run build` (needs the installed Chromium).
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/storage/index.js';

const root = resolve(import.meta.dirname, '..');
const page = process.argv[2] ?? '/today';
const output = process.argv[3] ?? join(root, 'docs/screenshot.png');
const dir = await mkdtemp(join(tmpdir(), 'closer-shot-'));
const db = await openDatabase({ url: `sqlite:${join(dir, 'closer.db')}` });
const app = await buildApp({ db, config: { webRoot: join(root, 'dist/web'), secureCookies: false } });
await app.listen({ port: 0, host: '127.0.0.1' });
const baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 760 }, locale: 'en-US', timezoneId: 'UTC' });
  const demo = await context.request.post('/api/v1/setup/demo', { data: {} });
  if (!demo.ok()) throw new Error(`demo setup failed: ${demo.status()}`);
  const tab = await context.newPage();
  await tab.goto(page);
  await tab.waitForLoadState('networkidle');
  await tab.waitForTimeout(500);
  await tab.screenshot({ path: output, fullPage: process.argv[3] !== undefined });
  console.log(`${output} written from ${page}`);
} finally {
  await browser.close();
  await app.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
}
