import { backupDatabase, restoreDatabase, writeErasureLedger, createTokenFromCli, createUserFromCli, migrateDatabase, resetMfaFromCli, rebuildProjectionsFromCli, resolveDatabaseUrl } from '../../server/admin/index.js';
import { serve } from '../../server/main.js';
import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../io.js';

function databaseUrl(ctx: CommandContext): string {
  return resolveDatabaseUrl({ db: ctx.global.db, databaseUrl: ctx.global.databaseUrl, env: ctx.io.env, cwd: ctx.io.cwd });
}

function requireString(ctx: CommandContext, name: string): string {
  const v = ctx.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`, name);
  return v;
}

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'Run the web app and API',
  usage: 'closer serve [--port N] [--host H] [--db FILE | --database-url URL]',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run(ctx) {
    const port = Number(ctx.values.port ?? ctx.io.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be a whole number from 0 to 65535', 'port');
    const url = databaseUrl(ctx);
    const { url: address, close } = await serve({ databaseUrl: url, port, host: String(ctx.values.host ?? ctx.io.env.HOST ?? '0.0.0.0'), secureCookies: ctx.io.env.CLOSER_SECURE_COOKIES === '1', filesDir: ctx.io.env.CLOSER_FILES_DIR });
    ctx.print({ url: address }, `Closer is running at ${address}`);
    await new Promise<void>((resolveStop) => {
      const stop = () => void close().then(resolveStop);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

export const dbMigrateCommand: Command = {
  path: ['db', 'migrate'],
  summary: 'Apply pending database migrations',
  usage: 'closer db migrate [--db FILE | --database-url URL]',
  async run(ctx) {
    const r = await migrateDatabase(databaseUrl(ctx));
    ctx.print(r, r.applied.length ? `Applied ${r.applied.join(', ')} to ${r.location}` : `${r.location} is up to date`);
    return 0;
  },
};

export const dbRebuildProjectionsCommand: Command = {
  path: ['db', 'rebuild-projections'],
  summary: 'Recompute the pipeline read model (clocks, risk, Today) and the reports\' facts from the events',
  usage: 'closer db rebuild-projections [--db FILE | --database-url URL] [--json]',
  async run(ctx) {
    const r = await rebuildProjectionsFromCli(databaseUrl(ctx));
    ctx.print(
      r,
      `Rebuilt ${r.applications} ${r.applications === 1 ? 'application' : 'applications'} in ${r.location}: ${r.unchanged} were right, ${r.corrected} corrected, ${r.created} added; report facts: ${r.reportFacts.unchanged} right, ${r.reportFacts.corrected} corrected, ${r.reportFacts.created} added.`,
    );
    return 0;
  },
};

export const dbBackupCommand: Command = {
  path: ['db', 'backup'],
  summary: 'Online backup, safe while the server runs',
  usage: 'closer db backup FILE [--db FILE | --database-url URL]',
  allowPositionals: true,
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('Name the backup file: closer db backup FILE', 'file');
    const r = await backupDatabase(databaseUrl(ctx), file);
    ctx.print(r, `Backup written to ${file} (${r.format}, ${r.tables} tables, ${r.rows} rows, ${r.milliseconds} ms)`);
    return 0;
  },
};

export const dbRestoreCommand: Command = {
  path: ['db', 'restore'],
  summary: 'Restore a backup (stop the server first); erased people stay erased',
  usage: 'closer db restore FILE [--replace] [--ledger LEDGER.json ...] [--db FILE | --database-url URL] [--json]',
  allowPositionals: true,
  options: { replace: { type: 'boolean' }, ledger: { type: 'string', multiple: true } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('Name the backup file: closer db restore FILE', 'file');
    const ledgerFiles = Array.isArray(ctx.values.ledger) ? ctx.values.ledger : [];
    const r = await restoreDatabase(databaseUrl(ctx), file, { replace: ctx.values.replace === true, ledgerFiles });
    const tables = Object.keys(r.restoredDigest).length;
    ctx.print(
      r,
      `Restored ${file} into ${r.target}: ${tables} tables ${r.matches ? 'match the backup\'s content hashes' : 'DIFFER from the backup\'s content hashes'}; ` +
        `${r.reErased} erased ${r.reErased === 1 ? 'person' : 'people'} removed again (ledger of ${r.ledgerEntries}), ${r.milliseconds} ms.`,
    );
    return r.matches ? 0 : 1;
  },
};

export const dbLedgerCommand: Command = {
  path: ['db', 'ledger'],
  summary: 'Write the erasure ledger (hashes only) to a file to keep beside the backups',
  usage: 'closer db ledger FILE [--db FILE | --database-url URL]',
  allowPositionals: true,
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('Name the ledger file: closer db ledger FILE', 'file');
    const r = await writeErasureLedger(databaseUrl(ctx), file);
    ctx.print(r, `Erasure ledger written to ${file} (${r.entries} ${r.entries === 1 ? 'entry' : 'entries'})`);
    return 0;
  },
};

export const userCreateCommand: Command = {
  path: ['user', 'create'],
  summary: 'Create a user',
  usage: 'closer user create --email EMAIL --role ROLE [--name NAME] [--password-stdin]',
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  async run(ctx) {
    const email = requireString(ctx, 'email');
    const role = requireString(ctx, 'role');
    const password = ctx.values['password-stdin'] ? (await ctx.io.readStdin()).replace(/\r?\n$/, '') : undefined;
    const r = await createUserFromCli(databaseUrl(ctx), { email, role, name: typeof ctx.values.name === 'string' ? ctx.values.name : undefined, password });
    ctx.print(r, r.invitePassword ? `Created ${r.user.email} (${r.user.role}). One-time password: ${r.invitePassword}` : `Created ${r.user.email} (${r.user.role})`);
    return 0;
  },
};

export const userResetMfaCommand: Command = {
  path: ['user', 'reset-mfa'],
  summary: 'Turn off a user\'s two-step sign-in (a lost phone and lost recovery codes)',
  usage: 'closer user reset-mfa --email EMAIL',
  options: { email: { type: 'string' } },
  async run(ctx) {
    const email = requireString(ctx, 'email');
    const r = await resetMfaFromCli(databaseUrl(ctx), email);
    ctx.print(r, `Two-step sign-in of ${r.user} is off; they set it up again after signing in with their password.`);
    return 0;
  },
};

export const tokenCreateCommand: Command = {
  path: ['token', 'create'],
  summary: 'Create an API token for a user (shown once)',
  usage: 'closer token create --user EMAIL [--name NAME]',
  options: { user: { type: 'string' }, name: { type: 'string' } },
  async run(ctx) {
    const user = requireString(ctx, 'user');
    const r = await createTokenFromCli(databaseUrl(ctx), user, typeof ctx.values.name === 'string' ? ctx.values.name : 'cli');
    ctx.print(r, `${r.secret}\n(token for ${r.user}; store it now, it is not shown again)`);
    return 0;
  },
};
