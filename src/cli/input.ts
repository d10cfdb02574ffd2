import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from './io.js';
import type { CliIo } from './io.js';

/**
 * The one input of `closer offer evaluate`, `threshold`, `scope` and `check`: FILE, or stdin for `-` or no
 * argument. More than one file, or one that cannot be read, is bad usage (exit 2).
 */
export async function readInputText(io: CliIo, positionals: readonly string[]): Promise<{ text: string; name: string }> {
  if (positionals.length > 1) throw new UsageError(`Give one input file (or - for stdin), not ${positionals.length}.`, 'file');
  const file = positionals[0];
  if (file === undefined || file === '-') return { text: await io.readStdin(), name: 'stdin' };
  try {
    return { text: await readFile(isAbsolute(file) ? file : resolve(io.cwd, file), 'utf8'), name: file };
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'file');
  }
}
