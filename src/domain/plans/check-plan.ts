import checksData from '../../../data/scoping/plan-checks.json' with { type: 'json' };
import { toResult, type Result } from '../shared/errors.js';
import { checkRoleScope } from '../scoping/role-scope.js';
import type { Severity } from '../scoping/findings.js';
import type { Taxonomy } from '../taxonomy/index.js';
import {
  budgetShare,
  checkBelowStageBand,
  checkBelowThreshold,
  checkBudgetShare,
  checkEquityStatement,
  computeCashThreshold,
  defaultFailureProbability,
} from './comp-adapter.js';
import { parsePlanDocument, type PlanDocument } from './plan-document.js';

/** A playbook finding with the path into the plan it points at (`process.stages[2]`). */
export interface PlanFinding {
  rule: string;
  severity: Severity;
  message: string;
  fix: string;
  path: string;
}

/** checkPlan's output; `errors` non-zero means the CLI exits non-zero. */
export interface PlanCheckResult {
  findings: PlanFinding[];
  errors: number;
  warnings: number;
  infos: number;
}

/** Plain values of data/scoping/plan-checks.json. */
export interface PlanCheckThresholds {
  processMaxDays: number;
  processWarnDays: number;
  maxTakeHomes: number;
  maxTakeHomeHours: number;
  maxFinalInterviewDays: number;
  offerAfterFinalMaxHours: number;
  referralShareMax: number;
  referralChannels: string[];
  equityWords: string[];
  baseWords: string[];
  infraSignals: Record<string, string[]>;
}

export const DEFAULT_PLAN_THRESHOLDS: PlanCheckThresholds = Object.freeze({
  processMaxDays: checksData.processMaxDays.value,
  processWarnDays: checksData.processWarnDays.value,
  maxTakeHomes: checksData.maxTakeHomes.value,
  maxTakeHomeHours: checksData.maxTakeHomeHours.value,
  maxFinalInterviewDays: checksData.maxFinalInterviewDays.value,
  offerAfterFinalMaxHours: checksData.offerAfterFinalMaxHours.value,
  referralShareMax: checksData.referralShareMax.value,
  referralChannels: checksData.referralChannels.value,
  equityWords: checksData.outreach.equityWords.value,
  baseWords: checksData.outreach.baseWords.value,
  infraSignals: checksData.outreach.infraSignals.value,
});

const FINAL_KINDS = new Set(['onsite', 'final']);

function firstIndex(text: string, words: readonly string[]): { index: number; word: string } | null {
  let best: { index: number; word: string } | null = null;
  for (const w of words) {
    const re = new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]+')}s?\\b`, 'i');
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, word: m[0] };
  }
  return best;
}

function days(n: number): string {
  return `${Math.round(n * 10) / 10} day${n === 1 ? '' : 's'}`;
}

function processChecks(plan: PlanDocument, t: PlanCheckThresholds): PlanFinding[] {
  const out: PlanFinding[] = [];
  const stages = plan.process.stages;
  // process.too-long: the stages run one after another, first contact to offer.
  let total = 0;
  let warnAt = -1;
  let errorAt = -1;
  stages.forEach((s, i) => {
    total += s.plannedDays;
    if (warnAt < 0 && total > t.processWarnDays) warnAt = i;
    if (errorAt < 0 && total > t.processMaxDays) errorAt = i;
  });
  if (errorAt >= 0 || warnAt >= 0) {
    const error = errorAt >= 0;
    out.push({
      rule: 'process.too-long',
      severity: error ? 'error' : 'warning',
      message: `The planned process takes ${days(total)} from first contact to offer; top AI candidates decide within 2-3 weeks (${error ? `over ${t.processMaxDays}` : `over ${t.processWarnDays}`} days${error ? '' : ' is a warning'}).`,
      fix: `Cut stages or run them in parallel so the offer lands within ${t.processWarnDays} days (${t.processMaxDays} at most): one screen, one short exercise, a single-day final, offer within 48 h.`,
      path: `process.stages[${error ? errorAt : warnAt}]`,
    });
  }
  // process.multiple-take-homes: more than one take-home, or one over the hour limit.
  const takeHomes = stages.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === 'take-home');
  if (takeHomes.length > t.maxTakeHomes) {
    const extra = takeHomes[t.maxTakeHomes];
    out.push({
      rule: 'process.multiple-take-homes',
      severity: 'error',
      message: `The process has ${takeHomes.length} take-home assignments; candidates running 4-6 processes at once drop the ones that ask for more than one.`,
      fix: `Keep at most ${t.maxTakeHomes} take-home of ${t.maxTakeHomeHours} hours or less, or replace it with a paid or live exercise.`,
      path: `process.stages[${extra.i}]`,
    });
  }
  for (const { s, i } of takeHomes) {
    if (s.takeHomeHours !== undefined && s.takeHomeHours > t.maxTakeHomeHours) {
      out.push({
        rule: 'process.multiple-take-homes',
        severity: 'error',
        message: `The take-home '${s.name}' asks for ${s.takeHomeHours} hours; the limit is ${t.maxTakeHomeHours}.`,
        fix: `Scope it to ${t.maxTakeHomeHours} hours or less (or pay for the time).`,
        path: `process.stages[${i}].takeHomeHours`,
      });
    }
  }
  // process.no-single-day-onsite: final interviews spread over more than one day.
  let finalDays = 0;
  for (const [i, s] of stages.entries()) {
    if (!FINAL_KINDS.has(s.kind)) continue;
    finalDays += s.interviewDays ?? 1;
    if (finalDays > t.maxFinalInterviewDays) {
      out.push({
        rule: 'process.no-single-day-onsite',
        severity: 'warning',
        message: `Final interviews are spread over ${finalDays} days; multi-day panel loops lose candidates to faster offers.`,
        fix: 'Hold all final interviews on a single day.',
        path: `process.stages[${i}]`,
      });
      break;
    }
  }
  // process.offer-sla: offer more than 48 h after the final.
  if (plan.process.offerAfterFinalHours > t.offerAfterFinalMaxHours) {
    out.push({
      rule: 'process.offer-sla',
      severity: 'error',
      message: `The offer is planned ${plan.process.offerAfterFinalHours} h after the final interview; past ${t.offerAfterFinalMaxHours} h candidates read it as low intent and accept elsewhere.`,
      fix: `Send the offer within ${t.offerAfterFinalMaxHours} h: agree the band and approvers before the final.`,
      path: 'process.offerAfterFinalHours',
    });
  }
  return out;
}

function approvalChecks(plan: PlanDocument): PlanFinding[] {
  const band = plan.approvals?.boardApprovedBand;
  const rule = 'process.approval-not-prenegotiated';
  const fix = 'Get a board-approved band (base and fully diluted equity range) for this role before the first interview, so the offer needs no further approval.';
  if (!band) {
    return [{ rule, severity: 'warning', message: 'No board-approved equity band covers this offer, so it will wait on internal approval after the final interview.', fix, path: 'approvals.boardApprovedBand' }];
  }
  const c = plan.compensation;
  const out: PlanFinding[] = [];
  if (c.base < band.baseMin || c.base > band.baseMax) {
    out.push({ rule, severity: 'warning', message: `The base ${c.base} ${c.currency} is outside the board-approved band (${band.baseMin}-${band.baseMax}).`, fix, path: 'compensation.base' });
  }
  const pct =
    c.equity?.percent ??
    (c.equity?.shares && c.equity.fullyDilutedShares ? (100 * c.equity.shares) / c.equity.fullyDilutedShares : undefined);
  if (pct !== undefined && (pct < band.equityPercentMin || pct > band.equityPercentMax)) {
    out.push({
      rule,
      severity: 'warning',
      message: `The equity (${Math.round(pct * 1000) / 1000}% fully diluted) is outside the board-approved band (${band.equityPercentMin}-${band.equityPercentMax}%).`,
      fix,
      path: 'compensation.equity',
    });
  }
  return out;
}

function compChecks(plan: PlanDocument): PlanFinding[] {
  const out: PlanFinding[] = [];
  const c = plan.compensation;
  const push = (f: PlanFinding | null) => {
    if (f) out.push({ rule: f.rule, severity: f.severity, message: f.message, fix: f.fix, path: f.path });
  };
  push(checkBelowStageBand({ base: c.base, stage: plan.company.stage, currency: c.currency }, undefined, 'compensation.base'));
  if (plan.candidateProfile) {
    const p = plan.candidateProfile;
    const threshold = computeCashThreshold(
      { ...p, perceivedFailureProbability: p.perceivedFailureProbability ?? defaultFailureProbability(plan.company.stage) },
      'candidateProfile',
    );
    push(checkBelowThreshold({ base: c.base, currency: c.currency }, threshold, 'compensation.base'));
  }
  if (c.equity) {
    push(
      checkEquityStatement(
        { shares: c.equity.shares, fullyDilutedShares: c.equity.fullyDilutedShares, statedPercent: c.equity.percent },
        'compensation.equity',
      ),
    );
  }
  if (plan.company.budget) {
    const result = budgetShare(
      { aiTeamAnnualCash: plan.company.currentAiCashComp ?? 0, plannedHiresAnnualCash: c.base + (c.bonus ?? 0), budget: plan.company.budget },
      undefined,
      'company',
    );
    push(checkBudgetShare(result, c.currency, 'company.budget'));
  }
  return out;
}

function outreachChecks(plan: PlanDocument, t: PlanCheckThresholds): PlanFinding[] {
  if (!plan.outreach) return [];
  const text = plan.outreach.text;
  const out: PlanFinding[] = [];
  const base = firstIndex(text, t.baseWords);
  const equity = firstIndex(text, t.equityWords);
  if (!base) {
    out.push({
      rule: 'outreach.equity-first',
      severity: 'warning',
      message: 'The outreach names no base salary; candidates at incumbents filter on cash before anything else.',
      fix: 'State the base (or its range) early, before equity, mission or vision.',
      path: 'outreach.text',
    });
  } else if (equity && equity.index < base.index) {
    out.push({
      rule: 'outreach.equity-first',
      severity: 'warning',
      message: `The outreach mentions '${equity.word}' before the base salary; leading with equity and vision reads as a low cash offer.`,
      fix: 'Lead with the base salary, then equity stated as a fully diluted percentage and share count.',
      path: 'outreach.text',
    });
  }
  const signals = Object.entries(t.infraSignals).filter(([, words]) => firstIndex(text, words));
  if (signals.length === 0) {
    out.push({
      rule: 'outreach.no-infra-signal',
      severity: 'info',
      message: 'The outreach names none of: infrastructure, compute budget, data, senior AI team. An ML engineer has no reason to care yet.',
      fix: 'Name what an ML engineer gets: existing infrastructure, the compute budget, the proprietary data, or the senior AI people they will work with.',
      path: 'outreach.text',
    });
  }
  return out;
}

function sourcingChecks(plan: PlanDocument, t: PlanCheckThresholds): PlanFinding[] {
  const mix = plan.sourcing?.mix ?? [];
  const total = mix.reduce((s, m) => s + m.candidates, 0);
  if (total === 0) return [];
  const referral = mix.filter((m) => t.referralChannels.includes(m.channel)).reduce((s, m) => s + m.candidates, 0);
  const share = referral / total;
  if (share <= t.referralShareMax) return [];
  return [
    {
      rule: 'sourcing.referral-only',
      severity: 'warning',
      message: `${Math.round(share * 1000) / 10}% of candidates come from referrals and VC intros (limit ${t.referralShareMax * 100}%); the network runs dry and narrows the pool.`,
      fix: 'Add outbound sourcing to production-ML communities, open-source contributors and research-to-production movers.',
      path: 'sourcing.mix',
    },
  ];
}

const SCOPE_PATHS: Record<string, string> = {
  'scope.too-broad': 'role.specializations',
  'scope.founding-generalist': 'role',
  'scope.specialist-too-early': 'role.specializations',
  'scope.juniors-without-anchor': 'role.seniority',
  'scope.seniority-mismatch': 'role.title',
};

function scopeChecks(plan: PlanDocument, taxonomy?: Taxonomy): PlanFinding[] {
  const findings = checkRoleScope(
    plan.role,
    {
      stage: plan.company.stage,
      headcount: plan.company.headcount,
      aiTeam: plan.company.aiTeam ?? [],
      coreIsSafetyOrResearch: plan.company.coreIsSafetyOrResearch ?? false,
    },
    taxonomy,
  );
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, fix: f.fix, path: SCOPE_PATHS[f.rule] ?? 'role' }));
}

/**
 * Lints a hiring plan with every check of playbook-checks.md (process, comp, outreach, sourcing,
 * scope). Accepts the parsed YAML/JSON document; throws DomainError PLAN_INVALID with the path
 * when the document is malformed. The comp.* checks run through the compensation engine.
 */
export function checkPlan(doc: unknown, options: { thresholds?: PlanCheckThresholds; taxonomy?: Taxonomy } = {}): PlanCheckResult {
  const plan = parsePlanDocument(doc);
  const t = options.thresholds ?? DEFAULT_PLAN_THRESHOLDS;
  const findings = [
    ...processChecks(plan, t),
    ...approvalChecks(plan),
    ...compChecks(plan),
    ...outreachChecks(plan, t),
    ...sourcingChecks(plan, t),
    ...scopeChecks(plan, options.taxonomy),
  ];
  return {
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

/** The result-returning twin of checkPlan. */
export function safeCheckPlan(doc: unknown, options?: { thresholds?: PlanCheckThresholds; taxonomy?: Taxonomy }): Result<PlanCheckResult> {
  return toResult(() => checkPlan(doc, options));
}
