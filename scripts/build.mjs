#!/usr/bin/env node
// Builds the web app (Vite) into dist/web. `npm run build` then compiles the server (scripts/build-server.mjs,
// docs/decisions/009-compiled-server.md); `npm start` runs either build only when its output is missing or stale.
import { build } from 'vite';

await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: process.env.CLOSER_BUILD_QUIET ? 'warn' : 'info' });
