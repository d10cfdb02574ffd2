import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than a source it is built from (web, domain, data, vite config). */
export function webBuildIsStale(root) {
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['src/web', 'src/domain', 'data'].map((d) => join(root, d)).filter(existsSync);
  const newest = Math.max(statSync(join(root, 'vite.config.ts')).mtimeMs, ...sources.map(newestMtime));
  return newest > built;
}
