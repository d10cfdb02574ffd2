import type { AnalysisView, TeamPlanView } from '../../api/scoping.js';
import type { Command } from '../command.js';
import { callApi, UsageError } from '../io.js';
import { readInputText } from '../input.js';
import { analyzeJobDescription, type Finding, type JobAnalysis } from '../../domain/scoping/index.js';
import { checkPlan, parsePlanText, type PlanCheckResult } from '../../domain/plans/index.js';
import { SEVERITY_WORDS, type FindingSeverity } from '../../domain/shared/severity.js';

/** A severity as the web shows it (Error, Warning, Note), upper-cased and padded for a column. */
const severityWord = (s: FindingSeverity) => SEVERITY_WORDS[s].toUpperCase().padEnd(7);

function findingLines(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => [`  ${severityWord(f.severity)} ${f.rule}: ${f.message}`, `          fix: ${f.fix}`]);
}

/** A quote from the posting on one line: evidence can span a line break of the text. */
const oneLine = (quote: string) => quote.replace(/\s+/g, ' ');

/** The human form of an analysis: primary, core, seniority, spansTooMany, each core specialization's evidence, findings. */
export function formatAnalysis(a: JobAnalysis): string {
  const names = new Map(a.specializations.map((s) => [s.key, s.name]));
  const evidenceOf = (key: string) => a.specializations.find((s) => s.key === key)?.evidence ?? [];
  const lines = [
    `Primary:        ${a.primary ? `${a.primary} (${names.get(a.primary)})` : 'none (no AI specialization is a core duty)'}`,
    `Core:           ${a.core.length > 0 ? a.core.join(', ') : 'none'}`,
    `Seniority:      ${a.seniority}${a.seniorityEvidence.from !== 'none' ? ` (from ${a.seniorityEvidence.from})` : ''}`,
    `Spans too many: ${a.spansTooMany ? `yes (${a.core.length} core specializations)` : 'no'}`,
    `AI role:        ${a.isAiRole ? 'yes' : 'no'}`,
    '',
    'Scores (evidence):',
    ...a.specializations.map((s) => {
      const ev = s.evidence.length > 0 ? `  "${s.evidence.slice(0, 6).map(oneLine).join('", "')}"` : '';
      return `  ${s.core ? '*' : ' '} ${s.key.padEnd(24)} ${s.score.toFixed(2)}${ev}`;
    }),
  ];
  if (a.spansTooMany) lines.push('', `Spans: ${a.core.map((k) => `${k} ("${evidenceOf(k).slice(0, 2).map(oneLine).join('", "')}")`).join('; ')}`);
  if (a.findings.length > 0) lines.push('', 'Findings:', ...findingLines(a.findings));
  lines.push('', '* = core duty');
  return lines.join('\n');
}

/** `POST /roles/analyze`: the analysis and whether the company's AI team was known. */
type CompanyAnalysis = AnalysisView;

export const scopeCommand: Command = {
  path: ['scope'],
  summary: 'Analyse a job description: specializations, core, seniority, too broad (offline, or against your team with --company)',
  usage: [
    'closer scope [FILE|-] --title TITLE [--company] [--json]   (reads stdin without FILE or with -)',
    "  --company checks the role against your company's AI team and taxonomy through the API (needs CLOSER_URL and",
    '  CLOSER_TOKEN), exactly as the role editor does; without it the analysis runs offline and cannot tell a',
    '  founding generalist (a note) from a role that is too broad (an error).',
  ].join('\n'),
  options: { title: { type: 'string' }, company: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx) {
    const title = ctx.values.title;
    if (title !== undefined && typeof title !== 'string') throw new UsageError('--title takes the role title', 'title');
    const { text } = await readInputText(ctx.io, ctx.positionals);
    if (ctx.values.company) {
      const analysis = await callApi<CompanyAnalysis>(ctx.io, 'POST', '/api/v1/roles/analyze', { ...(title ? { title } : {}), description: text });
      const team = analysis.companyContext;
      const context = team.teamInputsStored
        ? `Checked against your AI team (a senior AI practitioner: ${team.seniorAiPractitioner ? 'yes' : 'no'}).`
        : 'Checked as if you have no AI team yet: describe it on the Team page (or PUT /api/v1/team/plan-inputs).';
      ctx.print(analysis, `${formatAnalysis(analysis)}\n${context}`);
      return 0;
    }
    const analysis = analyzeJobDescription({ title: title ?? '', text });
    ctx.print(analysis, `${formatAnalysis(analysis)}\nChecked offline, without your AI team: add --company to check it as the role editor does.`);
    return 0;
  },
};

/** The human form of a plan check: one block per finding with its path, then the counts. */
export function formatPlanCheck(result: PlanCheckResult, name: string): string {
  const summary = `${name}: ${result.errors} error(s), ${result.warnings} warning(s), ${result.infos} note(s)`;
  if (result.findings.length === 0) return `${summary}\nNo findings: the plan passes every playbook check.`;
  const lines = result.findings.flatMap((f) => [`${severityWord(f.severity)} ${f.rule}  at ${f.path}`, `        ${f.message}`, `        fix: ${f.fix}`]);
  return [...lines, '', summary].join('\n');
}

export const checkCommand: Command = {
  path: ['check'],
  summary: 'Check a hiring plan (YAML or JSON) against the playbook: exit 1 on any error finding',
  usage: 'closer check PLAN.yaml [--json]   (exit 0 clean or warnings only, 1 error findings, 2 malformed plan or unreadable file)',
  allowPositionals: true,
  async run(ctx) {
    const { text, name } = await readInputText(ctx.io, ctx.positionals);
    const result = checkPlan(parsePlanText(text));
    ctx.print(result, formatPlanCheck(result, name));
    return result.errors > 0 ? 1 : 0;
  },
};

type TeamPlanResponse = TeamPlanView;

const money = (n: number, currency: string) => `${Math.round(n).toLocaleString('en-US')} ${currency}`;
const TIMING: Record<string, string> = { now: 'now', 'after-previous': 'after the previous hire', 'at-specialist-headcount': 'at about 8-12 people' };

/** The human form of the team plan: the ordered hires with cost, then the team's cash comp against the budget. */
export function formatTeamPlan(plan: TeamPlanResponse): string {
  const currency = plan.teamYearlyCashComp?.currency ?? '';
  const lines = [`Team plan (${plan.inputs.stage}, ${plan.inputs.headcount} people, bottleneck: ${plan.inputs.bottleneck})${plan.inputsStored ? '' : ' - defaults: set the team inputs with PUT /api/v1/team/plan-inputs'}`, ''];
  for (const h of plan.hires) {
    const cost = h.yearlyCost !== undefined && h.yearlyCost !== null ? `, ${money(h.yearlyCost, h.band?.currency ?? currency)}/year` : '';
    lines.push(`${h.order}. ${h.title} [${h.specialization}, ${h.seniority}] - ${TIMING[h.timing] ?? h.timing}${cost}`);
    if (h.covers.length > 1) lines.push(`   covers: ${h.covers.join(', ')}`);
    lines.push(`   ${h.whyNow}`);
  }
  if (plan.teamYearlyCashComp) {
    const t = plan.teamYearlyCashComp;
    lines.push('', `AI team cash comp: ${money(t.current, t.currency)} now + ${money(t.planned, t.currency)} planned = ${money(t.total, t.currency)}/year`);
  }
  if (plan.budget) lines.push(`Budget share: ${(plan.budget.share * 100).toFixed(1)}% of ${money(plan.budget.annualBudget, currency)}/year (${plan.budget.severity})`);
  if (plan.findings.length > 0) lines.push('', 'Findings:', ...findingLines(plan.findings));
  return lines.join('\n');
}

export const teamPlanCommand: Command = {
  path: ['team', 'plan'],
  summary: 'The ordered next AI hires with cost per hire and the budget share',
  usage: 'closer team plan [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  async run(ctx) {
    const plan = await callApi<TeamPlanResponse>(ctx.io, 'GET', '/api/v1/team/plan');
    ctx.print(plan, formatTeamPlan(plan));
    return 0;
  },
};
