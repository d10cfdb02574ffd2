import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../domain/shared/errors.js';
import type { ErrorCode } from '../../domain/shared/error-codes.js';
import type { OfferEvaluation } from '../../domain/compensation/index.js';

/**
 * Large Monte Carlo runs (up to 1,000,000 paths, about 4 s of one core with an incumbent offer) go to worker
 * threads, so one big evaluation does not stall every other request. Small ones stay inline: a worker
 * round trip costs more than 20,000 paths do. The workers run the same pure function, so the result is
 * byte-identical either way.
 */
export const INLINE_PATH_LIMIT = 100_000;

type Failure = { kind: string; code?: ErrorCode; message: string; field?: string };
type Reply = { id: number; ok: true; result: OfferEvaluation } | { id: number; ok: false; error: Failure };

interface PooledWorker {
  worker: Worker;
  busy: boolean;
  /** the request it is running, failed if the worker dies */
  current?: number;
}

export class OfferEvaluationPool {
  readonly #size: number;
  readonly #workers: PooledWorker[] = [];
  readonly #queue: Array<() => void> = [];
  readonly #pending = new Map<number, { resolve: (r: OfferEvaluation) => void; reject: (e: unknown) => void }>();
  #nextId = 1;
  #closed = false;

  constructor(size = Math.max(1, availableParallelism() - 1)) {
    this.#size = size;
  }

  /** The paths an input asks for, read without validating (validation happens in the evaluation itself). */
  static requestedPaths(body: unknown): number {
    const simulation = (body as { simulation?: { paths?: unknown } } | null)?.simulation;
    const paths = simulation && typeof simulation === 'object' ? simulation.paths : undefined;
    return typeof paths === 'number' && Number.isFinite(paths) ? paths : 0;
  }

  async evaluate(body: unknown): Promise<OfferEvaluation> {
    if (this.#closed) throw new Error('The evaluation pool is closed');
    const slot = await this.#acquire();
    const id = this.#nextId++;
    try {
      return await new Promise<OfferEvaluation>((resolve, reject) => {
        this.#pending.set(id, { resolve, reject });
        slot.current = id;
        slot.worker.postMessage({ id, body });
      });
    } finally {
      slot.current = undefined;
      slot.busy = false;
      this.#queue.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
    this.#workers.length = 0;
  }

  async #acquire(): Promise<PooledWorker> {
    for (;;) {
      const idle = this.#workers.find((w) => !w.busy);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (this.#workers.length < this.#size) {
        const slot: PooledWorker = { worker: undefined as unknown as Worker, busy: true };
        slot.worker = this.#spawn(slot);
        this.#workers.push(slot);
        return slot;
      }
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
  }

  #spawn(slot: PooledWorker): Worker {
    // The server runs TypeScript through tsx; the .mjs entry registers it inside the worker, whatever loader the parent used.
    const worker = new Worker(new URL('./offer-evaluation.worker.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiter = this.#pending.get(reply.id);
      if (!waiter) return;
      this.#pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(rebuild(reply.error));
    });
    worker.on('error', (error) => {
      // A crashed worker fails what it was running; the next request spawns a fresh one.
      const waiter = slot.current === undefined ? undefined : this.#pending.get(slot.current);
      if (waiter && slot.current !== undefined) {
        this.#pending.delete(slot.current);
        waiter.reject(error);
      }
      const index = this.#workers.indexOf(slot);
      if (index >= 0) this.#workers.splice(index, 1);
    });
    return worker;
  }
}

function rebuild(failure: Failure): Error {
  if (failure.code) return new DomainError(failure.code, failure.message, failure.field);
  return new Error(failure.message);
}
