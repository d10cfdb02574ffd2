import type { Command } from '../command.js';
import { UsageError } from '../io.js';
import { readInputText } from '../input.js';
import { AUDIENCES, lintOutreachTemplate, parseTemplateFile, type Audience, type OutreachLintResult } from '../../domain/outreach/index.js';
import { SEVERITY_WORDS } from '../../domain/shared/severity.js';

/** The human form of a template lint: one block per finding, then the counts. */
export function formatOutreachLint(result: OutreachLintResult, name: string): string {
  const summary = `${name}: ${result.errors} error(s), ${result.warnings} warning(s), ${result.infos} note(s)`;
  if (result.findings.length === 0) return `${summary}\nNo findings: the message passes every outreach check.`;
  const lines = result.findings.flatMap((f) => [`${SEVERITY_WORDS[f.severity].toUpperCase().padEnd(7)} ${f.rule}  at ${f.path}`, `        ${f.message}`, `        fix: ${f.fix}`]);
  return [...lines, '', summary].join('\n');
}

export const outreachLintCommand: Command = {
  path: ['outreach', 'lint'],
  summary: 'Check an outreach template (YAML/JSON { subject, body, audience } or a plain e-mail text) with the outreach.* rules',
  usage: 'closer outreach lint FILE [--audience passive|active] [--json]   (exit 0 clean or warnings only, 2 error findings or an unreadable file)',
  options: { audience: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const audience = ctx.values.audience;
    if (audience !== undefined && !(AUDIENCES as readonly unknown[]).includes(audience)) throw new UsageError(`--audience is one of ${AUDIENCES.join(', ')}.`, 'audience');
    const { text, name } = await readInputText(ctx.io, ctx.positionals);
    const template = parseTemplateFile(text, audience as Audience | undefined);
    const result = lintOutreachTemplate(template, template.audience);
    ctx.print(result, formatOutreachLint(result, name));
    return result.errors > 0 ? 2 : 0;
  },
};
