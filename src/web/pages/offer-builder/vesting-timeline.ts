import { listVestingPresets, normalizeVesting, vestingEvents } from '../../../domain/compensation/vesting.js';
import type { VestingPresetId } from '../../../domain/compensation/vesting.js';

export interface VestingYear {
  year: number;
  /** shares vesting during this year */
  shares: number;
  /** shares vested by the end of this year */
  cumulativeShares: number;
  /** percent of the grant vested by the end of this year */
  cumulativePct: number;
}

export interface VestingTimeline {
  label: string;
  cliffMonths: number;
  /** share count of the first vest (at the cliff, or the first period without one) */
  firstVestShares: number;
  firstVestMonths: number;
  years: VestingYear[];
}

/**
 * The candidate-facing vesting timeline of a grant on a preset schedule: shares vested year by year.
 * Share counts are floored (a share does not split) except the last year, which completes the grant.
 * @example vestingTimeline('standard-4y-1y-cliff-monthly', 48_000).years[0].cumulativeShares === 12_000
 */
export function vestingTimeline(presetId: string, shares: number): VestingTimeline {
  const preset = listVestingPresets().find((p) => p.id === presetId);
  const schedule = normalizeVesting({ preset: presetId as VestingPresetId });
  const events = vestingEvents(schedule);
  const years: VestingYear[] = [];
  const totalYears = Math.ceil(schedule.totalYears - 1e-9);
  let cumulativeFraction = 0;
  let eventIndex = 0;
  let previousShares = 0;
  for (let year = 1; year <= totalYears; year++) {
    while (eventIndex < events.times.length && events.times[eventIndex] <= year + 1e-9) {
      cumulativeFraction += events.fractions[eventIndex];
      eventIndex += 1;
    }
    const cumulativeShares = year === totalYears ? shares : Math.floor(shares * Math.min(1, cumulativeFraction) + 1e-6);
    years.push({ year, shares: cumulativeShares - previousShares, cumulativeShares, cumulativePct: (cumulativeShares / shares) * 100 });
    previousShares = cumulativeShares;
  }
  const firstIndex = events.fractions.findIndex((f) => f > 0);
  return {
    label: preset?.label ?? presetId,
    cliffMonths: Math.round(schedule.cliffYears * 12),
    firstVestMonths: firstIndex >= 0 ? Math.round(events.times[firstIndex] * 12) : 0,
    firstVestShares: firstIndex >= 0 ? Math.floor(shares * events.fractions[firstIndex] + 1e-6) : 0,
    years,
  };
}
