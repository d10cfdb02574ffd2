import { z } from 'zod';
import planData from '../../../data/scoping/team-plan.json' with { type: 'json' };
import { DomainError, toResult, type Result } from '../shared/errors.js';
import { COMPANY_STAGES } from '../company/company.js';
import { getSpecialization, type SeniorityLevel } from '../taxonomy/index.js';
import { budgetShare, checkBudgetShare, DEFAULT_STAGE_BANDS, getStageBand, type StageBand } from '../plans/comp-adapter.js';
import type { Finding } from './findings.js';
import { DEFAULT_ROLE_SCOPE_PARAMS, TeamMember, hasSeniorAiPractitioner } from './role-scope.js';

import { BOTTLENECKS, type Bottleneck } from './lists.js';

export { BOTTLENECKS, type Bottleneck } from './lists.js';

/** Input of the team plan (scoping-and-team.md 'Team plan'). Money is whole units of `currency`. */
export const TeamPlanInput = z.strictObject({
  stage: z.enum(COMPANY_STAGES),
  headcount: z.number().int().min(1).max(1_000_000),
  aiTeam: z.array(TeamMember).max(1000).default([]),
  /** People on the AI team as the company profile counts them (setup asks); those not described in aiTeam are unknown. */
  aiTeamSize: z.number().int().min(0).max(1_000_000).optional(),
  bottleneck: z.enum(BOTTLENECKS),
  coreIsSafetyOrResearch: z.boolean().default(false),
  coreFocus: z.enum(['ai-safety', 'applied-research']).optional(),
  budget: z
    .strictObject({
      annualBudget: z.number().int().positive().optional(),
      raise: z.number().int().positive().optional(),
      runwayYears: z.number().positive().max(30).optional(),
      annualBurn: z.number().int().positive().optional(),
    })
    .optional(),
  hires: z.number().int().min(1).max(10).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
});
export type TeamPlanInput = z.input<typeof TeamPlanInput>;

/** One planned hire, in order. */
export interface PlannedHire {
  order: number;
  specialization: string;
  specializationName: string;
  /** For the founding generalist: the specializations the one person covers. */
  covers: string[];
  seniority: SeniorityLevel;
  title: string;
  whyNow: string;
  timing: 'now' | 'after-previous' | 'at-specialist-headcount';
  band: { stage: string; bandStage: string; baseMin: number; baseMax: number | null; currency: string; source: string } | null;
  yearlyCost: number | null;
}

export interface TeamPlan {
  hires: PlannedHire[];
  teamYearlyCashComp: { current: number; planned: number; total: number; currency: string; unpricedMembers: number };
  budget: { annualBudget: number; share: number; severity: 'ok' | 'warning' | 'error'; warningAbove: number; errorAbove: number } | null;
  findings: Finding[];
}

const P = {
  transition: planData.specialistTransitionHeadcount.value,
  bottleneckSpecialization: planData.bottleneckSpecialization.value as Record<Bottleneck, string>,
  bottleneckOrder: planData.bottleneckOrder.value as Bottleneck[],
  generalistCovers: planData.generalistCovers.value,
  seniorityBandFactor: planData.seniorityBandFactor.value as Record<SeniorityLevel, number>,
  defaultHires: planData.defaultHires.value,
  bandStageFallback: planData.bandStageFallback.value as Record<string, string>,
};

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function bandFor(stage: string, bands: readonly StageBand[]): StageBand | undefined {
  return getStageBand(stage, bands) ?? getStageBand(P.bandStageFallback[stage] ?? '', bands);
}

function priceOf(level: SeniorityLevel, band: StageBand | undefined): number | null {
  if (!band) return null;
  const max = band.base.max ?? band.base.min;
  return Math.round(((band.base.min + max) / 2) * P.seniorityBandFactor[level]);
}

/**
 * Generalist-first team plan: an ordered list of next hires (specialization, seniority, why now,
 * stage band, yearly cost) and the team's yearly cash comp against the budget (40% warning, 60% error
 * by default, through the compensation engine's budgetShare). Throws SCOPING_INPUT_INVALID.
 */
export function planTeam(inputRaw: unknown, bands: readonly StageBand[] = DEFAULT_STAGE_BANDS): TeamPlan {
  const parsed = TeamPlanInput.safeParse(inputRaw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['team', ...(issue?.path ?? []).map(String)].join('.');
    throw new DomainError('SCOPING_INPUT_INVALID', `${field}: ${issue?.message ?? 'invalid'}`, field);
  }
  const input = parsed.data;
  const band = bandFor(input.stage, bands);
  const wanted = input.hires ?? P.defaultHires;
  const hires: PlannedHire[] = [];
  // A specialist (one or two specializations) covers their area; a generalist does not block a specialist hire.
  const have = new Set(
    input.aiTeam.filter((m) => m.seniority !== 'junior' && m.specializations.length <= 2).flatMap((m) => m.specializations),
  );
  let seniorAnchor = hasSeniorAiPractitioner(input.aiTeam, DEFAULT_ROLE_SCOPE_PARAMS);
  const specialistsNow = input.headcount >= P.transition.min;

  const add = (h: Omit<PlannedHire, 'order' | 'band' | 'yearlyCost' | 'specializationName'>) => {
    const cost = priceOf(h.seniority, band);
    hires.push({
      ...h,
      order: hires.length + 1,
      specializationName: getSpecialization(h.specialization)?.name ?? h.specialization,
      band: band
        ? { stage: input.stage, bandStage: band.stage, baseMin: band.base.min, baseMax: band.base.max, currency: band.currency, source: band.source }
        : null,
      yearlyCost: cost,
    });
    if (h.covers.length <= 2) for (const s of h.covers) have.add(s);
    if (DEFAULT_ROLE_SCOPE_PARAMS.seniorLevels.includes(h.seniority)) seniorAnchor = true;
  };

  // Rule 1: no senior AI practitioner yet -> the founding generalist, unless the core is safety or research.
  if (!seniorAnchor) {
    if (input.coreIsSafetyOrResearch) {
      const key = input.coreFocus ?? (input.bottleneck === 'safety-evaluation' ? 'ai-safety' : 'applied-research');
      add({
        specialization: key,
        covers: [key],
        seniority: 'senior',
        title: key === 'ai-safety' ? 'Senior AI Safety Researcher' : 'Senior Applied Research Scientist',
        whyNow: 'The company differentiates on AI safety or novel research, so its first AI hire is that specialist; a generalist would not move the core.',
        timing: 'now',
      });
    } else {
      add({
        specialization: 'ml-engineering',
        covers: [...P.generalistCovers],
        seniority: 'senior',
        title: 'Founding ML Engineer (senior generalist)',
        whyNow:
          'No senior AI practitioner yet: the first hire is a senior generalist with 5+ years of production ML who defines the architecture from data pipelines to deployment.',
        timing: 'now',
      });
    }
  }

  // Rules 2-3: specialists after the generalist, addressing the largest bottleneck first.
  const order = [input.bottleneck, ...P.bottleneckOrder.filter((b) => b !== input.bottleneck)];
  for (const b of order) {
    if (hires.length >= wanted) break;
    const key = P.bottleneckSpecialization[b];
    if (have.has(key)) continue;
    add({
      specialization: key,
      covers: [key],
      seniority: 'senior',
      title: `Senior ${getSpecialization(key)?.name ?? key}`,
      whyNow:
        b === input.bottleneck
          ? `Largest bottleneck: ${b.replace('-', ' ')}.${specialistsNow ? '' : ` Hire once the generalist has defined the architecture and the company reaches about ${P.transition.min}-${P.transition.max} people.`}`
          : `Next constraint after the ones above (${b.replace('-', ' ')}).`,
      timing: specialistsNow ? (hires.length === 0 ? 'now' : 'after-previous') : 'at-specialist-headcount',
    });
  }
  // Rule 4: juniors only once a senior anchor is in place.
  if (hires.length < wanted && seniorAnchor) {
    const key = hires[0]?.specialization ?? P.bottleneckSpecialization[input.bottleneck];
    add({
      specialization: key,
      covers: [key],
      seniority: 'mid',
      title: `${getSpecialization(key)?.name ?? key} (mid-level)`,
      whyNow: 'A senior anchor is in place, so a mid-level engineer can be mentored and adds capacity at a lower cost.',
      timing: 'after-previous',
    });
  }

  // Rule 5: price the team and compare with the budget.
  let unpriced = 0;
  const current = input.aiTeam.reduce((sum, m) => {
    if (m.yearlyCashComp !== undefined) return sum + m.yearlyCashComp;
    const price = priceOf(m.seniority, band);
    if (price === null) unpriced += 1;
    return sum + (price ?? 0);
  }, 0);
  const planned = hires.reduce((sum, h) => sum + (h.yearlyCost ?? 0), 0);
  const findings: Finding[] = [];
  // The company profile may count more AI people than are described: they are neither seniors nor priced, and the
  // plan says so instead of assuming who they are.
  const undescribed = Math.max(0, (input.aiTeamSize ?? 0) - input.aiTeam.length);
  unpriced += undescribed;
  if (undescribed > 0) {
    findings.push({
      rule: 'team.undescribed-members',
      severity: 'info',
      message:
        input.aiTeam.length === 0
          ? `The company profile counts ${input.aiTeamSize} ${input.aiTeamSize === 1 ? 'person' : 'people'} on the AI team, but not who they are: the plan cannot tell whether one is a senior AI practitioner, so it plans as if none is, and leaves their pay out of the team's cost.`
          : `The company profile counts ${input.aiTeamSize} people on the AI team and ${input.aiTeam.length} ${input.aiTeam.length === 1 ? 'is' : 'are'} described: the other ${undescribed} count neither as senior practitioners nor in the team's cost.`,
      fix: 'Describe each person on the AI team (specialization, seniority and, if you like, yearly pay) in the team inputs.',
      evidence: [`AI team in the company profile: ${input.aiTeamSize}`, `described: ${input.aiTeam.length}`],
    });
  }
  let budget: TeamPlan['budget'] = null;
  if (input.budget) {
    const result = budgetShare({ aiTeamAnnualCash: current, plannedHiresAnnualCash: planned, budget: input.budget }, undefined, 'team');
    budget = {
      annualBudget: Math.round(result.annualBudget),
      share: Math.round(result.share * 1000) / 1000,
      severity: result.severity,
      warningAbove: result.warningAbove,
      errorAbove: result.errorAbove,
    };
    // The compensation engine's own check, so the team page, the offer builder and `closer check` word and grade it alike.
    const finding = checkBudgetShare(result, input.currency, 'team.budget');
    if (finding) {
      findings.push({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        fix: finding.fix,
        evidence: [`current team ${WHOLE.format(current)} ${input.currency} + planned hires ${WHOLE.format(planned)} ${input.currency} a year`],
      });
    }
  }
  if (!band) {
    findings.push({
      rule: 'team.no-band',
      severity: 'warning',
      message: `No stage band for '${input.stage}', so planned hires are not priced.`,
      fix: 'Record the company band for this stage (compensation settings).',
      evidence: [`stage: ${input.stage}`],
    });
  }
  return {
    hires,
    teamYearlyCashComp: { current, planned, total: current + planned, currency: input.currency, unpricedMembers: unpriced },
    budget,
    findings,
  };
}

/** The result-returning twin of planTeam. */
export function safePlanTeam(input: unknown, bands?: readonly StageBand[]): Result<TeamPlan> {
  return toResult(() => planTeam(input, bands));
}
