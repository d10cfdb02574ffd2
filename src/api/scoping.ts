import { z } from 'zod';
import { BOTTLENECKS, TeamMember } from '../domain/scoping/index.js';
import { Taxonomy, TaxonomyExtension, SENIORITY_LEVELS } from '../domain/taxonomy/index.js';
import { COMPANY_STAGES } from '../domain/company/company.js';
import { ErrorResponse, errorResponses, PreconditionErrors } from './shared.js';

/** Error statuses the scoping routes can answer (413 and 422 are the analyser's text errors). */
export const ScopingErrors = { ...errorResponses, 413: ErrorResponse, 422: ErrorResponse } as const;
/** A scoping write of a versioned setting: the analyser's errors and the one write-error table's 412 and 428. */
export const ScopingWriteErrors = { ...ScopingErrors, ...PreconditionErrors } as const;

/* ------------------------------------------------------------ role analysis */

/** The description's size is the analyser's to judge (TEXT_TOO_LARGE over 100 KB), within the body limit. */
export const AnalyzeBody = z.strictObject({
  title: z.string().max(300).optional(),
  description: z.string(),
});
export type AnalyzeBody = z.infer<typeof AnalyzeBody>;

const Severity = z.enum(['error', 'warning', 'info']);
export const FindingView = z.object({ rule: z.string(), severity: Severity, message: z.string(), fix: z.string(), evidence: z.array(z.string()) });
export type FindingView = z.infer<typeof FindingView>;

export const AnalysisView = z.object({
  specializations: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      score: z.number(),
      core: z.boolean(),
      evidence: z.array(z.string()),
      matches: z.array(
        z.object({
          phrase: z.string(),
          quote: z.string(),
          source: z.enum(['title', 'text']),
          start: z.number().int(),
          end: z.number().int(),
          anchor: z.boolean(),
          weight: z.number(),
        }),
      ),
    }),
  ),
  primary: z.string().nullable(),
  core: z.array(z.string()),
  seniority: z.enum([...SENIORITY_LEVELS, 'unknown']),
  spansTooMany: z.boolean(),
  isAiRole: z.boolean(),
  findings: z.array(FindingView),
  seniorityEvidence: z.object({
    level: z.enum([...SENIORITY_LEVELS, 'unknown']),
    from: z.enum(['title', 'management', 'years', 'none']),
    titleLevel: z.enum(SENIORITY_LEVELS).nullable(),
    titleWords: z.array(z.string()),
    yearsRequired: z.number().nullable(),
    yearsQuote: z.object({ years: z.number(), quote: z.string(), start: z.number().int(), end: z.number().int() }).nullable(),
  }),
  taxonomyVersion: z.string(),
  companyContext: z.object({ seniorAiPractitioner: z.boolean(), teamInputsStored: z.boolean() }),
});
export type AnalysisView = z.infer<typeof AnalysisView>;

/* ----------------------------------------------------------------- taxonomy */

export { TaxonomyExtension };

export const TaxonomyView = z.object({
  version: z.string(),
  extension: TaxonomyExtension.nullable(),
  updatedAt: z.string().nullable(),
  taxonomy: Taxonomy,
});
export type TaxonomyView = z.infer<typeof TaxonomyView>;

/* --------------------------------------------------------------- plan check */

/** A plan document, or `{ yaml }`; the shapes are told apart and validated by the plan parser (PLAN_INVALID with the path). */
export const PlanCheckBody = z
  .record(z.string(), z.unknown())
  .describe('A plan document (docs/plan.schema.json), or { "yaml": "<plan text>" } with exactly that one key.');
export type PlanCheckBody = z.infer<typeof PlanCheckBody>;

export const PlanCheckView = z.object({
  findings: z.array(z.object({ rule: z.string(), severity: Severity, message: z.string(), fix: z.string(), path: z.string() })),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
});
export type PlanCheckView = z.infer<typeof PlanCheckView>;

/* ----------------------------------------------------------- attractiveness */

const State = z.enum(['present', 'partial', 'absent']);

export const AttractivenessInputsBody = z.strictObject({
  mlInfrastructure: z
    .strictObject({
      trainingPipelines: State.optional(),
      experimentTracking: State.optional(),
      featureStore: State.optional(),
      deploymentAutomation: State.optional(),
    })
    .optional(),
  seniorAiPractitioner: State.optional(),
  recognisedLab: State.optional(),
  computeBudgetStated: State.optional(),
  infraBudgetVisible: State.optional(),
  proprietaryData: State.optional(),
  productStrategy: State.optional(),
  productionMl: State.optional(),
  /** Weight overrides by signal id; unknown ids are refused by the domain (SCOPING_INPUT_INVALID). */
  weights: z.record(z.string().min(1).max(100), z.number().min(0).max(1000)).optional(),
});
export type AttractivenessInputsBody = z.infer<typeof AttractivenessInputsBody>;

export const AttractivenessInputsView = z.object({
  inputs: z.object({
    mlInfrastructure: z.object({ trainingPipelines: State, experimentTracking: State, featureStore: State, deploymentAutomation: State }),
    seniorAiPractitioner: State,
    recognisedLab: State,
    computeBudgetStated: State,
    infraBudgetVisible: State,
    proprietaryData: State,
    productStrategy: State,
    productionMl: State,
  }),
  weights: z.record(z.string(), z.number()),
  defaultWeights: z.record(z.string(), z.number()),
  stored: z.boolean(),
  updatedAt: z.string().nullable(),
  /** Known without asking: 'ai-team' (the AI team on the Team page), 'company-profile' (setup: nobody builds ML/AI); null when asked. */
  seniorAiPractitionerFrom: z.enum(['ai-team', 'company-profile']).nullable(),
});
export type AttractivenessInputsView = z.infer<typeof AttractivenessInputsView>;

export const AttractivenessView = z.object({
  score: z.number(),
  signals: z.array(
    z.object({ id: z.string(), label: z.string(), state: State, weight: z.number(), contribution: z.number(), potential: z.number(), source: z.string() }),
  ),
  topChanges: z.array(z.object({ id: z.string(), label: z.string(), gain: z.number(), action: z.string() })),
  pitch: z.object({ id: z.string(), pitch: z.string(), target: z.string(), source: z.string() }),
  fundingStage: z.enum(COMPANY_STAGES),
  inputsStored: z.boolean(),
  seniorAiPractitionerFrom: z.enum(['ai-team', 'company-profile']).nullable(),
});
export type AttractivenessView = z.infer<typeof AttractivenessView>;

/* ---------------------------------------------------------------- team plan */

const WholeMoney = z.number().int().min(1).max(1_000_000_000_000);

export const TeamPlanInputsBody = z.strictObject({
  bottleneck: z.enum(BOTTLENECKS),
  aiTeam: z.array(TeamMember).max(1000).optional(),
  coreIsSafetyOrResearch: z.boolean().optional(),
  coreFocus: z.enum(['ai-safety', 'applied-research']).optional(),
  budget: z
    .strictObject({
      annualBudget: WholeMoney.optional(),
      raise: WholeMoney.optional(),
      runwayYears: z.number().positive().max(30).optional(),
      annualBurn: WholeMoney.optional(),
    })
    .optional(),
  hires: z.number().int().min(1).max(10).optional(),
});
export type TeamPlanInputsBody = z.infer<typeof TeamPlanInputsBody>;

export const TeamPlanInputsView = z.object({
  inputs: z
    .object({
      bottleneck: z.enum(BOTTLENECKS),
      aiTeam: z
        .array(
          z.object({
            name: z.string().optional(),
            specializations: z.array(z.string()),
            seniority: z.enum(SENIORITY_LEVELS),
            yearlyCashComp: z.number().int().optional(),
          }),
        )
        .optional(),
      coreIsSafetyOrResearch: z.boolean().optional(),
      coreFocus: z.enum(['ai-safety', 'applied-research']).optional(),
      budget: z.object({ annualBudget: z.number().optional(), raise: z.number().optional(), runwayYears: z.number().optional(), annualBurn: z.number().optional() }).optional(),
      hires: z.number().int().optional(),
    })
    .nullable(),
  stored: z.boolean(),
  updatedAt: z.string().nullable(),
  compensationVisible: z.boolean(),
  /** What setup already recorded, so the form starts from it; the amount raised only for viewers with compensation.read. */
  profile: z.object({
    stage: z.string(),
    headcount: z.number().int(),
    aiTeamSize: z.number().int(),
    currency: z.string(),
    raisedUsd: z.number().int().optional(),
  }),
});
export type TeamPlanInputsView = z.infer<typeof TeamPlanInputsView>;

export const TeamPlanView = z.object({
  hires: z.array(
    z.object({
      order: z.number().int(),
      specialization: z.string(),
      specializationName: z.string(),
      covers: z.array(z.string()),
      seniority: z.enum(SENIORITY_LEVELS),
      title: z.string(),
      whyNow: z.string(),
      timing: z.enum(['now', 'after-previous', 'at-specialist-headcount']),
      band: z
        .object({ stage: z.string(), bandStage: z.string(), baseMin: z.number(), baseMax: z.number().nullable(), currency: z.string(), source: z.string() })
        .nullable()
        .optional(),
      yearlyCost: z.number().nullable().optional(),
    }),
  ),
  teamYearlyCashComp: z
    .object({ current: z.number(), planned: z.number(), total: z.number(), currency: z.string(), unpricedMembers: z.number().int() })
    .optional(),
  budget: z
    .object({ annualBudget: z.number(), share: z.number(), severity: z.enum(['ok', 'warning', 'error']), warningAbove: z.number(), errorAbove: z.number() })
    .nullable()
    .optional(),
  findings: z.array(FindingView),
  inputs: z.object({
    stage: z.string(),
    headcount: z.number().int(),
    currency: z.string(),
    bottleneck: z.enum(BOTTLENECKS),
    coreIsSafetyOrResearch: z.boolean(),
    aiTeamMembers: z.number().int(),
    aiTeamSize: z.number().int(),
    hires: z.number().int(),
    budgetStated: z.boolean(),
  }),
  inputsStored: z.boolean(),
  compensationVisible: z.boolean(),
});
export type TeamPlanView = z.infer<typeof TeamPlanView>;
