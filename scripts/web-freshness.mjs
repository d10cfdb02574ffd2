import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders and files the web bundle is built from: the app, the pure domain it imports, the data files, the build setup. */
export const WEB_BUILD_INPUTS = ['src/web', 'src/domain', 'data', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

/**
 * Files inside those folders that the build never reads: tests, hidden files, logs and databases with their
 * journals (`npm start` keeps its SQLite database in data/, so `closer.db` and `closer.db-wal` change on every run).
 */
const NOT_A_SOURCE = [/\.test\.tsx?$/, /^\./, /\.log$/, /\.(db|sqlite3?)(-[a-z]+)?$/i];

/** Whether a file name (no folder) is one the web build reads. */
export function isWebSource(name) {
  return !NOT_A_SOURCE.some((pattern) => pattern.test(name));
}

/**
 * Newest modification time of a file, or of the sources (isWebSource) in a folder and below. With a cache (a Map
 * from path to time), a path already looked at is not walked again: `npm start` checks the web and the server
 * builds, whose inputs share folders (src/domain, data), with one cache.
 */
export function newestMtime(path, cache) {
  if (cache?.has(path)) return cache.get(path);
  const newest = newestMtimeUncached(path);
  cache?.set(path, newest);
  return newest;
}

function newestMtimeUncached(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (!entry.isDirectory() && !isWebSource(entry.name)) continue;
    if (entry.isDirectory() && entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** True when dist/web is missing or older than a source it is built from (web, domain, data, build setup). */
export function webBuildIsStale(root, cache) {
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const inputs = WEB_BUILD_INPUTS.map((p) => join(root, p)).filter(existsSync);
  return Math.max(0, ...inputs.map((p) => newestMtime(p, cache))) > built;
}
