import type { Command } from '../command.js';
import { callApi, UsageError } from '../io.js';
import type { PostingView } from '../../api/postings.js';
import { SEVERITY_WORDS } from '../../domain/shared/severity.js';

function roleIdOf(positionals: string[], usage: string): string {
  const id = positionals[1];
  if (!id || id.trim() === '') throw new UsageError(`Name the role: ${usage}`, 'role');
  return encodeURIComponent(id);
}

function describe(p: PostingView): string {
  const range = p.baseRange ?? p.bandRange;
  const lines = [
    `${p.title}  (${p.status}${p.publishedAt ? `, published ${p.publishedAt.slice(0, 10)}` : ''})`,
    `  ${p.location}, ${p.remotePolicy}; base ${range ? `${range.min.toLocaleString('en-US')}-${range.max.toLocaleString('en-US')} ${range.currency}` : 'not shown (no band)'}`,
    `  public page: ${p.publicPath}`,
  ];
  for (const f of p.findings) lines.push(`  ${SEVERITY_WORDS[f.severity].toUpperCase()} ${f.rule}: ${f.message}`);
  return lines.join('\n');
}

const USAGE = 'closer posting show|publish|unpublish|close ROLE_ID [--yes] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)';

/** `closer posting ...`: a role's job posting, its findings, and publishing it (issue 16). */
export const postingCommand: Command = {
  path: ['posting'],
  summary: "Show a role's job posting with its findings, or publish, unpublish or close it",
  usage: USAGE,
  allowPositionals: true,
  options: { yes: { type: 'boolean' } },
  async run(ctx) {
    const action = ctx.positionals[0] ?? 'show';
    if (!['show', 'publish', 'unpublish', 'close'].includes(action)) throw new UsageError(`Unknown action ${action}: ${USAGE}`, 'action');
    const id = roleIdOf(ctx.positionals, USAGE);
    const current = await callApi<PostingView>(ctx.io, 'GET', `/api/v1/roles/${id}/posting`);
    if (action === 'show') {
      ctx.print(current, describe(current));
      return current.findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    if (action === 'publish' && current.findings.length > 0 && ctx.values.yes !== true) {
      ctx.io.stderr(`${describe(current)}\n`);
      throw new UsageError('Read the findings above, then publish with --yes', 'yes');
    }
    const body = action === 'publish' ? { acknowledgeFindings: true } : undefined;
    const changed = await callApi<PostingView>(ctx.io, 'POST', `/api/v1/roles/${id}/posting/${action}`, body, { 'if-match': `"${current.version}"` });
    ctx.print(changed, describe(changed));
    return 0;
  },
};
