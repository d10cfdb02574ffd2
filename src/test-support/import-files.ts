// Building `ImportFile`s for tests: from strings cut into chunks, or from a fixture folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { ImportFile } from '../domain/imports/canonical.js';

/** An import file whose text arrives as the given chunks, in order. */
export function fileFromChunks(name: string, chunks: readonly string[]): ImportFile {
  return {
    name,
    chunks: async function* () {
      for (const chunk of chunks) yield chunk;
    },
  };
}

/** An import file holding `text`, served in chunks of `chunkSize` characters. */
export function fileFromText(name: string, text: string, chunkSize = 64 * 1024): ImportFile {
  return {
    name,
    chunks: async function* () {
      for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
    },
  };
}

/** Every file under `dir` as import files named by their path relative to `dir`, sorted by name, served in small
 * chunks so the parsers' chunk handling is exercised. */
export function filesFromDir(dir: string, chunkSize = 97): ImportFile[] {
  const names = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => statSync(join(dir, n)).isFile()).sort();
  return names.map((n) => fileFromText(n.split(sep).join('/'), readFileSync(join(dir, n), 'utf8'), chunkSize));
}
