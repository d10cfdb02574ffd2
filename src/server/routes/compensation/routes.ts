import { evaluateThresholdRequest } from '../../../domain/compensation/threshold-request.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { evaluateOfferOffLoop } from '../../services/compensation.js';
import { OfferEvaluationPool } from '../../services/offer-evaluation-pool.js';
import { OfferEvaluateBody, OfferEvaluationView, ThresholdBody, ThresholdView } from '../../../api/compensation.js';
import { errorResponses } from '../../../api/shared.js';

/**
 * The body schema is declared for OpenAPI, but validated by the domain parser itself (the same one
 * the CLI runs): it rejects unknown fields and wrong types like the schema would, and names the
 * catalogue code of the field (MONEY_INVALID for startup.base, SHARES_INVALID, ...) instead of a
 * generic VALIDATION_FAILED, so the API and `closer offer evaluate` answer bad input identically.
 */
const validatedByTheDomain = () => (data: unknown) => ({ value: data });

/**
 * Offer evaluation and the candidate threshold: pure calculations (reads, not audited). Both need
 * offers.evaluate, which interviewers do not have: they never see compensation.
 */
export function registerCompensationRoutes(app: App, _ctx: ServerContext): void {
  const pool = new OfferEvaluationPool();
  app.addHook('onClose', async () => pool.close());
  // A static path: it wins over /api/v1/offers/:id in Fastify's router whatever the registration order.
  app.post('/api/v1/offers/evaluate', {
    preValidation: requireAction('offers.evaluate'),
    validatorCompiler: validatedByTheDomain,
    schema: { tags: ['compensation'], body: OfferEvaluateBody, response: { 200: OfferEvaluationView, ...errorResponses } },
  }, async (request) => evaluateOfferOffLoop(request.body, pool));

  app.post('/api/v1/compensation/threshold', {
    preValidation: requireAction('offers.evaluate'),
    validatorCompiler: validatedByTheDomain,
    schema: { tags: ['compensation'], body: ThresholdBody, response: { 200: ThresholdView, ...errorResponses } },
  }, async (request) => evaluateThresholdRequest(request.body));
}
