import incumbentJson from '../../../data/compensation/incumbent-presets.json' with { type: 'json' };
import { checkMoney, checkRate, checkYears, fail, isFiniteNumber } from './checks.js';
import { DEFAULT_RATES, sourceText } from './parameters.js';
import { Random } from './random.js';
import { normalizeVesting, timeVestedFraction, vestingEvents } from './vesting.js';
import type { VestingSchedule, VestingSpec } from './vesting.js';

/**
 * Incumbent (big-tech) offer, compensation-model.md 4.3: base with merit raises, target bonus,
 * sign-on, an RSU grant vesting on a company schedule with a GBM share price, optional refreshers.
 */

export const INCUMBENT_PRESETS = ['amazon', 'google', 'meta', 'nvidia', 'airbnb', 'generic'] as const;
export type IncumbentPresetId = (typeof INCUMBENT_PRESETS)[number];

export const INCUMBENT_STOCK_DEFAULTS = {
  mu: incumbentJson.stock.mu.value,
  sigma: incumbentJson.stock.sigma.value,
} as const;

export const INCUMBENT_STOCK_SOURCES = {
  mu: sourceText(incumbentJson.stock.mu),
  sigma: sourceText(incumbentJson.stock.sigma),
} as const;

export interface IncumbentOffer {
  base: number;
  /** target bonus in percent of base (15 = 15%) */
  bonusTargetPct: number;
  /** sign-on cash by year (index 0 = year 1), or one amount paid in year 1 */
  signOn?: number | readonly number[];
  /** RSU grant value at the grant price */
  grantValue: number;
  /** either a schedule or a preset name */
  schedule?: VestingSpec;
  preset?: IncumbentPresetId;
  /** merit raise per year, default 3.5% */
  raisePerYear?: number;
  /** annual refresher grants from the end of year 1 */
  refresher?: { annualValue: number; schedule?: VestingSpec; preset?: IncumbentPresetId };
  /** GBM share price: drift mu and volatility sigma in [0, 3] */
  stock?: { mu?: number; sigma?: number };
}

export interface NormalizedIncumbentOffer {
  base: number;
  bonusFraction: number;
  signOn: number[];
  grantValue: number;
  schedule: VestingSchedule;
  preset?: IncumbentPresetId;
  raisePerYear: number;
  refresher?: { annualValue: number; schedule: VestingSchedule };
  stock: { mu: number; sigma: number };
}

/** The schedule of a big-tech preset (data/compensation/incumbent-presets.json). */
export function getIncumbentPreset(id: IncumbentPresetId): { label: string; source: string; schedule: VestingSpec } {
  const preset = (incumbentJson.presets as Record<string, { label: string; source: string; schedule: VestingSpec }>)[id];
  if (!preset) fail('VALIDATION_FAILED', 'incumbent.preset', `unknown preset ${String(id)}; use one of ${INCUMBENT_PRESETS.join(', ')}`);
  return preset;
}

function scheduleOf(schedule: VestingSpec | undefined, preset: IncumbentPresetId | undefined, field: string): VestingSchedule {
  if ((schedule === undefined) === (preset === undefined)) fail('VESTING_INVALID', `${field}.schedule`, 'give either a schedule or a preset');
  if (preset !== undefined) return normalizeVesting(getIncumbentPreset(preset).schedule, `${field}.preset`);
  const s = normalizeVesting(schedule as VestingSpec, `${field}.schedule`);
  if (s.milestones.length > 0 || s.acceleration.kind !== 'none') fail('VESTING_INVALID', `${field}.schedule`, 'RSU schedules of an incumbent take no milestones or acceleration');
  return s;
}

/** Validates an incumbent offer (4.3 edge cases) and applies defaults; throws DomainError with the field path. */
export function normalizeIncumbentOffer(offer: IncumbentOffer, field = 'incumbent'): NormalizedIncumbentOffer {
  const base = checkMoney(offer.base, `${field}.base`, { positive: true });
  if (!isFiniteNumber(offer.bonusTargetPct) || offer.bonusTargetPct < 0 || offer.bonusTargetPct > 1000) {
    fail('RATE_OUT_OF_RANGE', `${field}.bonusTargetPct`, 'must be a percentage between 0 and 1000');
  }
  const signOnRaw = offer.signOn === undefined ? [] : typeof offer.signOn === 'number' ? [offer.signOn] : [...offer.signOn];
  const signOn = signOnRaw.map((v, i) => checkMoney(v, typeof offer.signOn === 'number' ? `${field}.signOn` : `${field}.signOn[${i}]`));
  if (signOn.length > 30) fail('MONEY_INVALID', `${field}.signOn`, 'at most 30 years of sign-on payments');
  const grantValue = checkMoney(offer.grantValue, `${field}.grantValue`);
  const schedule = scheduleOf(offer.schedule, offer.preset, field);
  const raisePerYear = checkRate(offer.raisePerYear ?? DEFAULT_RATES.raisePerYear, `${field}.raisePerYear`);
  const mu = offer.stock?.mu ?? INCUMBENT_STOCK_DEFAULTS.mu;
  const sigma = offer.stock?.sigma ?? INCUMBENT_STOCK_DEFAULTS.sigma;
  if (!isFiniteNumber(mu) || mu < -1 || mu > 1) fail('PARAMETER_INVALID', `${field}.stock.mu`, 'must be between -1 and 1');
  if (!isFiniteNumber(sigma) || sigma < 0 || sigma > 3) fail('PARAMETER_INVALID', `${field}.stock.sigma`, 'must be between 0 and 3');
  let refresher: NormalizedIncumbentOffer['refresher'];
  if (offer.refresher) {
    const annualValue = checkMoney(offer.refresher.annualValue, `${field}.refresher.annualValue`);
    const hasOwn = offer.refresher.schedule !== undefined || offer.refresher.preset !== undefined;
    const refSchedule = hasOwn ? scheduleOf(offer.refresher.schedule, offer.refresher.preset, `${field}.refresher`) : schedule;
    refresher = { annualValue, schedule: refSchedule };
  }
  return {
    base,
    bonusFraction: offer.bonusTargetPct / 100,
    signOn,
    grantValue,
    schedule,
    ...(offer.preset ? { preset: offer.preset } : {}),
    raisePerYear,
    ...(refresher ? { refresher } : {}),
    stock: { mu, sigma },
  };
}

export interface IncumbentYear {
  year: number;
  cash: number;
  equity: number;
}

export interface IncumbentExpectation {
  /** expected PV over the horizon (cash + vested equity) */
  total: number;
  cash: number;
  equity: number;
  /** expected PV by year (year 1 = first year); with r = 0 these are the nominal amounts */
  byYear: IncumbentYear[];
  /** share of the initial grant still unvested at the horizon (excluded from value) */
  unvestedAtHorizon: number;
}

interface Plan {
  years: number;
  cashPv: number;
  cashByYear: number[];
  obsTimes: Float64Array;
  /** coefficient of S(obs k) for initial-grant vests (value x discount) */
  initialCoef: Float64Array;
  refresherGrantObs: Int32Array;
  /** per refresher grant: start/end offsets into refresherVestObs/refresherVestCoef */
  refresherStart: Int32Array;
  refresherVestObs: Int32Array;
  refresherVestCoef: Float64Array;
  equityByYearExpected: number[];
  unvestedAtHorizon: number;
}

const EPS = 1e-9;

function buildPlan(o: NormalizedIncumbentOffer, horizon: number, rCash: number): Plan {
  const years = Math.ceil(horizon - EPS);
  const cashByYear: number[] = [];
  let cashPv = 0;
  for (let y = 0; y < years; y++) {
    const len = Math.min(1, horizon - y);
    const pay = o.base * Math.pow(1 + o.raisePerYear, y) * (1 + o.bonusFraction) * len + (o.signOn[y] ?? 0);
    const pvY = pay * Math.exp(-rCash * (y + len / 2));
    cashByYear.push(pvY);
    cashPv += pvY;
  }
  const times: number[] = [];
  const indexOf = (t: number): number => {
    for (let i = 0; i < times.length; i++) if (Math.abs(times[i] - t) < EPS) return i;
    times.push(t);
    return times.length - 1;
  };
  const initial = vestingEvents(o.schedule, horizon);
  const initialObs = initial.times.map(indexOf);
  const mu = o.stock.mu;
  const equityByYear = new Array<number>(years).fill(0);
  const initialPairs = initial.times.map((t, k) => {
    const coef = initial.fractions[k] * o.grantValue * Math.exp(-rCash * t);
    equityByYear[Math.min(years - 1, Math.max(0, Math.ceil(t - EPS) - 1))] += coef * Math.exp(mu * t);
    return { obs: initialObs[k], coef };
  });
  const grants: { grantObs: number; vests: { obs: number; coef: number }[] }[] = [];
  if (o.refresher && o.refresher.annualValue > 0) {
    for (let g = 1; g < horizon - EPS; g++) {
      const ev = vestingEvents(o.refresher.schedule, horizon - g);
      if (ev.times.length === 0) continue;
      const grantObs = indexOf(g);
      const vests = ev.times.map((tau, j) => {
        const t = g + tau;
        const coef = ev.fractions[j] * o.refresher!.annualValue * Math.exp(-rCash * t);
        equityByYear[Math.min(years - 1, Math.max(0, Math.ceil(t - EPS) - 1))] += coef * Math.exp(mu * tau);
        return { obs: indexOf(t), coef };
      });
      grants.push({ grantObs, vests });
    }
  }
  // observation times in ascending order, with the indices remapped
  const sorted = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t);
  const remap = new Int32Array(times.length);
  sorted.forEach((x, k) => (remap[x.i] = k));
  const obsTimes = Float64Array.from(sorted.map((x) => x.t));
  const initialCoef = new Float64Array(obsTimes.length);
  for (const p of initialPairs) initialCoef[remap[p.obs]] += p.coef;
  const refresherGrantObs = Int32Array.from(grants.map((g) => remap[g.grantObs]));
  const refresherStart = new Int32Array(grants.length + 1);
  const vestObs: number[] = [];
  const vestCoef: number[] = [];
  grants.forEach((g, k) => {
    refresherStart[k] = vestObs.length;
    for (const v of g.vests) {
      vestObs.push(remap[v.obs]);
      vestCoef.push(v.coef);
    }
  });
  refresherStart[grants.length] = vestObs.length;
  return {
    years,
    cashPv,
    cashByYear,
    obsTimes,
    initialCoef,
    refresherGrantObs,
    refresherStart,
    refresherVestObs: Int32Array.from(vestObs),
    refresherVestCoef: Float64Array.from(vestCoef),
    equityByYearExpected: equityByYear,
    unvestedAtHorizon: 1 - o.schedule.timeShare * timeVestedFraction(o.schedule, horizon),
  };
}

/**
 * Expected PV of an incumbent offer over the horizon (E[S_t] = e^(mu t)); with sigma = 0, mu = 0,
 * r = 0 it is the deterministic fixture: base 200k, 15% bonus, 400k Google grant, H 4, no raise -> 1,320,000.
 */
export function incumbentExpectedValue(offer: IncumbentOffer | NormalizedIncumbentOffer, options: { horizonYears: number; rCash?: number }): IncumbentExpectation {
  const o = 'bonusFraction' in offer ? offer : normalizeIncumbentOffer(offer);
  const horizon = checkYears(options.horizonYears, 'horizonYears');
  const rCash = checkRate(options.rCash ?? DEFAULT_RATES.rCash, 'rCash');
  const plan = buildPlan(o, horizon, rCash);
  const byYear = plan.cashByYear.map((cash, y) => ({ year: y + 1, cash, equity: plan.equityByYearExpected[y] }));
  const cash = plan.cashPv;
  const equity = plan.equityByYearExpected.reduce((a, b) => a + b, 0);
  return { total: cash + equity, cash, equity, byYear, unvestedAtHorizon: plan.unvestedAtHorizon };
}

export interface IncumbentSimulationConfig {
  offer: NormalizedIncumbentOffer;
  horizonYears: number;
  rCash: number;
  paths: number;
  seed: number;
}

export interface IncumbentSimulation {
  paths: number;
  /** PV of cash plus vested RSUs within the horizon, per path */
  pv: Float64Array;
  cashPv: number;
  expected: IncumbentExpectation;
}

/** Simulates the incumbent's share price (GBM sampled exactly at vest and grant dates) and returns the PV of every path. */
export function simulateIncumbent(c: IncumbentSimulationConfig): IncumbentSimulation {
  if (!Number.isInteger(c.paths) || c.paths < 1 || c.paths > 10_000_000) fail('PATHS_INVALID', 'simulation.paths', 'must be a whole number');
  const horizon = checkYears(c.horizonYears, 'simulation.horizonYears');
  const plan = buildPlan(c.offer, horizon, c.rCash);
  const expected = incumbentExpectedValue(c.offer, { horizonYears: horizon, rCash: c.rCash });
  const { mu, sigma } = c.offer.stock;
  const nObs = plan.obsTimes.length;
  const drift = new Float64Array(nObs);
  const vol = new Float64Array(nObs);
  let previous = 0;
  for (let k = 0; k < nObs; k++) {
    const dt = plan.obsTimes[k] - previous;
    drift[k] = (mu - (sigma * sigma) / 2) * dt;
    vol[k] = sigma * Math.sqrt(dt);
    previous = plan.obsTimes[k];
  }
  const price = new Float64Array(nObs);
  const pv = new Float64Array(c.paths);
  const grants = plan.refresherGrantObs.length;
  const rng = new Random(c.seed);
  const coef = plan.initialCoef;
  const grantObs = plan.refresherGrantObs;
  const start = plan.refresherStart;
  const vestObs = plan.refresherVestObs;
  const vestCoef = plan.refresherVestCoef;
  const cashPv = plan.cashPv;
  const deterministic = new Float64Array(nObs);
  let level = 1;
  for (let k = 0; k < nObs; k++) {
    level *= Math.exp(drift[k]);
    deterministic[k] = level;
  }
  const stochastic = sigma > 0;
  for (let i = 0; i < c.paths; i++) {
    let equity = 0;
    if (stochastic) {
      let logS = 0;
      for (let k = 0; k < nObs; k++) {
        logS += drift[k] + vol[k] * rng.normal();
        const s = Math.exp(logS);
        price[k] = s;
        equity += coef[k] * s;
      }
    } else {
      for (let k = 0; k < nObs; k++) {
        price[k] = deterministic[k];
        equity += coef[k] * deterministic[k];
      }
    }
    for (let g = 0; g < grants; g++) {
      let sum = 0;
      for (let j = start[g]; j < start[g + 1]; j++) sum += vestCoef[j] * price[vestObs[j]];
      equity += sum / price[grantObs[g]];
    }
    pv[i] = cashPv + equity;
  }
  return { paths: c.paths, pv, cashPv: plan.cashPv, expected };
}
