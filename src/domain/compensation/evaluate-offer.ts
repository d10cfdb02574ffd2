import simulationJson from '../../../data/compensation/simulation-defaults.json' with { type: 'json' };
import { toResult } from '../shared/errors.js';
import type { Result } from '../shared/errors.js';
import { budgetShare, BUDGET_SHARE_THRESHOLDS } from './bands.js';
import type { BudgetShare, StageBand } from './bands.js';
import { checkRate, checkShare, fail, formatAmount, formatPercent } from './checks.js';
import { breakEvenGrant, compareOffers, simulateStartupCash } from './comparison.js';
import { buildInitialCapTable, ownershipThroughRounds } from './dilution.js';
import { checkBelowStageBand, checkBelowThreshold, checkBudgetShare, checkEquityStatement } from './findings.js';
import type { Finding } from './findings.js';
import { lifetimeFailureProbability, rescaleFailureProbability } from './funnel.js';
import { INCUMBENT_STOCK_SOURCES, normalizeIncumbentOffer, simulateIncumbent } from './incumbent.js';
import type { IncumbentSimulation, NormalizedIncumbentOffer } from './incumbent.js';
import {
  COMPANY_STAGE_MAPPING_SOURCE,
  DEFAULT_RATES,
  describeModelParameters,
  listModelPresets,
  modelStageOf,
  RATE_SOURCES,
  resolveModelParameters,
  sourceText,
} from './parameters.js';
import type { Assumption, ModelParameters, ModelPreset, Rates } from './parameters.js';
import { streamSeed } from './random.js';
import { scenarioTable } from './scenario.js';
import { OfferEvaluateInput, OfferEvaluation, parseWith } from './schema.js';
import { simulateStartupEquity } from './startup-simulation.js';
import type { EquityTail, ExercisePolicy } from './startup-simulation.js';
import { histogram, meanOf, quantileSorted, sortedCopy, summarizeSorted } from './statistics.js';
import type { DistributionSummary } from './statistics.js';
import { computeCashThreshold, THRESHOLD_DEFAULTS, THRESHOLD_SOURCES } from './threshold.js';
import { normalizeVesting } from './vesting.js';

/** Run settings and defaults of the offer evaluation (data/compensation/simulation-defaults.json). */
export const SIMULATION_DEFAULTS = {
  paths: simulationJson.paths.value,
  pathsMin: simulationJson.pathsMin.value,
  pathsMax: simulationJson.pathsMax.value,
  seed: simulationJson.seed.value,
  horizonYears: simulationJson.horizonYears.value,
  equityTail: simulationJson.equityTail.value as EquityTail,
  exercisePolicy: simulationJson.exercisePolicy.value as ExercisePolicy,
  maxPlausibleGrantPct: simulationJson.maxPlausibleGrantPct.value,
  scenarioExitMultiples: simulationJson.scenarioExitMultiples.value,
  histogramBins: simulationJson.histogramBins.value,
} as const;

/** Company-level settings a server passes in (tenant configuration), never taken from the request body. */
export interface EvaluateOfferOptions {
  /** model preset when the input does not name one */
  preset?: ModelPreset;
  /** overrides of single model parameters */
  parameters?: Partial<ModelParameters>;
  rates?: Partial<Rates>;
  /** loss tolerance as a share of current total comp (default calibrated 0.36) */
  lossToleranceShare?: number;
  /** the company's bands instead of the field-report defaults */
  bands?: readonly StageBand[];
  budgetThresholds?: { warningAbove: number; errorAbove: number };
  /** default for simulation.equityTail when the input does not set it */
  equityTail?: EquityTail;
  histogramBins?: number;
}

/** Parses and validates an evaluation request: Zod shape (strict, integers for money) plus the cross-field rules of table 4.6. */
export function parseOfferEvaluateInput(input: unknown): OfferEvaluateInput {
  const parsed = parseWith(OfferEvaluateInput, input);
  if (parsed.startup.currency !== undefined && parsed.startup.currency !== parsed.currency) {
    fail('CURRENCY_MISMATCH', 'startup.currency', `is ${parsed.startup.currency} but the evaluation is in ${parsed.currency}`);
  }
  if (parsed.incumbent?.currency !== undefined && parsed.incumbent.currency !== parsed.currency) {
    fail('CURRENCY_MISMATCH', 'incumbent.currency', `is ${parsed.incumbent.currency} but the evaluation is in ${parsed.currency}`);
  }
  if (parsed.startup.company.fullyDilutedShares <= parsed.startup.grant.shares) {
    fail('SHARES_INVALID', 'startup.grant.shares', 'must be fewer than the fully diluted shares');
  }
  normalizeVesting(parsed.startup.grant.vesting as Parameters<typeof normalizeVesting>[0], 'startup.grant.vesting');
  if (parsed.incumbent) normalizeIncumbentOffer(parsed.incumbent, 'incumbent');
  if (parsed.budget) {
    const b = parsed.budget;
    budgetShare({ aiTeamAnnualCash: b.aiTeamAnnualCash, plannedHiresAnnualCash: b.plannedHiresAnnualCash, budget: { annualBudget: b.annualBudget, raise: b.raise, runwayYears: b.runwayYears, annualBurn: b.annualBurn } });
  }
  return parsed;
}

/** Result form of parseOfferEvaluateInput. */
export function safeParseOfferEvaluateInput(input: unknown): Result<OfferEvaluateInput> {
  return toResult(() => parseOfferEvaluateInput(input));
}

const money = (x: number): number => Math.round(x) || 0;
const prob = (x: number): number => Math.round(x * 1e6) / 1e6 || 0;
const fine = (x: number): number => Math.round(x * 1e6) / 1e6 || 0;

interface Sample {
  sorted: Float64Array;
  summary: DistributionSummary;
}

/** Sorts a sample once and summarises it. */
function sample(values: ArrayLike<number>): Sample {
  const sorted = sortedCopy(values);
  return { sorted, summary: summarizeSorted(sorted, meanOf(values)) };
}

function percentiles(s: DistributionSummary): { mean: number; p10: number; p25: number; p50: number; p75: number; p90: number; p99: number; p95: number } {
  return { mean: money(s.mean), p10: money(s.p10), p25: money(s.p25), p50: money(s.p50), p75: money(s.p75), p90: money(s.p90), p99: money(s.p99), p95: money(s.p95) };
}

/**
 * Evaluates a startup offer against the candidate's threshold and, when given, an incumbent offer
 * (compensation.md "Contract"). Throws DomainError on invalid input. Same input and seed give
 * byte-identical JSON.
 */
export function evaluateOffer(rawInput: unknown, options: EvaluateOfferOptions = {}): OfferEvaluation {
  const input = parseOfferEvaluateInput(rawInput);
  const { candidate, startup, incumbent, currency } = input;
  const sim = input.simulation ?? {};
  const assumptions: Assumption[] = [];
  const assume = (name: string, value: Assumption['value'], source: string): void => {
    assumptions.push({ name, value, source });
  };

  // run settings
  const paths = sim.paths ?? SIMULATION_DEFAULTS.paths;
  const seed = sim.seed ?? SIMULATION_DEFAULTS.seed;
  const horizonYears = sim.horizonYears ?? SIMULATION_DEFAULTS.horizonYears;
  const equityTail: EquityTail = sim.equityTail ?? options.equityTail ?? SIMULATION_DEFAULTS.equityTail;
  const preset: ModelPreset = sim.preset ?? options.preset ?? 'default';
  if (sim.paths === undefined) assume('simulation.paths', paths, sourceText(simulationJson.paths));
  if (sim.seed === undefined) assume('simulation.seed', seed, sourceText(simulationJson.seed));
  if (sim.horizonYears === undefined) assume('simulation.horizonYears', horizonYears, sourceText(simulationJson.horizonYears));
  if (sim.equityTail === undefined) assume('simulation.equityTail', equityTail, options.equityTail ? 'company setting' : sourceText(simulationJson.equityTail));

  // model parameters and rates
  const params = resolveModelParameters(preset, options.parameters);
  const presetInfo = listModelPresets().find((p) => p.id === preset);
  assume('model.preset', preset, presetInfo ? `${presetInfo.label}: ${presetInfo.source}` : 'model preset');
  assumptions.push(...describeModelParameters(preset, options.parameters));
  const rates: Rates = { ...DEFAULT_RATES, ...options.rates };
  checkRate(rates.rCash, 'rates.rCash');
  checkRate(rates.rEquity, 'rates.rEquity');
  checkRate(rates.raisePerYear, 'rates.raisePerYear');
  checkShare(rates.equityTaxRate, 'rates.equityTaxRate');
  for (const key of ['rCash', 'rEquity', 'equityTaxRate'] as const) {
    assume(`rates.${key}`, rates[key], options.rates?.[key] !== undefined ? 'company setting' : RATE_SOURCES[key]);
  }
  const startupRaise = startup.raisePerYear ?? rates.raisePerYear;
  if (startup.raisePerYear === undefined) assume('startup.raisePerYear', startupRaise, options.rates?.raisePerYear !== undefined ? 'company setting' : RATE_SOURCES.raisePerYear);

  // stage and failure probability
  const stage = modelStageOf(startup.company.stage);
  if (startup.company.stage !== stage.stage) assume('startup.company.stage', `${startup.company.stage} simulated as ${stage.stage}`, COMPANY_STAGE_MAPPING_SOURCE);
  const funnelFailure = lifetimeFailureProbability(params, stage.index);
  const pFail = candidate.perceivedFailureProbability ?? funnelFailure;
  if (candidate.perceivedFailureProbability === undefined) {
    assume('candidate.perceivedFailureProbability', prob(pFail), `lifetime shutdown probability of a ${stage.stage} company in the stage funnel (${preset} preset, compensation-model.md 4.1/4.2.3)`);
  }

  // threshold (4.1)
  const threshold = computeCashThreshold({
    currentBase: candidate.currentBase,
    currentBonus: candidate.currentBonus,
    currentEquityAnnual: candidate.currentEquityAnnual,
    annualObligations: candidate.annualObligations,
    effectiveTaxRate: candidate.effectiveTaxRate,
    perceivedFailureProbability: pFail,
    savingsShare: candidate.savingsShare,
    searchYears: candidate.searchYears,
    horizonYears,
    lossTolerance: candidate.lossTolerance,
    lossToleranceShare: options.lossToleranceShare,
  });
  if (candidate.savingsShare === undefined) assume('candidate.savingsShare', threshold.savingsShare, THRESHOLD_SOURCES.savingsShare);
  if (candidate.searchYears === undefined) assume('candidate.searchYears', fine(threshold.searchYears), THRESHOLD_SOURCES.searchYears);
  if (candidate.lossTolerance === undefined) {
    const share = options.lossToleranceShare ?? THRESHOLD_DEFAULTS.lossToleranceShare;
    assume(
      'candidate.lossTolerance',
      money(threshold.lossTolerance),
      options.lossToleranceShare !== undefined ? `company setting: ${share} x current total comp` : `${share} x current total comp, ${THRESHOLD_SOURCES.lossToleranceShare}`,
    );
  }

  // startup grant
  const capTable = buildInitialCapTable(startup.company, startup.grant.shares, params);
  if (capTable.synthesized) {
    assume(
      'startup.company.preferred',
      capTable.series.map((s) => money(s.invested)),
      capTable.safeConversion
        ? 'synthesised: pre-seed SAFE converts at the seed median dilution with the last post-money as cap (compensation-model.md 4.2.1)'
        : 'synthesised round history: invested = post-money x median dilution per past round, 1x non-participating (compensation-model.md 4.2.3)',
    );
  }
  assume('waterfall.exerciseCash', 'ignored', 'options counted as outstanding common; exercise cash ignored in the waterfall (compensation-model.md 4.2.5)');
  const preferredPrice = startup.company.lastPostMoney / startup.company.fullyDilutedShares;
  const kind = startup.grant.kind;
  const strike = startup.grant.strike ?? (kind === 'RSU' ? 0 : params.strikeRatio[stage.index] * preferredPrice);
  if (startup.grant.strike === undefined && kind !== 'RSU') {
    assume('startup.grant.strike', fine(strike), `${params.strikeRatio[stage.index]} x preferred price (model.strikeRatio, ${stage.stage}); prefer the strike in the offer letter`);
  }
  const vesting = normalizeVesting(startup.grant.vesting as Parameters<typeof normalizeVesting>[0], 'startup.grant.vesting');
  const tenureYears = startup.employee?.expectedTenureYears ?? vesting.totalYears;
  if (startup.employee?.expectedTenureYears === undefined) assume('startup.employee.expectedTenureYears', tenureYears, 'vesting length (compensation-model.md 4.2.1)');
  const exercisePolicy: ExercisePolicy = startup.employee?.exercisePolicy ?? SIMULATION_DEFAULTS.exercisePolicy;
  if (startup.employee?.exercisePolicy === undefined && (kind === 'ISO' || kind === 'NSO')) {
    assume('startup.employee.exercisePolicy', exercisePolicy, sourceText(simulationJson.exercisePolicy));
  }

  // failure belief feeds the funnel (4.2.4)
  let simParams = params;
  let failureRescaled = false;
  if (candidate.perceivedFailureProbability !== undefined) {
    const r = rescaleFailureProbability(params, stage.index, candidate.perceivedFailureProbability);
    simParams = r.parameters;
    failureRescaled = true;
    assume('model.shutdownShift', fine(r.theta), `shutdown shares rescaled by bisection so lifetime failure = ${candidate.perceivedFailureProbability} (model ${prob(funnelFailure)}); pNext unchanged (compensation-model.md 4.2.4)`);
  }

  const startupSim = simulateStartupEquity({
    params: simParams,
    stageIndex: stage.index,
    lastPostMoney: startup.company.lastPostMoney,
    capTable,
    grant: { kind, shares: startup.grant.shares, strike },
    vesting,
    tenureYears,
    exercisePolicy,
    rates,
    horizonYears,
    equityTail,
    paths,
    seed: streamSeed(seed, 1),
  });

  const fallbackSalary = candidate.fallbackSalary ?? candidate.currentBase;
  if (candidate.fallbackSalary === undefined) assume('candidate.fallbackSalary', fallbackSalary, 'current base (compensation-model.md 4.4: re-employed after the search at the fallback salary)');
  const cash = simulateStartupCash(
    {
      base: startup.base,
      bonus: startup.bonusTarget ?? 0,
      raisePerYear: startupRaise,
      fallbackSalary,
      searchYears: threshold.searchYears,
      tenureYears,
      horizonYears,
      rCash: rates.rCash,
    },
    startupSim,
  );

  const equitySample = sample(startupSim.pv);
  const equity = percentiles(equitySample.summary);
  let zeroOrLess = 0;
  while (zeroOrLess < paths && equitySample.sorted[zeroOrLess] <= 0) zeroOrLess++;
  const cashSample = sample(cash.pv);
  const cashSummary = cashSample.summary;
  const exitTimes: number[] = [];
  for (let i = 0; i < paths; i++) if (startupSim.outcome[i] !== 0) exitTimes.push(startupSim.exitYears[i]);
  const exitSorted = sortedCopy(exitTimes);
  const bins = options.histogramBins ?? SIMULATION_DEFAULTS.histogramBins;
  const eqLo = Math.min(0, quantileSorted(equitySample.sorted, 0.005));
  const eqHi = Math.max(eqLo + bins, quantileSorted(equitySample.sorted, 0.995));
  const equityHistogram = roundHistogram(histogram(startupSim.pv, money(eqLo), money(eqHi), bins));
  // the incumbent draws from its own stream split from the run seed (4.4)
  let inc: (IncumbentSimulation & { offer: NormalizedIncumbentOffer }) | null = null;
  if (incumbent) {
    const offer = normalizeIncumbentOffer(incumbent, 'incumbent');
    inc = { offer, ...simulateIncumbent({ offer, horizonYears, rCash: rates.rCash, paths, seed: streamSeed(seed, 2) }) };
  }
  const comparison = inc ? compareOffers(cash.pv, startupSim.pv, inc.pv) : null;
  let total: Float64Array;
  if (comparison) {
    total = comparison.startupTotal;
  } else {
    total = new Float64Array(paths);
    for (let i = 0; i < paths; i++) total[i] = cash.pv[i] + startupSim.pv[i];
  }
  const totalSample = sample(total);

  const output: OfferEvaluation = {
    currency,
    threshold: {
      amount: money(threshold.amount),
      binding: threshold.binding,
      floors: { obligations: money(threshold.floors.obligations), risk: threshold.floors.risk === null ? null : money(threshold.floors.risk) },
      perceivedFailureProbability: prob(threshold.perceivedFailureProbability),
      lossTolerance: money(threshold.lossTolerance),
      currentTotalComp: money(threshold.currentTotalComp),
      exceedsCurrentTotalComp: threshold.exceedsCurrentTotalComp,
    },
    startup: {
      equityPv: equity,
      pZero: prob(zeroOrLess / paths),
      paperValue: money(startup.grant.shares * preferredPrice),
      preferredPricePerShare: fine(preferredPrice),
      strikePerShare: fine(strike),
      fullyDilutedPct: fine((100 * startup.grant.shares) / startup.company.fullyDilutedShares),
      cashPv: { mean: money(cashSummary.mean), p10: money(cashSummary.p10), p50: money(cashSummary.p50), p90: money(cashSummary.p90) },
      totalPv: dropP95(percentiles(totalSample.summary)),
      outcomes: {
        pShutdown: prob(startupSim.stats.pShutdown),
        pAcquired: prob(startupSim.stats.pAcquired),
        pIpo: prob(startupSim.stats.pIpo),
        meanYearsToExit: exitTimes.length > 0 ? fine(startupSim.stats.meanYearsToExit) : null,
        exitYears:
          exitTimes.length > 0
            ? { p10: fine(quantileSorted(exitSorted, 0.1)), p50: fine(quantileSorted(exitSorted, 0.5)), p90: fine(quantileSorted(exitSorted, 0.9)) }
            : null,
      },
      expectedVestedFractionAtExit: fine(startupSim.stats.meanVestedFraction),
      equityAfterHorizon: money(startupSim.stats.pvAfterHorizon),
      histogram: equityHistogram,
    },
    ownership: ownershipThroughRounds({ shares: startup.grant.shares, fullyDilutedShares: startup.company.fullyDilutedShares, stage: startup.company.stage }, params).map(
      (s) => ({ stage: s.stage, fullyDilutedPct: fine(s.fullyDilutedPct) }),
    ),
    valueByYear: cash.byYear.map((c, y) => ({ year: y + 1, startupCash: money(c), startupEquity: money(startupSim.stats.pvByExitYear[y] ?? 0) })),
    scenarioTable: {
      ...roundScenario(
        scenarioTable({
          capTable,
          stageIndex: stage.index,
          stageLabel: startup.company.stage,
          lastPostMoney: startup.company.lastPostMoney,
          grantShares: startup.grant.shares,
          strike,
          params,
          exitMultiples: SIMULATION_DEFAULTS.scenarioExitMultiples,
        }),
      ),
      note: 'Fully vested grant value (shares x max(0, common price - strike)), gross and undiscounted, if the company exits at each value now or after each later round at median dilution and step-up, through a 1x non-participating waterfall.',
    },
    findings: [],
    assumptions,
    simulation: { paths, seed, horizonYears, preset, equityTail, failureRescaled },
  };

  if (incumbent && inc && comparison) {
    const offer = inc.offer;
    if (incumbent.raisePerYear === undefined) assume('incumbent.raisePerYear', offer.raisePerYear, RATE_SOURCES.raisePerYear);
    if (incumbent.stock?.sigma === undefined) assume('incumbent.stock.sigma', offer.stock.sigma, INCUMBENT_STOCK_SOURCES.sigma);
    if (incumbent.stock?.mu === undefined) assume('incumbent.stock.mu', offer.stock.mu, INCUMBENT_STOCK_SOURCES.mu);
    const incSample = sample(inc.pv);
    const incSummary = percentiles(incSample.summary);
    const incSorted = incSample.sorted;
    const totalSorted = totalSample.sorted;
    const lo = Math.min(quantileSorted(incSorted, 0.005), quantileSorted(totalSorted, 0.005));
    const hi = Math.max(quantileSorted(incSorted, 0.995), quantileSorted(totalSorted, 0.995), lo + bins);
    const hStartup = roundHistogram(histogram(comparison.startupTotal, money(lo), money(hi), bins));
    const hIncumbent = roundHistogram(histogram(inc.pv, money(lo), money(hi), bins));
    const maxPct = SIMULATION_DEFAULTS.maxPlausibleGrantPct;
    const be = breakEvenGrant({
      grantShares: startup.grant.shares,
      fullyDilutedShares: startup.company.fullyDilutedShares,
      meanIncumbentPv: incSample.summary.mean,
      meanStartupCashPv: cashSummary.mean,
      meanEquityPv: equitySample.summary.mean,
      maxPlausiblePct: maxPct,
    });
    assume('breakEvenGrant.maxPlausiblePct', maxPct, sourceText(simulationJson.maxPlausibleGrantPct));
    output.incumbent = {
      pv: dropP95(incSummary),
      cashPv: money(inc.cashPv),
      equityPvMean: money(inc.expected.equity),
      unvestedAtHorizonFraction: fine(inc.expected.unvestedAtHorizon),
      preset: offer.preset ?? null,
    };
    output.pStartupBeatsIncumbent = prob(comparison.pStartupBeatsIncumbent);
    output.comparison = {
      meanDifference: money(comparison.meanDifference),
      medianDifference: money(comparison.medianDifference),
      histogram: { edges: hStartup.edges, startup: hStartup.counts, incumbent: hIncumbent.counts, below: [hStartup.below, hIncumbent.below], above: [hStartup.above, hIncumbent.above] },
    };
    output.breakEvenGrant = { shares: be.shares, fullyDilutedPct: be.fullyDilutedPct === null ? null : fine(be.fullyDilutedPct), reachable: be.reachable };
    output.valueByYear = output.valueByYear.map((row, y) => ({
      ...row,
      incumbentCash: money(inc.expected.byYear[y]?.cash ?? 0),
      incumbentEquity: money(inc.expected.byYear[y]?.equity ?? 0),
    }));
  }

  // findings
  const findings: Finding[] = [];
  const push = (f: Finding | null): void => {
    if (f) findings.push(f);
  };
  push(checkBelowThreshold({ base: startup.base, currency }, threshold));
  push(checkBelowStageBand({ base: startup.base, stage: startup.company.stage, currency }, options.bands));
  push(checkEquityStatement({ shares: startup.grant.shares, fullyDilutedShares: startup.company.fullyDilutedShares, statedPercent: startup.grant.statedPercent }));
  if (input.budget) {
    const b = input.budget;
    const offerCash = b.includesThisOffer ? 0 : startup.base + (startup.bonusTarget ?? 0);
    const share: BudgetShare = budgetShare(
      {
        aiTeamAnnualCash: b.aiTeamAnnualCash,
        plannedHiresAnnualCash: (b.plannedHiresAnnualCash ?? 0) + offerCash,
        budget: { annualBudget: b.annualBudget, raise: b.raise, runwayYears: b.runwayYears, annualBurn: b.annualBurn },
      },
      options.budgetThresholds ?? BUDGET_SHARE_THRESHOLDS,
    );
    output.budgetShare = { share: fine(share.share), annualCash: money(share.annualCash), annualBudget: money(share.annualBudget), severity: share.severity };
    push(checkBudgetShare(share, currency));
  }
  if (kind !== 'RSU' && strike > preferredPrice) {
    findings.push({
      rule: 'comp.strike-above-preferred',
      severity: 'warning',
      message: `The strike ${fine(strike)} is above the preferred price ${fine(preferredPrice)} (last post-money / fully diluted): the grant is underwater at grant.`,
      fix: 'Check the strike and the fully diluted share count in the offer letter.',
      path: 'startup.grant.strike',
    });
  }
  if (threshold.exceedsCurrentTotalComp) {
    findings.push({
      rule: 'comp.threshold-above-current-pay',
      severity: 'info',
      message: `The candidate's obligations put the threshold (${formatAmount(threshold.amount)} ${currency}) above their current total comp (${formatAmount(threshold.currentTotalComp)} ${currency}).`,
      fix: 'Check the obligations and tax rate entered for the candidate.',
      path: 'candidate.annualObligations',
    });
  }
  if (output.breakEvenGrant && !output.breakEvenGrant.reachable) {
    findings.push({
      rule: 'comp.break-even-unreachable',
      severity: 'info',
      message:
        output.breakEvenGrant.fullyDilutedPct === null
          ? 'The grant has no positive expected value in this model, so no grant size closes the gap to the incumbent.'
          : `Matching the incumbent in expectation needs ${formatPercent(output.breakEvenGrant.fullyDilutedPct)} of the fully diluted shares, above the ${formatPercent(SIMULATION_DEFAULTS.maxPlausibleGrantPct)} plausible for a non-founder.`,
      fix: 'Close the gap with base, a shorter cliff or milestone acceleration rather than equity alone.',
      path: 'startup.grant.shares',
    });
  }
  output.findings = findings;
  return ordered(output);
}

const OUTPUT_ORDER: readonly (keyof OfferEvaluation)[] = [
  'currency', 'threshold', 'startup', 'incumbent', 'pStartupBeatsIncumbent', 'comparison', 'breakEvenGrant', 'ownership',
  'valueByYear', 'scenarioTable', 'budgetShare', 'findings', 'assumptions', 'simulation',
];

/** Same keys in a fixed, readable order (contract fields first). */
function ordered(o: OfferEvaluation): OfferEvaluation {
  const out: Record<string, unknown> = {};
  for (const key of OUTPUT_ORDER) if (o[key] !== undefined) out[key] = o[key];
  return out as OfferEvaluation;
}

/** Result form of evaluateOffer. */
export function safeEvaluateOffer(input: unknown, options?: EvaluateOfferOptions): Result<OfferEvaluation> {
  return toResult(() => evaluateOffer(input, options));
}

function dropP95<T extends { p95: number }>(p: T): Omit<T, 'p95'> {
  const { p95: _omit, ...rest } = p;
  return rest;
}

function roundHistogram(h: { edges: number[]; counts: number[]; below: number; above: number }): { edges: number[]; counts: number[]; below: number; above: number } {
  return { edges: h.edges.map(money), counts: h.counts, below: h.below, above: h.above };
}

function roundScenario(t: ReturnType<typeof scenarioTable>): Omit<OfferEvaluation['scenarioTable'], 'note'> {
  return {
    exitValues: t.exitValues.map(money),
    stages: t.stages.map((s) => ({ stage: s.stage, fullyDilutedPct: fine(s.fullyDilutedPct), preferenceTotal: money(s.preferenceTotal) })),
    values: t.values.map((row) => row.map(money)),
  };
}
