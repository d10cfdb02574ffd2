import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** CLOSER_WEB_OUT_DIR (also read by vite.config.ts) gives each concurrent test run its own bundle. */
const OUT_DIR = process.env.CLOSER_WEB_OUT_DIR ?? 'dist/web';
export const WEB_ROOT = join(PROJECT_ROOT, OUT_DIR);
const STAMP = join(WEB_ROOT, '..', `.${OUT_DIR.replaceAll('/', '_')}-build-stamp.json`);
/** Always part of the build: the app itself and how it is built. */
const FIXED_INPUTS = ['src/web', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

interface Stamp {
  hash: string;
  /** Files outside src/web that the last bundle contained (e.g. src/domain modules), from its source maps. */
  extraInputs: string[];
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    const child = join(path, entry.name);
    if (entry.isDirectory()) return listFiles(child);
    return entry.isFile() && !/\.test\.tsx?$/.test(entry.name) ? [child] : [];
  });
}

function hashFiles(relativePaths: readonly string[]): string {
  const hash = createHash('sha256');
  const files = [...FIXED_INPUTS.flatMap((input) => listFiles(join(PROJECT_ROOT, input))), ...relativePaths.map((p) => join(PROJECT_ROOT, p))];
  for (const file of [...new Set(files)].sort()) {
    hash.update(relative(PROJECT_ROOT, file));
    hash.update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Source files outside src/web and node_modules that the bundle contains, read from its source maps. */
function bundledExtraInputs(): string[] {
  const assets = join(WEB_ROOT, 'assets');
  const found = new Set<string>();
  for (const name of existsSync(assets) ? readdirSync(assets) : []) {
    if (!name.endsWith('.js.map')) continue;
    const map = JSON.parse(readFileSync(join(assets, name), 'utf8')) as { sources?: string[]; sourceRoot?: string };
    for (const source of map.sources ?? []) {
      const file = relative(PROJECT_ROOT, resolve(assets, map.sourceRoot ?? '', source));
      if (!file.startsWith('..') && !file.includes('node_modules') && !file.startsWith('src/web/') && !file.startsWith('\0')) found.add(file);
    }
  }
  return [...found].sort();
}

function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/**
 * Builds dist/web with Vite unless the last build came from the same sources (compared by content, so
 * edits elsewhere in the tree do not force a rebuild). Returns whether it built.
 */
export function ensureWebBuild(): boolean {
  const stamp = readStamp();
  if (stamp && existsSync(join(WEB_ROOT, 'index.html')) && hashFiles(stamp.extraInputs) === stamp.hash) return false;
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    // Vitest sets NODE_ENV=test, which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const extraInputs = bundledExtraInputs();
  writeFileSync(STAMP, `${JSON.stringify({ hash: hashFiles(extraInputs), extraInputs } satisfies Stamp, null, 2)}\n`);
  return true;
}
