import { describe, expect, it } from 'vitest';
import type { EvaluateRequest, EvaluateResponse } from './offer-protocol.js';
import { OfferEvaluator } from './offer-evaluator.js';
import type { WorkerLike } from './offer-evaluator.js';

class FakeWorker implements WorkerLike {
  sent: EvaluateRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<EvaluateResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: EvaluateRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers request `id` with its input echoed as the result. */
  answer(id: number): void {
    const request = this.sent.find((r) => r.id === id);
    if (!request) throw new Error(`request ${id} was never sent`);
    const data = { id, ok: true, result: request.input, ms: 1 } as unknown as EvaluateResponse;
    this.onmessage?.({ data } as MessageEvent<EvaluateResponse>);
  }
}

function setUp() {
  const worker = new FakeWorker();
  const results: EvaluateResponse[] = [];
  const evaluator = new OfferEvaluator(worker, (r) => results.push(r));
  return { worker, results, evaluator };
}

describe('OfferEvaluator', () => {
  it('sends the first request at once and reports its result', () => {
    const { worker, results, evaluator } = setUp();
    const id = evaluator.evaluate('a');
    expect(worker.sent.map((r) => r.input)).toEqual(['a']);
    worker.answer(id);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ id, ok: true, result: 'a' });
    expect(evaluator.busy).toBe(false);
  });

  it('keeps only the newest waiting request while one is in flight, and never computes the replaced one', () => {
    const { worker, results, evaluator } = setUp();
    const first = evaluator.evaluate('a');
    evaluator.evaluate('b');
    const third = evaluator.evaluate('c');
    // 'b' was replaced before it was ever sent
    expect(worker.sent.map((r) => r.input)).toEqual(['a']);
    worker.answer(first);
    // 'a' is newer than anything shown, so it is reported while 'c' goes out
    expect(results.map((r) => r.id)).toEqual([first]);
    expect(worker.sent.map((r) => r.input)).toEqual(['a', 'c']);
    expect(evaluator.busy).toBe(true);
    worker.answer(third);
    expect(results.map((r) => r.id)).toEqual([first, third]);
    expect(evaluator.busy).toBe(false);
  });

  it('drops a response that arrives again or after a newer one was shown', () => {
    const { worker, results, evaluator } = setUp();
    const first = evaluator.evaluate('a');
    worker.answer(first);
    const second = evaluator.evaluate('b');
    worker.answer(second);
    // a late duplicate of the first answer (e.g. from a worker that was replaced)
    worker.onmessage?.({ data: { id: first, ok: true, result: 'a', ms: 0 } } as unknown as MessageEvent<EvaluateResponse>);
    expect(results.map((r) => (r.ok ? r.result : r.error))).toEqual(['a', 'b']);
  });

  it('ignores a response for a request that is not in flight', () => {
    const { worker, results, evaluator } = setUp();
    evaluator.evaluate('a');
    worker.onmessage?.({ data: { id: 99, ok: true, result: 'x', ms: 0 } } as unknown as MessageEvent<EvaluateResponse>);
    expect(results).toEqual([]);
    expect(evaluator.busy).toBe(true);
  });

  it('reports a worker crash as a failure of the newest request', () => {
    const { worker, results, evaluator } = setUp();
    const id = evaluator.evaluate('a');
    worker.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(results).toEqual([{ id, ok: false, error: { code: 'WORKER_FAILED', message: 'boom' }, ms: 0 }]);
    expect(evaluator.busy).toBe(false);
  });

  it('terminates the worker on dispose', () => {
    const { worker, evaluator } = setUp();
    evaluator.dispose();
    expect(worker.terminated).toBe(true);
    expect(worker.onmessage).toBeNull();
  });
});
