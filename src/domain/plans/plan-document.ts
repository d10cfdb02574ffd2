import { z } from 'zod';
import { DomainError, toResult, type Result } from '../shared/errors.js';
import { COMPANY_STAGES } from '../company/company.js';
import { KebabKey, SENIORITY_LEVELS } from '../taxonomy/index.js';

const Money = z.number().int().min(0).max(1_000_000_000_000);
const PositiveMoney = z.number().int().min(1).max(1_000_000_000_000);
const Text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'Text may not contain NUL characters' });
const Level = z.enum(SENIORITY_LEVELS);

export const STAGE_KINDS = ['outreach', 'screen', 'technical', 'take-home', 'onsite', 'final', 'reference', 'decision', 'offer', 'other'] as const;
export const SOURCING_CHANNELS = ['referral', 'vc-intro', 'outbound', 'inbound', 'community', 'agency', 'event', 'other'] as const;

const ProcessStage = z.strictObject({
  name: Text(200),
  kind: z.enum(STAGE_KINDS),
  /** Calendar days the stage takes, waiting included; the stages run one after another. */
  plannedDays: z.number().min(0).max(365),
  /** For a take-home: the hours the candidate is asked to spend. */
  takeHomeHours: z.number().positive().max(200).optional(),
  /** For onsite/final stages: on how many separate days the interviews take place. */
  interviewDays: z.number().int().min(1).max(30).optional(),
});

/**
 * A hiring plan for one role (playbook-checks.md): scope, process, approvals, compensation, candidate
 * profile, sourcing, outreach and the company's budget. Strict: unknown fields are errors.
 */
export const PlanDocument = z.strictObject({
  version: z.literal(1),
  role: z.strictObject({
    title: Text(300),
    seniority: Level.optional(),
    specializations: z.array(KebabKey).max(20),
    foundingGeneralist: z.boolean().optional(),
    yearsRequired: z.number().int().min(0).max(50).optional(),
  }),
  company: z.strictObject({
    name: Text(200).optional(),
    stage: z.enum(COMPANY_STAGES),
    headcount: z.number().int().min(1).max(1_000_000).optional(),
    aiTeam: z
      .array(
        z.strictObject({
          name: Text(200).optional(),
          specializations: z.array(KebabKey).max(20),
          seniority: Level,
          yearlyCashComp: Money.optional(),
        }),
      )
      .max(1000)
      .optional(),
    coreIsSafetyOrResearch: z.boolean().optional(),
    /** Yearly cash comp of the current AI team (whole currency units). */
    currentAiCashComp: Money.optional(),
    /** One basis: the yearly budget, the raise with the planned runway, or the yearly burn. */
    budget: z
      .strictObject({
        annualBudget: PositiveMoney.optional(),
        raise: PositiveMoney.optional(),
        runwayYears: z.number().positive().max(30).optional(),
        annualBurn: PositiveMoney.optional(),
      })
      .optional(),
  }),
  process: z.strictObject({
    stages: z.array(ProcessStage).min(1).max(50),
    /** Planned hours from the end of the final interview to the offer in the candidate's hands. */
    offerAfterFinalHours: z.number().min(0).max(24 * 365),
  }),
  approvals: z
    .strictObject({
      approvers: z.array(Text(200)).max(50).optional(),
      /** The board-approved (pre-negotiated) band: offers inside it need no further approval. */
      boardApprovedBand: z
        .strictObject({
          baseMin: Money,
          baseMax: Money,
          equityPercentMin: z.number().min(0).max(100),
          equityPercentMax: z.number().min(0).max(100),
        })
        .refine((b) => b.baseMin <= b.baseMax && b.equityPercentMin <= b.equityPercentMax, { message: 'min must not exceed max' })
        .optional(),
    })
    .optional(),
  compensation: z.strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/),
    base: PositiveMoney,
    bonus: Money.optional(),
    equity: z
      .strictObject({
        percent: z.number().gt(0).max(100).optional(),
        shares: z.number().int().positive().optional(),
        fullyDilutedShares: z.number().int().positive().optional(),
      })
      .optional(),
  }),
  /** The target candidate, for the risk-adjusted cash threshold (compensation-model.md 4.1). */
  candidateProfile: z
    .strictObject({
      currentBase: Money,
      currentBonus: Money,
      currentEquityAnnual: Money,
      annualObligations: Money,
      effectiveTaxRate: z.number().min(0).max(0.7),
      savingsShare: z.number().min(0).lt(1).optional(),
      perceivedFailureProbability: z.number().min(0).max(1).optional(),
      lossTolerance: Money.optional(),
    })
    .optional(),
  sourcing: z
    .strictObject({
      mix: z.array(z.strictObject({ channel: z.enum(SOURCING_CHANNELS), candidates: z.number().int().min(0).max(1_000_000) })).max(50),
    })
    .optional(),
  outreach: z.strictObject({ text: Text(20_000) }).optional(),
});
export type PlanDocument = z.infer<typeof PlanDocument>;

/** Formats a Zod issue path as a document path: `process.stages[2].plannedDays`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Validates a plan document; throws DomainError PLAN_INVALID with `field` set to the path at fault. */
export function parsePlanDocument(input: unknown): PlanDocument {
  const r = PlanDocument.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  let path = formatPath(issue?.path ?? []);
  if (issue?.code === 'unrecognized_keys' && issue.keys.length > 0) path = path ? `${path}.${issue.keys[0]}` : issue.keys[0];
  throw new DomainError('PLAN_INVALID', `${path || 'plan'}: ${issue?.message ?? 'invalid'}`, path || undefined);
}

/** The result-returning twin of parsePlanDocument. */
export function safeParsePlanDocument(input: unknown): Result<PlanDocument> {
  return toResult(() => parsePlanDocument(input));
}

/** The plan format as JSON Schema (published as docs/plan.schema.json), generated from the Zod schema. */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanDocument, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://closer.invalid/schemas/plan.schema.json',
    title: 'Closer hiring plan',
    description:
      'One role: scope, process, approvals, compensation, candidate profile, sourcing, outreach and the company budget. Checked by checkPlan (shared/spec/playbook-checks.md). Money is whole units of compensation.currency.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
