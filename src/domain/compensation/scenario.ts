import { fail, isFiniteNumber } from './checks.js';
import type { InitialCapTable } from './dilution.js';
import { MODEL_STAGES } from './parameters.js';
import type { ModelParameters } from './parameters.js';
import { distributeExit } from './waterfall.js';

/**
 * Deterministic scenario table (compensation-model.md 4.2.7): what the fully vested grant is worth
 * at a set of exit values, if the exit happens now or after each later round at median dilution
 * and median step-up. Gross, undiscounted, before tax: the Holloway/Bussgang view.
 */

export interface ScenarioTable {
  exitValues: number[];
  stages: { stage: string; fullyDilutedPct: number; preferenceTotal: number }[];
  /** values[i][j]: grant value at exitValues[i] after stages[j] */
  values: number[][];
}

export function scenarioTable(input: {
  capTable: InitialCapTable;
  stageIndex: number;
  stageLabel: string;
  lastPostMoney: number;
  grantShares: number;
  strike: number;
  params: ModelParameters;
  exitMultiples: readonly number[];
}): ScenarioTable {
  const { params } = input;
  if (!input.exitMultiples.every((m) => isFiniteNumber(m) && m >= 0)) fail('PARAMETER_INVALID', 'scenarioExitMultiples', 'must be non-negative numbers');
  const exitValues = input.exitMultiples.map((m) => m * input.lastPostMoney);
  const series = input.capTable.series.map((s) => ({ preference: s.preference, shares: s.shares, participating: s.participating }));
  let fd = input.capTable.fullyDilutedShares;
  let value = input.lastPostMoney;
  const stages: ScenarioTable['stages'] = [];
  const columns: number[][] = [];
  for (let s = input.stageIndex; s < MODEL_STAGES.length; s++) {
    if (s > input.stageIndex) {
      value *= params.stepUpMedian[s - 1];
      const d = params.dilutionMedian[s];
      const issued = (fd * d) / (1 - d);
      series.push({ preference: value * d * params.preferenceMultiple, shares: issued, participating: params.participating });
      fd += issued;
      if (params.poolTopUp > 0) fd += (fd * params.poolTopUp) / (1 - params.poolTopUp);
    }
    const preferred = series.reduce((a, x) => a + x.shares, 0);
    const cap = { commonShares: fd - preferred, series };
    columns.push(exitValues.map((e) => input.grantShares * Math.max(0, distributeExit(e, cap).commonPrice - input.strike)));
    stages.push({
      stage: s === input.stageIndex ? input.stageLabel : MODEL_STAGES[s],
      fullyDilutedPct: (100 * input.grantShares) / fd,
      preferenceTotal: series.reduce((a, x) => a + x.preference, 0),
    });
  }
  const values = exitValues.map((_, i) => columns.map((col) => col[i]));
  return { exitValues, stages, values };
}
