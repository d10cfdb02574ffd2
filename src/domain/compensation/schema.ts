import { z } from 'zod';
import simulationJson from '../../../data/compensation/simulation-defaults.json' with { type: 'json' };
import type { ErrorCode } from '../shared/error-codes.js';
import { DomainError } from '../shared/errors.js';
import { INCUMBENT_PRESETS } from './incumbent.js';
import { COMPANY_STAGES, MODEL_PRESETS } from './parameters.js';
import { VESTING_PRESETS } from './vesting.js';
import type { VestingPresetId } from './vesting.js';

/**
 * Zod schemas of the offer-evaluation contract (compensation.md "Contract (API and CLI)"). Strict
 * objects, whole numbers for money, no coercion, no defaults: the engine applies defaults itself
 * and lists them as assumptions. The API and the CLI reuse these schemas.
 */

const Currency = z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 code, e.g. USD');
const Money = z.number().int().min(0).describe('whole currency units');
const PositiveMoney = z.number().int().min(1).describe('whole currency units, above 0');
const ShareCount = z.number().int().min(1);
const Probability = z.number().min(0).max(1);
const ShareOfIncome = z.number().min(0).lt(1);
const MAX_YEARS = simulationJson.maxHorizonYears.value;
const Years = z.number().gt(0).max(MAX_YEARS);
const GrowthRate = z.number().gt(-0.05).max(1).describe('decimal per year, e.g. 0.035');

const Milestone = z.strictObject({
  fraction: z.number().min(0).max(1),
  probability: Probability,
  byYears: Years,
});

const Acceleration = z.strictObject({
  kind: z.enum(['none', 'single', 'double']),
  fraction: z.number().min(0).max(1),
  pTerminationAfterCoC: Probability.optional(),
});

const PeriodYears = z
  .union([z.number().gt(0).max(MAX_YEARS), z.array(z.number().gt(0).max(1)).min(1).max(MAX_YEARS)])
  .describe('one period in years (1/12 monthly, 0.25 quarterly, 1 annual) or one period per year; compared with a tolerance');

/** A startup grant's vesting: either `{ preset }` or `{ totalYears, cliffYears, periodYears, yearWeights? }`, with optional milestones and acceleration. */
export const VestingInputSchema = z.strictObject({
  preset: z.enum(VESTING_PRESETS as [VestingPresetId, ...VestingPresetId[]]).optional(),
  totalYears: Years.optional(),
  cliffYears: z.number().min(0).max(MAX_YEARS).optional(),
  periodYears: PeriodYears.optional(),
  yearWeights: z.array(z.number().min(0).max(1)).min(1).max(MAX_YEARS).optional(),
  milestones: z.array(Milestone).max(20).optional(),
  acceleration: Acceleration.optional(),
});

/** An RSU schedule (no milestones or acceleration). */
export const RsuScheduleSchema = z.strictObject({
  totalYears: Years,
  cliffYears: z.number().min(0).max(MAX_YEARS),
  periodYears: PeriodYears,
  yearWeights: z.array(z.number().min(0).max(1)).min(1).max(MAX_YEARS).optional(),
});

export const CandidateInput = z.strictObject({
  currentBase: Money,
  currentBonus: Money,
  currentEquityAnnual: Money.describe('value of equity vesting per year at market price'),
  annualObligations: Money.describe('after-tax essential outflows per year'),
  effectiveTaxRate: ShareOfIncome,
  savingsShare: ShareOfIncome.optional(),
  perceivedFailureProbability: Probability.optional().describe('lifetime probability the startup fails; default from the stage funnel'),
  lossTolerance: Money.optional().describe('tolerated expected yearly pre-tax cash loss; default calibrated share of current total comp'),
  searchYears: z.number().min(0).max(MAX_YEARS).optional(),
  fallbackSalary: Money.optional().describe('pay after a shutdown or after leaving; default currentBase'),
});

const PreferredRoundSchema = z.strictObject({
  invested: Money,
  shares: ShareCount,
  multiple: z.number().min(0).max(10).optional(),
  participating: z.boolean().optional(),
});

export const StartupInput = z.strictObject({
  currency: Currency.optional(),
  base: PositiveMoney,
  bonusTarget: Money.optional().describe('yearly target bonus amount'),
  raisePerYear: GrowthRate.optional(),
  grant: z.strictObject({
    kind: z.enum(['ISO', 'NSO', 'RSU', 'RSA']),
    shares: ShareCount,
    strike: z.number().min(0).max(1e9).optional().describe('per share (may have decimals); default strike ratio of the stage x preferred price'),
    statedPercent: z.number().gt(0).max(100).optional().describe('percentage quoted to the candidate, checked against shares / fully diluted'),
    vesting: VestingInputSchema,
  }),
  company: z.strictObject({
    stage: z.enum(COMPANY_STAGES),
    fullyDilutedShares: ShareCount,
    lastPostMoney: PositiveMoney,
    preferred: z.array(PreferredRoundSchema).max(20).optional(),
  }),
  employee: z
    .strictObject({
      expectedTenureYears: Years.optional(),
      exercisePolicy: z.enum(['exerciseAtDeparture', 'forfeitAtDeparture', 'extendedWindow']).optional(),
    })
    .optional(),
});

export const IncumbentInput = z.strictObject({
  currency: Currency.optional(),
  base: PositiveMoney,
  bonusTargetPct: z.number().min(0).max(1000).describe('percent of base, 15 = 15%'),
  signOn: z.union([Money, z.array(Money).max(MAX_YEARS)]).optional().describe('by year (index 0 = year 1), or one amount in year 1'),
  grantValue: Money,
  schedule: RsuScheduleSchema.optional(),
  preset: z.enum(INCUMBENT_PRESETS).optional(),
  raisePerYear: GrowthRate.optional(),
  refresher: z
    .strictObject({
      annualValue: Money,
      schedule: RsuScheduleSchema.optional(),
      preset: z.enum(INCUMBENT_PRESETS).optional(),
    })
    .optional(),
  stock: z.strictObject({ mu: z.number().min(-1).max(1).optional(), sigma: z.number().min(0).max(3).optional() }).optional(),
});

export const SimulationInput = z.strictObject({
  paths: z.number().int().min(simulationJson.pathsMin.value).max(simulationJson.pathsMax.value).optional(),
  seed: z.number().int().min(0).max(4294967295).optional(),
  horizonYears: Years.optional(),
  preset: z.enum(MODEL_PRESETS).optional(),
  equityTail: z.enum(['include', 'exclude']).optional(),
});

export const BudgetInput = z.strictObject({
  aiTeamAnnualCash: Money,
  plannedHiresAnnualCash: Money.optional(),
  includesThisOffer: z.boolean().optional().describe('true when aiTeamAnnualCash/plannedHiresAnnualCash already include this offer'),
  annualBudget: PositiveMoney.optional(),
  raise: PositiveMoney.optional(),
  runwayYears: Years.optional(),
  annualBurn: PositiveMoney.optional(),
});

/** Input of POST /api/v1/offers/evaluate and `closer offer evaluate`. */
export const OfferEvaluateInput = z.strictObject({
  currency: Currency,
  candidate: CandidateInput,
  startup: StartupInput,
  incumbent: IncumbentInput.optional(),
  simulation: SimulationInput.optional(),
  budget: BudgetInput.optional(),
});
export type OfferEvaluateInput = z.infer<typeof OfferEvaluateInput>;

const FIELD_CODES: Record<string, ErrorCode> = {
  currentBase: 'MONEY_INVALID',
  currentBonus: 'MONEY_INVALID',
  currentEquityAnnual: 'MONEY_INVALID',
  annualObligations: 'MONEY_INVALID',
  lossTolerance: 'MONEY_INVALID',
  fallbackSalary: 'MONEY_INVALID',
  base: 'MONEY_INVALID',
  bonusTarget: 'MONEY_INVALID',
  lastPostMoney: 'MONEY_INVALID',
  grantValue: 'MONEY_INVALID',
  signOn: 'MONEY_INVALID',
  invested: 'MONEY_INVALID',
  annualValue: 'MONEY_INVALID',
  aiTeamAnnualCash: 'MONEY_INVALID',
  plannedHiresAnnualCash: 'MONEY_INVALID',
  annualBudget: 'MONEY_INVALID',
  raise: 'MONEY_INVALID',
  annualBurn: 'MONEY_INVALID',
  effectiveTaxRate: 'RATE_OUT_OF_RANGE',
  savingsShare: 'RATE_OUT_OF_RANGE',
  raisePerYear: 'RATE_OUT_OF_RANGE',
  bonusTargetPct: 'RATE_OUT_OF_RANGE',
  perceivedFailureProbability: 'PROBABILITY_OUT_OF_RANGE',
  probability: 'PROBABILITY_OUT_OF_RANGE',
  pTerminationAfterCoC: 'PROBABILITY_OUT_OF_RANGE',
  shares: 'SHARES_INVALID',
  fullyDilutedShares: 'SHARES_INVALID',
  strike: 'STRIKE_INVALID',
  statedPercent: 'EQUITY_OUT_OF_RANGE',
  vesting: 'VESTING_INVALID',
  schedule: 'VESTING_INVALID',
  expectedTenureYears: 'HORIZON_INVALID',
  horizonYears: 'HORIZON_INVALID',
  searchYears: 'HORIZON_INVALID',
  runwayYears: 'BUDGET_INVALID',
  paths: 'PATHS_INVALID',
  stage: 'STAGE_INVALID',
  stock: 'PARAMETER_INVALID',
  multiple: 'PARAMETER_INVALID',
};

/** "startup.grant.shares", "incumbent.signOn[1]" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const segment of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[segment];
  }
  return v;
}

/** Maps the first Zod issue to a DomainError with a catalogue code and the field path. */
export function validationErrorFromZod(error: z.ZodError, input: unknown, prefix = ''): DomainError {
  const issue = error.issues[0];
  const path = prefix ? [prefix, ...issue.path] : issue.path;
  if (issue.code === 'unrecognized_keys') {
    const field = formatPath([...path, issue.keys[0]]);
    return new DomainError('UNKNOWN_FIELD', `${field}: field is not allowed`, field);
  }
  // An issue with the document as a whole (not an object at all) is reported against the request body.
  const field = formatPath(path) || 'body';
  if (path.length === 0) return new DomainError('VALIDATION_FAILED', 'body: the input must be one JSON object', field);
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return new DomainError('VALIDATION_FAILED', `${field}: is required`, field);
  }
  let code: ErrorCode = 'VALIDATION_FAILED';
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string' && FIELD_CODES[segment]) {
      code = FIELD_CODES[segment];
      break;
    }
  }
  return new DomainError(code, `${field}: ${issue.message}`, field);
}

/** Parses a value with a schema, throwing a DomainError (never reshaping the input). */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationErrorFromZod(result.error, input, prefix);
  return result.data;
}

// ---- output ----------------------------------------------------------------------------------

const Int = z.number().int();
const Percentiles = z.strictObject({ mean: Int, p10: Int, p25: Int, p50: Int, p75: Int, p90: Int, p99: Int });
const HistogramSchema = z.strictObject({ edges: z.array(Int), counts: z.array(Int), below: Int, above: Int });
const FindingSchema = z.strictObject({
  rule: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  fix: z.string(),
  path: z.string(),
});
const AssumptionSchema = z.strictObject({
  name: z.string(),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.number()), z.record(z.string(), z.number())]),
  source: z.string(),
});

/** Output of the offer evaluation (the contract's fields plus charts and tables). */
export const OfferEvaluation = z.strictObject({
  currency: z.string(),
  threshold: z.strictObject({
    amount: Int,
    binding: z.enum(['obligations', 'risk']),
    floors: z.strictObject({ obligations: Int, risk: Int.nullable() }),
    perceivedFailureProbability: z.number(),
    lossTolerance: Int,
    currentTotalComp: Int,
    exceedsCurrentTotalComp: z.boolean(),
  }),
  startup: z.strictObject({
    equityPv: Percentiles.extend({ p95: Int }),
    pZero: z.number(),
    paperValue: Int,
    preferredPricePerShare: z.number(),
    strikePerShare: z.number(),
    fullyDilutedPct: z.number(),
    cashPv: z.strictObject({ mean: Int, p10: Int, p50: Int, p90: Int }),
    totalPv: Percentiles,
    outcomes: z.strictObject({
      pShutdown: z.number(),
      pAcquired: z.number(),
      pIpo: z.number(),
      meanYearsToExit: z.number().nullable(),
      exitYears: z.strictObject({ p10: z.number(), p50: z.number(), p90: z.number() }).nullable(),
    }),
    expectedVestedFractionAtExit: z.number(),
    equityAfterHorizon: Int,
    histogram: HistogramSchema,
  }),
  incumbent: z
    .strictObject({
      pv: Percentiles,
      cashPv: Int,
      equityPvMean: Int,
      unvestedAtHorizonFraction: z.number(),
      preset: z.string().nullable(),
    })
    .optional(),
  pStartupBeatsIncumbent: z.number().optional(),
  comparison: z
    .strictObject({
      meanDifference: Int,
      medianDifference: Int,
      histogram: z.strictObject({ edges: z.array(Int), startup: z.array(Int), incumbent: z.array(Int), below: z.array(Int), above: z.array(Int) }),
    })
    .optional(),
  breakEvenGrant: z.strictObject({ shares: Int.nullable(), fullyDilutedPct: z.number().nullable(), reachable: z.boolean() }).optional(),
  ownership: z.array(z.strictObject({ stage: z.string(), fullyDilutedPct: z.number() })),
  valueByYear: z.array(
    z.strictObject({
      year: Int,
      startupCash: Int,
      startupEquity: Int,
      incumbentCash: Int.optional(),
      incumbentEquity: Int.optional(),
    }),
  ),
  scenarioTable: z.strictObject({
    exitValues: z.array(Int),
    stages: z.array(z.strictObject({ stage: z.string(), fullyDilutedPct: z.number(), preferenceTotal: Int })),
    values: z.array(z.array(Int)),
    note: z.string(),
  }),
  budgetShare: z.strictObject({ share: z.number(), annualCash: Int, annualBudget: Int, severity: z.enum(['ok', 'warning', 'error']) }).optional(),
  findings: z.array(FindingSchema),
  assumptions: z.array(AssumptionSchema),
  simulation: z.strictObject({
    paths: Int,
    seed: Int,
    horizonYears: z.number(),
    preset: z.string(),
    equityTail: z.enum(['include', 'exclude']),
    failureRescaled: z.boolean(),
  }),
});
export type OfferEvaluation = z.infer<typeof OfferEvaluation>;
