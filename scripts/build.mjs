#!/usr/bin/env node
// Builds what `npm start` serves: the web app (Vite) into dist/web. The server and CLI run from the
// TypeScript sources through tsx, so they need no compile step (docs/decisions/003-run-typescript-with-tsx.md).
import { build } from 'vite';

await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: process.env.CLOSER_BUILD_QUIET ? 'warn' : 'info' });
