import { parseArgs } from 'node:util';
import type { Command, CommandContext, GlobalOptions } from './command.js';
import { COMMANDS } from './commands/index.js';
import { describeError, exitCodeFor, processIo, UsageError, type CliIo } from './io.js';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  const lines = COMMANDS.map((c) => `  closer ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return ['Closer: hiring for startups that recruit AI talent.', '', 'Usage:', ...lines, '', 'Global options: --json, --db FILE, --database-url URL, --help', 'Exit codes: 0 success, 1 failure, 2 bad usage or bad input.'].join('\n');
}

function findCommand(args: string[]): { command: Command; rest: string[] } | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  let best: Command | undefined;
  for (const c of COMMANDS) if (c.path.every((w, i) => words[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  if (!best) return undefined;
  const rest = [...args];
  for (const w of best.path) rest.splice(rest.indexOf(w), 1);
  return { command: best, rest };
}

/** Runs one `closer` invocation and returns its exit code; never calls process.exit, so tests can drive it. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      io.stdout(helpText());
      return argv.length === 0 ? 2 : 0;
    }
    io.stderr(`Unknown command: closer ${argv.filter((a) => !a.startsWith('-')).join(' ')}\n\n${helpText()}`);
    return 2;
  }
  const { command, rest } = found;
  const wantsJson = rest.includes('--json');
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: command.allowPositionals ?? false, strict: true });
    } catch (error) {
      throw new UsageError(`${error instanceof Error ? error.message : String(error)}\nUsage: ${command.usage}`);
    }
    const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
    if (values.help) {
      io.stdout(`${command.summary}\nUsage: ${command.usage}`);
      return 0;
    }
    const global: GlobalOptions = { json: Boolean(values.json), db: values.db as string | undefined, databaseUrl: values['database-url'] as string | undefined };
    const ctx: CommandContext = {
      io,
      global,
      values,
      positionals: parsed.positionals,
      print(result, human) {
        io.stdout(global.json || human === undefined ? JSON.stringify(result, null, 2) : human);
      },
    };
    return await command.run(ctx);
  } catch (error) {
    const described = describeError(error);
    if (wantsJson) io.stderr(JSON.stringify({ error: described }));
    else io.stderr(`closer: ${described.message}${described.field ? ` (${described.field})` : ''}`);
    return exitCodeFor(error);
  }
}
