import type { CliIo } from './io.js';

/** A captured stdin/stdout/stderr for driving `main()` in tests. */
export function captureIo(opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => opts.stdin ?? '',
    env: opts.env ?? {},
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}
