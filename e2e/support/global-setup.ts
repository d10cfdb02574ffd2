import { ensureWebBuild } from './build.js';
import { chromiumStatus } from './chromium.js';

/** Builds the web app once before any test file starts, so parallel files never race on dist/web. */
export default function setup(): void {
  const status = chromiumStatus();
  if (!status.available) return; // every file reports the skip (or, under CI, the failure) itself
  const started = Date.now();
  if (ensureWebBuild()) console.log(`e2e: built dist/web in ${Date.now() - started} ms`);
}
