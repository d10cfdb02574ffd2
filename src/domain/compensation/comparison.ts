import { checkMoney, checkRate, checkYears, fail, isFiniteNumber } from './checks.js';
import { OUTCOME_SHUTDOWN } from './startup-simulation.js';
import type { StartupSimulation } from './startup-simulation.js';

/** Joint comparison of the two offers over the horizon, compensation-model.md 4.4. */

export interface StartupCashTerms {
  base: number;
  /** yearly target bonus amount */
  bonus: number;
  raisePerYear: number;
  /** pay after a shutdown (after the job search) or after leaving; default the candidate's current base */
  fallbackSalary: number;
  searchYears: number;
  tenureYears: number;
  horizonYears: number;
  rCash: number;
}

const EPS = 1e-9;

function checkCashTerms(t: StartupCashTerms): void {
  checkMoney(t.base, 'startup.base');
  checkMoney(t.bonus, 'startup.bonusTarget');
  checkRate(t.raisePerYear, 'startup.raisePerYear');
  checkMoney(t.fallbackSalary, 'candidate.fallbackSalary');
  if (!isFiniteNumber(t.searchYears) || t.searchYears < 0 || t.searchYears > 30) fail('HORIZON_INVALID', 'candidate.searchYears', 'must be between 0 and 30 years');
  checkYears(t.tenureYears, 'startup.employee.expectedTenureYears');
  checkYears(t.horizonYears, 'simulation.horizonYears');
  checkRate(t.rCash, 'rCash');
}

/** PV of a flow paid at `annual[y]` per year between x0 and x1, split by year and discounted at each piece's midpoint. */
function flowPv(x0: number, x1: number, annual: Float64Array, r: number, byYear: Float64Array | null): number {
  let pv = 0;
  let x = x0;
  let y = Math.floor(x0 + EPS);
  while (x < x1 - EPS && y < annual.length) {
    const end = Math.min(x1, y + 1);
    const d = annual[y] * (end - x) * Math.exp(-r * ((x + end) / 2));
    if (byYear) byYear[y] += d;
    pv += d;
    x = end;
    y++;
  }
  return pv;
}

/** Startup pay (base + bonus) and fallback salary for each year of the horizon, both growing by the yearly raise. */
function payByYear(terms: StartupCashTerms): { years: number; startupPay: Float64Array; fallbackPay: Float64Array } {
  const years = Math.ceil(terms.horizonYears - EPS);
  const startupPay = new Float64Array(years);
  const fallbackPay = new Float64Array(years);
  for (let y = 0; y < years; y++) {
    const growth = Math.pow(1 + terms.raisePerYear, y);
    startupPay[y] = (terms.base + terms.bonus) * growth;
    fallbackPay[y] = terms.fallbackSalary * growth;
  }
  return { years, startupPay, fallbackPay };
}

/**
 * PV of the startup side's cash over the horizon when the company shuts down at `shutdownYears`
 * (Infinity if it does not): startup pay while employed and alive; after a shutdown the candidate
 * is re-employed after `searchYears` at the fallback salary; after leaving, the fallback salary.
 */
export function startupCashPv(terms: StartupCashTerms, shutdownYears: number, byYear?: Float64Array): number {
  checkCashTerms(terms);
  const { startupPay, fallbackPay } = payByYear(terms);
  return cashPvWith(terms, startupPay, fallbackPay, shutdownYears, byYear ?? null);
}

function cashPvWith(t: StartupCashTerms, startupPay: Float64Array, fallbackPay: Float64Array, shutdown: number, byYear: Float64Array | null): number {
  const h = t.horizonYears;
  const employedUntil = Math.min(shutdown, t.tenureYears, h);
  let pv = flowPv(0, employedUntil, startupPay, t.rCash, byYear);
  if (shutdown < Math.min(t.tenureYears, h)) {
    pv += flowPv(Math.min(shutdown + t.searchYears, h), h, fallbackPay, t.rCash, byYear);
  } else if (t.tenureYears < h) {
    pv += flowPv(t.tenureYears, h, fallbackPay, t.rCash, byYear);
  }
  return pv;
}

export interface StartupCashSimulation {
  /** cash PV of each path */
  pv: Float64Array;
  /** mean cash PV by year of the horizon */
  byYear: number[];
}

/** Cash PV of every startup path (depends on the path's shutdown time). */
export function simulateStartupCash(terms: StartupCashTerms, startup: StartupSimulation): StartupCashSimulation {
  checkCashTerms(terms);
  const { years, startupPay, fallbackPay } = payByYear(terms);
  const byYearSurvive = new Float64Array(years);
  const survivePv = cashPvWith(terms, startupPay, fallbackPay, Number.POSITIVE_INFINITY, byYearSurvive);
  const stopsBefore = Math.min(terms.tenureYears, terms.horizonYears);
  const byYear = new Float64Array(years);
  const pv = new Float64Array(startup.paths);
  let survivors = 0;
  for (let i = 0; i < startup.paths; i++) {
    const t = startup.exitYears[i];
    if (startup.outcome[i] === OUTCOME_SHUTDOWN && t < stopsBefore) {
      pv[i] = cashPvWith(terms, startupPay, fallbackPay, t, byYear);
    } else {
      pv[i] = survivePv;
      survivors++;
    }
  }
  for (let y = 0; y < years; y++) byYear[y] = (byYear[y] + survivors * byYearSurvive[y]) / startup.paths;
  return { pv, byYear: Array.from(byYear) };
}

export interface OfferComparison {
  startupTotal: Float64Array;
  pStartupBeatsIncumbent: number;
  meanDifference: number;
  medianDifference: number;
}

/** P(PV_startup > PV_incumbent) over paired independent paths, and the mean and median difference. */
export function compareOffers(startupCash: Float64Array, startupEquity: Float64Array, incumbent: Float64Array): OfferComparison {
  const n = startupCash.length;
  if (startupEquity.length !== n || incumbent.length !== n) fail('PATHS_INVALID', 'simulation.paths', 'both offers need the same number of paths');
  const total = new Float64Array(n);
  const diff = new Float64Array(n);
  let wins = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const s = startupCash[i] + startupEquity[i];
    total[i] = s;
    const d = s - incumbent[i];
    diff[i] = d;
    sum += d;
    if (d > 0) wins++;
  }
  diff.sort();
  const h = (n - 1) * 0.5;
  const lo = Math.floor(h);
  const median = diff[lo] + (h - lo) * (diff[Math.min(lo + 1, n - 1)] - diff[lo]);
  return { startupTotal: total, pStartupBeatsIncumbent: wins / n, meanDifference: sum / n, medianDifference: median };
}

export interface BreakEvenGrant {
  /** shares needed (rounded up); null when equity has no positive expected value */
  shares: number | null;
  fullyDilutedPct: number | null;
  /** false when the grant would exceed the plausible ceiling for a non-founder, or equity has no value */
  reachable: boolean;
}

/**
 * Break-even grant g* = g x (E[PV_inc] - E[PV_cash_startup]) / E[PV_equity(g)]: equity PV is
 * linear in the share count (4.4). Zero when the cash alone already matches the incumbent.
 */
export function breakEvenGrant(input: {
  grantShares: number;
  fullyDilutedShares: number;
  meanIncumbentPv: number;
  meanStartupCashPv: number;
  meanEquityPv: number;
  maxPlausiblePct: number;
}): BreakEvenGrant {
  const gap = input.meanIncumbentPv - input.meanStartupCashPv;
  if (gap <= 0) return { shares: 0, fullyDilutedPct: 0, reachable: true };
  if (!(input.meanEquityPv > 0)) return { shares: null, fullyDilutedPct: null, reachable: false };
  const shares = Math.ceil((input.grantShares * gap) / input.meanEquityPv);
  const pct = (100 * shares) / input.fullyDilutedShares;
  return { shares, fullyDilutedPct: pct, reachable: pct <= input.maxPlausiblePct };
}
