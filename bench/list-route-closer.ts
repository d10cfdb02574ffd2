// The Closer side of bench/list-route.ts: the production server (serve() as `npm start` runs it: migrations,
// warn-level logging) on the given database, without background jobs so nothing but requests uses the CPU.
// Usage: node --import tsx bench/list-route-closer.ts <database url>  -> prints the URL it listens on.
import { serve } from '../src/server/main.js';

const { url, close } = await serve({ databaseUrl: process.argv[2]!, port: 0, host: '127.0.0.1', backgroundJobs: false });
console.log(url);
// A clean exit, so that `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => void close().then(() => process.exit(0)));
