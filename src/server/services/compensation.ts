import { evaluateOffer } from '../../domain/compensation/index.js';
import type { OfferEvaluation } from '../../domain/compensation/index.js';
import { evaluateThresholdRequest } from '../../domain/compensation/threshold-request.js';
import type { ThresholdResult } from '../../domain/compensation/threshold-request.js';
import { ValidationError } from '../../domain/shared/errors.js';
import { INLINE_PATH_LIMIT, OfferEvaluationPool } from './offer-evaluation-pool.js';

/**
 * Stateless compensation calculations behind the API. They run the same pure functions as
 * `closer offer evaluate` and `closer threshold`, with no company overrides, so the API and the CLI
 * give the same JSON for the same input and seed. Reads only: nothing is written, nothing audited.
 */

function requireObject(body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('VALIDATION_FAILED', 'body: send one JSON object (see docs/api-compensation.md)', 'body');
  }
}

/** The offer evaluation of compensation.md "Contract": validation (strict, no coercion) and the Monte Carlo run. */
export function evaluateOfferRequest(body: unknown): OfferEvaluation {
  requireObject(body);
  return evaluateOffer(body);
}

/** The same evaluation; runs of more than INLINE_PATH_LIMIT paths go to a worker thread of the pool. */
export async function evaluateOfferOffLoop(body: unknown, pool: OfferEvaluationPool): Promise<OfferEvaluation> {
  requireObject(body);
  return OfferEvaluationPool.requestedPaths(body) > INLINE_PATH_LIMIT ? pool.evaluate(body) : evaluateOffer(body);
}

/** The candidate cash threshold (compensation-model.md 4.1) of a threshold request. */
export function thresholdRequest(body: unknown): ThresholdResult {
  requireObject(body);
  return evaluateThresholdRequest(body);
}
