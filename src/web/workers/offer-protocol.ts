import type { OfferEvaluation } from '../../domain/compensation/schema.js';

/** Messages between the offer builder and its Web Worker (offer-worker.ts). */

export interface EvaluateRequest {
  id: number;
  /** An offer-evaluation input (compensation.md contract); the worker validates it. */
  input: unknown;
}

export interface EvaluateFailure {
  code: string;
  message: string;
  field?: string;
}

export type EvaluateResponse =
  | { id: number; ok: true; result: OfferEvaluation; ms: number }
  | { id: number; ok: false; error: EvaluateFailure; ms: number };
