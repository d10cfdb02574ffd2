import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { pipeline as pipe } from 'node:stream/promises';
import { Transform } from 'node:stream';
import limits from '../../../data/imports/limits.json' with { type: 'json' };
import { type ImportBatch, type ImportFile, type ImportProblem, type ImportSystem } from '../../domain/imports/canonical.js';
import { createCsvParser, type CsvColumnMapping } from '../../domain/imports/csv.js';
import { importStagesOf } from '../../domain/imports/closer.js';
import { planImport, type ImportEntity, type ImportPlan, type ImportReport } from '../../domain/imports/plan.js';
import { IMPORT_PARSERS, proposeStageMapping, stageKey, stageNamesOf, type CloserStage, type StageMapping } from '../../domain/imports/registry.js';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import {
  findCandidatesByEmails,
  findImportLinks,
  getImportJob,
  inTransaction,
  insertApplications,
  insertCandidates,
  insertEvents,
  insertImportJob,
  insertImportLinks,
  insertImportedFeedback,
  insertImportedInterviews,
  insertImportedOffers,
  insertRole,
  isUniqueViolation,
  listImportJobs,
  recordAudit,
  recordImportAudits,
  updateImportJob,
  type EventInsert,
  type ImportFileRecord,
  type ImportJobRecord,
  type ImportLinkInsert,
  type Store,
  type Tx,
} from '../../storage/index.js';
import { DEFAULT_PROCESS_STAGES, type PipelineActor } from './pipeline.js';
import { bulkProjector } from './projections.js';
import { applyCarriedSettings, carriedLinks, unheldLinks } from './closer-restore.js';
import type { PreparedEvent } from '../../domain/pipeline/index.js';

/*
 * Imports from another hiring system (issue 12): files are uploaded to a job, read by the system's parser into one
 * canonical batch, planned (the dry run: what is created, merged, skipped, and every problem), the user maps stages,
 * and the run writes the plan in one transaction: a crash or an error leaves nothing imported, and the links table
 * makes a second run of the same files change nothing.
 */

export const MAX_IMPORT_FILE_BYTES: number = limits.maxFileBytes.value;
export const MAX_IMPORT_FILES: number = limits.maxFilesPerImport.value;

export type ImportStatus = 'uploading' | 'checking' | 'checked' | 'running' | 'done' | 'failed';

/** Where uploaded files wait for their import: beside the other files, else in the system's temporary folder. */
export function importDirectory(filesDir: string | undefined): string {
  return resolve(filesDir ? join(filesDir, 'imports') : join(tmpdir(), 'closer-imports'));
}

/** What a long step has done so far (in memory: the poll reads it while the step's transaction is open). */
export interface ImportProgress {
  phase: 'reading' | 'planning' | 'writing';
  done: number;
  total: number;
}

const progress = new Map<string, ImportProgress>();
const running = new Map<string, Promise<void>>();
/** Jobs whose step was begun in a transaction of this process and is about to be launched. */
const starting = new Set<string>();

export function importProgressOf(jobId: string): ImportProgress | undefined {
  return progress.get(jobId);
}

/** Resolves when the job's background step (dry run or run) has finished; at once when none is running here. */
export async function settledImport(jobId: string): Promise<void> {
  await running.get(jobId);
}

/* --------------------------------------------------------------------------------------------------- jobs */

export interface ImportOptions {
  /** For CSV: header -> field (null to ignore a column). */
  csvMapping?: CsvColumnMapping;
}

export async function createImportJob(tx: Tx, actor: PipelineActor, system: ImportSystem, options: ImportOptions, now: Date): Promise<ImportJobRecord> {
  if (!IMPORT_PARSERS[system]) throw new DomainError('IMPORT_SYSTEM_UNSUPPORTED', `Closer cannot read ${system} files yet. Choose another system, or export a CSV.`, 'system');
  const job = await insertImportJob(tx, { id: randomUUID(), system, status: 'uploading', files: [], options: { ...options }, createdBy: actor.id }, now);
  await recordAudit(tx, { actorId: actor.id, action: 'import.create', entity: 'import', entityId: job.id, fields: ['system', ...Object.keys(options)], at: now });
  return job;
}

export async function getImportJobOrThrow(tx: Tx, id: string): Promise<ImportJobRecord> {
  const job = await getImportJob(tx, id);
  if (!job) throw new DomainError('IMPORT_NOT_FOUND', 'No such import.', 'id');
  return job;
}

export async function findImportJobs(tx: Tx, limit: number): Promise<ImportJobRecord[]> {
  return listImportJobs(tx, limit);
}

/** The stages an imported stage can be mapped to: the process plan imported roles get. */
export const CLOSER_IMPORT_STAGES: readonly CloserStage[] = DEFAULT_PROCESS_STAGES.map((s) => ({ id: s.id, name: s.name }));

/** A job whose step was cut short by a restart: its transaction never committed, so nothing of it is in the data. */
export function effectiveStatus(job: ImportJobRecord): ImportStatus {
  const status = job.status as ImportStatus;
  if ((status === 'checking' || status === 'running') && !running.has(job.id) && !starting.has(job.id)) return 'failed';
  return status;
}

/** Streams one uploaded file to disk (bounded memory), then adds it to the job. Files of a started job are refused. */
export async function addImportFile(store: Store, actor: PipelineActor, jobId: string, name: string, body: Readable, dir: string, now: Date): Promise<ImportJobRecord> {
  const job = await getImportJobOrThrow(store.db, jobId);
  if (job.status !== 'uploading') throw new DomainError('IMPORT_STATE_INVALID', 'Files can be added only before the dry run. Start a new import to change them.', 'id');
  if (job.files.length >= MAX_IMPORT_FILES) throw new DomainError('VALIDATION_FAILED', `An import takes at most ${MAX_IMPORT_FILES} files.`, 'name');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const storedId = randomUUID();
  const path = join(dir, storedId);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_FILE_BYTES) done(new DomainError('FILE_TOO_LARGE', `A file may be at most ${Math.round(MAX_IMPORT_FILE_BYTES / 1_048_576)} MB.`, 'file'));
      else done(null, chunk);
    },
  });
  try {
    await pipe(body, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    const handle = await open(path, 'r');
    await handle.sync();
    await handle.close();
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof DomainError) throw error;
    throw new DomainError('VALIDATION_FAILED', 'The upload was cut off before the whole file arrived. Upload it again.', 'file');
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw new DomainError('VALIDATION_FAILED', `${name} is empty.`, 'file');
  }
  const file: ImportFileRecord = { name, storedId, bytes };
  try {
    return await inTransaction(store.db, async (tx) => {
      const current = await getImportJobOrThrow(tx, jobId);
      if (current.status !== 'uploading') throw new DomainError('IMPORT_STATE_INVALID', 'Files can be added only before the dry run.', 'id');
      const files = [...current.files.filter((f) => f.name !== name), file];
      const updated = await updateImportJob(tx, jobId, current.version, { files }, now);
      if (!updated) throw new DomainError('CONFLICT', 'The import changed meanwhile. Upload the file again.', 'id');
      await recordAudit(tx, { actorId: actor.id, action: 'import.update', entity: 'import', entityId: jobId, fields: ['files'], at: now });
      for (const old of current.files.filter((f) => f.name === name)) await rm(join(dir, old.storedId), { force: true });
      return updated;
    });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

/** The stage mapping the user reviewed: stage name -> Closer stage id (under If-Match on the job's version). */
export async function setImportStageMapping(tx: Tx, actor: PipelineActor, jobId: string, expectedVersion: number, mapping: StageMapping, now: Date): Promise<ImportJobRecord> {
  const job = await getImportJobOrThrow(tx, jobId);
  if (job.version !== expectedVersion) throw preconditionFailed();
  if (job.status !== 'checked') throw new DomainError('IMPORT_STATE_INVALID', 'Stages are mapped after the dry run and before the import runs.', 'id');
  // Closer's stages, and a Closer export's roles' own stages its dry run proposed.
  const ids = new Set([...DEFAULT_PROCESS_STAGES.map((s) => s.id), ...Object.values(job.stageMapping)]);
  for (const [name, id] of Object.entries(mapping)) {
    if (!ids.has(id)) throw new DomainError('VALIDATION_FAILED', `"${id}" is not a Closer stage (${[...ids].join(', ')}).`, `mapping.${name}`);
  }
  const keyed = Object.fromEntries(Object.entries(mapping).map(([k, v]) => [stageKey(k), v]));
  const next = { ...job.stageMapping, ...keyed };
  const report = job.dryRun as ImportReport | null;
  const dryRun = report ? { ...report, stages: report.stages.map((s) => ({ name: s.name, mappedTo: next[stageKey(s.name)] ?? null })) } : null;
  const updated = await updateImportJob(tx, jobId, job.version, { stageMapping: next, dryRun }, now);
  if (!updated) throw preconditionFailed();
  await recordAudit(tx, { actorId: actor.id, action: 'import.update', entity: 'import', entityId: jobId, fields: ['stageMapping'], at: now });
  return updated;
}

/* ------------------------------------------------------------------------------------------ reading files */

/** A stored upload as an ImportFile: read in chunks and decoded as UTF-8 (the caller checked the encoding). */
function fileOf(dir: string, f: ImportFileRecord): ImportFile {
  return {
    name: f.name,
    async *chunks() {
      const decoder = new TextDecoder('utf-8');
      for await (const chunk of createReadStream(join(dir, f.storedId), { highWaterMark: 1 << 20 })) yield decoder.decode(chunk as Buffer, { stream: true });
      const rest = decoder.decode();
      if (rest !== '') yield rest;
    },
  };
}

/** The first line with bytes that are not UTF-8, or undefined when the whole file is UTF-8. */
async function firstBadLine(path: string): Promise<number | undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let chunk: Buffer | undefined;
  try {
    for await (const c of createReadStream(path, { highWaterMark: 1 << 20 })) {
      chunk = c as Buffer;
      decoder.decode(chunk, { stream: true });
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) line++;
    }
    decoder.decode();
    return undefined;
  } catch {
    // The line within the chunk that failed: the newlines before its first replacement character.
    const text = chunk ? new TextDecoder('utf-8').decode(chunk) : '';
    const bad = text.indexOf('\uFFFD');
    for (let i = text.indexOf('\n'); i !== -1 && (bad === -1 || i < bad); i = text.indexOf('\n', i + 1)) line++;
    return line;
  }
}

/** Reads the job's files with its system's parser; files that are not UTF-8 are problems, not input. */
export async function readImportBatch(job: Pick<ImportJobRecord, 'system' | 'files' | 'options'>, dir: string, now: Date): Promise<ImportBatch> {
  const system = job.system as ImportSystem;
  const encodingProblems: ImportProblem[] = [];
  const readable: ImportFile[] = [];
  for (const f of job.files) {
    const size = await stat(join(dir, f.storedId)).catch(() => undefined);
    if (!size) {
      encodingProblems.push({ severity: 'error', code: 'file-missing', message: `${f.name} is no longer on the server. Upload it again.`, file: f.name });
      continue;
    }
    const bad = await firstBadLine(join(dir, f.storedId));
    if (bad !== undefined) {
      encodingProblems.push({ severity: 'error', code: 'bad-encoding', message: `${f.name} is not UTF-8 text (line ${bad}). Save or export it as UTF-8 and upload it again.`, file: f.name, line: bad });
      continue;
    }
    readable.push(fileOf(dir, f));
  }
  const parser = system === 'csv' ? createCsvParser({ mapping: (job.options as ImportOptions).csvMapping, now }) : IMPORT_PARSERS[system];
  if (!parser) throw new DomainError('IMPORT_SYSTEM_UNSUPPORTED', `Closer cannot read ${system} files yet.`, 'system');
  const batch = await parser(readable);
  batch.problems.unshift(...encodingProblems);
  if (job.files.length === 0) batch.problems.unshift({ severity: 'error', code: 'no-files', message: 'The import has no files. Upload the export first.' });
  return batch;
}

/* ------------------------------------------------------------------------------------------------ the plan */


async function lookupsFor(tx: Tx, batch: ImportBatch) {
  const system = batch.system;
  const ids = <T extends { externalId: string }>(xs: readonly T[]) => [...new Set(xs.map((x) => x.externalId))];
  const emails = [...new Set(batch.candidates.flatMap((c) => (c.email ? [c.email.trim().toLowerCase()] : [])))];
  return {
    links: {
      roles: await findImportLinks(tx, system, 'role', ids(batch.roles)),
      candidates: await findImportLinks(tx, system, 'candidate', ids(batch.candidates)),
      applications: await findImportLinks(tx, system, 'application', ids(batch.applications)),
      feedback: await findImportLinks(tx, system, 'feedback', ids(batch.feedback)),
      notes: await findImportLinks(tx, system, 'note', ids(batch.notes)),
      interviews: await findImportLinks(tx, system, 'interview', ids(batch.interviews)),
      offers: await findImportLinks(tx, system, 'offer', ids(batch.offers)),
    },
    candidatesByEmail: await findCandidatesByEmails(tx, emails),
  };
}

/** The proposal for stages the user has not mapped yet, kept under what they chose. */
function mappingWithProposal(batch: ImportBatch, chosen: StageMapping): StageMapping {
  return { ...proposeStageMapping(stageNamesOf(batch), importStagesOf(batch, CLOSER_IMPORT_STAGES)), ...chosen };
}

async function planFor(tx: Tx, batch: ImportBatch, mapping: StageMapping, now: Date): Promise<ImportPlan> {
  return planImport(batch, await lookupsFor(tx, batch), { stages: importStagesOf(batch, CLOSER_IMPORT_STAGES), mapping, now, newId: randomUUID });
}

/* ---------------------------------------------------------------------------------------- dry run and run */

async function transition(tx: Tx, jobId: string, from: readonly ImportStatus[], to: ImportStatus, now: Date, actor: PipelineActor, action: string): Promise<ImportJobRecord> {
  const job = await getImportJobOrThrow(tx, jobId);
  const status = effectiveStatus(job);
  if (!from.includes(status)) throw new DomainError('IMPORT_STATE_INVALID', `This import is ${status}; it cannot be ${to === 'checking' ? 'checked' : 'run'} now.`, 'id');
  const updated = await updateImportJob(tx, jobId, job.version, { status: to, error: null }, now);
  if (!updated) throw new DomainError('CONFLICT', 'The import changed meanwhile. Try again.', 'id');
  await recordAudit(tx, { actorId: actor.id, action, entity: 'import', entityId: jobId, fields: ['status'], at: now });
  return updated;
}

async function finish(store: Store, jobId: string, patch: Parameters<typeof updateImportJob>[3], now: Date): Promise<void> {
  await inTransaction(store.db, async (tx) => {
    const job = await getImportJobOrThrow(tx, jobId);
    await updateImportJob(tx, jobId, job.version, { ...patch, finishedAt: now.toISOString() }, now);
  });
}

function failureMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  return 'The import stopped on an unexpected error; nothing was imported. Try again, or ask the person who runs Closer to look at the server log.';
}

/** Marks the job `checking` (in the caller's transaction); `launchImportDryRun` then does the work once it committed. */
export async function beginImportDryRun(tx: Tx, actor: PipelineActor, jobId: string, now: Date): Promise<ImportJobRecord> {
  const job = await transition(tx, jobId, ['uploading', 'checked', 'failed'], 'checking', now, actor, 'import.check');
  starting.add(jobId);
  return job;
}

/** The dry run in the background: `checked` with the report and the proposed stage mapping, or `failed`. */
export function launchImportDryRun(store: Store, jobId: string, dir: string, clock: () => Date, onError?: (error: unknown) => void): void {
  if (running.has(jobId)) return;
  track(jobId, async () => {
    const job = await getImportJobOrThrow(store.db, jobId);
    if (job.status !== 'checking') return;
    try {
      progress.set(jobId, { phase: 'reading', done: 0, total: job.files.length });
      const batch = await readImportBatch(job, dir, clock());
      progress.set(jobId, { phase: 'planning', done: 0, total: batch.applications.length });
      const mapping = mappingWithProposal(batch, job.stageMapping);
      const plan = await planFor(store.db, batch, mapping, clock());
      await finish(store, jobId, { status: 'checked', dryRun: plan.report, stageMapping: mapping }, clock());
    } catch (error) {
      onError?.(error);
      await finish(store, jobId, { status: 'failed', error: failureMessage(error) }, clock());
    }
  });
}

/** Marks the job `running`; refused while the dry run has errors or stages are unmapped. */
export async function beginImportRun(tx: Tx, actor: PipelineActor, jobId: string, now: Date): Promise<ImportJobRecord> {
  const before = await getImportJobOrThrow(tx, jobId);
  const report = before.dryRun as ImportReport | null;
  if (effectiveStatus(before) === 'checked' && report) {
    if (report.errors > 0) throw new DomainError('IMPORT_HAS_ERRORS', `The dry run found ${report.errors === 1 ? '1 error' : `${report.errors} errors`} in the files. Fix them and start a new import.`, 'id');
    const unmapped = report.stages.filter((s) => s.mappedTo === null).map((s) => s.name);
    if (unmapped.length > 0) throw new DomainError('IMPORT_STAGES_UNMAPPED', `Map these stages to a Closer stage first: ${unmapped.join(', ')}.`, 'stageMapping');
  }
  const job = await transition(tx, jobId, ['checked'], 'running', now, actor, 'import.run');
  starting.add(jobId);
  return job;
}

/** The run in the background: `done` with the final report, or `failed` with nothing imported. */
export function launchImportRun(store: Store, actor: PipelineActor, jobId: string, dir: string, clock: () => Date, onError?: (error: unknown) => void): void {
  if (running.has(jobId)) return;
  track(jobId, async () => {
    const job = await getImportJobOrThrow(store.db, jobId);
    if (job.status !== 'running') return;
    try {
      const finalReport = await applyImport(store, actor, job, dir, clock);
      await finish(store, jobId, { status: 'done', report: finalReport }, clock());
    } catch (error) {
      onError?.(error);
      await finish(store, jobId, { status: 'failed', error: failureMessage(error) }, clock());
    }
  });
}

function track(jobId: string, work: () => Promise<void>): void {
  starting.delete(jobId);
  const p = work().catch(() => undefined).finally(() => {
    running.delete(jobId);
    progress.delete(jobId);
  });
  running.set(jobId, p);
}

/** Records per written chunk and progress step (applications with their events, candidates, links, audit entries). */
export const IMPORT_CHUNK = 1_000;

/**
 * Rows per insert statement for a table of `columns` columns: as many as stay under 30,000 bound parameters, below
 * both SQLite's 32,766 and PostgreSQL's 65,535, so a chunk is one round trip instead of several.
 */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}

export interface ApplyImportHooks {
  /** Runs after each written chunk (tests abort there to prove that nothing of a failed import stays). */
  afterChunk?: (done: number) => void | Promise<void>;
  /** Runs once the plan is made, before anything is written (benchmarks measure the phases with it). */
  afterPlan?: () => void | Promise<void>;
  /** Records per written chunk (default IMPORT_CHUNK); tests set it small to write in many chunks. */
  chunkSize?: number;
  /**
   * Let go of the batch's records as they are written: its record lists are emptied once planned (its system and
   * stages stay) and each written chunk is dropped, so memory shrinks as the run goes. For a caller that does not use
   * the batch afterwards (the run of an import job does not).
   */
  consumeBatch?: boolean;
}

/**
 * Reads the files again, plans inside the transaction (so links written by another import meanwhile are seen) and
 * writes everything in that one transaction. Stage history is appended as events with their real times, the read
 * model is folded from them, and every created record is audited. `hooks.afterChunk` runs after each written chunk
 * (tests abort there to prove that nothing of a failed import stays).
 */
export async function applyImport(
  store: Store,
  actor: PipelineActor,
  job: Pick<ImportJobRecord, 'id' | 'system' | 'files' | 'options' | 'stageMapping'>,
  dir: string,
  clock: () => Date,
  hooks: ApplyImportHooks = {},
): Promise<ImportReport> {
  progress.set(job.id, { phase: 'reading', done: 0, total: job.files.length });
  const batch = await readImportBatch(job, dir, clock());
  return applyImportBatch(store, actor, job.id, batch, job.stageMapping, clock, { consumeBatch: true, ...hooks });
}

type AuditEntry = { action: string; entity: string; entityId: string; fields: string[] };

/**
 * Writes one batch (already read) as import `jobId`: the part of `applyImport` after the files are read (benchmarks
 * call it). Everything is written chunk by chunk (records, their events, read-model rows, links and audit entries
 * together), and an application's events are built only when its chunk is written, so what is held beyond the batch
 * and its id maps is one chunk; the one transaction still makes the import all-or-nothing.
 */
export async function applyImportBatch(
  store: Store,
  actor: PipelineActor,
  jobId: string,
  batch: ImportBatch,
  stageMapping: StageMapping,
  clock: () => Date,
  hooks: ApplyImportHooks = {},
): Promise<ImportReport> {
  const now = clock();
  const size = Math.max(1, Math.floor(hooks.chunkSize ?? IMPORT_CHUNK));
  const job = { id: jobId, stageMapping };
  try {
    return await inTransaction(store.db, async (tx) => {
      const plan = await planFor(tx, batch, job.stageMapping, now);
      if (plan.report.errors > 0) throw new DomainError('IMPORT_HAS_ERRORS', 'The files have errors; run the dry run again to see them.', 'id');
      const unmapped = plan.report.stages.filter((s) => s.mappedTo === null);
      if (unmapped.length > 0) throw new DomainError('IMPORT_STAGES_UNMAPPED', `Map these stages first: ${unmapped.map((s) => s.name).join(', ')}.`, 'stageMapping');
      const total = plan.roles.length + plan.candidates.length + plan.applications.length + plan.eventCount + plan.feedback.length + plan.interviews.length + plan.offers.length;
      let done = 0;
      // Links and audit entries wait for the end of their chunk only (audit entries keep their order: one per record).
      let links: ImportLinkInsert[] = [];
      let audits: AuditEntry[] = [];
      const link = (entity: string, externalId: string, closerId: string) => links.push({ system: batch.system, entity, externalId, closerId, jobId: job.id });
      const flush = async () => {
        if (links.length > 0) await insertImportLinks(tx, links, now, rowsPerStatement(6));
        if (audits.length > 0) await recordImportAudits(tx, actor.id, audits, now, rowsPerStatement(7));
        links = [];
        audits = [];
      };
      const step = async (n: number) => {
        await flush();
        done += n;
        progress.set(job.id, { phase: 'writing', done, total });
        await hooks.afterChunk?.(done);
      };
      await hooks.afterPlan?.();
      const carried = await carriedLinks(tx, batch, plan, job.id);
      if (hooks.consumeBatch) for (const list of [batch.users, batch.roles, batch.candidates, batch.applications, batch.interviews, batch.feedback, batch.offers, batch.notes, batch.problems]) list.length = 0;
      // Chunks taken off the front of the plan's lists when the batch is consumed (what is written is let go), else sliced.
      const chunksOf = function* <T>(xs: T[]): Generator<T[]> {
        if (hooks.consumeBatch) while (xs.length > 0) yield xs.splice(0, size);
        else for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
      };
      /** Writes a list chunk by chunk: its rows, then each record's link and audit entry, then the progress. */
      const writeChunks = async <T>(xs: T[], insert: (chunk: T[]) => Promise<void>, record: (x: T) => void) => {
        for (const chunk of chunksOf(xs)) {
          await insert(chunk);
          chunk.forEach(record);
          await step(chunk.length);
        }
      };

      for (const r of plan.roles) {
        const role = r.source;
        await insertRole(
          tx,
          {
            id: r.id,
            title: role.title.slice(0, 200),
            specializations: [],
            seniority: 'unknown',
            hiringManagerId: null,
            processPlan: role.processPlan ?? { stages: DEFAULT_PROCESS_STAGES.map((s) => ({ ...s })) },
            clockOverrides: role.clockOverrides ?? {},
            band: null,
            pedigreeBlind: true,
            status: r.status,
            createdBy: actor.id,
          },
          new Date(withPast('openedAt', role.openedAt, now).openedAt ?? now),
        );
        link('role', role.externalId, r.id);
        audits.push({ action: 'role.create', entity: 'role', entityId: r.id, fields: ['title', 'seniority', 'processPlan', 'status', 'externalId'] });
      }
      await step(plan.roles.length);

      await writeChunks(
        plan.candidates,
        (chunk) =>
          insertCandidates(
            tx,
            chunk.map((p) => ({
              id: p.id,
              name: p.source.name.slice(0, 200),
              email: p.source.email ?? '',
              phone: p.source.phone ?? null,
              links: p.source.links.slice(0, 20),
              location: p.source.location ?? null,
              currentEmployer: p.source.currentEmployer ?? null,
              source: p.candidateSource,
              passive: false,
              specializations: [],
              productionMlYears: null,
              currentCompensation: null,
              createdBy: actor.id,
              ...withPast('createdAt', p.source.createdAt, now),
              ...withPast('archivedAt', p.source.archivedAt, now),
            })),
            now,
            rowsPerStatement(18),
          ),
        (p) => {
          link('candidate', p.source.externalId, p.id);
          audits.push({ action: 'candidate.create', entity: 'candidate', entityId: p.id, fields: candidateFields(p.source) });
        },
      );
      for (const chunk of chunksOf(plan.merges)) {
        for (const m of chunk) link('candidate', m.externalId, m.candidateId);
        await flush();
      }

      const project = await bulkProjector(tx);
      for (const chunk of chunksOf(plan.applications)) {
        await insertApplications(
          tx,
          chunk.map((a) => ({ id: a.id, candidateId: a.candidateId, roleId: a.roleId, stage: a.stage, status: a.status, lossReason: a.lossReason, labels: [], closedAt: a.closedAt, createdBy: actor.id })),
          now,
          rowsPerStatement(12),
        );
        // This chunk's events, built now and let go after it (the read model is folded from them, not read back).
        const timelines = chunk.map((a) => ({ a, events: plan.eventsOf(a) }));
        const events: EventInsert[] = [];
        for (const { a, events: timeline } of timelines) {
          timeline.forEach((e, k) => events.push({ id: randomUUID(), applicationId: a.id, seq: k + 1, type: e.type, occurredAt: e.occurredAt, recordedAt: now.toISOString(), actorId: actor.id, data: e.data }));
          link('application', a.source.externalId, a.id);
          audits.push({ action: 'application.create', entity: 'application', entityId: a.id, fields: ['candidateId', 'roleId', 'stage', 'status', 'externalId', 'events'] });
        }
        await insertEvents(tx, events, rowsPerStatement(9));
        await project(
          timelines.map(({ a, events: timeline }) => ({ id: a.id, roleId: a.roleId, events: timeline.map((e) => ({ type: e.type, t: Date.parse(e.occurredAt), data: e.data }) as PreparedEvent) })),
          now,
        );
        await step(chunk.length + events.length);
      }
      for (const chunk of chunksOf(plan.notes)) {
        for (const n of chunk) link('note', n.externalId, n.applicationId);
        await flush();
      }

      // Interviews become Closer's own (their events are in the histories written above); offers are kept with their
      // versions and approvals in imported_offers (migration 024 says why), their events likewise.
      await writeChunks(
        plan.interviews,
        (chunk) => insertImportedInterviews(tx, chunk.map(({ source: _source, ...i }) => ({ ...i, createdBy: actor.id })), now),
        (i) => {
          link('interview', i.source.externalId, i.id);
          audits.push({ action: 'interview.import', entity: 'interview', entityId: i.id, fields: interviewFields(i) });
        },
      );
      await writeChunks(
        plan.offers,
        (chunk) =>
          insertImportedOffers(
            tx,
            chunk.map((o) => ({
              id: o.id,
              applicationId: o.applicationId,
              system: o.source.origin?.system ?? batch.system,
              externalId: o.source.origin?.externalId ?? o.source.externalId,
              status: o.status,
              sourceStatus: o.source.status,
              draftedAt: o.draftedAt,
              sentAt: o.sentAt,
              resolvedAt: o.resolvedAt,
              approvals: o.approvals,
              versions: o.versions,
              jobId: job.id,
            })),
            now,
          ),
        (o) => {
          link('offer', o.source.externalId, o.id);
          audits.push({ action: 'offer.import', entity: 'imported_offer', entityId: o.id, fields: offerFields(o) });
        },
      );
      await writeChunks(
        plan.feedback,
        (chunk) =>
          insertImportedFeedback(
            tx,
            chunk.map((f) => ({
              id: f.id,
              applicationId: f.applicationId,
              system: f.source.origin?.system ?? batch.system,
              externalId: f.source.origin?.externalId ?? f.source.externalId,
              interviewName: f.source.interviewName ?? null,
              authorName: f.source.authorName ?? null,
              submittedAt: f.source.submittedAt ?? null,
              recommendation: f.source.recommendation ?? null,
              ratings: f.source.ratings,
              answers: f.source.answers,
              notes: f.source.notes ?? null,
              jobId: job.id,
            })),
            now,
          ),
        (f) => {
          link('feedback', f.source.externalId, f.id);
          audits.push({ action: 'feedback.import', entity: 'imported_feedback', entityId: f.id, fields: ['recommendation', 'ratings', 'answers', 'notes'] });
        },
      );

      await flush();
      // Links carried by a Closer export, re-pointed at the new records (worked out before the plan's lists were let go),
      // less any this import has just written.
      await insertImportLinks(tx, await unheldLinks(tx, carried), now, rowsPerStatement(6));
      await applyCarriedSettings(tx, actor, batch, plan, now);
      const written = Object.entries(plan.report.counts).filter(([, c]) => c.create + c.merge > 0).map(([e]) => e as ImportEntity);
      await recordAudit(tx, { actorId: actor.id, action: 'import.apply', entity: 'import', entityId: job.id, fields: written, at: now });
      return plan.report;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'Another import or change wrote some of the same records meanwhile; nothing was imported. Run the dry run again.', 'id');
    throw error;
  }
}

/** `{ [key]: at }` when `at` is a readable instant not after `now` (an imported record's own time), else nothing. */
function withPast<K extends string>(key: K, at: string | undefined, now: Date): Partial<Record<K, string>> {
  const t = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isNaN(t) || t > now.getTime() ? {} : ({ [key]: new Date(t).toISOString() } as Partial<Record<K, string>>);
}

function interviewFields(i: ImportPlan['interviews'][number]): string[] {
  const fields = ['kind', 'scheduledAt', 'status', 'externalId'];
  if (i.durationMinutes !== null) fields.push('durationMinutes');
  if (i.completedAt !== null) fields.push('completedAt');
  return fields;
}

function offerFields(o: ImportPlan['offers'][number]): string[] {
  const fields = ['status', 'versions', 'externalId'];
  if (o.versions.some((v) => v.base !== null)) fields.push('base', 'currency');
  if (o.versions.some((v) => Object.keys(v.otherTerms).length > 0)) fields.push('otherTerms');
  if (o.approvals.length > 0) fields.push('approvals');
  if (o.sentAt !== null) fields.push('sentAt');
  if (o.resolvedAt !== null) fields.push('resolvedAt');
  return fields;
}

function candidateFields(c: ImportBatch['candidates'][number]): string[] {
  const fields = ['name', 'source', 'externalId'];
  if (c.email) fields.push('email');
  if (c.phone) fields.push('phone');
  if (c.links.length > 0) fields.push('links');
  if (c.location) fields.push('location');
  if (c.currentEmployer) fields.push('currentEmployer');
  return fields;
}

