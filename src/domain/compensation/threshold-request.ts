import { z } from 'zod';
import { toResult } from '../shared/errors.js';
import type { Result } from '../shared/errors.js';
import { lifetimeFailureProbability } from './funnel.js';
import { COMPANY_STAGES, modelStageOf, resolveModelParameters } from './parameters.js';
import type { Assumption } from './parameters.js';
import { CandidateInput, parseWith } from './schema.js';
import { computeCashThreshold, THRESHOLD_DEFAULTS, THRESHOLD_SOURCES } from './threshold.js';

/**
 * The request/response contract of `POST /api/v1/compensation/threshold` and `closer threshold`
 * (compensation-model.md 4.1): one candidate, optionally the company stage that sets the default
 * failure probability. Shared by the API and the CLI so both give the same JSON.
 */

const Currency = z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 code, e.g. USD');

export const ThresholdRequest = z.strictObject({
  currency: Currency,
  candidate: CandidateInput.omit({ fallbackSalary: true }),
  stage: z.enum(COMPANY_STAGES).optional().describe('company stage for the default failure probability; default seed'),
  horizonYears: z.number().gt(0).max(30).optional().describe('years the search buffer is amortised over; default 4'),
});
export type ThresholdRequest = z.infer<typeof ThresholdRequest>;

const Int = z.number().int();
export const ThresholdResult = z.strictObject({
  currency: z.string(),
  amount: Int,
  binding: z.enum(['obligations', 'risk']),
  floors: z.strictObject({ obligations: Int, risk: Int.nullable() }),
  components: z.strictObject({ requiredAfterTax: Int, obligationsPreTax: Int, searchBuffer: Int }),
  currentTotalComp: Int,
  perceivedFailureProbability: z.number(),
  lossTolerance: Int,
  savingsShare: z.number(),
  searchYears: z.number(),
  horizonYears: z.number(),
  exceedsCurrentTotalComp: z.boolean(),
  assumptions: z.array(z.strictObject({ name: z.string(), value: z.union([z.number(), z.string()]), source: z.string() })),
});
export type ThresholdResult = z.infer<typeof ThresholdResult>;

const DEFAULT_STAGE = 'seed' as const;
const money = (x: number): number => Math.round(x) || 0;
const fine = (x: number): number => Math.round(x * 1e6) / 1e6 || 0;

/** Validates a threshold request (strict, no coercion) and computes the cash threshold; throws DomainError with the field path. */
export function evaluateThresholdRequest(rawInput: unknown): ThresholdResult {
  const input = parseWith(ThresholdRequest, rawInput);
  const { candidate } = input;
  const assumptions: Array<Pick<Assumption, 'name' | 'source'> & { value: number | string }> = [];
  const stage = input.stage ?? DEFAULT_STAGE;
  if (input.stage === undefined) assumptions.push({ name: 'stage', value: stage, source: 'default stage of a threshold request (assumption: the field report calibrates the threshold at seed)' });
  const modelStage = modelStageOf(stage);
  const pFail = candidate.perceivedFailureProbability ?? lifetimeFailureProbability(resolveModelParameters(), modelStage.index);
  if (candidate.perceivedFailureProbability === undefined) {
    assumptions.push({ name: 'candidate.perceivedFailureProbability', value: fine(pFail), source: `lifetime shutdown probability of a ${modelStage.stage} company in the stage funnel (default preset, compensation-model.md 4.1/4.2.3)` });
  }
  const t = computeCashThreshold({ ...candidate, perceivedFailureProbability: pFail, horizonYears: input.horizonYears });
  if (candidate.savingsShare === undefined) assumptions.push({ name: 'candidate.savingsShare', value: t.savingsShare, source: THRESHOLD_SOURCES.savingsShare });
  if (candidate.searchYears === undefined) assumptions.push({ name: 'candidate.searchYears', value: fine(t.searchYears), source: THRESHOLD_SOURCES.searchYears });
  if (input.horizonYears === undefined) assumptions.push({ name: 'horizonYears', value: t.horizonYears, source: THRESHOLD_SOURCES.horizonYears });
  if (candidate.lossTolerance === undefined) {
    assumptions.push({ name: 'candidate.lossTolerance', value: money(t.lossTolerance), source: `${THRESHOLD_DEFAULTS.lossToleranceShare} x current total comp, ${THRESHOLD_SOURCES.lossToleranceShare}` });
  }
  return {
    currency: input.currency,
    amount: money(t.amount),
    binding: t.binding,
    floors: { obligations: money(t.floors.obligations), risk: t.floors.risk === null ? null : money(t.floors.risk) },
    components: { requiredAfterTax: money(t.components.requiredAfterTax), obligationsPreTax: money(t.components.obligationsPreTax), searchBuffer: money(t.components.searchBuffer) },
    currentTotalComp: money(t.currentTotalComp),
    perceivedFailureProbability: fine(t.perceivedFailureProbability),
    lossTolerance: money(t.lossTolerance),
    savingsShare: fine(t.savingsShare),
    searchYears: fine(t.searchYears),
    horizonYears: fine(t.horizonYears),
    exceedsCurrentTotalComp: t.exceedsCurrentTotalComp,
    assumptions,
  };
}

/** Result form of evaluateThresholdRequest. */
export function safeEvaluateThresholdRequest(input: unknown): Result<ThresholdResult> {
  return toResult(() => evaluateThresholdRequest(input));
}
