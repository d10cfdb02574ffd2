import { evaluateOffer } from '../../domain/compensation/evaluate-offer.js';
import type { EvaluateFailure, EvaluateRequest, EvaluateResponse } from './offer-protocol.js';

/**
 * The offer builder's Web Worker: runs the pure engine (evaluateOffer) off the main thread so
 * sliders stay smooth. One request in, one response out, tagged with the request id.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EvaluateRequest>) => {
  const { id, input } = event.data;
  const started = performance.now();
  let response: EvaluateResponse;
  try {
    const result = evaluateOffer(input);
    response = { id, ok: true, result, ms: performance.now() - started };
  } catch (error) {
    response = { id, ok: false, error: failureOf(error), ms: performance.now() - started };
  }
  scope.postMessage(response);
};

/** A DomainError's { code, message, field }, or a generic failure for anything else. */
function failureOf(error: unknown): EvaluateFailure {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const e = error as { code: unknown; message: unknown; field?: unknown };
    return { code: String(e.code), message: String(e.message), ...(typeof e.field === 'string' ? { field: e.field } : {}) };
  }
  return { code: 'UNEXPECTED', message: error instanceof Error ? error.message : 'The evaluation failed.' };
}
