import { evaluateOffer } from '../../domain/compensation/index.js';
import type { OfferEvaluation } from '../../domain/compensation/index.js';
import { INLINE_PATH_LIMIT, OfferEvaluationPool } from './offer-evaluation-pool.js';

/**
 * The offer evaluation of compensation.md "Contract": the same pure function as `closer offer evaluate`, with no
 * company overrides, so the API and the CLI give the same JSON for the same input and seed. Runs of more than
 * INLINE_PATH_LIMIT paths go to a worker thread of the pool. A read: nothing is written, nothing audited.
 */
export async function evaluateOfferOffLoop(body: unknown, pool: OfferEvaluationPool): Promise<OfferEvaluation> {
  return OfferEvaluationPool.requestedPaths(body) > INLINE_PATH_LIMIT ? pool.evaluate(body) : evaluateOffer(body);
}
