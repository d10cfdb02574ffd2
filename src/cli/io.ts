import { DomainError } from '../domain/shared/errors.js';
import { ERROR_CATALOGUE } from '../domain/shared/error-codes.js';

/** Bad usage or bad input: exit code 2 with a clear message. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly field?: string,
    /** The error body's `details` (a 409's matches, an import's report), when it had one. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Asks for a secret without echoing it; undefined when there is no terminal to ask on (stdin is a pipe or file). */
  promptSecret?: (question: string) => Promise<string | undefined>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Rewrites one progress line on a terminal; absent when stderr is not a terminal (nothing is printed then). */
  progress?: (line: string) => void;
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  promptSecret: promptHidden,
  env: process.env,
  cwd: process.cwd(),
  ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`\r\u001b[2K${line}`) } : {}),
};

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl-C cancels (exit 2). */
function promptHidden(question: string): Promise<string | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve(undefined);
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolveLine, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolveLine(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new UsageError('Cancelled: nothing was changed.'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Maps an error to the CLI's exit code: 2 for anything the user can fix in their input, 1 otherwise. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (error instanceof DomainError) return ERROR_CATALOGUE[error.code].status < 500 && error.code !== 'DATABASE_UNAVAILABLE' ? 2 : 1;
  if (error instanceof HttpError) return error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403 ? 2 : 1;
  return 1;
}

export function describeError(error: unknown): { code: string; message: string; field?: string } {
  if (error instanceof UsageError) return { code: 'USAGE', message: error.message, ...(error.field ? { field: error.field } : {}) };
  if (error instanceof DomainError) return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  if (error instanceof HttpError) return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  return { code: 'FAILED', message: error instanceof Error ? error.message : String(error) };
}

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The error body's `details` (a 409's matches, an import's report), when it had one. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The HTTP API as the CLI sees it: CLOSER_URL (default http://127.0.0.1:3000) and CLOSER_TOKEN. */
export async function callApi<T>(io: CliIo, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const base = (io.env.CLOSER_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const token = io.env.CLOSER_TOKEN;
  if (!token) throw new UsageError('Set CLOSER_TOKEN to an API token (create one with `closer token create --user EMAIL`).');
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new Error(`Cannot reach Closer at ${base}: ${error instanceof Error ? error.message : String(error)}. Is \`closer serve\` running? Set CLOSER_URL otherwise.`);
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (json ?? {}) as { code?: string; message?: string; field?: string; details?: Record<string, unknown> };
    throw new HttpError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText, e.field, e.details);
  }
  return json as T;
}
