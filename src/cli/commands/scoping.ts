import type { Command, CommandContext } from '../command.js';
import { callApi, UsageError } from '../io.js';
import { readInputText } from '../input.js';
import { analyzeJobDescription, type Finding, type JobAnalysis } from '../../domain/scoping/index.js';
import { checkPlan, parsePlanText, type PlanCheckResult } from '../../domain/plans/index.js';
import { ValidationError } from '../../domain/shared/errors.js';

function findingLines(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => [`  ${f.severity.toUpperCase().padEnd(7)} ${f.rule}: ${f.message}`, `          fix: ${f.fix}`]);
}

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
      const ev = s.evidence.length > 0 ? `  "${s.evidence.slice(0, 6).join('", "')}"` : '';
      return `  ${s.core ? '*' : ' '} ${s.key.padEnd(24)} ${s.score.toFixed(2)}${ev}`;
    }),
  ];
  if (a.spansTooMany) lines.push('', `Spans: ${a.core.map((k) => `${k} ("${evidenceOf(k).slice(0, 2).join('", "')}")`).join('; ')}`);
  if (a.findings.length > 0) lines.push('', 'Findings:', ...findingLines(a.findings));
  lines.push('', '* = core duty');
  return lines.join('\n');
}

export const scopeCommand: Command = {
  path: ['scope'],
  summary: 'Analyse a job description offline: specializations, core, seniority, too broad',
  usage: 'closer scope [FILE|-] --title TITLE [--json]   (reads stdin without FILE or with -)',
  options: { title: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const title = ctx.values.title;
    if (title !== undefined && typeof title !== 'string') throw new UsageError('--title takes the role title', 'title');
    const { text } = await readInputText(ctx.io, ctx.positionals);
    const analysis = analyzeJobDescription({ title: title ?? '', text });
    ctx.print(analysis, formatAnalysis(analysis));
    return 0;
  },
};

/** The human form of a plan check: one block per finding with its path, then the counts. */
export function formatPlanCheck(result: PlanCheckResult, name: string): string {
  const summary = `${name}: ${result.errors} error(s), ${result.warnings} warning(s), ${result.infos} info(s)`;
  if (result.findings.length === 0) return `${summary}\nNo findings: the plan passes every playbook check.`;
  const lines = result.findings.flatMap((f) => [`${f.severity.toUpperCase().padEnd(7)} ${f.rule}  at ${f.path}`, `        ${f.message}`, `        fix: ${f.fix}`]);
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

interface TeamPlanResponse {
  hires: Array<{
    order: number;
    specialization: string;
    specializationName: string;
    covers: string[];
    seniority: string;
    title: string;
    whyNow: string;
    timing: string;
    band?: { bandStage: string; baseMin: number; baseMax: number | null; currency: string } | null;
    yearlyCost?: number | null;
  }>;
  teamYearlyCashComp?: { current: number; planned: number; total: number; currency: string };
  budget?: { annualBudget: number; share: number; severity: string } | null;
  findings: Finding[];
  inputs: { stage: string; headcount: number; bottleneck: string };
  inputsStored: boolean;
}

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
