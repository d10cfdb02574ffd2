import { setUpWorkspaceFromCli, resolveDatabaseUrl } from '../../server/admin/index.js';
import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../io.js';

const STAGES = 'preseed, seed, seed-tier1, series-a, series-b, series-c, growth';

function text(ctx: CommandContext, option: string, what: string): string {
  const v = ctx.values[option];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${option} is required: ${what}`, option);
  return v.trim();
}

/** A whole number as people type it: 4000000, 4_000_000 or 4,000,000. */
function wholeNumber(ctx: CommandContext, option: string, what: string): number {
  const raw = text(ctx, option, what);
  const digits = raw.replace(/[_,](?=\d{3}(\D|$))/g, '');
  if (!/^\d{1,13}$/.test(digits)) throw new UsageError(`--${option} must be a whole number (${what}), not "${raw}"`, option);
  return Number(digits);
}

/** The owner's password: from stdin with --password-stdin, else asked twice at the terminal (never echoed). */
async function ownerPassword(ctx: CommandContext): Promise<string> {
  if (ctx.values['password-stdin']) return (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  const first = await ctx.io.promptSecret?.('Password for the owner (10+ characters): ');
  if (first === undefined) {
    throw new UsageError("Give the owner's password with --password-stdin (e.g. `closer setup ... --password-stdin < pw.txt`), or run closer setup in a terminal to be asked for it.", 'password');
  }
  const again = await ctx.io.promptSecret?.('The same password again: ');
  if (again !== first) throw new UsageError('The two passwords differ; nothing was changed. Run closer setup again.', 'password');
  return first;
}

export const setupCommand: Command = {
  path: ['setup'],
  summary: 'Set up the workspace: the company and its owner (first run, no server needed)',
  usage: [
    'closer setup --company NAME --stage STAGE --raised USD --headcount N --ai-team-size N',
    '             --owner-name NAME --owner-email EMAIL [--currency USD] [--time-zone UTC]',
    '             [--password-stdin] [--db FILE | --database-url URL] [--json]',
    `  STAGE is one of ${STAGES}; --raised is the total raised in whole US dollars.`,
    '  The password is read from stdin with --password-stdin, else asked at the terminal.',
    '  Exit 0 set up, 2 bad input or already set up (nothing changed), 1 the database could not be reached.',
  ].join('\n'),
  options: {
    company: { type: 'string' },
    stage: { type: 'string' },
    raised: { type: 'string' },
    headcount: { type: 'string' },
    'ai-team-size': { type: 'string' },
    currency: { type: 'string' },
    'time-zone': { type: 'string' },
    'owner-name': { type: 'string' },
    'owner-email': { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  async run(ctx) {
    const company = {
      name: text(ctx, 'company', "the company's name"),
      stage: text(ctx, 'stage', STAGES),
      raisedUsd: wholeNumber(ctx, 'raised', 'US dollars raised so far'),
      headcount: wholeNumber(ctx, 'headcount', 'people employed today'),
      aiTeamSize: wholeNumber(ctx, 'ai-team-size', 'of those, how many build ML/AI'),
      ...(typeof ctx.values.currency === 'string' ? { currency: ctx.values.currency.trim().toUpperCase() } : {}),
      ...(typeof ctx.values['time-zone'] === 'string' ? { timeZone: ctx.values['time-zone'].trim() } : {}),
    };
    const owner = { name: text(ctx, 'owner-name', "the owner's name"), email: text(ctx, 'owner-email', "the owner's e-mail"), password: await ownerPassword(ctx) };
    const url = resolveDatabaseUrl({ db: ctx.global.db, databaseUrl: ctx.global.databaseUrl, env: ctx.io.env, cwd: ctx.io.cwd });
    const r = await setUpWorkspaceFromCli(url, { company, owner });
    ctx.print(r, [`Set up ${r.company.name} (${r.company.stage}, pay in ${r.company.currency}, ${r.company.timeZone}).`, `Owner: ${r.owner.email}. Sign in to the web app with this e-mail, or add people with \`closer user create\`.`].join('\n'));
    return 0;
  },
};
