import { writeFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { callApi, UsageError } from '../io.js';
import type { PersonExportView, RetentionRunView, RetentionView } from '../../api/privacy.js';

function idOf(positionals: string[], usage: string): string {
  const id = positionals[0];
  if (!id || id.trim() === '') throw new UsageError(`Name the candidate: ${usage}`, 'id');
  return encodeURIComponent(id);
}

export const candidateExportCommand: Command = {
  path: ['candidate', 'export'],
  summary: 'Everything Closer holds about a person, as JSON (a subject access request)',
  usage: 'closer candidate export ID [--out FILE]   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  options: { out: { type: 'string' } },
  async run(ctx) {
    const id = idOf(ctx.positionals, 'closer candidate export ID');
    const x = await callApi<PersonExportView>(ctx.io, 'GET', `/api/v1/candidates/${id}/export`);
    const out = ctx.values.out;
    if (typeof out === 'string') {
      writeFileSync(out, `${JSON.stringify(x, null, 2)}\n`, { mode: 0o600 });
      const rows = Object.values(x.tables).reduce((n, t) => n + t.length, 0);
      ctx.print({ file: out, rows }, `Wrote ${rows} records about them to ${out}`);
    } else {
      ctx.io.stdout(`${JSON.stringify(x, null, 2)}\n`);
    }
    return 0;
  },
};

export const candidateEraseCommand: Command = {
  path: ['candidate', 'erase'],
  summary: 'Erase a person for good: every record about them, keeping only counts and an audit entry',
  usage: 'closer candidate erase ID --yes   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  options: { yes: { type: 'boolean' } },
  async run(ctx) {
    const id = idOf(ctx.positionals, 'closer candidate erase ID --yes');
    if (ctx.values.yes !== true) throw new UsageError('Erasure cannot be undone: add --yes to confirm', 'yes');
    const current = await callApi<{ version: number }>(ctx.io, 'GET', `/api/v1/candidates/${id}`);
    await callApi(ctx.io, 'DELETE', `/api/v1/candidates/${id}`, undefined, { 'if-match': `"${current.version}"` });
    ctx.print({ erased: decodeURIComponent(id) }, 'Erased. Their applications, history, interviews, offers and files are gone.');
    return 0;
  },
};

function runLine(r: RetentionRunView): string {
  return `${r.ranAt}  ${r.trigger.padEnd(8)}  erased ${r.candidatesErased} (${r.applicationsErased} applications), kept ${r.keptForConsent} who consented`;
}

export const retentionCommand: Command = {
  path: ['retention'],
  summary: 'Show, set or run the retention rule for rejected candidates',
  usage: 'closer retention [show | set MONTHS|off | run] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  async run(ctx) {
    const [action = 'show', value] = ctx.positionals;
    if (action === 'run') {
      const r = await callApi<RetentionRunView>(ctx.io, 'POST', '/api/v1/privacy/retention/run');
      ctx.print(r, runLine(r));
      return 0;
    }
    const current = await callApi<RetentionView>(ctx.io, 'GET', '/api/v1/privacy/retention');
    if (action === 'show') {
      ctx.print(current, [current.summary, ...current.runs.map(runLine)].join('\n'));
      return 0;
    }
    if (action !== 'set') throw new UsageError('Use: closer retention show | set MONTHS|off | run', 'action');
    if (value === undefined || !(value === 'off' || /^\d{1,3}$/.test(value))) throw new UsageError('closer retention set MONTHS (a whole number) or off', 'months');
    const r = await callApi<RetentionView>(ctx.io, 'PUT', '/api/v1/privacy/retention', { rejectedAfterMonths: value === 'off' ? null : Number(value) }, { 'if-match': `"${current.version}"` });
    ctx.print(r, r.summary);
    return 0;
  },
};
