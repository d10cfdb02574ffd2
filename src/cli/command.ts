import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.js';

export interface GlobalOptions {
  json: boolean;
  db?: string;
  databaseUrl?: string;
}

export interface CommandContext {
  io: CliIo;
  global: GlobalOptions;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** Prints a result: JSON with --json, else the human text. */
  print(result: unknown, human?: string): void;
}

export interface Command {
  /** Words after `closer`, e.g. ['db', 'migrate']. */
  path: string[];
  summary: string;
  usage: string;
  options?: ParseArgsConfig['options'];
  allowPositionals?: boolean;
  /** Returns the exit code (0 success, 1 failure, 2 bad input); throwing UsageError also gives 2. */
  run(ctx: CommandContext): Promise<number>;
}
