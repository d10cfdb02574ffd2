import { useEffect, useRef, useState } from 'react';
import type { OfferEvaluation } from '../../../domain/compensation/schema.js';
import { OfferEvaluator, startOfferWorker } from '../../workers/offer-evaluator.js';
import type { EvaluateFailure } from '../../workers/offer-protocol.js';

export interface EvaluationState {
  /** the newest successful result (kept on screen while a newer one is computed) */
  result: OfferEvaluation | undefined;
  /** the newest request's failure, cleared by the next success */
  error: EvaluateFailure | undefined;
  /** a newer result is on its way */
  pending: boolean;
  /** time the worker took for the shown result */
  ms: number | undefined;
  /** the input that produced `result` */
  input: Record<string, unknown> | undefined;
}

/**
 * Evaluates the offer in a Web Worker whenever `input` changes (compared by content). The newest
 * input always wins; results of older inputs are discarded.
 */
export function useOfferEvaluation(input: Record<string, unknown> | undefined): EvaluationState {
  const [state, setState] = useState<EvaluationState>({ result: undefined, error: undefined, pending: false, ms: undefined, input: undefined });
  const evaluator = useRef<OfferEvaluator | null>(null);
  const key = input ? JSON.stringify(input) : '';
  const latestInput = useRef(input);
  latestInput.current = input;
  /** content of the last input sent, so a re-render with equal input sends nothing */
  const sentKey = useRef('');
  /** the newest input sent: the only one whose result is ever reported */
  const sentInput = useRef<Record<string, unknown> | undefined>(undefined);

  const send = () => {
    const current = evaluator.current;
    const value = latestInput.current;
    if (!current || !value) return;
    const valueKey = JSON.stringify(value);
    if (valueKey === sentKey.current) return;
    sentKey.current = valueKey;
    sentInput.current = value;
    current.evaluate(value);
    setState((s) => ({ ...s, pending: true }));
  };

  useEffect(() => {
    let worker: Worker;
    try {
      worker = startOfferWorker();
    } catch (error) {
      setState((s) => ({ ...s, pending: false, error: { code: 'WORKER_FAILED', message: error instanceof Error ? error.message : 'Web Workers are not available.' } }));
      return;
    }
    const current = new OfferEvaluator(worker, (response) => {
      setState((s) =>
        response.ok
          ? { result: response.result, error: undefined, pending: current.busy, ms: response.ms, input: sentInput.current }
          : { ...s, error: response.error, pending: current.busy, ms: response.ms },
      );
    });
    evaluator.current = current;
    sentKey.current = '';
    send();
    return () => {
      current.dispose();
      evaluator.current = null;
    };
  }, []);

  useEffect(send, [key]);

  return state;
}
