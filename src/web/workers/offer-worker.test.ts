import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfferInput, DEFAULT_OFFER_FORM } from '../pages/offer-builder/offer-form.js';
import type { EvaluateResponse } from './offer-protocol.js';

// The worker entry registers `self.onmessage`; give it a stand-in scope and call it directly.
const posted: EvaluateResponse[] = [];
const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (message: EvaluateResponse) => posted.push(message) };
const original = (globalThis as { self?: unknown }).self;

beforeAll(async () => {
  (globalThis as { self?: unknown }).self = scope;
  await import('./offer-worker.js');
});

afterAll(() => {
  (globalThis as { self?: unknown }).self = original;
});

function send(id: number, input: unknown): EvaluateResponse {
  posted.length = 0;
  scope.onmessage?.({ data: { id, input } });
  expect(posted).toHaveLength(1);
  return posted[0];
}

describe('offer worker', () => {
  it('answers a request with the evaluation, tagged with the request id', () => {
    const { input } = buildOfferInput(DEFAULT_OFFER_FORM, { paths: 1000, seed: 3 });
    const response = send(7, input);
    expect(response.id).toBe(7);
    if (!response.ok) throw new Error(response.error.message);
    expect(response.result.threshold.amount).toBeGreaterThan(0);
    expect(response.result.findings.map((f) => f.rule)).toContain('comp.below-threshold');
    expect(response.result.simulation.paths).toBe(1000);
    expect(response.ms).toBeGreaterThanOrEqual(0);
  });

  it('returns the same result for the same input and seed', () => {
    const { input } = buildOfferInput(DEFAULT_OFFER_FORM, { paths: 1000, seed: 3 });
    const a = send(1, input);
    const b = send(2, input);
    expect(a.ok && b.ok && JSON.stringify(a.result) === JSON.stringify(b.result)).toBe(true);
  });

  it('answers invalid input with the code and field of the engine, not a crash', () => {
    const { input } = buildOfferInput({ ...DEFAULT_OFFER_FORM, shares: '20000000' }, { paths: 1000 });
    const response = send(3, input);
    expect(response).toMatchObject({ id: 3, ok: false, error: { code: 'SHARES_INVALID', field: 'startup.grant.shares' } });
  });

  it('answers an unreadable message with a validation failure', () => {
    const response = send(4, 'not an offer');
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION_FAILED');
  });
});
