import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime } from './web-freshness.mjs';

/** What the compiled server is built from: its code and the layers it imports, the data files, the build setup. */
export const SERVER_BUILD_INPUTS = ['src/server', 'src/storage', 'src/domain', 'data', 'package-lock.json', 'tsconfig.json', 'scripts/build-server.mjs'];

/** True when dist/server is missing or older than a source it is built from. */
export function serverBuildIsStale(root, cache) {
  const main = join(root, 'dist/server/main.cjs');
  if (!existsSync(main) || !existsSync(join(root, 'dist/server/offer-evaluation.worker.mjs'))) return true;
  const built = statSync(main).mtimeMs;
  const inputs = SERVER_BUILD_INPUTS.map((p) => join(root, p)).filter(existsSync);
  return Math.max(0, ...inputs.map((p) => newestMtime(p, cache))) > built;
}
