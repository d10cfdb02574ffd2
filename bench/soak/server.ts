// One Closer server for `npm run soak`: serve() as `npm start` runs it (migrations, background jobs, warn-level
// logs) on the given database. Prints the URL it listens on as its first line. The soak kills it with SIGKILL.
// Usage: node --import tsx bench/soak/server.ts <database url>
import { serve } from '../../src/server/main.js';

const { url, close } = await serve({ databaseUrl: process.argv[2]!, port: 0, host: '127.0.0.1' });
console.log(url);
process.once('SIGTERM', () => void close().then(() => process.exit(0)));
