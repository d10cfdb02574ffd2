import { checkProbability } from './checks.js';
import { MODEL_STAGES } from './parameters.js';
import type { ModelParameters } from './parameters.js';

/** Closed-form outcome probabilities of the stage funnel (compensation-model.md 4.2.3), starting at a model stage. */
export interface FunnelOutcomes {
  /** probability of ever reaching each model stage (1 for the start, 0 before it) */
  reach: number[];
  pAcquired: number;
  pIpo: number;
  pShutdown: number;
}

function shutdownShare(p: ModelParameters, s: number): number {
  return Math.max(0, 1 - p.qAcq[s] - p.qIpo[s]);
}

export function funnelOutcomes(p: ModelParameters, fromStage: number): FunnelOutcomes {
  const reach = new Array<number>(MODEL_STAGES.length).fill(0);
  let r = 1;
  let acquired = 0;
  let ipo = 0;
  let shutdown = 0;
  for (let s = fromStage; s < MODEL_STAGES.length; s++) {
    reach[s] = r;
    const stop = r * (1 - p.pNext[s]);
    acquired += stop * p.qAcq[s];
    ipo += stop * p.qIpo[s];
    shutdown += stop * shutdownShare(p, s);
    r *= p.pNext[s];
  }
  return { reach, pAcquired: acquired, pIpo: ipo, pShutdown: shutdown };
}

/** Lifetime probability that a company at `fromStage` shuts down (the default perceived failure probability of 4.1). */
export function lifetimeFailureProbability(p: ModelParameters, fromStage: number): number {
  return funnelOutcomes(p, fromStage).pShutdown;
}

/**
 * The parameters with every stage's shutdown share moved by one multiplier theta in [-1, 1]
 * (theta < 0 scales shutdown down towards 0, theta > 0 moves it towards 1; acquisition and IPO keep
 * their ratio; pNext is unchanged).
 */
export function withShutdownShift(p: ModelParameters, theta: number): ModelParameters {
  const qAcq: number[] = [];
  const qIpo: number[] = [];
  for (let s = 0; s < MODEL_STAGES.length; s++) {
    const sh = shutdownShare(p, s);
    const exits = 1 - sh;
    const shNew = theta <= 0 ? sh * (1 + theta) : sh + (1 - sh) * theta;
    const exitsNew = 1 - shNew;
    if (exits > 0) {
      qAcq.push((p.qAcq[s] * exitsNew) / exits);
      qIpo.push((p.qIpo[s] * exitsNew) / exits);
    } else {
      qAcq.push(exitsNew);
      qIpo.push(0);
    }
  }
  return { ...p, qAcq, qIpo };
}

/**
 * Rescales the shutdown shares so the lifetime failure probability from `fromStage` equals `pFail`
 * (compensation-model.md 4.2.4: a single multiplier found by bisection, pNext unchanged).
 */
export function rescaleFailureProbability(p: ModelParameters, fromStage: number, pFail: number): { parameters: ModelParameters; theta: number } {
  checkProbability(pFail, 'candidate.perceivedFailureProbability');
  let lo = -1;
  let hi = 1;
  for (let i = 0; i < 100 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (lifetimeFailureProbability(withShutdownShift(p, mid), fromStage) < pFail) lo = mid;
    else hi = mid;
  }
  const theta = (lo + hi) / 2;
  return { parameters: withShutdownShift(p, theta), theta };
}
