import type { CliIo } from '../cli/io.js';

/**
 * A captured stdin/stdout/stderr for driving `main()` in tests. `prompts` are the answers typed at a terminal, in
 * order; without them there is no terminal to ask on.
 */
export function captureIo(opts: { stdin?: string; env?: NodeJS.ProcessEnv; prompts?: string[] } = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const answers = opts.prompts ? [...opts.prompts] : undefined;
  return {
    stdout: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => opts.stdin ?? '',
    ...(answers ? { promptSecret: async (question: string) => ((err += question), answers.shift() ?? '') } : {}),
    env: opts.env ?? {},
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}
