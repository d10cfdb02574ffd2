import { accessSync, constants, mkdirSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DomainError } from '../../domain/shared/errors.js';

/**
 * Uploaded files kept as files in one directory (CLOSER_FILES_DIR), each named after its record id (a UUID, so
 * never a name a user chose). Without a directory the bytes go into the database row instead
 * (docs/decisions/006-candidate-files.md).
 */
export interface FileDirectory {
  readonly path: string;
  /** Writes and fsyncs the file and its directory entry, so an acknowledged upload survives a crash. */
  write(id: string, bytes: Uint8Array): Promise<void>;
  read(id: string): Promise<Buffer>;
  /** Removes the file; a file already gone is fine (a retried erasure). */
  remove(id: string): Promise<void>;
}

const ID = /^[0-9a-f-]{36}$/;

function pathOf(dir: string, id: string): string {
  if (!ID.test(id)) throw new Error('A stored file is named after its UUID.');
  return join(dir, id);
}

/** Creates the directory if needed and checks that it is writable; throws a plain error for `main.ts` to report. */
export function openFileDirectory(dir: string): FileDirectory {
  const path = resolve(dir);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  accessSync(path, constants.R_OK | constants.W_OK);
  const unavailable = () => new DomainError('FILE_STORE_UNAVAILABLE', 'The file store is not reachable. Try again, or ask the person who runs Closer.');
  return {
    path,
    async write(id, bytes) {
      try {
        const file = await open(pathOf(path, id), 'wx', 0o600);
        try {
          await file.writeFile(bytes);
          await file.sync();
        } finally {
          await file.close();
        }
        const dirHandle = await open(path, 'r');
        try {
          await dirHandle.sync();
        } finally {
          await dirHandle.close();
        }
      } catch (error) {
        throw error instanceof DomainError ? error : unavailable();
      }
    },
    async read(id) {
      try {
        return await readFile(pathOf(path, id));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('FILE_NOT_FOUND', 'The file is missing from the file store.', 'fileId');
        throw unavailable();
      }
    },
    async remove(id) {
      try {
        await unlink(pathOf(path, id));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unavailable();
      }
    },
  };
}
