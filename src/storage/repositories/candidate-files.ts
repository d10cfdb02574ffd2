import { DomainError } from '../../domain/shared/errors.js';
import type { Tx } from '../transaction.js';
import type { CandidateFileTable } from '../schema.js';

/** Where a file's bytes live: in the row (`content`), or in a file named after its id in the files directory. */
export type FileStorage = 'database' | 'directory';

/** A candidate's file without its bytes. */
export interface CandidateFileRecord {
  id: string;
  candidateId: string;
  kind: 'cv';
  filename: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  storage: FileStorage;
  createdBy: string | null;
  createdAt: string;
}

export type CandidateFileInsert = Omit<CandidateFileRecord, 'createdAt'> & { content: Buffer | null };

const META = ['id', 'candidate_id', 'kind', 'filename', 'content_type', 'byte_size', 'sha256', 'storage', 'created_by', 'created_at'] as const;

function toFile(r: Omit<CandidateFileTable, 'content'>): CandidateFileRecord {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    kind: r.kind as 'cv',
    filename: r.filename,
    contentType: r.content_type,
    byteSize: Number(r.byte_size),
    sha256: r.sha256,
    storage: r.storage as FileStorage,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function insertCandidateFile(tx: Tx, f: CandidateFileInsert, now: Date): Promise<CandidateFileRecord> {
  const row: CandidateFileTable = {
    id: f.id,
    candidate_id: f.candidateId,
    kind: f.kind,
    filename: f.filename,
    content_type: f.contentType,
    byte_size: f.byteSize,
    sha256: f.sha256,
    storage: f.storage,
    content: f.content,
    created_by: f.createdBy,
    created_at: now.toISOString(),
  };
  await tx.insertInto('candidate_files').values(row).execute();
  const { content: _content, ...meta } = row;
  return toFile(meta);
}

/** A candidate's files, newest first (metadata only). */
export async function listCandidateFiles(tx: Tx, candidateId: string): Promise<CandidateFileRecord[]> {
  const rows = await tx.selectFrom('candidate_files').select(META).where('candidate_id', '=', candidateId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toFile);
}

/** The files of several candidates (metadata only): what an erasure must remove. */
export async function listFilesOfCandidates(tx: Tx, candidateIds: readonly string[]): Promise<CandidateFileRecord[]> {
  if (candidateIds.length === 0) return [];
  return (await tx.selectFrom('candidate_files').select(META).where('candidate_id', 'in', [...candidateIds]).execute()).map(toFile);
}

/** One file of one candidate; a file of another candidate is not found. */
export async function getCandidateFileOrThrow(tx: Tx, candidateId: string, fileId: string): Promise<CandidateFileRecord> {
  const r = await tx.selectFrom('candidate_files').select(META).where('id', '=', fileId).where('candidate_id', '=', candidateId).executeTakeFirst();
  if (!r) throw new DomainError('FILE_NOT_FOUND', 'No such file for this candidate.', 'fileId');
  return toFile(r);
}

/** The bytes kept in the row (null for files stored in the files directory). */
export async function getCandidateFileContent(tx: Tx, fileId: string): Promise<Buffer | null> {
  const r = await tx.selectFrom('candidate_files').select('content').where('id', '=', fileId).executeTakeFirst();
  if (!r || r.content === null) return null;
  return Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content as Uint8Array);
}

/** The file of this candidate with these bytes, if it was uploaded before (uploads are idempotent by content). */
export async function findCandidateFileBySha(tx: Tx, candidateId: string, sha256: string): Promise<CandidateFileRecord | undefined> {
  const r = await tx.selectFrom('candidate_files').select(META).where('candidate_id', '=', candidateId).where('sha256', '=', sha256).executeTakeFirst();
  return r ? toFile(r) : undefined;
}

export async function deleteCandidateFile(tx: Tx, fileId: string): Promise<boolean> {
  const res = await tx.deleteFrom('candidate_files').where('id', '=', fileId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Moves every file of one candidate to another (merging duplicates). Returns how many moved. */
export async function moveCandidateFiles(tx: Tx, fromId: string, toId: string): Promise<number> {
  const res = await tx.updateTable('candidate_files').set({ candidate_id: toId }).where('candidate_id', '=', fromId).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
