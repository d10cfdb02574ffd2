import { checkMoney, checkYears, fail, isFiniteNumber } from './checks.js';
import type { InitialCapTable } from './dilution.js';
import { MODEL_STAGES } from './parameters.js';
import type { ModelParameters } from './parameters.js';
import { Random } from './random.js';
import { timeVestedFraction } from './vesting.js';
import type { VestingSchedule } from './vesting.js';
import { commonPriceFromStack } from './waterfall.js';

/**
 * Stage-funnel Monte Carlo of a startup grant (compensation-model.md 4.2.4-4.2.6). One pass over
 * the paths with typed arrays allocated once per run; nothing is allocated per path.
 */

export type GrantKind = 'ISO' | 'NSO' | 'RSU' | 'RSA';
export type ExercisePolicy = 'exerciseAtDeparture' | 'forfeitAtDeparture' | 'extendedWindow';
/** include: equity realised after the horizon counts (discounted); exclude: only exits within the horizon count */
export type EquityTail = 'include' | 'exclude';

export const OUTCOME_SHUTDOWN = 0;
export const OUTCOME_ACQUISITION = 1;
export const OUTCOME_IPO = 2;

export interface StartupSimulationConfig {
  params: ModelParameters;
  /** model stage index the company starts at (0 = seed) */
  stageIndex: number;
  lastPostMoney: number;
  capTable: InitialCapTable;
  grant: { kind: GrantKind; shares: number; strike: number };
  vesting: VestingSchedule;
  tenureYears: number;
  exercisePolicy: ExercisePolicy;
  rates: { rCash: number; rEquity: number; equityTaxRate: number };
  horizonYears: number;
  equityTail: EquityTail;
  paths: number;
  /** seed of this simulation's own random stream */
  seed: number;
  /** value counted as "ever valued at or above" in the statistics (default 1e9, the unicorn mark in USD) */
  valueMark?: number;
}

export interface StartupSimulationStats {
  pShutdown: number;
  pAcquired: number;
  pIpo: number;
  /** share of paths that reached each model stage (including the start) */
  pReachedStage: number[];
  /** share of paths whose post-money or exit value was ever at or above valueMark */
  pEverAboveValueMark: number;
  /** share of acquisitions whose exit value is below the total capital invested */
  acquisitionsBelowInvested: number;
  /** mean years to an acquisition or IPO (NaN if none) */
  meanYearsToExit: number;
  /** mean vested share of the grant at min(exit, departure), over all paths */
  meanVestedFraction: number;
  /** mean PV realised by exits in each year of the horizon (index = whole years), per path */
  pvByExitYear: number[];
  /** mean PV realised by exits after the horizon, per path */
  pvAfterHorizon: number;
}

export interface StartupSimulation {
  paths: number;
  /** present value of the employee's equity on each path (gain minus exercise cost) */
  pv: Float64Array;
  /** years from today to the path's terminal event (exit or shutdown) */
  exitYears: Float64Array;
  /** OUTCOME_SHUTDOWN, OUTCOME_ACQUISITION or OUTCOME_IPO */
  outcome: Uint8Array;
  stats: StartupSimulationStats;
}

const EPS = 1e-9;

function checkConfig(c: StartupSimulationConfig): void {
  if (!Number.isInteger(c.paths) || c.paths < 1 || c.paths > 10_000_000) fail('PATHS_INVALID', 'simulation.paths', 'must be a whole number');
  if (!Number.isInteger(c.stageIndex) || c.stageIndex < 0 || c.stageIndex >= MODEL_STAGES.length) fail('STAGE_INVALID', 'stage', 'unknown model stage');
  checkMoney(c.lastPostMoney, 'startup.company.lastPostMoney', { positive: true });
  if (!isFiniteNumber(c.grant.shares) || c.grant.shares <= 0) fail('SHARES_INVALID', 'startup.grant.shares', 'must be above 0');
  if (!isFiniteNumber(c.grant.strike) || c.grant.strike < 0) fail('STRIKE_INVALID', 'startup.grant.strike', 'must be a finite, non-negative price');
  checkYears(c.tenureYears, 'startup.employee.expectedTenureYears');
  checkYears(c.horizonYears, 'simulation.horizonYears');
}

/** Runs the stage funnel for `paths` paths and returns the equity PV of every path plus run statistics. */
export function simulateStartupEquity(c: StartupSimulationConfig): StartupSimulation {
  checkConfig(c);
  const p = c.params;
  const S = MODEL_STAGES.length;
  const lnGap = new Float64Array(S);
  const lnStep = new Float64Array(S);
  const stepSigma = new Float64Array(S);
  const betaA = new Float64Array(S);
  const betaB = new Float64Array(S);
  const pNext = new Float64Array(S);
  const qAcq = new Float64Array(S);
  const qExit = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    lnGap[s] = Math.log(p.gapMedianYears[s]);
    lnStep[s] = Math.log(p.stepUpMedian[s]);
    stepSigma[s] = p.stepUpSigma[s];
    betaA[s] = p.dilutionMedian[s] * p.dilutionBetaK;
    betaB[s] = (1 - p.dilutionMedian[s]) * p.dilutionBetaK;
    pNext[s] = p.pNext[s];
    qAcq[s] = p.qAcq[s];
    qExit[s] = p.qAcq[s] + p.qIpo[s];
  }
  const gapSigma = p.gapSigma;
  const dLow = p.dilutionClamp[0];
  const dHigh = p.dilutionClamp[1];
  const pool = p.poolTopUp;
  const multiple = p.preferenceMultiple;
  const participatingNew = p.participating ? 1 : 0;
  const muM = p.mnaLogMultiple.mu;
  const sigM = p.mnaLogMultiple.sigma;
  const muI = p.ipoLogMultiple.mu;
  const sigI = p.ipoLogMultiple.sigma;

  const m0 = c.capTable.series.length;
  const maxSeries = m0 + S;
  const lp = new Float64Array(maxSeries);
  const nShares = new Float64Array(maxSeries);
  const part = new Uint8Array(maxSeries);
  const order = new Int32Array(maxSeries);
  let invested0 = 0;
  let preferred0 = 0;
  c.capTable.series.forEach((s, i) => {
    lp[i] = s.preference;
    nShares[i] = s.shares;
    part[i] = s.participating ? 1 : 0;
    invested0 += s.invested;
    preferred0 += s.shares;
  });
  const fd0 = c.capTable.fullyDilutedShares;

  const grantShares = c.grant.shares;
  const strike = c.grant.kind === 'RSU' ? 0 : c.grant.strike;
  const isOption = c.grant.kind === 'ISO' || c.grant.kind === 'NSO';
  const isRsa = c.grant.kind === 'RSA';
  const policy = c.exercisePolicy === 'exerciseAtDeparture' ? 0 : c.exercisePolicy === 'forfeitAtDeparture' ? 1 : 2;
  const tLeave = c.tenureYears;
  const rE = c.rates.rEquity;
  const rCash = c.rates.rCash;
  const keep = 1 - c.rates.equityTaxRate;
  const tax = c.rates.equityTaxRate;
  const exerciseDiscount = Math.exp(-rCash * tLeave);
  const horizon = c.horizonYears;
  const includeTail = c.equityTail === 'include';
  const vesting = c.vesting;
  const timeShare = vesting.timeShare;
  const milestoneCount = vesting.milestones.length;
  const msFraction = new Float64Array(milestoneCount);
  const msProbability = new Float64Array(milestoneCount);
  const msBy = new Float64Array(milestoneCount);
  vesting.milestones.forEach((m, i) => {
    msFraction[i] = m.fraction;
    msProbability[i] = m.probability;
    msBy[i] = m.byYears;
  });
  const accKind = vesting.acceleration.kind === 'single' ? 1 : vesting.acceleration.kind === 'double' ? 2 : 0;
  const accFraction = vesting.acceleration.fraction;
  const accP = vesting.acceleration.pTerminationAfterCoC;
  const valueMark = c.valueMark ?? 1e9;
  const s0 = c.stageIndex;
  const v0 = c.lastPostMoney;

  const paths = c.paths;
  const pv = new Float64Array(paths);
  const exitYears = new Float64Array(paths);
  const outcome = new Uint8Array(paths);
  const reached = new Float64Array(S);
  const horizonYearsCount = Math.ceil(horizon - EPS);
  const pvByYear = new Float64Array(horizonYearsCount);
  let pvAfter = 0;
  let nShutdown = 0;
  let nAcquired = 0;
  let nIpo = 0;
  let nAboveMark = 0;
  let nAcqBelow = 0;
  let exitTimeSum = 0;
  let vestedSum = 0;

  const rng = new Random(c.seed);

  for (let i = 0; i < paths; i++) {
    let s = s0;
    let value = v0;
    let fd = fd0;
    let m = m0;
    let t = 0;
    let invested = invested0;
    let preferred = preferred0;
    let maxValue = value;
    let kind = OUTCOME_SHUTDOWN;
    let exitValue = 0;
    reached[s] += 1;
    for (;;) {
      t += Math.exp(lnGap[s] + gapSigma * rng.normal());
      if (rng.uniform() < pNext[s]) {
        value *= Math.exp(lnStep[s] + stepSigma[s] * rng.normal());
        s += 1;
        let d = rng.beta(betaA[s], betaB[s]);
        if (d < dLow) d = dLow;
        else if (d > dHigh) d = dHigh;
        const issued = (fd * d) / (1 - d);
        const amount = value * d;
        lp[m] = amount * multiple;
        nShares[m] = issued;
        part[m] = participatingNew;
        m += 1;
        invested += amount;
        preferred += issued;
        fd += issued;
        if (pool > 0) fd += (fd * pool) / (1 - pool);
        if (value > maxValue) maxValue = value;
        reached[s] += 1;
        continue;
      }
      const u = rng.uniform();
      if (u < qAcq[s]) {
        kind = OUTCOME_ACQUISITION;
        exitValue = value * Math.exp(muM + sigM * rng.normal());
      } else if (u < qExit[s]) {
        kind = OUTCOME_IPO;
        exitValue = value * Math.exp(muI + sigI * rng.normal());
      }
      break;
    }
    if (exitValue > maxValue) maxValue = exitValue;
    if (maxValue >= valueMark) nAboveMark++;

    // vesting at min(exit, departure), milestones, acceleration on a change of control
    const tVest = t < tLeave ? t : tLeave;
    let v = timeShare * timeVestedFraction(vesting, tVest);
    for (let k = 0; k < milestoneCount; k++) {
      const hit = rng.uniform() < msProbability[k];
      if (hit && msBy[k] <= tVest + EPS) v += msFraction[k];
    }
    if (accKind !== 0 && kind === OUTCOME_ACQUISITION && t < tLeave) {
      if (accKind === 1 || rng.uniform() < accP) v += accFraction * (1 - v);
    }
    if (v > 1) v = 1;
    const vestedShares = v * grantShares;
    vestedSum += v;

    let price = 0;
    if (kind === OUTCOME_SHUTDOWN) {
      nShutdown++;
    } else {
      if (kind === OUTCOME_ACQUISITION) {
        nAcquired++;
        if (exitValue < invested) nAcqBelow++;
      } else {
        nIpo++;
      }
      exitTimeSum += t;
      price = commonPriceFromStack(exitValue, fd - preferred, lp, nShares, part, m, order);
    }

    const discount = price > 0 && (includeTail || t <= horizon) ? Math.exp(-rE * t) : 0;
    const spread = price > strike ? price - strike : 0;
    let gain = 0;
    let cost = 0;
    if (isOption) {
      if (t <= tLeave) {
        gain = vestedShares * spread * keep * discount;
      } else if (policy === 0) {
        cost = vestedShares * strike * exerciseDiscount;
        gain = (vestedShares * price - tax * vestedShares * spread) * discount;
      } else if (policy === 2) {
        gain = vestedShares * spread * keep * discount;
      }
    } else if (isRsa) {
      // purchase price paid at grant; unvested shares bought back at cost when employment or the company ends
      const end = t < tLeave ? t : tLeave;
      cost = grantShares * strike - (grantShares - vestedShares) * strike * Math.exp(-rCash * end);
      gain = (vestedShares * price - tax * vestedShares * spread) * discount;
    } else {
      gain = vestedShares * price * keep * discount;
    }
    const value_ = gain - cost;
    pv[i] = value_;
    exitYears[i] = t;
    outcome[i] = kind;
    if (gain !== 0) {
      const year = Math.floor(t);
      if (t <= horizon && year < horizonYearsCount) pvByYear[year] += gain;
      else pvAfter += gain;
    }
    if (cost !== 0) {
      const year = Math.min(horizonYearsCount - 1, Math.floor(isRsa ? 0 : tLeave));
      if ((isRsa ? 0 : tLeave) <= horizon) pvByYear[year] -= cost;
      else pvAfter -= cost;
    }
  }

  const exits = nAcquired + nIpo;
  return {
    paths,
    pv,
    exitYears,
    outcome,
    stats: {
      pShutdown: nShutdown / paths,
      pAcquired: nAcquired / paths,
      pIpo: nIpo / paths,
      pReachedStage: Array.from(reached, (r) => r / paths),
      pEverAboveValueMark: nAboveMark / paths,
      acquisitionsBelowInvested: nAcquired > 0 ? nAcqBelow / nAcquired : Number.NaN,
      meanYearsToExit: exits > 0 ? exitTimeSum / exits : Number.NaN,
      meanVestedFraction: vestedSum / paths,
      pvByExitYear: Array.from(pvByYear, (x) => x / paths),
      pvAfterHorizon: pvAfter / paths,
    },
  };
}
