import type { z } from 'zod';
import { OfferEvaluateInput, OfferEvaluation } from '../domain/compensation/index.js';
import { ThresholdRequest, ThresholdResult } from '../domain/compensation/threshold-request.js';

/**
 * Offer evaluation and the candidate threshold (docs/api-compensation.md). The shapes are the compensation engine's
 * own (src/domain/compensation): the CLI's `closer offer evaluate` reads the same input. The server declares the
 * bodies for OpenAPI and lets the domain parser validate them, so bad input gets the engine's codes.
 */
export const OfferEvaluateBody = OfferEvaluateInput;
export type OfferEvaluateBody = z.infer<typeof OfferEvaluateBody>;
export const OfferEvaluationView = OfferEvaluation;
export type OfferEvaluationView = z.infer<typeof OfferEvaluationView>;
export const ThresholdBody = ThresholdRequest;
export type ThresholdBody = z.infer<typeof ThresholdBody>;
export const ThresholdView = ThresholdResult;
export type ThresholdView = z.infer<typeof ThresholdView>;
