import { z } from 'zod';
import { toResult } from '../shared/errors.js';
import type { Result } from '../shared/errors.js';
import { budgetShare } from './bands.js';
import type { BudgetShareInput } from './bands.js';
import { normalizeIncumbentOffer } from './incumbent.js';
import type { IncumbentOffer, NormalizedIncumbentOffer } from './incumbent.js';
import { CandidateInput, IncumbentInput, parseWith, VestingInputSchema } from './schema.js';
import { computeCashThreshold } from './threshold.js';
import type { CashThresholdInput } from './threshold.js';
import { normalizeVesting } from './vesting.js';
import type { VestingInput, VestingSchedule } from './vesting.js';

/** parseX / safeParseX pairs for the inputs of the single-purpose functions (strict shape, then the model's rules). */

const CashThresholdSchema = CandidateInput.omit({ fallbackSalary: true }).extend({
  perceivedFailureProbability: z.number().min(0).max(1),
  horizonYears: z.number().gt(0).max(30).optional(),
});

/** Validates a threshold input (shape and table 4.6) and returns it typed. */
export function parseCashThresholdInput(input: unknown): CashThresholdInput {
  const parsed = parseWith(CashThresholdSchema, input, 'candidate');
  computeCashThreshold(parsed);
  return parsed;
}

export function safeParseCashThresholdInput(input: unknown): Result<CashThresholdInput> {
  return toResult(() => parseCashThresholdInput(input));
}

/** Validates a vesting schedule or { preset } and returns the precomputed schedule. */
export function parseVesting(input: unknown, field = 'vesting'): VestingSchedule {
  const parsed = parseWith(VestingInputSchema, input, field);
  return normalizeVesting(parsed as VestingInput, field);
}

export function safeParseVesting(input: unknown, field = 'vesting'): Result<VestingSchedule> {
  return toResult(() => parseVesting(input, field));
}

/** Validates an incumbent offer and returns it with defaults applied. */
export function parseIncumbentOffer(input: unknown): NormalizedIncumbentOffer {
  const parsed = parseWith(IncumbentInput, input, 'incumbent');
  return normalizeIncumbentOffer(parsed as IncumbentOffer, 'incumbent');
}

export function safeParseIncumbentOffer(input: unknown): Result<NormalizedIncumbentOffer> {
  return toResult(() => parseIncumbentOffer(input));
}

const BudgetShareSchema = z.strictObject({
  aiTeamAnnualCash: z.number().int().min(0),
  plannedHiresAnnualCash: z.number().int().min(0).optional(),
  budget: z.strictObject({
    annualBudget: z.number().int().min(1).optional(),
    raise: z.number().int().min(1).optional(),
    runwayYears: z.number().gt(0).max(30).optional(),
    annualBurn: z.number().int().min(1).optional(),
  }),
});

/** Validates a budget-share input (exactly one budget basis). */
export function parseBudgetShareInput(input: unknown): BudgetShareInput {
  const parsed = parseWith(BudgetShareSchema, input, 'budget');
  budgetShare(parsed);
  return parsed;
}

export function safeParseBudgetShareInput(input: unknown): Result<BudgetShareInput> {
  return toResult(() => parseBudgetShareInput(input));
}
