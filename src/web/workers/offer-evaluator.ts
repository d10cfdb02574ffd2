import type { EvaluateRequest, EvaluateResponse } from './offer-protocol.js';

/** The part of a Worker the evaluator uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: EvaluateRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<EvaluateResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * Sends offer evaluations to a worker, latest request wins: at most one request is in flight and
 * one waits; a newer request replaces the waiting one (it is never computed). Only the response
 * to the request in flight is accepted; anything else (a duplicate, or an answer to a request from
 * before a worker failure) is dropped by its id. Dragging a slider therefore never builds a queue,
 * the results follow the drag one computation behind, and an old result never replaces a newer one.
 */
export class OfferEvaluator {
  readonly #worker: WorkerLike;
  readonly #onResult: (response: EvaluateResponse) => void;
  #lastId = 0;
  #inFlight: number | null = null;
  #waiting: EvaluateRequest | null = null;

  constructor(worker: WorkerLike, onResult: (response: EvaluateResponse) => void) {
    this.#worker = worker;
    this.#onResult = onResult;
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      const id = this.#lastId;
      this.#inFlight = null;
      this.#waiting = null;
      this.#onResult({ id, ok: false, error: { code: 'WORKER_FAILED', message: event.message || 'The calculation worker failed.' }, ms: 0 });
    };
  }

  /** Queues an evaluation and returns its id. */
  evaluate(input: unknown): number {
    const request: EvaluateRequest = { id: ++this.#lastId, input };
    if (this.#inFlight === null) this.#send(request);
    else this.#waiting = request;
    return request.id;
  }

  /** Id of the newest request. */
  get latestId(): number {
    return this.#lastId;
  }

  /** Whether a newer result is still to come. */
  get busy(): boolean {
    return this.#inFlight !== null || this.#waiting !== null;
  }

  dispose(): void {
    this.#worker.onmessage = null;
    this.#worker.onerror = null;
    this.#worker.terminate();
  }

  #send(request: EvaluateRequest): void {
    this.#inFlight = request.id;
    this.#worker.postMessage(request);
  }

  #receive(response: EvaluateResponse): void {
    if (response.id !== this.#inFlight) return; // not the request we are waiting for: stale
    this.#inFlight = null;
    const next = this.#waiting;
    this.#waiting = null;
    if (next) this.#send(next);
    // Requests go out one at a time in id order, so an accepted response is always newer than the last one shown.
    this.#onResult(response);
  }
}

/** Starts the offer worker (bundled by Vite as its own chunk). */
export function startOfferWorker(): Worker {
  return new Worker(new URL('./offer-worker.ts', import.meta.url), { type: 'module', name: 'offer-evaluation' });
}
