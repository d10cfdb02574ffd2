import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInitialCapTable } from './dilution.js';
import { DEFAULT_RATES, resolveModelParameters } from './parameters.js';
import type { ModelParameters } from './parameters.js';
import { OUTCOME_SHUTDOWN, simulateStartupEquity } from './startup-simulation.js';
import type { ExercisePolicy, GrantKind, StartupSimulationConfig } from './startup-simulation.js';
import { summarize } from './statistics.js';
import { normalizeVesting } from './vesting.js';
import type { VestingSpec } from './vesting.js';

const FD = 10_000_000;
const POST = 19_200_000;
const PREFERRED_PRICE = POST / FD;

function config(over: {
  params?: ModelParameters;
  shares?: number;
  strike?: number;
  kind?: GrantKind;
  policy?: ExercisePolicy;
  paths?: number;
  seed?: number;
  tenure?: number;
  vesting?: VestingSpec;
  equityTail?: 'include' | 'exclude';
} = {}): StartupSimulationConfig {
  const params = over.params ?? resolveModelParameters();
  const shares = over.shares ?? 50_000;
  return {
    params,
    stageIndex: 0,
    lastPostMoney: POST,
    capTable: buildInitialCapTable({ stage: 'seed', fullyDilutedShares: FD, lastPostMoney: POST }, shares, params),
    grant: { kind: over.kind ?? 'ISO', shares, strike: over.strike ?? 0.25 * PREFERRED_PRICE },
    vesting: normalizeVesting(over.vesting ?? { totalYears: 4, cliffYears: 1, periodYears: 1 / 12 }),
    tenureYears: over.tenure ?? 4,
    exercisePolicy: over.policy ?? 'extendedWindow',
    rates: { rCash: DEFAULT_RATES.rCash, rEquity: 0.2, equityTaxRate: 0 },
    horizonYears: 4,
    equityTail: over.equityTail ?? 'include',
    paths: over.paths ?? 100_000,
    seed: over.seed ?? 20250119,
  };
}

const within = (actual: number, target: number, tolerance: number): void => {
  expect(actual).toBeGreaterThanOrEqual(target * (1 - tolerance));
  expect(actual).toBeLessThanOrEqual(target * (1 + tolerance));
};

describe('calibration targets of 4.2.9 (seed start, defaults, 100,000 paths, fixed seed, tolerance +-20% relative)', () => {
  const run = simulateStartupEquity(config());
  const s = run.stats;

  it('share of seed companies that exit (M&A or IPO) is 0.30 +-20%', () => within(s.pAcquired + s.pIpo, 0.3, 0.2));
  it('share reaching Series A is 0.64 +-20%', () => within(s.pReachedStage[1], 0.64, 0.2));
  it('acquisitions below capital invested are 0.42 +-20%', () => within(s.acquisitionsBelowInvested, 0.42, 0.2));
  it('share ever valued at $1B or more is within 0.009-0.023, widened by 20%', () => {
    expect(s.pEverAboveValueMark).toBeGreaterThanOrEqual(0.009 * 0.8);
    expect(s.pEverAboveValueMark).toBeLessThanOrEqual(0.023 * 1.2);
  });
  it('IPO share is 0.006 +-20%', () => within(s.pIpo, 0.006, 0.2));
  it('mean years from seed to exit lies in 6-10 years, widened by 20%', () => {
    expect(s.meanYearsToExit).toBeGreaterThanOrEqual(6 * 0.8);
    expect(s.meanYearsToExit).toBeLessThanOrEqual(10 * 1.2);
  });
});

describe('prototype example of 4.2.9 (seed at 19.2M post, 0.5% options, strike 25% of preferred, tenure 4, r_e 0.20; 100,000 paths, +-25%)', () => {
  const extended = simulateStartupEquity(config());
  const sum = summarize(extended.pv);
  const pZero = extended.pv.filter((v) => v <= 0).length / extended.paths;

  it('P(payoff = 0) is about 0.85 (+-25%)', () => within(pZero, 0.85, 0.25));
  it('mean PV is about $14k (+-25%)', () => within(sum.mean, 14_000, 0.25));
  it('P90 is about $17k (+-25%)', () => within(sum.p90, 17_000, 0.25));
  it('P95 is about $63k (+-25%)', () => within(sum.p95, 63_000, 0.25));
  it('P99 is about $290k (+-25%)', () => within(sum.p99, 290_000, 0.25));
  // A difference of a heavy-tailed gain and a fixed cost: its standard error at 100k paths is about $400
  // (10% of the target), so this check uses 500,000 paths to stay a test of the model, not of the seed.
  it('with exerciseAtDeparture the mean falls to about $4k (+-25%, 500,000 paths)', () => {
    const atDeparture = simulateStartupEquity(config({ policy: 'exerciseAtDeparture', paths: 500_000 }));
    within(summarize(atDeparture.pv).mean, 4_000, 0.25);
  });
});

describe('simulateStartupEquity properties', () => {
  const small = { paths: 2_000 };

  it('same seed gives identical paths; another seed differs', () => {
    const a = simulateStartupEquity(config({ ...small, seed: 9 }));
    const b = simulateStartupEquity(config({ ...small, seed: 9 }));
    const c = simulateStartupEquity(config({ ...small, seed: 10 }));
    expect(Array.from(a.pv)).toEqual(Array.from(b.pv));
    expect(Array.from(a.exitYears)).toEqual(Array.from(b.exitYears));
    expect(Array.from(a.pv)).not.toEqual(Array.from(c.pv));
  });

  it('property: equity PV is linear in the number of shares (path by path)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 400_000 }),
        fc.double({ min: 1.1, max: 5, noNaN: true }),
        fc.constantFrom<ExercisePolicy>('exerciseAtDeparture', 'forfeitAtDeparture', 'extendedWindow'),
        fc.integer({ min: 0, max: 1000 }),
        (shares, factor, policy, seed) => {
          const scaled = Math.round(shares * factor);
          const a = simulateStartupEquity(config({ paths: 1_000, shares, policy, seed }));
          const b = simulateStartupEquity(config({ paths: 1_000, shares: scaled, policy, seed }));
          const ratio = scaled / shares;
          for (let i = 0; i < a.paths; i++) if (Math.abs(b.pv[i] - ratio * a.pv[i]) > 1e-6 * Math.max(1, Math.abs(b.pv[i]))) return false;
          return true;
        },
      ),
      { numRuns: 20 },
    );
  });

  it('property: P(payoff <= 0) >= P(shutdown), and every shutdown path pays nothing positive', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<GrantKind>('ISO', 'NSO', 'RSU', 'RSA'),
        fc.constantFrom<ExercisePolicy>('exerciseAtDeparture', 'forfeitAtDeparture', 'extendedWindow'),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (kind, policy, tenure, seed) => {
          const r = simulateStartupEquity(config({ paths: 1_000, kind, policy, tenure, seed }));
          let zero = 0;
          let positiveShutdown = 0;
          for (let i = 0; i < r.paths; i++) {
            if (r.pv[i] <= 0) zero++;
            if (r.outcome[i] === OUTCOME_SHUTDOWN && r.pv[i] > 0) positiveShutdown++;
          }
          return zero / r.paths >= r.stats.pShutdown && positiveShutdown === 0;
        },
      ),
      { numRuns: 20 },
    );
  });

  it('excluding the post-horizon tail never adds value', () => {
    const inc = simulateStartupEquity(config(small));
    const exc = simulateStartupEquity(config({ ...small, equityTail: 'exclude' }));
    for (let i = 0; i < inc.paths; i++) expect(exc.pv[i]).toBeLessThanOrEqual(inc.pv[i] + 1e-9);
    expect(summarize(exc.pv).mean).toBeLessThan(summarize(inc.pv).mean);
  });

  it('single-trigger acceleration on acquisition never lowers a path and raises the mean for short tenures', () => {
    const base = { ...small, tenure: 10, vesting: { totalYears: 4, cliffYears: 1, periodYears: 1 / 12 } };
    const none = simulateStartupEquity(config(base));
    const acc = simulateStartupEquity(config({ ...base, vesting: { ...base.vesting, acceleration: { kind: 'single', fraction: 1 } } }));
    for (let i = 0; i < none.paths; i++) expect(acc.pv[i]).toBeGreaterThanOrEqual(none.pv[i] - 1e-9);
    expect(summarize(acc.pv).mean).toBeGreaterThan(summarize(none.pv).mean);
  });

  it('RSUs are worth at least options on the same shares', () => {
    const opt = simulateStartupEquity(config(small));
    const rsu = simulateStartupEquity(config({ ...small, kind: 'RSU' }));
    for (let i = 0; i < opt.paths; i++) expect(rsu.pv[i]).toBeGreaterThanOrEqual(opt.pv[i] - 1e-9);
  });

  it('forfeiting at departure is worth no more than an extended window', () => {
    const ext = simulateStartupEquity(config(small));
    const forfeit = simulateStartupEquity(config({ ...small, policy: 'forfeitAtDeparture' }));
    for (let i = 0; i < ext.paths; i++) expect(forfeit.pv[i]).toBeLessThanOrEqual(ext.pv[i] + 1e-9);
  });

  it('the carta-2018-cohort preset produces fewer exits than the default', () => {
    const carta = simulateStartupEquity(config({ ...small, paths: 20_000, params: resolveModelParameters('carta-2018-cohort') }));
    const def = simulateStartupEquity(config({ ...small, paths: 20_000 }));
    expect(carta.stats.pAcquired).toBeLessThan(def.stats.pAcquired);
  });
});
