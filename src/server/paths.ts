import { fileURLToPath } from 'node:url';

/**
 * The project folder (with data/ and dist/): two levels up from this file in src/server/, and equally from
 * the compiled server in dist/server/ (docs/decisions/009-compiled-server.md), where every module shares the
 * bundle's import.meta.url. Paths to files outside the code are built from it, never from a module's own URL.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
