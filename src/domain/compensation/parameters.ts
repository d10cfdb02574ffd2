import modelJson from '../../../data/compensation/model-parameters.json' with { type: 'json' };
import ratesJson from '../../../data/compensation/rates.json' with { type: 'json' };
import { checkParameter, fail, isFiniteNumber } from './checks.js';

/** Model stages of the funnel, in order; `series-e` is terminal (cannot raise). */
export const MODEL_STAGES = ['seed', 'series-a', 'series-b', 'series-c', 'series-d', 'series-e'] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];

/** Company stages the product uses (docs/api-foundation.md) plus the later model stages. */
export const COMPANY_STAGES = ['preseed', 'seed', 'seed-tier1', 'series-a', 'series-b', 'series-c', 'series-d', 'series-e', 'growth'] as const;
export type CompanyStage = (typeof COMPANY_STAGES)[number];

export const MODEL_PRESETS = ['default', 'carta-2018-cohort', 'venturesource-woodward'] as const;
export type ModelPreset = (typeof MODEL_PRESETS)[number];

export interface LogNormalParameters {
  mu: number;
  sigma: number;
}

/** Parameters of the stage-funnel Monte Carlo (compensation-model.md 4.2.3); arrays are indexed by model stage. */
export interface ModelParameters {
  pNext: readonly number[];
  qAcq: readonly number[];
  qIpo: readonly number[];
  dilutionMedian: readonly number[];
  dilutionBetaK: number;
  dilutionClamp: readonly [number, number];
  stepUpMedian: readonly number[];
  stepUpSigma: readonly number[];
  gapMedianYears: readonly number[];
  gapSigma: number;
  mnaLogMultiple: LogNormalParameters;
  ipoLogMultiple: LogNormalParameters;
  strikeRatio: readonly number[];
  poolTopUp: number;
  preferenceMultiple: number;
  participating: boolean;
}

export type ModelParameterName = keyof ModelParameters;

export const MODEL_PARAMETER_NAMES: readonly ModelParameterName[] = [
  'pNext', 'qAcq', 'qIpo', 'dilutionMedian', 'dilutionBetaK', 'dilutionClamp', 'stepUpMedian', 'stepUpSigma',
  'gapMedianYears', 'gapSigma', 'mnaLogMultiple', 'ipoLogMultiple', 'strikeRatio', 'poolTopUp', 'preferenceMultiple', 'participating',
];

export interface Assumption {
  name: string;
  value: number | string | boolean | number[] | Record<string, number>;
  source: string;
}

export interface Rates {
  rCash: number;
  rEquity: number;
  raisePerYear: number;
  equityTaxRate: number;
}

type ParameterEntry = { value: unknown; source: string; note?: string };
const modelData = modelJson as unknown as Record<string, ParameterEntry> & {
  presets: Record<ModelPreset, { label: string; source: string; overrides: Record<string, ParameterEntry> }>;
  companyStages: { value: Record<CompanyStage, ModelStage>; source: string; note?: string };
};

/** Default discount rates, raises and tax (data/compensation/rates.json). */
export const DEFAULT_RATES: Rates = {
  rCash: ratesJson.rCash.value,
  rEquity: ratesJson.rEquity.value,
  raisePerYear: ratesJson.raisePerYear.value,
  equityTaxRate: ratesJson.equityTaxRate.value,
};

export const RATE_SOURCES: Record<keyof Rates, string> = {
  rCash: sourceText(ratesJson.rCash),
  rEquity: sourceText(ratesJson.rEquity),
  raisePerYear: sourceText(ratesJson.raisePerYear),
  equityTaxRate: sourceText(ratesJson.equityTaxRate),
};

export function sourceText(entry: { source: string; note?: string }): string {
  return entry.note ? `${entry.source} (${entry.note})` : entry.source;
}

/** Index (0 = seed ... 5 = series-e) of a model stage. */
function modelStageIndex(stage: ModelStage): number {
  const i = MODEL_STAGES.indexOf(stage);
  if (i < 0) fail('STAGE_INVALID', 'stage', `unknown model stage ${String(stage)}`);
  return i;
}

/** The model stage a company stage is simulated as, and whether a pre-seed SAFE converts first. */
export function modelStageOf(stage: CompanyStage): { stage: ModelStage; index: number; safeConversion: boolean } {
  const mapped = modelData.companyStages.value[stage];
  if (!mapped) fail('STAGE_INVALID', 'stage', `unknown stage ${String(stage)}; use one of ${COMPANY_STAGES.join(', ')}`);
  return { stage: mapped, index: modelStageIndex(mapped), safeConversion: stage === 'preseed' };
}

export const COMPANY_STAGE_MAPPING_SOURCE = sourceText(modelData.companyStages);

function entriesFor(preset: ModelPreset): Record<ModelParameterName, ParameterEntry> {
  const presetData = modelData.presets[preset];
  if (!presetData) fail('PARAMETER_INVALID', 'preset', `unknown model preset ${String(preset)}; use one of ${MODEL_PRESETS.join(', ')}`);
  const out = {} as Record<ModelParameterName, ParameterEntry>;
  for (const name of MODEL_PARAMETER_NAMES) out[name] = presetData.overrides[name] ?? modelData[name];
  return out;
}

/** The named presets of 4.2.3 with their labels and sources. */
export function listModelPresets(): { id: ModelPreset; label: string; source: string }[] {
  return MODEL_PRESETS.map((id) => ({ id, label: modelData.presets[id].label, source: modelData.presets[id].source }));
}

/** Each parameter of a preset with its value and source, for the assumptions list shown to users. */
export function describeModelParameters(preset: ModelPreset = 'default', overrides: Partial<ModelParameters> = {}): Assumption[] {
  const entries = entriesFor(preset);
  return MODEL_PARAMETER_NAMES.map((name) => {
    const overridden = overrides[name] !== undefined;
    const raw = overridden ? overrides[name] : entries[name].value;
    const value = (Array.isArray(raw) ? [...raw] : typeof raw === 'object' && raw !== null ? { ...raw } : raw) as Assumption['value'];
    return { name: `model.${name}`, value, source: overridden ? 'company setting' : sourceText(entries[name]) };
  });
}

/** Parameters of a preset with optional overrides, validated (table 4.6); throws PARAMETER_INVALID with the parameter path. */
export function resolveModelParameters(preset: ModelPreset = 'default', overrides: Partial<ModelParameters> = {}): ModelParameters {
  const entries = entriesFor(preset);
  const base = {} as Record<ModelParameterName, unknown>;
  for (const name of MODEL_PARAMETER_NAMES) base[name] = entries[name].value;
  for (const key of Object.keys(overrides)) {
    if (!(MODEL_PARAMETER_NAMES as readonly string[]).includes(key)) fail('PARAMETER_INVALID', `parameters.${key}`, 'unknown model parameter');
    const value = (overrides as Record<string, unknown>)[key];
    if (value !== undefined) base[key as ModelParameterName] = value;
  }
  return validateModelParameters(base as unknown as ModelParameters);
}

function stageArray(value: unknown, field: string, check: (v: number) => boolean, rule: string): number[] {
  if (!Array.isArray(value) || value.length !== MODEL_STAGES.length) {
    fail('PARAMETER_INVALID', field, `must be an array of ${MODEL_STAGES.length} numbers (${MODEL_STAGES.join(', ')})`);
  }
  return value.map((v, i) => {
    if (!isFiniteNumber(v) || !check(v)) {
      fail(field.endsWith('pNext') || field.endsWith('qAcq') || field.endsWith('qIpo') ? 'PROBABILITY_OUT_OF_RANGE' : 'PARAMETER_INVALID', `${field}[${i}]`, rule);
    }
    return v;
  });
}

function logNormal(value: unknown, field: string): LogNormalParameters {
  const v = value as LogNormalParameters;
  checkParameter(typeof v === 'object' && v !== null, field, 'must be { mu, sigma }');
  checkParameter(isFiniteNumber(v.mu) && Math.abs(v.mu) <= 10, `${field}.mu`, 'must be a finite number in [-10, 10]');
  checkParameter(isFiniteNumber(v.sigma) && v.sigma >= 0 && v.sigma <= 3, `${field}.sigma`, 'must be in [0, 3]');
  return { mu: v.mu, sigma: v.sigma };
}

/** Validates a full parameter set (table 4.6 of compensation-model.md). */
export function validateModelParameters(p: ModelParameters): ModelParameters {
  const f = 'parameters';
  const probability = (v: number) => v >= 0 && v <= 1;
  const pNext = stageArray(p.pNext, `${f}.pNext`, probability, 'must be between 0 and 1');
  if (pNext[MODEL_STAGES.length - 1] !== 0) fail('PARAMETER_INVALID', `${f}.pNext[${MODEL_STAGES.length - 1}]`, 'series-e is terminal: pNext must be 0');
  const qAcq = stageArray(p.qAcq, `${f}.qAcq`, probability, 'must be between 0 and 1');
  const qIpo = stageArray(p.qIpo, `${f}.qIpo`, probability, 'must be between 0 and 1');
  qAcq.forEach((q, i) => {
    if (q + qIpo[i] > 1 + 1e-12) fail('PROBABILITY_OUT_OF_RANGE', `${f}.qIpo[${i}]`, 'qAcq + qIpo must not exceed 1');
  });
  const dilutionMedian = stageArray(p.dilutionMedian, `${f}.dilutionMedian`, (v) => v > 0 && v <= 0.6, 'must be in (0, 0.6]');
  checkParameter(isFiniteNumber(p.dilutionBetaK) && p.dilutionBetaK > 2 && p.dilutionBetaK <= 1e6, `${f}.dilutionBetaK`, 'must be above 2');
  const clamp = p.dilutionClamp;
  checkParameter(
    Array.isArray(clamp) && clamp.length === 2 && isFiniteNumber(clamp[0]) && isFiniteNumber(clamp[1]) && clamp[0] > 0 && clamp[0] < clamp[1] && clamp[1] < 1,
    `${f}.dilutionClamp`,
    'must be [low, high] with 0 < low < high < 1',
  );
  const stepUpMedian = stageArray(p.stepUpMedian, `${f}.stepUpMedian`, (v) => v > 0 && v <= 1000, 'must be above 0');
  const stepUpSigma = stageArray(p.stepUpSigma, `${f}.stepUpSigma`, (v) => v >= 0 && v <= 3, 'must be in [0, 3]');
  const gapMedianYears = stageArray(p.gapMedianYears, `${f}.gapMedianYears`, (v) => v > 0 && v <= 30, 'must be above 0 and at most 30 years');
  checkParameter(isFiniteNumber(p.gapSigma) && p.gapSigma >= 0 && p.gapSigma <= 3, `${f}.gapSigma`, 'must be in [0, 3]');
  const strikeRatio = stageArray(p.strikeRatio, `${f}.strikeRatio`, (v) => v >= 0 && v <= 10, 'must be in [0, 10]');
  checkParameter(isFiniteNumber(p.poolTopUp) && p.poolTopUp >= 0 && p.poolTopUp < 0.6, `${f}.poolTopUp`, 'must be in [0, 0.6)');
  checkParameter(isFiniteNumber(p.preferenceMultiple) && p.preferenceMultiple >= 0 && p.preferenceMultiple <= 10, `${f}.preferenceMultiple`, 'must be in [0, 10]');
  checkParameter(typeof p.participating === 'boolean', `${f}.participating`, 'must be true or false');
  return {
    pNext,
    qAcq,
    qIpo,
    dilutionMedian,
    dilutionBetaK: p.dilutionBetaK,
    dilutionClamp: [clamp[0], clamp[1]],
    stepUpMedian,
    stepUpSigma,
    gapMedianYears,
    gapSigma: p.gapSigma,
    mnaLogMultiple: logNormal(p.mnaLogMultiple, `${f}.mnaLogMultiple`),
    ipoLogMultiple: logNormal(p.ipoLogMultiple, `${f}.ipoLogMultiple`),
    strikeRatio,
    poolTopUp: p.poolTopUp,
    preferenceMultiple: p.preferenceMultiple,
    participating: p.participating,
  };
}
