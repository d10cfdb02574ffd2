// Run by src/cli/commands/imports.test.ts as a child process: applies a checked import to a SQLite file and, after
// the first written chunk, says so on stdout and waits to be killed (SIGKILL: no cleanup, no rollback by the process).
import { openDatabase } from '../storage/index.js';
import { applyImport, getImportJobOrThrow } from '../server/services/imports.js';

const [file, jobId, dir] = process.argv.slice(2) as [string, string, string];
const store = await openDatabase({ url: `sqlite:${file}`, migrate: false });
const job = await getImportJobOrThrow(store.db, jobId);
await applyImport(store, { id: job.createdBy!, role: 'owner' }, job, dir, () => new Date('2026-11-02T15:00:00.000Z'), {
  afterChunk: async () => {
    process.stdout.write('written\n');
    await new Promise(() => {});
  },
});
