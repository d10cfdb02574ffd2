import simulationJson from '../../../data/compensation/simulation-defaults.json' with { type: 'json' };
import vestingPresetsJson from '../../../data/compensation/vesting-presets.json' with { type: 'json' };
import { fail, isFiniteNumber } from './checks.js';

/** Vesting schedules (compensation-model.md 4.2.2): cliff, periods, year weights, milestone tranches, acceleration. */

export type AccelerationKind = 'none' | 'single' | 'double';

export interface Milestone {
  /** share of the grant in this tranche */
  fraction: number;
  /** probability the milestone is reached */
  probability: number;
  /** vests at this time if the employee is still there */
  byYears: number;
}

export interface Acceleration {
  kind: AccelerationKind;
  /** share of the unvested part that vests at a change of control */
  fraction: number;
  /** double trigger: probability of termination after the change of control (default 0, data/compensation/simulation-defaults.json) */
  pTerminationAfterCoC?: number;
}

export interface VestingSpec {
  totalYears: number;
  cliffYears: number;
  /** one period for the whole schedule (1/12 monthly, 0.25 quarterly, 1 annual) or one per year */
  periodYears: number | readonly number[];
  /** share of the grant per year; default equal; must sum to 1 */
  yearWeights?: readonly number[];
  milestones?: readonly Milestone[];
  acceleration?: Acceleration;
}

export const VESTING_PRESETS = Object.keys(vestingPresetsJson.presets) as VestingPresetId[];
export type VestingPresetId = keyof typeof vestingPresetsJson.presets;

/** A schedule given by name, optionally with milestones or acceleration on top. */
export interface VestingPresetRef {
  preset: VestingPresetId;
  milestones?: readonly Milestone[];
  acceleration?: Acceleration;
}

export type VestingInput = VestingSpec | VestingPresetRef;

/** A validated schedule with precomputed cumulative weights. */
export interface VestingSchedule {
  totalYears: number;
  cliffYears: number;
  /** the single period when the schedule has one, else null */
  uniformPeriod: number | null;
  yearPeriods: number[];
  yearWeights: number[];
  yearLengths: number[];
  /** cumulative[y] = weight of the years before year y */
  cumulative: number[];
  /** share of the grant that vests by time (1 - sum of milestone fractions) */
  timeShare: number;
  milestones: Milestone[];
  acceleration: Required<Acceleration>;
  preset?: VestingPresetId;
}

const EPS = 1e-9;

/** The schedule of a named preset (data/compensation/vesting-presets.json). */
export function getVestingPreset(id: VestingPresetId): VestingSpec {
  const preset = (vestingPresetsJson.presets as Record<string, { schedule: VestingSpec }>)[id];
  if (!preset) fail('VESTING_INVALID', 'vesting.preset', `unknown vesting preset ${String(id)}; use one of ${VESTING_PRESETS.join(', ')}`);
  return preset.schedule;
}

/** Named vesting presets with labels and sources. */
export function listVestingPresets(): { id: VestingPresetId; label: string; source: string; schedule: VestingSpec }[] {
  return VESTING_PRESETS.map((id) => {
    const p = (vestingPresetsJson.presets as Record<string, { label: string; source: string; schedule: VestingSpec }>)[id];
    return { id, label: p.label, source: p.source, schedule: p.schedule };
  });
}

/** A period entered as a decimal (1/12 arrives as 0.0833...) snapped to an exact fraction of a year when within 1%. */
export function snapPeriod(period: number): number {
  if (period < 1) {
    const n = Math.round(1 / period);
    if (n >= 1 && Math.abs(1 / period - n) <= 0.01 * n) return 1 / n;
    return period;
  }
  const n = Math.round(period);
  return Math.abs(period - n) <= 0.01 * n ? n : period;
}

function isPresetRef(input: VestingInput): input is VestingPresetRef {
  return typeof (input as VestingPresetRef).preset === 'string';
}

/** Validates a schedule (table 4.6) and precomputes it; throws VESTING_INVALID / PROBABILITY_OUT_OF_RANGE with the field path. */
export function normalizeVesting(input: VestingInput, field = 'vesting'): VestingSchedule {
  if (typeof input !== 'object' || input === null) fail('VESTING_INVALID', field, 'must be a vesting schedule or { preset }');
  let spec: VestingSpec;
  let preset: VestingPresetId | undefined;
  if (isPresetRef(input)) {
    for (const key of ['totalYears', 'cliffYears', 'periodYears', 'yearWeights']) {
      if ((input as unknown as Record<string, unknown>)[key] !== undefined) fail('VESTING_INVALID', `${field}.${key}`, 'cannot be combined with a preset');
    }
    preset = input.preset;
    spec = { ...getVestingPreset(input.preset), milestones: input.milestones, acceleration: input.acceleration };
  } else {
    spec = input;
  }
  const { totalYears, cliffYears, periodYears } = spec;
  if (!isFiniteNumber(totalYears) || totalYears <= 0 || totalYears > 30) fail('VESTING_INVALID', `${field}.totalYears`, 'must be above 0 and at most 30');
  if (!isFiniteNumber(cliffYears) || cliffYears < 0 || cliffYears > totalYears + EPS) fail('VESTING_INVALID', `${field}.cliffYears`, 'must be between 0 and totalYears');
  const years = Math.ceil(totalYears - EPS);
  const yearLengths: number[] = [];
  for (let y = 0; y < years; y++) yearLengths.push(Math.min(1, totalYears - y));

  let uniformPeriod: number | null = null;
  const yearPeriods: number[] = [];
  if (typeof periodYears === 'number') {
    if (!isFiniteNumber(periodYears) || periodYears <= 0 || periodYears > totalYears + EPS) fail('VESTING_INVALID', `${field}.periodYears`, 'must be above 0 and at most totalYears');
    uniformPeriod = snapPeriod(periodYears);
    for (let y = 0; y < years; y++) yearPeriods.push(Math.min(uniformPeriod, yearLengths[y]));
  } else if (Array.isArray(periodYears)) {
    if (periodYears.length !== years) fail('VESTING_INVALID', `${field}.periodYears`, `needs one period per year (${years})`);
    periodYears.forEach((p, y) => {
      if (!isFiniteNumber(p) || p <= 0 || p > yearLengths[y] + EPS) fail('VESTING_INVALID', `${field}.periodYears[${y}]`, 'must be above 0 and at most the length of the year');
      yearPeriods.push(snapPeriod(p));
    });
  } else {
    fail('VESTING_INVALID', `${field}.periodYears`, 'must be a number of years or one number per year');
  }

  let yearWeights: number[];
  if (spec.yearWeights === undefined) {
    yearWeights = yearLengths.map((len) => len / totalYears);
  } else {
    if (!Array.isArray(spec.yearWeights) || spec.yearWeights.length !== years) fail('VESTING_INVALID', `${field}.yearWeights`, `needs ceil(totalYears) = ${years} weights`);
    let sum = 0;
    spec.yearWeights.forEach((w, y) => {
      if (!isFiniteNumber(w) || w < 0) fail('VESTING_INVALID', `${field}.yearWeights[${y}]`, 'must be a non-negative number');
      sum += w;
    });
    if (Math.abs(sum - 1) > 1e-9) fail('VESTING_INVALID', `${field}.yearWeights`, `must sum to 1 (sum is ${sum})`);
    yearWeights = [...spec.yearWeights];
  }
  const cumulative = [0];
  for (let y = 0; y < years; y++) cumulative.push(cumulative[y] + yearWeights[y]);

  const milestones: Milestone[] = [];
  let milestoneTotal = 0;
  (spec.milestones ?? []).forEach((m, i) => {
    const f = `${field}.milestones[${i}]`;
    if (!isFiniteNumber(m.fraction) || m.fraction < 0 || m.fraction > 1) fail('VESTING_INVALID', `${f}.fraction`, 'must be between 0 and 1');
    if (!isFiniteNumber(m.probability) || m.probability < 0 || m.probability > 1) fail('PROBABILITY_OUT_OF_RANGE', `${f}.probability`, 'must be between 0 and 1');
    if (!isFiniteNumber(m.byYears) || m.byYears <= 0 || m.byYears > 30) fail('VESTING_INVALID', `${f}.byYears`, 'must be above 0 and at most 30');
    milestoneTotal += m.fraction;
    milestones.push({ fraction: m.fraction, probability: m.probability, byYears: m.byYears });
  });
  if (milestoneTotal > 1 + 1e-9) fail('VESTING_INVALID', `${field}.milestones`, 'milestone fractions must not sum above 1');

  const acc = spec.acceleration ?? { kind: 'none' as const, fraction: 0 };
  if (!['none', 'single', 'double'].includes(acc.kind)) fail('VESTING_INVALID', `${field}.acceleration.kind`, 'must be none, single or double');
  if (!isFiniteNumber(acc.fraction) || acc.fraction < 0 || acc.fraction > 1) fail('VESTING_INVALID', `${field}.acceleration.fraction`, 'must be between 0 and 1');
  const pTerm = acc.pTerminationAfterCoC ?? simulationJson.pTerminationAfterCoC.value;
  if (!isFiniteNumber(pTerm) || pTerm < 0 || pTerm > 1) fail('PROBABILITY_OUT_OF_RANGE', `${field}.acceleration.pTerminationAfterCoC`, 'must be between 0 and 1');

  return {
    totalYears,
    cliffYears,
    uniformPeriod,
    yearPeriods,
    yearWeights,
    yearLengths,
    cumulative,
    timeShare: Math.max(0, 1 - milestoneTotal),
    milestones,
    acceleration: { kind: acc.kind, fraction: acc.fraction, pTerminationAfterCoC: pTerm },
    ...(preset ? { preset } : {}),
  };
}

function weightAt(s: VestingSchedule, x: number): number {
  const years = s.yearWeights.length;
  let y = Math.floor(x + EPS);
  if (y >= years) return 1;
  if (y < 0) y = 0;
  let frac = (x - y) / s.yearLengths[y];
  if (frac < 0) frac = 0;
  else if (frac > 1) frac = 1;
  return s.cumulative[y] + s.yearWeights[y] * frac;
}

/** Time-based vested share of the time-based part (0..1) at time t, before milestone scaling. */
export function timeVestedFraction(s: VestingSchedule, t: number): number {
  if (t >= s.totalYears - EPS) return 1;
  if (t < s.cliffYears - EPS) return 0;
  let tau: number;
  if (s.uniformPeriod !== null) {
    const p = s.uniformPeriod;
    tau = p * Math.floor(t / p + EPS);
  } else {
    const y = Math.floor(t + EPS);
    if (y >= s.yearPeriods.length) return 1;
    const p = s.yearPeriods[y];
    tau = y + Math.min(s.yearLengths[y], p * Math.floor((t - y) / p + EPS));
  }
  return weightAt(s, tau);
}

/**
 * Vested share of a grant at time t (years from grant): the time-based part scaled to 1 - sum of
 * milestone fractions, plus the milestones listed as achieved whose date has passed.
 * Example: vestedFraction({ totalYears: 4, cliffYears: 1, periodYears: 1 / 12 }, 1.5) === 0.375
 */
export function vestedFraction(input: VestingInput | VestingSchedule, t: number, options: { milestonesAchieved?: readonly boolean[] } = {}): number {
  if (!isFiniteNumber(t) || t < 0) fail('VESTING_INVALID', 't', 'time must be a finite, non-negative number of years');
  const s = 'cumulative' in input ? input : normalizeVesting(input);
  let v = s.timeShare * timeVestedFraction(s, t);
  s.milestones.forEach((m, i) => {
    if (options.milestonesAchieved?.[i] && t >= m.byYears - EPS) v += m.fraction;
  });
  return Math.min(1, v);
}

/** Vest dates up to `untilYears` with the share of the grant vesting at each (time-based part only). */
export function vestingEvents(s: VestingSchedule, untilYears = s.totalYears): { times: number[]; fractions: number[] } {
  const candidates: number[] = [s.cliffYears, s.totalYears];
  for (let y = 0; y < s.yearPeriods.length; y++) {
    const start = s.uniformPeriod !== null ? 0 : y;
    const p = s.uniformPeriod ?? s.yearPeriods[y];
    const end = s.uniformPeriod !== null ? s.totalYears : y + s.yearLengths[y];
    for (let k = 1; start + k * p <= end + EPS; k++) candidates.push(Math.min(end, start + k * p));
    if (s.uniformPeriod !== null) break;
  }
  candidates.sort((a, b) => a - b);
  const times: number[] = [];
  const fractions: number[] = [];
  let previous = 0;
  let last = -1;
  for (const t of candidates) {
    if (t <= 0 || t > untilYears + EPS || Math.abs(t - last) < EPS) continue;
    last = t;
    const v = s.timeShare * timeVestedFraction(s, t);
    if (v - previous > 1e-12) {
      times.push(t);
      fractions.push(v - previous);
      previous = v;
    }
  }
  return { times, fractions };
}
