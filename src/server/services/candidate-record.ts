import { createHash, randomUUID } from 'node:crypto';
import { checkCvContent, safeFilename } from '../../domain/candidates/cv-file.js';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import {
  deleteCandidateFile,
  findCandidateFileBySha,
  getCandidateFileContent,
  getCandidateFileOrThrow,
  getCandidateOrThrow,
  getRole,
  inTransaction,
  insertCandidateFile,
  listApplications,
  listCandidateFiles,
  recordAudit,
  updateCandidate,
  type CandidateFileRecord,
  type CandidateRecord,
  type ErasureReport,
  type Store,
  type Tx,
} from '../../storage/index.js';
import type { FileDirectory } from './file-store.js';
import type { PipelineActor } from './pipeline.js';
import { erasePerson } from './privacy.js';

/* ---------------------------------------------------------------- archive */

function stale(): DomainError {
  return preconditionFailed();
}

async function currentAt(tx: Tx, id: string, expectedVersion: number): Promise<CandidateRecord> {
  const current = await getCandidateOrThrow(tx, id);
  if (current.version !== expectedVersion) throw stale();
  return current;
}

/**
 * Archives a candidate under If-Match: hidden from the default list, no new applications. Refused with
 * 409 ACTIVE_APPLICATIONS, naming them, while any application is active (close them first, so the board and
 * Today never show someone who is archived). Archiving an archived candidate changes nothing.
 */
export async function archiveCandidate(tx: Tx, actor: PipelineActor, id: string, expectedVersion: number, now: Date): Promise<CandidateRecord> {
  const current = await currentAt(tx, id, expectedVersion);
  if (current.mergedIntoId) throw new DomainError('CONFLICT', 'This record was merged into another; archive that one instead.', 'id');
  if (current.archivedAt) return current;
  const active = await listApplications(tx, { candidateId: id, status: 'active' });
  if (active.length > 0) {
    const titles = await Promise.all(active.map(async (a) => (await getRole(tx, a.roleId))?.title ?? 'a role'));
    const list = titles.join(', ');
    throw new DomainError('ACTIVE_APPLICATIONS', `${current.name} is still a candidate for ${list}. Close ${active.length === 1 ? 'that application' : 'those applications'} first, then archive.`, 'applications');
  }
  const updated = await updateCandidate(tx, id, expectedVersion, { archivedAt: now.toISOString() }, now);
  if (!updated) throw stale();
  await recordAudit(tx, { actorId: actor.id, action: 'candidate.archive', entity: 'candidate', entityId: id, fields: ['archivedAt'], at: now });
  return updated;
}

/** Brings an archived candidate back under If-Match; unarchiving one who is not archived changes nothing. */
export async function unarchiveCandidate(tx: Tx, actor: PipelineActor, id: string, expectedVersion: number, now: Date): Promise<CandidateRecord> {
  const current = await currentAt(tx, id, expectedVersion);
  if (!current.archivedAt) return current;
  const updated = await updateCandidate(tx, id, expectedVersion, { archivedAt: null }, now);
  if (!updated) throw stale();
  await recordAudit(tx, { actorId: actor.id, action: 'candidate.unarchive', entity: 'candidate', entityId: id, fields: ['archivedAt'], at: now });
  return updated;
}

/* ----------------------------------------------------------------- delete */

/**
 * Erases a candidate under If-Match (docs/decisions/007-candidate-erasure.md, docs/privacy.md): their record and every
 * record merged into it, their applications with events, interviews, scorecards and offers, their files, and
 * notifications, queued messages and stored responses that name them; the erasure ledger keeps a hash of each id
 * (privacy.ts `erasePerson`). The audit log keeps what it had plus one `candidate.delete` entry per erased record and
 * one `application.delete` per erased application.
 */
export async function deleteCandidate(
  tx: Tx,
  actor: PipelineActor,
  id: string,
  expectedVersion: number,
  now: Date,
  files: FileDirectory | undefined,
): Promise<ErasureReport> {
  await currentAt(tx, id, expectedVersion);
  return erasePerson(tx, actor.id, id, now, files, 'request');
}

/* ------------------------------------------------------------------ files */

export interface UploadInput {
  bytes: Uint8Array | undefined;
  contentType: string | undefined;
  filename: string | undefined;
}

/**
 * Attaches a CV: checks the bytes (a PDF by its magic bytes, text as UTF-8), cleans the file name, and stores the
 * bytes in the database, or in the files directory when one is configured, with their sha256 and size. Uploading
 * the same bytes to the same candidate again returns the stored file (`created: false`), so a retry never
 * duplicates it. A merged-away record takes no files.
 */
export async function uploadCandidateFile(
  tx: Tx,
  actor: PipelineActor,
  candidateId: string,
  input: UploadInput,
  now: Date,
  files: FileDirectory | undefined,
): Promise<{ file: CandidateFileRecord; created: boolean }> {
  const candidate = await getCandidateOrThrow(tx, candidateId);
  if (candidate.mergedIntoId) throw new DomainError('CONFLICT', 'This record was merged into another; attach the file there.', 'id');
  const contentType = checkCvContent(input.bytes, input.contentType);
  const bytes = input.bytes!;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await findCandidateFileBySha(tx, candidateId, sha256);
  if (existing) return { file: existing, created: false };
  const id = randomUUID();
  const inDirectory = files !== undefined;
  if (inDirectory) await files.write(id, bytes);
  try {
    const file = await insertCandidateFile(
      tx,
      {
        id,
        candidateId,
        kind: 'cv',
        filename: safeFilename(input.filename, contentType),
        contentType,
        byteSize: bytes.length,
        sha256,
        storage: inDirectory ? 'directory' : 'database',
        content: inDirectory ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        createdBy: actor.id,
      },
      now,
    );
    await recordAudit(tx, { actorId: actor.id, action: 'candidate_file.create', entity: 'candidate_file', entityId: id, fields: ['candidateId', 'filename', 'contentType', 'byteSize', 'sha256', 'content'], at: now });
    return { file, created: true };
  } catch (error) {
    if (inDirectory) await files.remove(id).catch(() => undefined);
    throw error;
  }
}

/** `uploadCandidateFile` in a transaction of its own (the upload route is not an idempotent JSON write). */
export function attachCandidateFile(
  store: Store,
  actor: PipelineActor,
  candidateId: string,
  input: UploadInput,
  now: Date,
  files: FileDirectory | undefined,
): Promise<{ file: CandidateFileRecord; created: boolean }> {
  return inTransaction(store.db, (tx) => uploadCandidateFile(tx, actor, candidateId, input, now, files));
}

export async function listFilesOfCandidate(tx: Tx, candidateId: string): Promise<CandidateFileRecord[]> {
  await getCandidateOrThrow(tx, candidateId);
  return listCandidateFiles(tx, candidateId);
}

/** A file with its bytes, from the row or from the files directory. */
export async function readCandidateFile(tx: Tx, candidateId: string, fileId: string, files: FileDirectory | undefined): Promise<{ file: CandidateFileRecord; bytes: Buffer }> {
  await getCandidateOrThrow(tx, candidateId);
  const file = await getCandidateFileOrThrow(tx, candidateId, fileId);
  if (file.storage === 'directory') {
    if (!files) throw new DomainError('FILE_STORE_UNAVAILABLE', 'This file is in the file directory, which is not configured (CLOSER_FILES_DIR).');
    return { file, bytes: await files.read(file.id) };
  }
  const bytes = await getCandidateFileContent(tx, file.id);
  if (!bytes) throw new DomainError('FILE_NOT_FOUND', 'The file has no content.', 'fileId');
  return { file, bytes };
}

/** Removes one file (its row, and its bytes in the files directory); audited. */
export async function removeCandidateFile(tx: Tx, actor: PipelineActor, candidateId: string, fileId: string, now: Date, files: FileDirectory | undefined): Promise<void> {
  await getCandidateOrThrow(tx, candidateId);
  const file = await getCandidateFileOrThrow(tx, candidateId, fileId);
  if (file.storage === 'directory' && !files) throw new DomainError('FILE_STORE_UNAVAILABLE', 'This file is in the file directory, which is not configured (CLOSER_FILES_DIR).');
  await deleteCandidateFile(tx, fileId);
  await recordAudit(tx, { actorId: actor.id, action: 'candidate_file.delete', entity: 'candidate_file', entityId: fileId, fields: ['candidateId', 'filename', 'contentType', 'byteSize', 'sha256', 'content'], at: now });
  if (file.storage === 'directory') await files!.remove(fileId);
}
