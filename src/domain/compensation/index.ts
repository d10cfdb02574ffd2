/**
 * Public API of the compensation engine (compensation.md, compensation-model.md). Pure: no I/O,
 * no clock, only seeded randomness; runs in Node and in a browser Web Worker.
 */

// top level: the API/CLI contract
export {
  evaluateOffer,
  safeEvaluateOffer,
  parseOfferEvaluateInput,
  safeParseOfferEvaluateInput,
  SIMULATION_DEFAULTS,
} from './evaluate-offer.js';
export type { EvaluateOfferOptions } from './evaluate-offer.js';
export {
  OfferEvaluateInput,
  OfferEvaluation,
  CandidateInput,
  StartupInput,
  IncumbentInput,
  SimulationInput,
  BudgetInput,
  VestingInputSchema,
  RsuScheduleSchema,
  formatPath,
  validationErrorFromZod,
} from './schema.js';

// (a) threshold
export { computeCashThreshold, defaultFailureProbability, THRESHOLD_DEFAULTS, LOSS_TOLERANCE_CALIBRATION } from './threshold.js';
export type { CashThresholdInput, CashThreshold, ThresholdBinding } from './threshold.js';
export { parseCashThresholdInput, safeParseCashThresholdInput, parseVesting, safeParseVesting, parseIncumbentOffer, safeParseIncumbentOffer, parseBudgetShareInput, safeParseBudgetShareInput } from './parsers.js';

// model parameters and the analytic funnel
export {
  MODEL_STAGES,
  COMPANY_STAGES,
  MODEL_PRESETS,
  DEFAULT_RATES,
  resolveModelParameters,
  validateModelParameters,
  describeModelParameters,
  listModelPresets,
  modelStageOf,
} from './parameters.js';
export type { ModelStage, CompanyStage, ModelPreset, ModelParameters, LogNormalParameters, Rates, Assumption } from './parameters.js';
export { funnelOutcomes, lifetimeFailureProbability, rescaleFailureProbability, withShutdownShift } from './funnel.js';
export type { FunnelOutcomes } from './funnel.js';

// vesting
export { vestedFraction, normalizeVesting, timeVestedFraction, vestingEvents, getVestingPreset, listVestingPresets, snapPeriod, VESTING_PRESETS } from './vesting.js';
export type { VestingSpec, VestingInput, VestingPresetRef, VestingPresetId, VestingSchedule, Milestone, Acceleration, AccelerationKind } from './vesting.js';

// waterfall, dilution, scenario table
export { commonPricePerShare, distributeExit } from './waterfall.js';
export type { CapTable, PreferredClass, ExitDistribution } from './waterfall.js';
export {
  ownershipAfter,
  ownershipAfterRound,
  sharesIssued,
  postMoney,
  investorFraction,
  ownershipThroughRounds,
  buildInitialCapTable,
} from './dilution.js';
export type { OwnershipStep, PreferredRoundInput, InitialCapTable, StackSeries } from './dilution.js';
export { scenarioTable } from './scenario.js';
export type { ScenarioTable } from './scenario.js';

// Monte Carlo engines and the comparison
export { simulateStartupEquity, OUTCOME_SHUTDOWN, OUTCOME_ACQUISITION, OUTCOME_IPO } from './startup-simulation.js';
export type { StartupSimulationConfig, StartupSimulation, StartupSimulationStats, GrantKind, ExercisePolicy, EquityTail } from './startup-simulation.js';
export {
  simulateIncumbent,
  incumbentExpectedValue,
  normalizeIncumbentOffer,
  getIncumbentPreset,
  INCUMBENT_PRESETS,
  INCUMBENT_STOCK_DEFAULTS,
} from './incumbent.js';
export type { IncumbentOffer, NormalizedIncumbentOffer, IncumbentPresetId, IncumbentSimulation, IncumbentSimulationConfig, IncumbentExpectation, IncumbentYear } from './incumbent.js';
export { startupCashPv, simulateStartupCash, compareOffers, breakEvenGrant } from './comparison.js';
export type { StartupCashTerms, StartupCashSimulation, OfferComparison, BreakEvenGrant } from './comparison.js';
export { Random, streamSeed } from './random.js';
export { summarize, quantileSorted, sortedCopy, histogram } from './statistics.js';
export type { DistributionSummary, Percentiles, Histogram } from './statistics.js';

// bands, budget share, findings
export { getStageBand, listStageBands, budgetShare, DEFAULT_STAGE_BANDS, BAND_REFERENCES, BUDGET_SHARE_THRESHOLDS } from './bands.js';
export type { StageBand, BandReference, Range, BudgetShareInput, BudgetShare, BudgetSeverity } from './bands.js';
export { checkBelowStageBand, checkBelowThreshold, checkEquityStatement, checkBudgetShare } from './findings.js';
export type { Finding, Severity } from './findings.js';
